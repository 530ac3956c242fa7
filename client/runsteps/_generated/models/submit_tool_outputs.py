from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, PayloadError, Unset, json_type_name

T = TypeVar("T", bound="SubmitToolOutputs")


@_attrs_define
class SubmitToolOutputs:
    """
    Attributes:
        tool_calls (list[RequiredToolCall] | Unset):
    """

    tool_calls: list[RequiredToolCall] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_calls, Unset):
            tool_calls = []
            for tool_calls_item_data in self.tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                tool_calls.append(tool_calls_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        d = dict(src_dict)
        _field = ""
        try:
            _field = "tool_calls"
            _tool_calls = d.pop("tool_calls", UNSET)
            tool_calls: list[RequiredToolCall] | Unset = UNSET
            if not isinstance(_tool_calls, Unset):
                if not isinstance(_tool_calls, list):
                    raise PayloadError(f"expected an array, got {json_type_name(_tool_calls)}")
                tool_calls = []
                for tool_calls_index, tool_calls_item_data in enumerate(_tool_calls):
                    try:
                        tool_calls_item = RequiredToolCall.from_dict(tool_calls_item_data)

                    except PayloadError as _exc:
                        raise _exc.within(tool_calls_index) from None
                    tool_calls.append(tool_calls_item)

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        submit_tool_outputs = cls(
            tool_calls,
        )

        submit_tool_outputs.additional_properties = d
        return submit_tool_outputs

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


from ..models.required_tool_call import RequiredToolCall  # noqa: E402
