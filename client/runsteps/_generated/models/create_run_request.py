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
    Variants,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.metadata import Metadata

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "assistant_id",
        "model",
        "instructions",
        "additional_instructions",
        "additional_messages",
        "tools",
        "metadata",
        "temperature",
        "top_p",
        "max_prompt_tokens",
        "max_completion_tokens",
        "parallel_tool_calls",
        "stream",
    )
)


@_attrs_define
class CreateRunRequest(Model[Any]):
    """What a run is started with; the assistant's own settings stand for what is left out. Azure AI Agents takes the
    agent's id as `assistant_id` too.

    Attributes:
        assistant_id (str):
        model (str | None):
        instructions (str | None): Instead of the assistant's instructions.
        additional_instructions (str | None): After the assistant's instructions.
        additional_messages (list[RunMessageParam] | None): Messages added to the thread before the run starts.
        tools (list[CodeInterpreterTool | FileSearchTool | FunctionTool | MCPTool | BingGroundingTool | BingCustomSearchTool | AzureAISearchTool | SharepointGroundingTool | FabricDataAgentTool | OpenAPITool | AzureFunctionTool | ConnectedAgentTool | DeepResearchTool | BrowserAutomationTool | ComputerUseTool | UnknownTool] | None): Instead of the assistant's tools.
        metadata (Metadata | None): Up to 16 string pairs set by the caller.
        temperature (float | None):
        top_p (float | None):
        max_prompt_tokens (int | None):
        max_completion_tokens (int | None):
        parallel_tool_calls (bool | None):
        stream (bool | None):
    """

    assistant_id: str
    model: str | None = None
    instructions: str | None = None
    additional_instructions: str | None = None
    additional_messages: list[RunMessageParam] | None = None
    tools: (
        list[
            CodeInterpreterTool
            | FileSearchTool
            | FunctionTool
            | MCPTool
            | BingGroundingTool
            | BingCustomSearchTool
            | AzureAISearchTool
            | SharepointGroundingTool
            | FabricDataAgentTool
            | OpenAPITool
            | AzureFunctionTool
            | ConnectedAgentTool
            | DeepResearchTool
            | BrowserAutomationTool
            | ComputerUseTool
            | UnknownTool
        ]
        | None
    ) = None
    metadata: Metadata | None = None
    temperature: float | None = None
    top_p: float | None = None
    max_prompt_tokens: int | None = None
    max_completion_tokens: int | None = None
    parallel_tool_calls: bool | None = None
    stream: bool | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        assistant_id = self.assistant_id
        if assistant_id is not None:
            _d["assistant_id"] = assistant_id
        elif _n & 1:
            _d["assistant_id"] = None
        model = self.model
        if model is not None:
            _d["model"] = model
        elif _n & 2:
            _d["model"] = None
        instructions = self.instructions
        if instructions is not None:
            _d["instructions"] = instructions
        elif _n & 4:
            _d["instructions"] = None
        additional_instructions = self.additional_instructions
        if additional_instructions is not None:
            _d["additional_instructions"] = additional_instructions
        elif _n & 8:
            _d["additional_instructions"] = None
        additional_messages = self.additional_messages
        if additional_messages is not None:
            _d["additional_messages"] = [_v0.to_dict() for _v0 in additional_messages]
        elif _n & 16:
            _d["additional_messages"] = None
        tools = self.tools
        if tools is not None:
            _d["tools"] = [_v0.to_dict() for _v0 in tools]
        elif _n & 32:
            _d["tools"] = None
        metadata = self.metadata
        if metadata is not None:
            _d["metadata"] = metadata.to_dict()
        elif _n & 64:
            _d["metadata"] = None
        temperature = self.temperature
        if temperature is not None:
            _d["temperature"] = temperature
        elif _n & 128:
            _d["temperature"] = None
        top_p = self.top_p
        if top_p is not None:
            _d["top_p"] = top_p
        elif _n & 256:
            _d["top_p"] = None
        max_prompt_tokens = self.max_prompt_tokens
        if max_prompt_tokens is not None:
            _d["max_prompt_tokens"] = max_prompt_tokens
        elif _n & 512:
            _d["max_prompt_tokens"] = None
        max_completion_tokens = self.max_completion_tokens
        if max_completion_tokens is not None:
            _d["max_completion_tokens"] = max_completion_tokens
        elif _n & 1024:
            _d["max_completion_tokens"] = None
        parallel_tool_calls = self.parallel_tool_calls
        if parallel_tool_calls is not None:
            _d["parallel_tool_calls"] = parallel_tool_calls
        elif _n & 2048:
            _d["parallel_tool_calls"] = None
        stream = self.stream
        if stream is not None:
            _d["stream"] = stream
        elif _n & 4096:
            _d["stream"] = None
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
        assistant_id: str
        try:
            _raw = src_dict["assistant_id"]
            if not isinstance(_raw, str):
                raise PayloadError(f"expected a string, got {json_type_name(_raw)}")
            assistant_id = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "assistant_id")  # noqa: B904 (field_error chains it)
        model: str | None
        model = src_dict.get("model")
        if model is None:
            if "model" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        instructions: str | None
        instructions = src_dict.get("instructions")
        if instructions is None:
            if "instructions" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        additional_instructions: str | None
        additional_instructions = src_dict.get("additional_instructions")
        if additional_instructions is None:
            if "additional_instructions" in src_dict:
                _nulls |= 8
            else:
                _absent += 1
        additional_messages: list[RunMessageParam] | None
        try:
            _raw = src_dict.get("additional_messages")
            if _raw is None:
                additional_messages = None
                if "additional_messages" in src_dict:
                    _nulls |= 16
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    additional_messages = _parse_list_of_RunMessageParam(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "additional_messages")  # noqa: B904 (field_error chains it)
        tools: (
            list[
                CodeInterpreterTool
                | FileSearchTool
                | FunctionTool
                | MCPTool
                | BingGroundingTool
                | BingCustomSearchTool
                | AzureAISearchTool
                | SharepointGroundingTool
                | FabricDataAgentTool
                | OpenAPITool
                | AzureFunctionTool
                | ConnectedAgentTool
                | DeepResearchTool
                | BrowserAutomationTool
                | ComputerUseTool
                | UnknownTool
            ]
            | None
        )
        try:
            _raw = src_dict.get("tools")
            if _raw is None:
                tools = None
                if "tools" in src_dict:
                    _nulls |= 32
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    tools = _parse_list_of_UnknownTool(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "tools")  # noqa: B904 (field_error chains it)
        metadata: Metadata | None
        try:
            _raw = src_dict.get("metadata")
            if _raw is None:
                metadata = None
                if "metadata" in src_dict:
                    _nulls |= 64
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _extra1 = None if len(_raw) + _absent1 == 0 else dict(_raw)
                metadata = _new(Metadata)
                metadata._nulls = _nulls1
                metadata._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "metadata")  # noqa: B904 (field_error chains it)
        temperature: float | None
        temperature = src_dict.get("temperature")
        if temperature is None:
            if "temperature" in src_dict:
                _nulls |= 128
            else:
                _absent += 1
        top_p: float | None
        top_p = src_dict.get("top_p")
        if top_p is None:
            if "top_p" in src_dict:
                _nulls |= 256
            else:
                _absent += 1
        max_prompt_tokens: int | None
        max_prompt_tokens = src_dict.get("max_prompt_tokens")
        if max_prompt_tokens is None:
            if "max_prompt_tokens" in src_dict:
                _nulls |= 512
            else:
                _absent += 1
        max_completion_tokens: int | None
        max_completion_tokens = src_dict.get("max_completion_tokens")
        if max_completion_tokens is None:
            if "max_completion_tokens" in src_dict:
                _nulls |= 1024
            else:
                _absent += 1
        parallel_tool_calls: bool | None
        parallel_tool_calls = src_dict.get("parallel_tool_calls")
        if parallel_tool_calls is None:
            if "parallel_tool_calls" in src_dict:
                _nulls |= 2048
            else:
                _absent += 1
        stream: bool | None
        stream = src_dict.get("stream")
        if stream is None:
            if "stream" in src_dict:
                _nulls |= 4096
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 13 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is CreateRunRequest:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.assistant_id = assistant_id
            _self.model = model
            _self.instructions = instructions
            _self.additional_instructions = additional_instructions
            _self.additional_messages = additional_messages
            _self.tools = tools
            _self.metadata = metadata
            _self.temperature = temperature
            _self.top_p = top_p
            _self.max_prompt_tokens = max_prompt_tokens
            _self.max_completion_tokens = max_completion_tokens
            _self.parallel_tool_calls = parallel_tool_calls
            _self.stream = stream
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            assistant_id,
            model,
            instructions,
            additional_instructions,
            additional_messages,
            tools,
            metadata,
            temperature,
            top_p,
            max_prompt_tokens,
            max_completion_tokens,
            parallel_tool_calls,
            stream,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.azure_ai_search_tool import AzureAISearchTool
    from ..models.azure_function_tool import AzureFunctionTool
    from ..models.bing_custom_search_tool import BingCustomSearchTool
    from ..models.bing_grounding_tool import BingGroundingTool
    from ..models.browser_automation_tool import BrowserAutomationTool
    from ..models.code_interpreter_tool import CodeInterpreterTool
    from ..models.computer_use_tool import ComputerUseTool
    from ..models.connected_agent_tool import ConnectedAgentTool
    from ..models.deep_research_tool import DeepResearchTool
    from ..models.fabric_data_agent_tool import FabricDataAgentTool
    from ..models.file_search_tool import FileSearchTool
    from ..models.function_tool import FunctionTool
    from ..models.mcp_tool import MCPTool
    from ..models.open_api_tool import OpenAPITool
    from ..models.run_message_param import RunMessageParam
    from ..models.sharepoint_grounding_tool import SharepointGroundingTool
    from ..models.unknown_tool import UnknownTool
