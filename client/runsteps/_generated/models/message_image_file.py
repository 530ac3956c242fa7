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
from ..models.image_detail import _MEMBERS as _image_detail
from ..models.image_detail import ImageDetail

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "file_id",
        "detail",
    )
)


@_attrs_define
class MessageImageFile(Model[Any]):
    """MessageImageFile

    Attributes:
        file_id (str | None):
        detail (ImageDetail | str | None):
    """

    file_id: str | None = None
    detail: ImageDetail | str | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        file_id = self.file_id
        if file_id is not None:
            _d["file_id"] = file_id
        elif _n & 1:
            _d["file_id"] = None
        detail = self.detail
        if detail is not None:
            _d["detail"] = str(detail)
        elif _n & 2:
            _d["detail"] = None
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
        file_id: str | None
        file_id = src_dict.get("file_id")
        if file_id is None:
            if "file_id" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        detail: ImageDetail | str | None
        try:
            _raw = src_dict.get("detail")
            if _raw is None:
                detail = None
                if "detail" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                try:
                    detail = _image_detail[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    detail = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "detail")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is MessageImageFile:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.file_id = file_id
            _self.detail = detail
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            file_id,
            detail,
            _nulls,
            _extra,
        )
