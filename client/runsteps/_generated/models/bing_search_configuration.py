from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    Model,
    PayloadError,
    extra_key,
    json_type_name,
)

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "connection_id",
        "instance_name",
        "market",
        "set_lang",
        "count",
        "freshness",
    )
)


@_attrs_define
class BingSearchConfiguration(Model[Any]):
    """BingSearchConfiguration

    Attributes:
        connection_id (str | None):
        instance_name (str | None): The custom search instance (`bing_custom_search` only).
        market (str | None):
        set_lang (str | None):
        count (int | None):
        freshness (str | None):
    """

    connection_id: str | None = None
    instance_name: str | None = None
    market: str | None = None
    set_lang: str | None = None
    count: int | None = None
    freshness: str | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        connection_id = self.connection_id
        if connection_id is not None:
            _d["connection_id"] = connection_id
        elif _n & 1:
            _d["connection_id"] = None
        instance_name = self.instance_name
        if instance_name is not None:
            _d["instance_name"] = instance_name
        elif _n & 2:
            _d["instance_name"] = None
        market = self.market
        if market is not None:
            _d["market"] = market
        elif _n & 4:
            _d["market"] = None
        set_lang = self.set_lang
        if set_lang is not None:
            _d["set_lang"] = set_lang
        elif _n & 8:
            _d["set_lang"] = None
        count = self.count
        if count is not None:
            _d["count"] = count
        elif _n & 16:
            _d["count"] = None
        freshness = self.freshness
        if freshness is not None:
            _d["freshness"] = freshness
        elif _n & 32:
            _d["freshness"] = None
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
        connection_id: str | None
        connection_id = src_dict.get("connection_id")
        if connection_id is None:
            if "connection_id" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        instance_name: str | None
        instance_name = src_dict.get("instance_name")
        if instance_name is None:
            if "instance_name" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        market: str | None
        market = src_dict.get("market")
        if market is None:
            if "market" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        set_lang: str | None
        set_lang = src_dict.get("set_lang")
        if set_lang is None:
            if "set_lang" in src_dict:
                _nulls |= 8
            else:
                _absent += 1
        count: int | None
        count = src_dict.get("count")
        if count is None:
            if "count" in src_dict:
                _nulls |= 16
            else:
                _absent += 1
        freshness: str | None
        freshness = src_dict.get("freshness")
        if freshness is None:
            if "freshness" in src_dict:
                _nulls |= 32
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 6 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is BingSearchConfiguration:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.connection_id = connection_id
            _self.instance_name = instance_name
            _self.market = market
            _self.set_lang = set_lang
            _self.count = count
            _self.freshness = freshness
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            connection_id,
            instance_name,
            market,
            set_lang,
            count,
            freshness,
            _nulls,
            _extra,
        )
