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
        "max_num_results",
        "ranking_options",
    )
)


@_attrs_define
class FileSearchToolOptions(Model[Any]):
    """FileSearchToolOptions

    Attributes:
        max_num_results (int | None):
        ranking_options (FileSearchRankingOptions | None):
    """

    max_num_results: int | None = None
    ranking_options: FileSearchRankingOptions | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        max_num_results = self.max_num_results
        if max_num_results is not None:
            _d["max_num_results"] = max_num_results
        elif _n & 1:
            _d["max_num_results"] = None
        ranking_options = self.ranking_options
        if ranking_options is not None:
            _d["ranking_options"] = ranking_options.to_dict()
        elif _n & 2:
            _d["ranking_options"] = None
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
        max_num_results: int | None
        max_num_results = src_dict.get("max_num_results")
        if max_num_results is None:
            if "max_num_results" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        ranking_options: FileSearchRankingOptions | None
        try:
            _raw = src_dict.get("ranking_options")
            if _raw is None:
                ranking_options = None
                if "ranking_options" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                ranking_options = FileSearchRankingOptions.from_dict(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "ranking_options")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is FileSearchToolOptions:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.max_num_results = max_num_results
            _self.ranking_options = ranking_options
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            max_num_results,
            ranking_options,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.file_search_ranking_options import FileSearchRankingOptions
else:
    FileSearchRankingOptions = Deferred(globals(), "file_search_ranking_options", "FileSearchRankingOptions")
