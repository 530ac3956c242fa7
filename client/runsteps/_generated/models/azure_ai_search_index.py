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
        "index_connection_id",
        "index_name",
        "query_type",
        "top_k",
        "filter",
        "index_asset_id",
    )
)


@_attrs_define
class AzureAISearchIndex(Model[Any]):
    """AzureAISearchIndex

    Attributes:
        index_connection_id (str | None):
        index_name (str | None):
        query_type (str | None): `simple`, `semantic`, `vector`, `vector_simple_hybrid` or `vector_semantic_hybrid`.
        top_k (int | None):
        filter (str | None):
        index_asset_id (str | None):
    """

    index_connection_id: str | None = None
    index_name: str | None = None
    query_type: str | None = None
    top_k: int | None = None
    filter: str | None = None
    index_asset_id: str | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        index_connection_id = self.index_connection_id
        if index_connection_id is not None:
            _d["index_connection_id"] = index_connection_id
        elif _n & 1:
            _d["index_connection_id"] = None
        index_name = self.index_name
        if index_name is not None:
            _d["index_name"] = index_name
        elif _n & 2:
            _d["index_name"] = None
        query_type = self.query_type
        if query_type is not None:
            _d["query_type"] = query_type
        elif _n & 4:
            _d["query_type"] = None
        top_k = self.top_k
        if top_k is not None:
            _d["top_k"] = top_k
        elif _n & 8:
            _d["top_k"] = None
        filter_ = self.filter
        if filter_ is not None:
            _d["filter"] = filter_
        elif _n & 16:
            _d["filter"] = None
        index_asset_id = self.index_asset_id
        if index_asset_id is not None:
            _d["index_asset_id"] = index_asset_id
        elif _n & 32:
            _d["index_asset_id"] = None
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
        index_connection_id: str | None
        index_connection_id = src_dict.get("index_connection_id")
        if index_connection_id is None:
            if "index_connection_id" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        index_name: str | None
        index_name = src_dict.get("index_name")
        if index_name is None:
            if "index_name" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        query_type: str | None
        query_type = src_dict.get("query_type")
        if query_type is None:
            if "query_type" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        top_k: int | None
        top_k = src_dict.get("top_k")
        if top_k is None:
            if "top_k" in src_dict:
                _nulls |= 8
            else:
                _absent += 1
        filter_: str | None
        filter_ = src_dict.get("filter")
        if filter_ is None:
            if "filter" in src_dict:
                _nulls |= 16
            else:
                _absent += 1
        index_asset_id: str | None
        index_asset_id = src_dict.get("index_asset_id")
        if index_asset_id is None:
            if "index_asset_id" in src_dict:
                _nulls |= 32
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 6 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is AzureAISearchIndex:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.index_connection_id = index_connection_id
            _self.index_name = index_name
            _self.query_type = query_type
            _self.top_k = top_k
            _self.filter = filter_
            _self.index_asset_id = index_asset_id
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            index_connection_id,
            index_name,
            query_type,
            top_k,
            filter_,
            index_asset_id,
            _nulls,
            _extra,
        )
