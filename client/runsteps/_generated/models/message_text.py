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
    Variants,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.file_citation import FileCitation
from ..models.file_citation_annotation import FileCitationAnnotation
from ..models.file_path import FilePath
from ..models.file_path_annotation import FilePathAnnotation
from ..models.url_citation import UrlCitation
from ..models.url_citation_annotation import UrlCitationAnnotation

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "value",
        "annotations",
    )
)


@_attrs_define
class MessageText(Model[Any]):
    """MessageText

    Attributes:
        value (str | None):
        annotations (list[FileCitationAnnotation | FilePathAnnotation | UrlCitationAnnotation | UnknownTextAnnotation] | None):
    """

    value: str | None = None
    annotations: (
        list[FileCitationAnnotation | FilePathAnnotation | UrlCitationAnnotation | UnknownTextAnnotation] | None
    ) = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        value = self.value
        if value is not None:
            _d["value"] = value
        elif _n & 1:
            _d["value"] = None
        annotations = self.annotations
        if annotations is not None:
            _d["annotations"] = [_v0.to_dict() for _v0 in annotations]
        elif _n & 2:
            _d["annotations"] = None
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
        value: str | None
        value = src_dict.get("value")
        if value is None:
            if "value" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        annotations: (
            list[FileCitationAnnotation | FilePathAnnotation | UrlCitationAnnotation | UnknownTextAnnotation] | None
        )
        try:
            _raw = src_dict.get("annotations")
            if _raw is None:
                annotations = None
                if "annotations" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    annotations = _parse_list_of_UnknownTextAnnotation(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "annotations")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is MessageText:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.value = value
            _self.annotations = annotations
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            value,
            annotations,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.unknown_text_annotation import UnknownTextAnnotation
else:
    UnknownTextAnnotation = Deferred(globals(), "unknown_text_annotation", "UnknownTextAnnotation")

_VARIANTS_UnknownTextAnnotation: Variants[
    type[FileCitationAnnotation] | type[FilePathAnnotation] | type[UrlCitationAnnotation]
] = Variants(
    {
        "file_citation": ("file_citation_annotation", "FileCitationAnnotation"),
        "file_path": ("file_path_annotation", "FilePathAnnotation"),
        "url_citation": ("url_citation_annotation", "UrlCitationAnnotation"),
    }
)


