from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_search_ranker import FileSearchRanker
from ..types import UNSET, PayloadError, Unset, json_type_name

T = TypeVar("T", bound="FileSearchRankingOptions")


@_attrs_define
class FileSearchRankingOptions:
    """
    Attributes:
        ranker (FileSearchRanker | str | Unset):
        score_threshold (float | Unset):
    """

    ranker: FileSearchRanker | str | Unset = UNSET
    score_threshold: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ranker: str | Unset
        if isinstance(self.ranker, Unset):
            ranker = UNSET
        elif isinstance(self.ranker, FileSearchRanker):
            ranker = self.ranker.value
        else:
            ranker = self.ranker

        score_threshold = self.score_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ranker is not UNSET:
            field_dict["ranker"] = ranker
        if score_threshold is not UNSET:
            field_dict["score_threshold"] = score_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        d = dict(src_dict)
        _field = ""
        try:
            _field = "ranker"
            _ranker = d.pop("ranker", UNSET)
            ranker: FileSearchRanker | str | Unset
            if isinstance(_ranker, Unset):
                ranker = UNSET
            elif isinstance(_ranker, str):
                ranker = FileSearchRanker.parse(_ranker)
            else:
                raise PayloadError(f"expected a string, got {json_type_name(_ranker)}")

            _field = "score_threshold"
            score_threshold = d.pop("score_threshold", UNSET)

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        file_search_ranking_options = cls(
            ranker,
            score_threshold,
        )

        file_search_ranking_options.additional_properties = d
        return file_search_ranking_options

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
