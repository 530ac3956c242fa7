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
from ..models.url_citation import UrlCitation

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "text",
        "url_citation",
        "start_index",
        "end_index",
    )
)


@_attrs_define
class UrlCitationAnnotation(Model[Any]):
    """Azure AI Agents' citation of a web page (Bing grounding), marked in the text by `text`.

    Attributes:
        type (Literal['url_citation']):
        text (str | None):
        url_citation (UrlCitation | None):
        start_index (int | None):
        end_index (int | None):
    """

    type: Literal["url_citation"]
    text: str | None = None
    url_citation: UrlCitation | None = None
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
        url_citation = self.url_citation
        if url_citation is not None:
            _d["url_citation"] = url_citation.to_dict()
        elif _n & 4:
            _d["url_citation"] = None
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
        type_: Literal["url_citation"]
        try:
            _raw = src_dict["type"]
            if _raw != "url_citation":
                raise PayloadError(f"expected 'url_citation', got {_raw!r:.60}")
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
        url_citation: UrlCitation | None
        try:
            _raw = src_dict.get("url_citation")
            if _raw is None:
                url_citation = None
                if "url_citation" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _url_citation__url: str | None
                _url_citation__url = _raw.get("url")
                if _url_citation__url is None:
                    if "url" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _url_citation__title: str | None
                _url_citation__title = _raw.get("title")
                if _url_citation__title is None:
                    if "title" in _raw:
                        _nulls1 |= 2
                    else:
                        _absent1 += 1
                _extra1 = (
                    None if len(_raw) + _absent1 == 2 else {k: v for k, v in _raw.items() if k not in {"url", "title"}}
                )
                url_citation = _new(UrlCitation)
                url_citation.url = _url_citation__url
                url_citation.title = _url_citation__title
                url_citation._nulls = _nulls1
                url_citation._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "url_citation")  # noqa: B904 (field_error chains it)
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
        if cls is UrlCitationAnnotation:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.text = text
            _self.url_citation = url_citation
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
            url_citation,
            start_index,
            end_index,
            _nulls,
            _extra,
        )
