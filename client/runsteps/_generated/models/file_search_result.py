from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, PayloadError, Unset, json_type_name

T = TypeVar("T", bound="FileSearchResult")


@_attrs_define
class FileSearchResult:
    """
    Attributes:
        file_id (str):
        file_name (str | Unset):
        score (float | Unset):
        content (list[FileSearchResultContent] | Unset): Sent only when asked for with `include[]`.
    """

    file_id: str
    file_name: str | Unset = UNSET
    score: float | Unset = UNSET
    content: list[FileSearchResultContent] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_id = self.file_id

        file_name = self.file_name

        score = self.score

        content: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = []
            for content_item_data in self.content:
                content_item = content_item_data.to_dict()
                content.append(content_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_id": file_id,
            }
        )
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if score is not UNSET:
            field_dict["score"] = score
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        d = dict(src_dict)
        _field = ""
        try:
            _field = "file_id"
            file_id = d.pop("file_id")

            _field = "file_name"
            file_name = d.pop("file_name", UNSET)

            _field = "score"
            score = d.pop("score", UNSET)

            _field = "content"
            _content = d.pop("content", UNSET)
            content: list[FileSearchResultContent] | Unset = UNSET
            if not isinstance(_content, Unset):
                if not isinstance(_content, list):
                    raise PayloadError(f"expected an array, got {json_type_name(_content)}")
                content = []
                for content_index, content_item_data in enumerate(_content):
                    try:
                        content_item = FileSearchResultContent.from_dict(content_item_data)

                    except PayloadError as _exc:
                        raise _exc.within(content_index) from None
                    content.append(content_item)

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        file_search_result = cls(
            file_id,
            file_name,
            score,
            content,
        )

        file_search_result.additional_properties = d
        return file_search_result

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


from ..models.file_search_result_content import FileSearchResultContent  # noqa: E402
