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
        "file_id",
        "file_name",
        "score",
        "content",
    )
)


@_attrs_define
class FileSearchResult(Model[Any]):
    """FileSearchResult

    Attributes:
        file_id (str | None):
        file_name (str | None):
        score (float | None):
        content (list[FileSearchResultContent] | None): Sent only when asked for with `include[]`.
    """

    file_id: str | None = None
    file_name: str | None = None
    score: float | None = None
    content: list[FileSearchResultContent] | None = None
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
        file_name = self.file_name
        if file_name is not None:
            _d["file_name"] = file_name
        elif _n & 2:
            _d["file_name"] = None
        score = self.score
        if score is not None:
            _d["score"] = score
        elif _n & 4:
            _d["score"] = None
        content = self.content
        if content is not None:
            _d["content"] = [_v0.to_dict() for _v0 in content]
        elif _n & 8:
            _d["content"] = None
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
        file_name: str | None
        file_name = src_dict.get("file_name")
        if file_name is None:
            if "file_name" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        score: float | None
        score = src_dict.get("score")
        if score is None:
            if "score" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        content: list[FileSearchResultContent] | None
        try:
            _raw = src_dict.get("content")
            if _raw is None:
                content = None
                if "content" in src_dict:
                    _nulls |= 8
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    content = _parse_list_of_FileSearchResultContent(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "content")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 4 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is FileSearchResult:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.file_id = file_id
            _self.file_name = file_name
            _self.score = score
            _self.content = content
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            file_id,
            file_name,
            score,
            content,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.file_search_result_content import FileSearchResultContent
else:
    FileSearchResultContent = Deferred(globals(), "file_search_result_content", "FileSearchResultContent")


def _parse_list_of_FileSearchResultContent(raw: list[Any]) -> list[FileSearchResultContent]:
    items: list[FileSearchResultContent] = []
    _value: FileSearchResultContent
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            _value = FileSearchResultContent.from_dict(_item)
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
