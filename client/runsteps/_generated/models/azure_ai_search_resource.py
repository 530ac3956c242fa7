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
from ..models.azure_ai_search_index import AzureAISearchIndex

_new = object.__new__
_KEYS: frozenset[str] = frozenset(("indexes",))


@_attrs_define
class AzureAISearchResource(Model[Any]):
    """AzureAISearchResource

    Attributes:
        indexes (list[AzureAISearchIndex] | None):
    """

    indexes: list[AzureAISearchIndex] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        indexes = self.indexes
        if indexes is not None:
            _d["indexes"] = [_v0.to_dict() for _v0 in indexes]
        elif _n & 1:
            _d["indexes"] = None
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
        indexes: list[AzureAISearchIndex] | None
        try:
            _raw = src_dict.get("indexes")
            if _raw is None:
                indexes = None
                if "indexes" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    indexes = _parse_list_of_AzureAISearchIndex(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "indexes")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 1 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is AzureAISearchResource:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.indexes = indexes
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            indexes,
            _nulls,
            _extra,
        )


def _parse_list_of_AzureAISearchIndex(raw: list[Any]) -> list[AzureAISearchIndex]:
    items: list[AzureAISearchIndex] = []
    _value: AzureAISearchIndex
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__index_connection_id: str | None
            _value__index_connection_id = _item.get("index_connection_id")
            if _value__index_connection_id is None:
                if "index_connection_id" in _item:
                    _nulls2 |= 1
                else:
                    _absent2 += 1
            _value__index_name: str | None
            _value__index_name = _item.get("index_name")
            if _value__index_name is None:
                if "index_name" in _item:
                    _nulls2 |= 2
                else:
                    _absent2 += 1
            _value__query_type: str | None
            _value__query_type = _item.get("query_type")
            if _value__query_type is None:
                if "query_type" in _item:
                    _nulls2 |= 4
                else:
                    _absent2 += 1
            _value__top_k: int | None
            _value__top_k = _item.get("top_k")
            if _value__top_k is None:
                if "top_k" in _item:
                    _nulls2 |= 8
                else:
                    _absent2 += 1
            _value__filter_: str | None
            _value__filter_ = _item.get("filter")
            if _value__filter_ is None:
                if "filter" in _item:
                    _nulls2 |= 16
                else:
                    _absent2 += 1
            _value__index_asset_id: str | None
            _value__index_asset_id = _item.get("index_asset_id")
            if _value__index_asset_id is None:
                if "index_asset_id" in _item:
                    _nulls2 |= 32
                else:
                    _absent2 += 1
            _extra2 = (
                None
                if len(_item) + _absent2 == 6
                else {
                    k: v
                    for k, v in _item.items()
                    if k not in {"index_connection_id", "index_name", "query_type", "top_k", "filter", "index_asset_id"}
                }
            )
            _value = _new(AzureAISearchIndex)
            _value.index_connection_id = _value__index_connection_id
            _value.index_name = _value__index_name
            _value.query_type = _value__query_type
            _value.top_k = _value__top_k
            _value.filter = _value__filter_
            _value.index_asset_id = _value__index_asset_id
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
