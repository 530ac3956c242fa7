from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

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
from ..models.file_path import FilePath

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "text",
        "file_path",
        "start_index",
        "end_index",
    )
)


@_attrs_define
class FilePathAnnotation(Model[Any]):
    """A file the code interpreter made, marked in the text by `text`.

    Attributes:
        type (Literal['file_path']):
        text (str | None):
        file_path (FilePath | None):
        start_index (int | None):
        end_index (int | None):
    """

    type: Literal["file_path"]
    text: str | None = None
    file_path: FilePath | None = None
    start_index: int | None = None
    end_index: int | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        type_ = self.type
        if type_ is not None:
            _d["type"] = type_
        elif _n & 1:
            _d["type"] = None
        text = self.text
        if text is not None:
            _d["text"] = text
        elif _n & 2:
            _d["text"] = None
        file_path = self.file_path
        if file_path is not None:
            _d["file_path"] = file_path.to_dict()
        elif _n & 4:
            _d["file_path"] = None
        start_index = self.start_index
        if start_index is not None:
            _d["start_index"] = start_index
        elif _n & 8:
            _d["start_index"] = None
        end_index = self.end_index
        if end_index is not None:
            _d["end_index"] = end_index
        elif _n & 16:
            _d["end_index"] = None
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
        type_: Literal["file_path"]
        try:
            _raw = src_dict["type"]
            if _raw != "file_path":
                raise PayloadError(f"expected 'file_path', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        text: str | None
        text = src_dict.get("text")
        if text is None:
            if "text" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        file_path: FilePath | None
        try:
            _raw = src_dict.get("file_path")
            if _raw is None:
                file_path = None
                if "file_path" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _file_path__file_id: str | None
                _file_path__file_id = _raw.get("file_id")
                if _file_path__file_id is None:
                    if "file_id" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _extra1 = None if len(_raw) + _absent1 == 1 else {k: v for k, v in _raw.items() if k not in {"file_id"}}
                file_path = _new(FilePath)
                file_path.file_id = _file_path__file_id
                file_path._nulls = _nulls1
                file_path._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "file_path")  # noqa: B904 (field_error chains it)
        start_index: int | None
        start_index = src_dict.get("start_index")
        if start_index is None:
            if "start_index" in src_dict:
                _nulls |= 8
            else:
                _absent += 1
        end_index: int | None
        end_index = src_dict.get("end_index")
        if end_index is None:
            if "end_index" in src_dict:
                _nulls |= 16
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 5 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is FilePathAnnotation:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.text = text
            _self.file_path = file_path
            _self.start_index = start_index
            _self.end_index = end_index
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            text,
            file_path,
            start_index,
            end_index,
            _nulls,
            _extra,
        )
