from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    FIELD_FAILURES,
    Deferred,
    Model,
    PayloadError,
    Variants,
    extra_key,
    field_error,
    json_type_name,
)

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "tool_calls",
    )
)


@_attrs_define
class ToolCallsDetails(Model[Any]):
    """ToolCallsDetails

    Attributes:
        type (Literal['tool_calls']):
        tool_calls (list[CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall | BingGroundingToolCall | BingCustomSearchToolCall | AzureAISearchToolCall | SharepointGroundingToolCall | FabricDataAgentToolCall | OpenAPIToolCall | AzureFunctionToolCall | ConnectedAgentToolCall | DeepResearchToolCall | BrowserAutomationToolCall | ComputerUseToolCall | MCPToolCall | UnknownToolCall] | None):
    """

    type: Literal["tool_calls"]
    tool_calls: (
        list[
            CodeInterpreterToolCall
            | FileSearchToolCall
            | FunctionToolCall
            | BingGroundingToolCall
            | BingCustomSearchToolCall
            | AzureAISearchToolCall
            | SharepointGroundingToolCall
            | FabricDataAgentToolCall
            | OpenAPIToolCall
            | AzureFunctionToolCall
            | ConnectedAgentToolCall
            | DeepResearchToolCall
            | BrowserAutomationToolCall
            | ComputerUseToolCall
            | MCPToolCall
            | UnknownToolCall
        ]
        | None
    ) = None
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
        tool_calls = self.tool_calls
        if tool_calls is not None:
            _d["tool_calls"] = [_v0.to_dict() for _v0 in tool_calls]
        elif _n & 2:
            _d["tool_calls"] = None
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
        type_: Literal["tool_calls"]
        try:
            _raw = src_dict["type"]
            if _raw != "tool_calls":
                raise PayloadError(f"expected 'tool_calls', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        tool_calls: (
            list[
                CodeInterpreterToolCall
                | FileSearchToolCall
                | FunctionToolCall
                | BingGroundingToolCall
                | BingCustomSearchToolCall
                | AzureAISearchToolCall
                | SharepointGroundingToolCall
                | FabricDataAgentToolCall
                | OpenAPIToolCall
                | AzureFunctionToolCall
                | ConnectedAgentToolCall
                | DeepResearchToolCall
                | BrowserAutomationToolCall
                | ComputerUseToolCall
                | MCPToolCall
                | UnknownToolCall
            ]
            | None
        )
        try:
            _raw = src_dict.get("tool_calls")
            if _raw is None:
                tool_calls = None
                if "tool_calls" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    tool_calls = _parse_list_of_UnknownToolCall(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "tool_calls")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is ToolCallsDetails:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.tool_calls = tool_calls
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            tool_calls,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.azure_ai_search_tool_call import AzureAISearchToolCall
    from ..models.azure_function_tool_call import AzureFunctionToolCall
    from ..models.bing_custom_search_tool_call import BingCustomSearchToolCall
    from ..models.bing_grounding_tool_call import BingGroundingToolCall
    from ..models.browser_automation_tool_call import BrowserAutomationToolCall
    from ..models.code_interpreter_tool_call import CodeInterpreterToolCall
    from ..models.computer_use_tool_call import ComputerUseToolCall
    from ..models.connected_agent_tool_call import ConnectedAgentToolCall
    from ..models.deep_research_tool_call import DeepResearchToolCall
    from ..models.fabric_data_agent_tool_call import FabricDataAgentToolCall
    from ..models.file_search_tool_call import FileSearchToolCall
    from ..models.function_tool_call import FunctionToolCall
    from ..models.mcp_tool_call import MCPToolCall
    from ..models.open_api_tool_call import OpenAPIToolCall
    from ..models.sharepoint_grounding_tool_call import SharepointGroundingToolCall
    from ..models.unknown_tool_call import UnknownToolCall
else:
    UnknownToolCall = Deferred(globals(), "unknown_tool_call", "UnknownToolCall")

