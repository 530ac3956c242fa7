from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    FIELD_FAILURES,
    Deferred,
    Model,
    PayloadError,
    extra_key,
    field_error,
    json_type_name,
)

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "vector_store_ids",
        "vector_stores",
    )
)


@_attrs_define
class FileSearchResource(Model[Any]):
    """FileSearchResource

    Attributes:
        vector_store_ids (list[str] | None):
        vector_stores (list[VectorStoreConfigurations] | None):
    """

    vector_store_ids: list[str] | None = None
    vector_stores: list[VectorStoreConfigurations] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        vector_store_ids = self.vector_store_ids
        if vector_store_ids is not None:
            _d["vector_store_ids"] = list(vector_store_ids)
        elif _n & 1:
            _d["vector_store_ids"] = None
        vector_stores = self.vector_stores
        if vector_stores is not None:
            _d["vector_stores"] = [_v0.to_dict() for _v0 in vector_stores]
        elif _n & 2:
            _d["vector_stores"] = None
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
        vector_store_ids: list[str] | None
        try:
            _raw = src_dict.get("vector_store_ids")
            if _raw is None:
                vector_store_ids = None
                if "vector_store_ids" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    vector_store_ids = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "vector_store_ids")  # noqa: B904 (field_error chains it)
        vector_stores: list[VectorStoreConfigurations] | None
        try:
            _raw = src_dict.get("vector_stores")
            if _raw is None:
                vector_stores = None
                if "vector_stores" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    vector_stores = _parse_list_of_VectorStoreConfigurations(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "vector_stores")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is FileSearchResource:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.vector_store_ids = vector_store_ids
            _self.vector_stores = vector_stores
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            vector_store_ids,
            vector_stores,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.vector_store_configurations import VectorStoreConfigurations
else:
    VectorStoreConfigurations = Deferred(globals(), "vector_store_configurations", "VectorStoreConfigurations")


def _parse_list_of_VectorStoreConfigurations(raw: list[Any]) -> list[VectorStoreConfigurations]:
    items: list[VectorStoreConfigurations] = []
    _value: VectorStoreConfigurations
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            _value = VectorStoreConfigurations.from_dict(_item)
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
