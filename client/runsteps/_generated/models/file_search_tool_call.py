from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self

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
        "index",
        "id",
        "type",
        "file_search",
    )
)


@_attrs_define
class FileSearchToolCall(Model[Any]):
    """FileSearchToolCall

    Attributes:
        index (int | None): The call's position in the step; sent in deltas only.
        id (str | None):
        type (Literal['file_search']):
        file_search (FileSearchCall | None): Often `{}`; `results` may be empty or hold duplicates.
    """

    type: Literal["file_search"]
    index: int | None = None
    id: str | None = None
    file_search: FileSearchCall | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        index = self.index
        if index is not None:
            _d["index"] = index
        elif _n & 1:
            _d["index"] = None
        id = self.id
        if id is not None:
            _d["id"] = id
        elif _n & 2:
            _d["id"] = None
        type_ = self.type
        if type_ is not None:
            _d["type"] = type_
        elif _n & 4:
            _d["type"] = None
        file_search = self.file_search
        if file_search is not None:
            _d["file_search"] = file_search.to_dict()
        elif _n & 8:
            _d["file_search"] = None
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
        index: int | None
        index = src_dict.get("index")
        if index is None:
            if "index" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        id: str | None
        id = src_dict.get("id")
        if id is None:
            if "id" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        type_: Literal["file_search"]
        try:
            _raw = src_dict["type"]
            if _raw != "file_search":
                raise PayloadError(f"expected 'file_search', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        file_search: FileSearchCall | None
        try:
            _raw = src_dict.get("file_search")
            if _raw is None:
                file_search = None
                if "file_search" in src_dict:
                    _nulls |= 8
                else:
                    _absent += 1
            else:
                file_search = FileSearchCall.from_dict(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "file_search")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 4 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is FileSearchToolCall:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.index = index
            _self.id = id
            _self.type = type_
            _self.file_search = file_search
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            index,
            id,
            file_search,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.file_search_call import FileSearchCall
else:
    FileSearchCall = Deferred(globals(), "file_search_call", "FileSearchCall")
