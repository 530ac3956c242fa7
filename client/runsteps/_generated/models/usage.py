from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, PayloadError, Unset, json_type_name

T = TypeVar("T", bound="Usage")


@_attrs_define
class Usage:
    """Token counts. Fields may be missing; newer servers add detail objects.

    Attributes:
        prompt_tokens (int | Unset):
        completion_tokens (int | Unset):
        total_tokens (int | Unset):
        prompt_tokens_details (PromptTokensDetails | Unset):
        completion_tokens_details (CompletionTokensDetails | Unset):
    """

    prompt_tokens: int | Unset = UNSET
    completion_tokens: int | Unset = UNSET
    total_tokens: int | Unset = UNSET
    prompt_tokens_details: PromptTokensDetails | Unset = UNSET
    completion_tokens_details: CompletionTokensDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt_tokens = self.prompt_tokens

        completion_tokens = self.completion_tokens

        total_tokens = self.total_tokens

        prompt_tokens_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_tokens_details, Unset):
            prompt_tokens_details = self.prompt_tokens_details.to_dict()

        completion_tokens_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.completion_tokens_details, Unset):
            completion_tokens_details = self.completion_tokens_details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prompt_tokens is not UNSET:
            field_dict["prompt_tokens"] = prompt_tokens
        if completion_tokens is not UNSET:
            field_dict["completion_tokens"] = completion_tokens
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens
        if prompt_tokens_details is not UNSET:
            field_dict["prompt_tokens_details"] = prompt_tokens_details
        if completion_tokens_details is not UNSET:
            field_dict["completion_tokens_details"] = completion_tokens_details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        d = dict(src_dict)
        _field = ""
        try:
            _field = "prompt_tokens"
            prompt_tokens = d.pop("prompt_tokens", UNSET)

            _field = "completion_tokens"
            completion_tokens = d.pop("completion_tokens", UNSET)

            _field = "total_tokens"
            total_tokens = d.pop("total_tokens", UNSET)

            _field = "prompt_tokens_details"
            _prompt_tokens_details = d.pop("prompt_tokens_details", UNSET)
            prompt_tokens_details: PromptTokensDetails | Unset
            if isinstance(_prompt_tokens_details, Unset):
                prompt_tokens_details = UNSET
            else:
                prompt_tokens_details = PromptTokensDetails.from_dict(_prompt_tokens_details)

            _field = "completion_tokens_details"
            _completion_tokens_details = d.pop("completion_tokens_details", UNSET)
            completion_tokens_details: CompletionTokensDetails | Unset
            if isinstance(_completion_tokens_details, Unset):
                completion_tokens_details = UNSET
            else:
                completion_tokens_details = CompletionTokensDetails.from_dict(_completion_tokens_details)

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        usage = cls(
            prompt_tokens,
            completion_tokens,
            total_tokens,
            prompt_tokens_details,
            completion_tokens_details,
        )

        usage.additional_properties = d
        return usage

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


from ..models.completion_tokens_details import CompletionTokensDetails  # noqa: E402
from ..models.prompt_tokens_details import PromptTokensDetails  # noqa: E402