_VARIANTS_UnknownToolCall: Variants[
    type[CodeInterpreterToolCall]
    | type[FileSearchToolCall]
    | type[FunctionToolCall]
    | type[BingGroundingToolCall]
    | type[BingCustomSearchToolCall]
    | type[AzureAISearchToolCall]
    | type[SharepointGroundingToolCall]
    | type[FabricDataAgentToolCall]
    | type[OpenAPIToolCall]
    | type[AzureFunctionToolCall]
    | type[ConnectedAgentToolCall]
    | type[DeepResearchToolCall]
    | type[BrowserAutomationToolCall]
    | type[ComputerUseToolCall]
    | type[MCPToolCall]
] = Variants(
    {
        "code_interpreter": ("code_interpreter_tool_call", "CodeInterpreterToolCall"),
        "file_search": ("file_search_tool_call", "FileSearchToolCall"),
        "function": ("function_tool_call", "FunctionToolCall"),
        "bing_grounding": ("bing_grounding_tool_call", "BingGroundingToolCall"),
        "bing_custom_search": ("bing_custom_search_tool_call", "BingCustomSearchToolCall"),
        "azure_ai_search": ("azure_ai_search_tool_call", "AzureAISearchToolCall"),
        "sharepoint_grounding": ("sharepoint_grounding_tool_call", "SharepointGroundingToolCall"),
        "fabric_dataagent": ("fabric_data_agent_tool_call", "FabricDataAgentToolCall"),
        "openapi": ("open_api_tool_call", "OpenAPIToolCall"),
        "azure_function": ("azure_function_tool_call", "AzureFunctionToolCall"),
        "connected_agent": ("connected_agent_tool_call", "ConnectedAgentToolCall"),
        "deep_research": ("deep_research_tool_call", "DeepResearchToolCall"),
        "browser_automation": ("browser_automation_tool_call", "BrowserAutomationToolCall"),
        "computer_use_preview": ("computer_use_tool_call", "ComputerUseToolCall"),
        "mcp": ("mcp_tool_call", "MCPToolCall"),
    }
)


def _parse_list_of_UnknownToolCall(
    raw: list[Any],
) -> list[
    CodeInterpreterToolCall
    | FileSearchToolCall
    | FunctionToolCall
    | BingGroundingToolCall
    | BingCustomSearchToolCall
    | AzureAISearchToolCall
    | SharepointGroundingToolCall
    | FabricDataAgentToolCall
    | OpenAPIToolCall
    | AzureFunctionToolCall
    | ConnectedAgentToolCall
    | DeepResearchToolCall
    | BrowserAutomationToolCall
    | ComputerUseToolCall
    | MCPToolCall
    | UnknownToolCall
]:
    items: list[
        CodeInterpreterToolCall
        | FileSearchToolCall
        | FunctionToolCall
        | BingGroundingToolCall
        | BingCustomSearchToolCall
        | AzureAISearchToolCall
        | SharepointGroundingToolCall
        | FabricDataAgentToolCall
        | OpenAPIToolCall
        | AzureFunctionToolCall
        | ConnectedAgentToolCall
        | DeepResearchToolCall
        | BrowserAutomationToolCall
        | ComputerUseToolCall
        | MCPToolCall
        | UnknownToolCall
    ] = []
    _value: (
        CodeInterpreterToolCall
        | FileSearchToolCall
        | FunctionToolCall
        | BingGroundingToolCall
        | BingCustomSearchToolCall
        | AzureAISearchToolCall
        | SharepointGroundingToolCall
        | FabricDataAgentToolCall
        | OpenAPIToolCall
        | AzureFunctionToolCall
        | ConnectedAgentToolCall
        | DeepResearchToolCall
        | BrowserAutomationToolCall
        | ComputerUseToolCall
        | MCPToolCall
        | UnknownToolCall
    )
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if isinstance(_item, dict):
                _type1 = _item.get("type")
                _value = (
                    (_VARIANTS_UnknownToolCall.get(_type1) or _VARIANTS_UnknownToolCall.load(_type1) or UnknownToolCall)
                    if isinstance(_type1, str)
                    else UnknownToolCall
                ).from_dict(_item)
            else:
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