else:
    RunMessageParam = Deferred(globals(), "run_message_param", "RunMessageParam")
    UnknownTool = Deferred(globals(), "unknown_tool", "UnknownTool")


def _parse_list_of_RunMessageParam(raw: list[Any]) -> list[RunMessageParam]:
    items: list[RunMessageParam] = []
    _value: RunMessageParam
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            _value = RunMessageParam.from_dict(_item)
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items


_VARIANTS_UnknownTool: Variants[
    type[CodeInterpreterTool]
    | type[FileSearchTool]
    | type[FunctionTool]
    | type[MCPTool]
    | type[BingGroundingTool]
    | type[BingCustomSearchTool]
    | type[AzureAISearchTool]
    | type[SharepointGroundingTool]
    | type[FabricDataAgentTool]
    | type[OpenAPITool]
    | type[AzureFunctionTool]
    | type[ConnectedAgentTool]
    | type[DeepResearchTool]
    | type[BrowserAutomationTool]
    | type[ComputerUseTool]
] = Variants(
    {
        "code_interpreter": ("code_interpreter_tool", "CodeInterpreterTool"),
        "file_search": ("file_search_tool", "FileSearchTool"),
        "function": ("function_tool", "FunctionTool"),
        "mcp": ("mcp_tool", "MCPTool"),
        "bing_grounding": ("bing_grounding_tool", "BingGroundingTool"),
        "bing_custom_search": ("bing_custom_search_tool", "BingCustomSearchTool"),
        "azure_ai_search": ("azure_ai_search_tool", "AzureAISearchTool"),
        "sharepoint_grounding": ("sharepoint_grounding_tool", "SharepointGroundingTool"),
        "fabric_dataagent": ("fabric_data_agent_tool", "FabricDataAgentTool"),
        "openapi": ("open_api_tool", "OpenAPITool"),
        "azure_function": ("azure_function_tool", "AzureFunctionTool"),
        "connected_agent": ("connected_agent_tool", "ConnectedAgentTool"),
        "deep_research": ("deep_research_tool", "DeepResearchTool"),
        "browser_automation": ("browser_automation_tool", "BrowserAutomationTool"),
        "computer_use_preview": ("computer_use_tool", "ComputerUseTool"),
    }
)


