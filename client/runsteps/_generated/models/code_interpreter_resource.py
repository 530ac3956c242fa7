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
from ..models.data_source import DataSource

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "file_ids",
        "data_sources",
    )
)


@_attrs_define
class CodeInterpreterResource(Model[Any]):
    """CodeInterpreterResource

    Attributes:
        file_ids (list[str] | None):
        data_sources (list[DataSource] | None):
    """

    file_ids: list[str] | None = None
    data_sources: list[DataSource] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        file_ids = self.file_ids
        if file_ids is not None:
            _d["file_ids"] = list(file_ids)
        elif _n & 1:
            _d["file_ids"] = None
        data_sources = self.data_sources
        if data_sources is not None:
            _d["data_sources"] = [_v0.to_dict() for _v0 in data_sources]
        elif _n & 2:
            _d["data_sources"] = None
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
        file_ids: list[str] | None
        try:
            _raw = src_dict.get("file_ids")
            if _raw is None:
                file_ids = None
                if "file_ids" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    file_ids = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "file_ids")  # noqa: B904 (field_error chains it)
        data_sources: list[DataSource] | None
        try:
            _raw = src_dict.get("data_sources")
            if _raw is None:
                data_sources = None
                if "data_sources" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    data_sources = _parse_list_of_DataSource(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "data_sources")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is CodeInterpreterResource:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.file_ids = file_ids
            _self.data_sources = data_sources
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            file_ids,
            data_sources,
            _nulls,
            _extra,
        )


def _parse_list_of_DataSource(raw: list[Any]) -> list[DataSource]:
    items: list[DataSource] = []
    _value: DataSource
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__uri: str | None
            _value__uri = _item.get("uri")
            if _value__uri is None:
                if "uri" in _item:
                    _nulls2 |= 1
                else:
                    _absent2 += 1
            _value__type_: str | None
            _value__type_ = _item.get("type")
            if _value__type_ is None:
                if "type" in _item:
                    _nulls2 |= 2
                else:
                    _absent2 += 1
            _extra2 = (
                None if len(_item) + _absent2 == 2 else {k: v for k, v in _item.items() if k not in {"uri", "type"}}
            )
            _value = _new(DataSource)
            _value.uri = _value__uri
            _value.type = _value__type_
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
