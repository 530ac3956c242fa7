from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.required_action_type import RequiredActionType
from ..types import UNSET, PayloadError, Unset, json_type_name

T = TypeVar("T", bound="RequiredAction")


@_attrs_define
class RequiredAction:
    """
    Attributes:
        type_ (RequiredActionType | str | Unset):
        submit_tool_outputs (SubmitToolOutputs | Unset):
    """

    type_: RequiredActionType | str | Unset = UNSET
    submit_tool_outputs: SubmitToolOutputs | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, RequiredActionType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        submit_tool_outputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.submit_tool_outputs, Unset):
            submit_tool_outputs = self.submit_tool_outputs.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if submit_tool_outputs is not UNSET:
            field_dict["submit_tool_outputs"] = submit_tool_outputs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        d = dict(src_dict)
        _field = ""
        try:
            _field = "type"
            _type_ = d.pop("type", UNSET)
            type_: RequiredActionType | str | Unset
            if isinstance(_type_, Unset):
                type_ = UNSET
            elif isinstance(_type_, str):
                type_ = RequiredActionType.parse(_type_)
            else:
                raise PayloadError(f"expected a string, got {json_type_name(_type_)}")

            _field = "submit_tool_outputs"
            _submit_tool_outputs = d.pop("submit_tool_outputs", UNSET)
            submit_tool_outputs: SubmitToolOutputs | Unset
            if isinstance(_submit_tool_outputs, Unset):
                submit_tool_outputs = UNSET
            else:
                submit_tool_outputs = SubmitToolOutputs.from_dict(_submit_tool_outputs)

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        required_action = cls(
            type_,
            submit_tool_outputs,
        )

        required_action.additional_properties = d
        return required_action

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


from ..models.submit_tool_outputs import SubmitToolOutputs  # noqa: E402