def _parse_list_of_UnknownTool(
    raw: list[Any],
) -> list[
    CodeInterpreterTool
    | FileSearchTool
    | FunctionTool
    | MCPTool
    | BingGroundingTool
    | BingCustomSearchTool
    | AzureAISearchTool
    | SharepointGroundingTool
    | FabricDataAgentTool
    | OpenAPITool
    | AzureFunctionTool
    | ConnectedAgentTool
    | DeepResearchTool
    | BrowserAutomationTool
    | ComputerUseTool
    | UnknownTool
]:
    items: list[
        CodeInterpreterTool
        | FileSearchTool
        | FunctionTool
        | MCPTool
        | BingGroundingTool
        | BingCustomSearchTool
        | AzureAISearchTool
        | SharepointGroundingTool
        | FabricDataAgentTool
        | OpenAPITool
        | AzureFunctionTool
        | ConnectedAgentTool
        | DeepResearchTool
        | BrowserAutomationTool
        | ComputerUseTool
        | UnknownTool
    ] = []
    _value: (
        CodeInterpreterTool
        | FileSearchTool
        | FunctionTool
        | MCPTool
        | BingGroundingTool
        | BingCustomSearchTool
        | AzureAISearchTool
        | SharepointGroundingTool
        | FabricDataAgentTool
        | OpenAPITool
        | AzureFunctionTool
        | ConnectedAgentTool
        | DeepResearchTool
        | BrowserAutomationTool
        | ComputerUseTool
        | UnknownTool
    )
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if isinstance(_item, dict):
                _type1 = _item.get("type")
                _value = (
                    (_VARIANTS_UnknownTool.get(_type1) or _VARIANTS_UnknownTool.load(_type1) or UnknownTool)
                    if isinstance(_type1, str)
                    else UnknownTool
                ).from_dict(_item)
            else:
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
