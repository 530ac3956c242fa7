from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, PayloadError, Unset, json_type_name

T = TypeVar("T", bound="FileSearchCall")


@_attrs_define
class FileSearchCall:
    """Often `{}`; `results` may be empty or hold duplicates.

    Attributes:
        ranking_options (FileSearchRankingOptions | Unset):
        results (list[FileSearchResult] | Unset):
    """

    ranking_options: FileSearchRankingOptions | Unset = UNSET
    results: list[FileSearchResult] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ranking_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ranking_options, Unset):
            ranking_options = self.ranking_options.to_dict()

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ranking_options is not UNSET:
            field_dict["ranking_options"] = ranking_options
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        d = dict(src_dict)
        _field = ""
        try:
            _field = "ranking_options"
            _ranking_options = d.pop("ranking_options", UNSET)
            ranking_options: FileSearchRankingOptions | Unset
            if isinstance(_ranking_options, Unset):
                ranking_options = UNSET
            else:
                ranking_options = FileSearchRankingOptions.from_dict(_ranking_options)

            _field = "results"
            _results = d.pop("results", UNSET)
            results: list[FileSearchResult] | Unset = UNSET
            if not isinstance(_results, Unset):
                if not isinstance(_results, list):
                    raise PayloadError(f"expected an array, got {json_type_name(_results)}")
                results = []
                for results_index, results_item_data in enumerate(_results):
                    try:
                        results_item = FileSearchResult.from_dict(results_item_data)

                    except PayloadError as _exc:
                        raise _exc.within(results_index) from None
                    results.append(results_item)

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        file_search_call = cls(
            ranking_options,
            results,
        )

        file_search_call.additional_properties = d
        return file_search_call

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


from ..models.file_search_ranking_options import FileSearchRankingOptions  # noqa: E402
from ..models.file_search_result import FileSearchResult  # noqa: E402