def _parse_list_of_UnknownTextAnnotation(
    raw: list[Any],
) -> list[FileCitationAnnotation | FilePathAnnotation | UrlCitationAnnotation | UnknownTextAnnotation]:
    items: list[FileCitationAnnotation | FilePathAnnotation | UrlCitationAnnotation | UnknownTextAnnotation] = []
    _value: FileCitationAnnotation | FilePathAnnotation | UrlCitationAnnotation | UnknownTextAnnotation
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if isinstance(_item, dict):
                _type1 = _item.get("type")
                if _type1 == "file_citation":
                    _nulls2 = 0
                    _absent2 = 0
                    _value_FileCitationAnnotation__type_: Literal["file_citation"]
                    _value_FileCitationAnnotation__type_ = _type1
                    _value_FileCitationAnnotation__text: str | None
                    _value_FileCitationAnnotation__text = _item.get("text")
                    if _value_FileCitationAnnotation__text is None:
                        if "text" in _item:
                            _nulls2 |= 2
                        else:
                            _absent2 += 1
                    _value_FileCitationAnnotation__file_citation: FileCitation | None
                    try:
                        _raw2 = _item.get("file_citation")
                        if _raw2 is None:
                            _value_FileCitationAnnotation__file_citation = None
                            if "file_citation" in _item:
                                _nulls2 |= 4
                            else:
                                _absent2 += 1
                        else:
                            if type(_raw2) is not dict and not isinstance(_raw2, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw2)}")
                            _nulls3 = 0
                            _absent3 = 0
                            _value_FileCitationAnnotation__file_citation__file_id: str | None
                            _value_FileCitationAnnotation__file_citation__file_id = _raw2.get("file_id")
                            if _value_FileCitationAnnotation__file_citation__file_id is None:
                                if "file_id" in _raw2:
                                    _nulls3 |= 1
                                else:
                                    _absent3 += 1
                            _value_FileCitationAnnotation__file_citation__quote: str | None
                            _value_FileCitationAnnotation__file_citation__quote = _raw2.get("quote")
                            if _value_FileCitationAnnotation__file_citation__quote is None:
                                if "quote" in _raw2:
                                    _nulls3 |= 2
                                else:
                                    _absent3 += 1
                            _extra3 = (
                                None
                                if len(_raw2) + _absent3 == 2
                                else {k: v for k, v in _raw2.items() if k not in {"file_id", "quote"}}
                            )
                            _value_FileCitationAnnotation__file_citation = _new(FileCitation)
                            _value_FileCitationAnnotation__file_citation.file_id = (
                                _value_FileCitationAnnotation__file_citation__file_id
                            )
                            _value_FileCitationAnnotation__file_citation.quote = (
                                _value_FileCitationAnnotation__file_citation__quote
                            )
                            _value_FileCitationAnnotation__file_citation._nulls = _nulls3
                            _value_FileCitationAnnotation__file_citation._extra = _extra3

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "file_citation")  # noqa: B904 (field_error chains it)
                    _value_FileCitationAnnotation__start_index: int | None
                    _value_FileCitationAnnotation__start_index = _item.get("start_index")
                    if _value_FileCitationAnnotation__start_index is None:
                        if "start_index" in _item:
                            _nulls2 |= 8
                        else:
                            _absent2 += 1
                    _value_FileCitationAnnotation__end_index: int | None
                    _value_FileCitationAnnotation__end_index = _item.get("end_index")
                    if _value_FileCitationAnnotation__end_index is None:
                        if "end_index" in _item:
                            _nulls2 |= 16
                        else:
                            _absent2 += 1
                    _extra2 = (
                        None
                        if len(_item) + _absent2 == 5
                        else {
                            k: v
                            for k, v in _item.items()
                            if k not in {"type", "text", "file_citation", "start_index", "end_index"}
                        }
                    )
                    _value = _new(FileCitationAnnotation)
                    _value.type = _value_FileCitationAnnotation__type_
                    _value.text = _value_FileCitationAnnotation__text
                    _value.file_citation = _value_FileCitationAnnotation__file_citation
                    _value.start_index = _value_FileCitationAnnotation__start_index
                    _value.end_index = _value_FileCitationAnnotation__end_index
                    _value._nulls = _nulls2
                    _value._extra = _extra2
                elif _type1 == "file_path":
                    _nulls2 = 0
                    _absent2 = 0
                    _value_FilePathAnnotation__type_: Literal["file_path"]
                    _value_FilePathAnnotation__type_ = _type1
                    _value_FilePathAnnotation__text: str | None
                    _value_FilePathAnnotation__text = _item.get("text")
                    if _value_FilePathAnnotation__text is None:
                        if "text" in _item:
                            _nulls2 |= 2
                        else:
                            _absent2 += 1
                    _value_FilePathAnnotation__file_path: FilePath | None
                    try:
                        _raw2 = _item.get("file_path")
                        if _raw2 is None:
                            _value_FilePathAnnotation__file_path = None
                            if "file_path" in _item:
                                _nulls2 |= 4
                            else:
                                _absent2 += 1
                        else:
                            if type(_raw2) is not dict and not isinstance(_raw2, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw2)}")
                            _nulls3 = 0
                            _absent3 = 0
                            _value_FilePathAnnotation__file_path__file_id: str | None
                            _value_FilePathAnnotation__file_path__file_id = _raw2.get("file_id")
                            if _value_FilePathAnnotation__file_path__file_id is None:
                                if "file_id" in _raw2:
                                    _nulls3 |= 1
                                else:
                                    _absent3 += 1
                            _extra3 = (
                                None
                                if len(_raw2) + _absent3 == 1
                                else {k: v for k, v in _raw2.items() if k not in {"file_id"}}
                            )
                            _value_FilePathAnnotation__file_path = _new(FilePath)
                            _value_FilePathAnnotation__file_path.file_id = _value_FilePathAnnotation__file_path__file_id
                            _value_FilePathAnnotation__file_path._nulls = _nulls3
                            _value_FilePathAnnotation__file_path._extra = _extra3

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "file_path")  # noqa: B904 (field_error chains it)
                    _value_FilePathAnnotation__start_index: int | None
                    _value_FilePathAnnotation__start_index = _item.get("start_index")
                    if _value_FilePathAnnotation__start_index is None:
                        if "start_index" in _item:
                            _nulls2 |= 8
                        else:
                            _absent2 += 1
                    _value_FilePathAnnotation__end_index: int | None
                    _value_FilePathAnnotation__end_index = _item.get("end_index")
                    if _value_FilePathAnnotation__end_index is None:
                        if "end_index" in _item:
                            _nulls2 |= 16
                        else:
                            _absent2 += 1
                    _extra2 = (
                        None
                        if len(_item) + _absent2 == 5
                        else {
                            k: v
                            for k, v in _item.items()
                            if k not in {"type", "text", "file_path", "start_index", "end_index"}
                        }
                    )
                    _value = _new(FilePathAnnotation)
                    _value.type = _value_FilePathAnnotation__type_
                    _value.text = _value_FilePathAnnotation__text
                    _value.file_path = _value_FilePathAnnotation__file_path
                    _value.start_index = _value_FilePathAnnotation__start_index
                    _value.end_index = _value_FilePathAnnotation__end_index
                    _value._nulls = _nulls2
                    _value._extra = _extra2
                elif _type1 == "url_citation":
                    _nulls2 = 0
                    _absent2 = 0
                    _value_UrlCitationAnnotation__type_: Literal["url_citation"]
                    _value_UrlCitationAnnotation__type_ = _type1
                    _value_UrlCitationAnnotation__text: str | None
                    _value_UrlCitationAnnotation__text = _item.get("text")
                    if _value_UrlCitationAnnotation__text is None:
                        if "text" in _item:
                            _nulls2 |= 2
                        else:
                            _absent2 += 1
                    _value_UrlCitationAnnotation__url_citation: UrlCitation | None
                    try:
                        _raw2 = _item.get("url_citation")
                        if _raw2 is None:
                            _value_UrlCitationAnnotation__url_citation = None
                            if "url_citation" in _item:
                                _nulls2 |= 4
                            else:
                                _absent2 += 1
                        else:
                            if type(_raw2) is not dict and not isinstance(_raw2, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw2)}")
                            _nulls3 = 0
                            _absent3 = 0
                            _value_UrlCitationAnnotation__url_citation__url: str | None
                            _value_UrlCitationAnnotation__url_citation__url = _raw2.get("url")
                            if _value_UrlCitationAnnotation__url_citation__url is None:
                                if "url" in _raw2:
                                    _nulls3 |= 1
                                else:
                                    _absent3 += 1
                            _value_UrlCitationAnnotation__url_citation__title: str | None
                            _value_UrlCitationAnnotation__url_citation__title = _raw2.get("title")
                            if _value_UrlCitationAnnotation__url_citation__title is None:
                                if "title" in _raw2:
                                    _nulls3 |= 2
                                else:
                                    _absent3 += 1
                            _extra3 = (
                                None
                                if len(_raw2) + _absent3 == 2
                                else {k: v for k, v in _raw2.items() if k not in {"url", "title"}}
                            )
                            _value_UrlCitationAnnotation__url_citation = _new(UrlCitation)
                            _value_UrlCitationAnnotation__url_citation.url = (
                                _value_UrlCitationAnnotation__url_citation__url
                            )
                            _value_UrlCitationAnnotation__url_citation.title = (
                                _value_UrlCitationAnnotation__url_citation__title
                            )
                            _value_UrlCitationAnnotation__url_citation._nulls = _nulls3
                            _value_UrlCitationAnnotation__url_citation._extra = _extra3

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "url_citation")  # noqa: B904 (field_error chains it)
                    _value_UrlCitationAnnotation__start_index: int | None
                    _value_UrlCitationAnnotation__start_index = _item.get("start_index")
                    if _value_UrlCitationAnnotation__start_index is None:
                        if "start_index" in _item:
                            _nulls2 |= 8
                        else:
                            _absent2 += 1
                    _value_UrlCitationAnnotation__end_index: int | None
                    _value_UrlCitationAnnotation__end_index = _item.get("end_index")
                    if _value_UrlCitationAnnotation__end_index is None:
                        if "end_index" in _item:
                            _nulls2 |= 16
                        else:
                            _absent2 += 1
                    _extra2 = (
                        None
                        if len(_item) + _absent2 == 5
                        else {
                            k: v
                            for k, v in _item.items()
                            if k not in {"type", "text", "url_citation", "start_index", "end_index"}
                        }
                    )
                    _value = _new(UrlCitationAnnotation)
                    _value.type = _value_UrlCitationAnnotation__type_
                    _value.text = _value_UrlCitationAnnotation__text
                    _value.url_citation = _value_UrlCitationAnnotation__url_citation
                    _value.start_index = _value_UrlCitationAnnotation__start_index
                    _value.end_index = _value_UrlCitationAnnotation__end_index
                    _value._nulls = _nulls2
                    _value._extra = _extra2
                else:
                    _value = (
                        (
                            _VARIANTS_UnknownTextAnnotation.get(_type1)
                            or _VARIANTS_UnknownTextAnnotation.load(_type1)
                            or UnknownTextAnnotation
                        )
                        if isinstance(_type1, str)
                        else UnknownTextAnnotation
                    ).from_dict(_item)
            else:
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
