from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PayloadError, json_type_name

T = TypeVar("T", bound="ToolCallsDetails")


@_attrs_define
class ToolCallsDetails:
    """
    Attributes:
        type_ (Literal['tool_calls']):
        tool_calls (list[CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall | UnknownToolCall]):
    """

    type_: Literal["tool_calls"]
    tool_calls: list[CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall | UnknownToolCall]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        tool_calls = []
        for tool_calls_item_data in self.tool_calls:
            tool_calls_item: dict[str, Any]
            if isinstance(tool_calls_item_data, CodeInterpreterToolCall):
                tool_calls_item = tool_calls_item_data.to_dict()
            elif isinstance(tool_calls_item_data, FileSearchToolCall):
                tool_calls_item = tool_calls_item_data.to_dict()
            elif isinstance(tool_calls_item_data, FunctionToolCall):
                tool_calls_item = tool_calls_item_data.to_dict()
            else:
                tool_calls_item = tool_calls_item_data.to_dict()

            tool_calls.append(tool_calls_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "tool_calls": tool_calls,
            }
        )

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
            type_: Literal["tool_calls"] = d.pop("type")
            if type_ != "tool_calls":
                raise ValueError(f"type must match const 'tool_calls', got '{type_}'")

            _field = "tool_calls"
            _tool_calls = d.pop("tool_calls")
            if not isinstance(_tool_calls, list):
                raise PayloadError(f"expected an array, got {json_type_name(_tool_calls)}")
            tool_calls = []
            for tool_calls_index, tool_calls_item_data in enumerate(_tool_calls):
                try:
                    _tool_calls_item = tool_calls_item_data
                    tool_calls_item: CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall | UnknownToolCall
                    if isinstance(_tool_calls_item, dict):
                        _tool_calls_item_type = _tool_calls_item.get("type")
                        if _tool_calls_item_type == "code_interpreter":
                            tool_calls_item = CodeInterpreterToolCall.from_dict(_tool_calls_item)
                        elif _tool_calls_item_type == "file_search":
                            tool_calls_item = FileSearchToolCall.from_dict(_tool_calls_item)
                        elif _tool_calls_item_type == "function":
                            tool_calls_item = FunctionToolCall.from_dict(_tool_calls_item)
                        else:
                            tool_calls_item = UnknownToolCall.from_dict(_tool_calls_item)
                    else:
                        raise PayloadError(f"expected an object, got {json_type_name(_tool_calls_item)}")

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
        tool_calls_details = cls(
            type_,
            tool_calls,
        )

        tool_calls_details.additional_properties = d
        return tool_calls_details

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


from ..models.code_interpreter_tool_call import CodeInterpreterToolCall  # noqa: E402
from ..models.file_search_tool_call import FileSearchToolCall  # noqa: E402
from ..models.function_tool_call import FunctionToolCall  # noqa: E402
from ..models.unknown_tool_call import UnknownToolCall  # noqa: E402
