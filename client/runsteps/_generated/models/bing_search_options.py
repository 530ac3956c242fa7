from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    FIELD_FAILURES,
    Model,
    PayloadError,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.bing_search_configuration import BingSearchConfiguration

_new = object.__new__
_KEYS: frozenset[str] = frozenset(("search_configurations",))


@_attrs_define
class BingSearchOptions(Model[Any]):
    """BingSearchOptions

    Attributes:
        search_configurations (list[BingSearchConfiguration] | None):
    """

    search_configurations: list[BingSearchConfiguration] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        search_configurations = self.search_configurations
        if search_configurations is not None:
            _d["search_configurations"] = [_v0.to_dict() for _v0 in search_configurations]
        elif _n & 1:
            _d["search_configurations"] = None
        if self._extra:
            _d.update(self._extra)
        return _d

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model of a JSON object; a PayloadError naming the field when the object cannot be one."""
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        _nulls = 0
        # Declared fields not sent: with the length, it tells whether any key is undeclared (cheaper
        # than a set comparison, and most objects have none).
        _absent = 0
        # A field that can fail has a handler of its own: free until something fails, it names the field.
        search_configurations: list[BingSearchConfiguration] | None
        try:
            _raw = src_dict.get("search_configurations")
            if _raw is None:
                search_configurations = None
                if "search_configurations" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    search_configurations = _parse_list_of_BingSearchConfiguration(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "search_configurations")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 1 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is BingSearchOptions:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.search_configurations = search_configurations
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            search_configurations,
            _nulls,
            _extra,
        )


def _parse_list_of_BingSearchConfiguration(raw: list[Any]) -> list[BingSearchConfiguration]:
    items: list[BingSearchConfiguration] = []
    _value: BingSearchConfiguration
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__connection_id: str | None
            _value__connection_id = _item.get("connection_id")
            if _value__connection_id is None:
                if "connection_id" in _item:
                    _nulls2 |= 1
                else:
                    _absent2 += 1
            _value__instance_name: str | None
            _value__instance_name = _item.get("instance_name")
            if _value__instance_name is None:
                if "instance_name" in _item:
                    _nulls2 |= 2
                else:
                    _absent2 += 1
            _value__market: str | None
            _value__market = _item.get("market")
            if _value__market is None:
                if "market" in _item:
                    _nulls2 |= 4
                else:
                    _absent2 += 1
            _value__set_lang: str | None
            _value__set_lang = _item.get("set_lang")
            if _value__set_lang is None:
                if "set_lang" in _item:
                    _nulls2 |= 8
                else:
                    _absent2 += 1
            _value__count: int | None
            _value__count = _item.get("count")
            if _value__count is None:
                if "count" in _item:
                    _nulls2 |= 16
                else:
                    _absent2 += 1
            _value__freshness: str | None
            _value__freshness = _item.get("freshness")
            if _value__freshness is None:
                if "freshness" in _item:
                    _nulls2 |= 32
                else:
                    _absent2 += 1
            _extra2 = (
                None
                if len(_item) + _absent2 == 6
                else {
                    k: v
                    for k, v in _item.items()
                    if k not in {"connection_id", "instance_name", "market", "set_lang", "count", "freshness"}
                }
            )
            _value = _new(BingSearchConfiguration)
            _value.connection_id = _value__connection_id
            _value.instance_name = _value__instance_name
            _value.market = _value__market
            _value.set_lang = _value__set_lang
            _value.count = _value__count
            _value.freshness = _value__freshness
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
