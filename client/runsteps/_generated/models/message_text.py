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
    Variants,
    extra_key,
    field_error,
    json_type_name,
)

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
        _get = src_dict.get
        _nulls = 0
        # Declared fields not sent: with the length, it tells whether any key is undeclared (cheaper
        # than a set comparison, and most objects have none).
        _absent = 0
        # A field that can fail has a handler of its own: free until something fails, it names the field.
        value: str | None
        value = _get("value")
        if value is None:
            if "value" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        annotations: (
            list[FileCitationAnnotation | FilePathAnnotation | UrlCitationAnnotation | UnknownTextAnnotation] | None
        )
        try:
            _raw = _get("annotations")
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
    from ..models.file_citation_annotation import FileCitationAnnotation
    from ..models.file_path_annotation import FilePathAnnotation
    from ..models.unknown_text_annotation import UnknownTextAnnotation
    from ..models.url_citation_annotation import UrlCitationAnnotation
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
