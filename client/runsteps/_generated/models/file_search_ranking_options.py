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
from ..models.file_search_ranker import _MEMBERS as _file_search_ranker
from ..models.file_search_ranker import FileSearchRanker

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "ranker",
        "score_threshold",
    )
)


@_attrs_define
class FileSearchRankingOptions(Model[Any]):
    """FileSearchRankingOptions

    Attributes:
        ranker (FileSearchRanker | str | None):
        score_threshold (float | None):
    """

    ranker: FileSearchRanker | str | None = None
    score_threshold: float | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        ranker = self.ranker
        if ranker is not None:
            _d["ranker"] = str(ranker)
        elif _n & 1:
            _d["ranker"] = None
        score_threshold = self.score_threshold
        if score_threshold is not None:
            _d["score_threshold"] = score_threshold
        elif _n & 2:
            _d["score_threshold"] = None
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
        ranker: FileSearchRanker | str | None
        try:
            _raw = src_dict.get("ranker")
            if _raw is None:
                ranker = None
                if "ranker" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                try:
                    ranker = _file_search_ranker[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    ranker = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "ranker")  # noqa: B904 (field_error chains it)
        score_threshold: float | None
        score_threshold = src_dict.get("score_threshold")
        if score_threshold is None:
            if "score_threshold" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is FileSearchRankingOptions:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.ranker = ranker
            _self.score_threshold = score_threshold
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            ranker,
            score_threshold,
            _nulls,
            _extra,
        )
