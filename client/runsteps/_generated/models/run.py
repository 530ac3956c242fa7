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
from ..models.completion_tokens_details import CompletionTokensDetails
from ..models.metadata import Metadata
from ..models.prompt_tokens_details import PromptTokensDetails
from ..models.run_object_name import _MEMBERS as _run_object_name
from ..models.run_object_name import RunObjectName
from ..models.run_status import _MEMBERS as _run_status
from ..models.run_status import RunStatus
from ..models.tool_choice_mode import _MEMBERS as _tool_choice_mode
from ..models.tool_choice_mode import ToolChoiceMode
from ..models.usage import Usage

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "object",
        "created_at",
        "assistant_id",
        "thread_id",
        "status",
        "started_at",
        "expires_at",
        "cancelled_at",
        "failed_at",
        "completed_at",
        "required_action",
        "last_error",
        "incomplete_details",
        "model",
        "instructions",
        "tools",
        "metadata",
        "usage",
        "temperature",
        "top_p",
        "max_prompt_tokens",
        "max_completion_tokens",
        "truncation_strategy",
        "response_format",
        "tool_choice",
        "parallel_tool_calls",
        "tool_resources",
    )
)


@_attrs_define
class Run(Model[Any]):
    """An execution of an assistant (or agent) on a thread.

    Attributes:
        id (str):
        object (RunObjectName | str | None):
        created_at (int | None):
        assistant_id (str | None):
        thread_id (str | None):
        status (RunStatus | str | None):
        started_at (int | None):
        expires_at (int | None):
        cancelled_at (int | None):
        failed_at (int | None):
        completed_at (int | None):
        required_action (RequiredAction | None):
        last_error (LastError | None):
        incomplete_details (IncompleteDetails | None):
        model (str | None):
        instructions (str | None): Null when none are set.
        tools (list[CodeInterpreterTool | FileSearchTool | FunctionTool | MCPTool | BingGroundingTool | BingCustomSearchTool | AzureAISearchTool | SharepointGroundingTool | FabricDataAgentTool | OpenAPITool | AzureFunctionTool | ConnectedAgentTool | DeepResearchTool | BrowserAutomationTool | ComputerUseTool | UnknownTool] | None):
        metadata (Metadata | None):
        usage (Usage | None):
        temperature (float | None):
        top_p (float | None):
        max_prompt_tokens (int | None):
        max_completion_tokens (int | None):
        truncation_strategy (TruncationStrategy | None):
        response_format (str | ResponseFormat | None): `auto`, or an object such as `{"type": "json_object"}`.
        tool_choice (ToolChoiceMode | str | ToolChoice | None): `none`, `auto`, `required`, or an object naming a tool.
        parallel_tool_calls (bool | None): Missing on runs from before mid-2024.
        tool_resources (ToolResources | None): The files, indexes and MCP servers the run's tools use (Azure AI Agents).
    """

    id: str
    object: RunObjectName | str | None = None
    created_at: int | None = None
    assistant_id: str | None = None
    thread_id: str | None = None
    status: RunStatus | str | None = None
    started_at: int | None = None
    expires_at: int | None = None
    cancelled_at: int | None = None
    failed_at: int | None = None
    completed_at: int | None = None
    required_action: RequiredAction | None = None
    last_error: LastError | None = None
    incomplete_details: IncompleteDetails | None = None
    model: str | None = None
    instructions: str | None = None
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
    usage: Usage | None = None
    temperature: float | None = None
    top_p: float | None = None
    max_prompt_tokens: int | None = None
    max_completion_tokens: int | None = None
    truncation_strategy: TruncationStrategy | None = None
    response_format: str | ResponseFormat | None = None
    tool_choice: ToolChoiceMode | str | ToolChoice | None = None
    parallel_tool_calls: bool | None = None
    tool_resources: ToolResources | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        id = self.id
        if id is not None:
            _d["id"] = id
        elif _n & 1:
            _d["id"] = None
        object_ = self.object
        if object_ is not None:
            _d["object"] = str(object_)
        elif _n & 2:
            _d["object"] = None
        created_at = self.created_at
        if created_at is not None:
            _d["created_at"] = created_at
        elif _n & 4:
            _d["created_at"] = None
        assistant_id = self.assistant_id
        if assistant_id is not None:
            _d["assistant_id"] = assistant_id
        elif _n & 8:
            _d["assistant_id"] = None
        thread_id = self.thread_id
        if thread_id is not None:
            _d["thread_id"] = thread_id
        elif _n & 16:
            _d["thread_id"] = None
        status = self.status
        if status is not None:
            _d["status"] = str(status)
        elif _n & 32:
            _d["status"] = None
        started_at = self.started_at
        if started_at is not None:
            _d["started_at"] = started_at
        elif _n & 64:
            _d["started_at"] = None
        expires_at = self.expires_at
        if expires_at is not None:
            _d["expires_at"] = expires_at
        elif _n & 128:
            _d["expires_at"] = None
        cancelled_at = self.cancelled_at
        if cancelled_at is not None:
            _d["cancelled_at"] = cancelled_at
        elif _n & 256:
            _d["cancelled_at"] = None
        failed_at = self.failed_at
        if failed_at is not None:
            _d["failed_at"] = failed_at
        elif _n & 512:
            _d["failed_at"] = None
        completed_at = self.completed_at
        if completed_at is not None:
            _d["completed_at"] = completed_at
        elif _n & 1024:
            _d["completed_at"] = None
        required_action = self.required_action
        if required_action is not None:
            _d["required_action"] = required_action.to_dict()
        elif _n & 2048:
            _d["required_action"] = None
        last_error = self.last_error
        if last_error is not None:
            _d["last_error"] = last_error.to_dict()
        elif _n & 4096:
            _d["last_error"] = None
        incomplete_details = self.incomplete_details
        if incomplete_details is not None:
            _d["incomplete_details"] = incomplete_details.to_dict()
        elif _n & 8192:
            _d["incomplete_details"] = None
        model = self.model
        if model is not None:
            _d["model"] = model
        elif _n & 16384:
            _d["model"] = None
        instructions = self.instructions
        if instructions is not None:
            _d["instructions"] = instructions
        elif _n & 32768:
            _d["instructions"] = None
        tools = self.tools
        if tools is not None:
            _d["tools"] = [_v0.to_dict() for _v0 in tools]
        elif _n & 65536:
            _d["tools"] = None
        metadata = self.metadata
        if metadata is not None:
            _d["metadata"] = metadata.to_dict()
        elif _n & 131072:
            _d["metadata"] = None
        usage = self.usage
        if usage is not None:
            _d["usage"] = usage.to_dict()
        elif _n & 262144:
            _d["usage"] = None
        temperature = self.temperature
        if temperature is not None:
            _d["temperature"] = temperature
        elif _n & 524288:
            _d["temperature"] = None
        top_p = self.top_p
        if top_p is not None:
            _d["top_p"] = top_p
        elif _n & 1048576:
            _d["top_p"] = None
        max_prompt_tokens = self.max_prompt_tokens
        if max_prompt_tokens is not None:
            _d["max_prompt_tokens"] = max_prompt_tokens
        elif _n & 2097152:
            _d["max_prompt_tokens"] = None
        max_completion_tokens = self.max_completion_tokens
        if max_completion_tokens is not None:
            _d["max_completion_tokens"] = max_completion_tokens
        elif _n & 4194304:
            _d["max_completion_tokens"] = None
        truncation_strategy = self.truncation_strategy
        if truncation_strategy is not None:
            _d["truncation_strategy"] = truncation_strategy.to_dict()
        elif _n & 8388608:
            _d["truncation_strategy"] = None
        response_format = self.response_format
        if response_format is not None:
            _d["response_format"] = (
                str(response_format) if isinstance(response_format, str) else response_format.to_dict()
            )
        elif _n & 16777216:
            _d["response_format"] = None
        tool_choice = self.tool_choice
        if tool_choice is not None:
            _d["tool_choice"] = str(tool_choice) if isinstance(tool_choice, str) else tool_choice.to_dict()
        elif _n & 33554432:
            _d["tool_choice"] = None
        parallel_tool_calls = self.parallel_tool_calls
        if parallel_tool_calls is not None:
            _d["parallel_tool_calls"] = parallel_tool_calls
        elif _n & 67108864:
            _d["parallel_tool_calls"] = None
        tool_resources = self.tool_resources
        if tool_resources is not None:
            _d["tool_resources"] = tool_resources.to_dict()
        elif _n & 134217728:
            _d["tool_resources"] = None
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
        id: str
        try:
            _raw = src_dict["id"]
            if not isinstance(_raw, str):
                raise PayloadError(f"expected a string, got {json_type_name(_raw)}")
            id = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "id")  # noqa: B904 (field_error chains it)
        object_: RunObjectName | str | None
        try:
            _raw = src_dict.get("object")
            if _raw is None:
                object_ = None
                if "object" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                try:
                    object_ = _run_object_name[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    object_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "object")  # noqa: B904 (field_error chains it)
        created_at: int | None
        created_at = src_dict.get("created_at")
        if created_at is None:
            if "created_at" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        assistant_id: str | None
        assistant_id = src_dict.get("assistant_id")
        if assistant_id is None:
            if "assistant_id" in src_dict:
                _nulls |= 8
            else:
                _absent += 1
        thread_id: str | None
        thread_id = src_dict.get("thread_id")
        if thread_id is None:
            if "thread_id" in src_dict:
                _nulls |= 16
            else:
                _absent += 1
        status: RunStatus | str | None
        try:
            _raw = src_dict.get("status")
            if _raw is None:
                status = None
                if "status" in src_dict:
                    _nulls |= 32
                else:
                    _absent += 1
            else:
                try:
                    status = _run_status[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    status = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "status")  # noqa: B904 (field_error chains it)
        started_at: int | None
        started_at = src_dict.get("started_at")
        if started_at is None:
            if "started_at" in src_dict:
                _nulls |= 64
            else:
                _absent += 1
        expires_at: int | None
        expires_at = src_dict.get("expires_at")
        if expires_at is None:
            if "expires_at" in src_dict:
                _nulls |= 128
            else:
                _absent += 1
        cancelled_at: int | None
        cancelled_at = src_dict.get("cancelled_at")
        if cancelled_at is None:
            if "cancelled_at" in src_dict:
                _nulls |= 256
            else:
                _absent += 1
        failed_at: int | None
        failed_at = src_dict.get("failed_at")
        if failed_at is None:
            if "failed_at" in src_dict:
                _nulls |= 512
            else:
                _absent += 1
        completed_at: int | None
        completed_at = src_dict.get("completed_at")
        if completed_at is None:
            if "completed_at" in src_dict:
                _nulls |= 1024
            else:
                _absent += 1
        required_action: RequiredAction | None
        try:
            _raw = src_dict.get("required_action")
            if _raw is None:
                required_action = None
                if "required_action" in src_dict:
                    _nulls |= 2048
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    required_action = RequiredAction.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "required_action")  # noqa: B904 (field_error chains it)
        last_error: LastError | None
        try:
            _raw = src_dict.get("last_error")
            if _raw is None:
                last_error = None
                if "last_error" in src_dict:
                    _nulls |= 4096
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    last_error = LastError.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "last_error")  # noqa: B904 (field_error chains it)
        incomplete_details: IncompleteDetails | None
        try:
            _raw = src_dict.get("incomplete_details")
            if _raw is None:
                incomplete_details = None
                if "incomplete_details" in src_dict:
                    _nulls |= 8192
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    incomplete_details = IncompleteDetails.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "incomplete_details")  # noqa: B904 (field_error chains it)
        model: str | None
        model = src_dict.get("model")
        if model is None:
            if "model" in src_dict:
                _nulls |= 16384
            else:
                _absent += 1
        instructions: str | None
        instructions = src_dict.get("instructions")
        if instructions is None:
            if "instructions" in src_dict:
                _nulls |= 32768
            else:
                _absent += 1
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
                    _nulls |= 65536
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
                    _nulls |= 131072
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    _nulls1 = 0
                    _absent1 = 0
                    _extra1 = None if len(_raw) + _absent1 == 0 else dict(_raw)
                    metadata = _new(Metadata)
                    metadata._nulls = _nulls1
                    metadata._extra = _extra1

                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "metadata")  # noqa: B904 (field_error chains it)
        usage: Usage | None
        try:
            _raw = src_dict.get("usage")
            if _raw is None:
                usage = None
                if "usage" in src_dict:
                    _nulls |= 262144
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    _nulls1 = 0
                    _absent1 = 0
                    _usage__prompt_tokens: int | None
                    _usage__prompt_tokens = _raw.get("prompt_tokens")
                    if _usage__prompt_tokens is None:
                        if "prompt_tokens" in _raw:
                            _nulls1 |= 1
                        else:
                            _absent1 += 1
                    _usage__completion_tokens: int | None
                    _usage__completion_tokens = _raw.get("completion_tokens")
                    if _usage__completion_tokens is None:
                        if "completion_tokens" in _raw:
                            _nulls1 |= 2
                        else:
                            _absent1 += 1
                    _usage__total_tokens: int | None
                    _usage__total_tokens = _raw.get("total_tokens")
                    if _usage__total_tokens is None:
                        if "total_tokens" in _raw:
                            _nulls1 |= 4
                        else:
                            _absent1 += 1
                    _usage__prompt_tokens_details: PromptTokensDetails | None
                    try:
                        _raw1 = _raw.get("prompt_tokens_details")
                        if _raw1 is None:
                            _usage__prompt_tokens_details = None
                            if "prompt_tokens_details" in _raw:
                                _nulls1 |= 8
                            else:
                                _absent1 += 1
                        else:
                            if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                            _nulls2 = 0
                            _absent2 = 0
                            _usage__prompt_tokens_details__cached_tokens: int | None
                            _usage__prompt_tokens_details__cached_tokens = _raw1.get("cached_tokens")
                            if _usage__prompt_tokens_details__cached_tokens is None:
                                if "cached_tokens" in _raw1:
                                    _nulls2 |= 1
                                else:
                                    _absent2 += 1
                            _extra2 = (
                                None
                                if len(_raw1) + _absent2 == 1
                                else {k: v for k, v in _raw1.items() if k not in {"cached_tokens"}}
                            )
                            _usage__prompt_tokens_details = _new(PromptTokensDetails)
                            _usage__prompt_tokens_details.cached_tokens = _usage__prompt_tokens_details__cached_tokens
                            _usage__prompt_tokens_details._nulls = _nulls2
                            _usage__prompt_tokens_details._extra = _extra2

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "prompt_tokens_details")  # noqa: B904 (field_error chains it)
                    _usage__prompt_token_details: PromptTokensDetails | None
                    try:
                        _raw1 = _raw.get("prompt_token_details")
                        if _raw1 is None:
                            _usage__prompt_token_details = None
                            if "prompt_token_details" in _raw:
                                _nulls1 |= 16
                            else:
                                _absent1 += 1
                        else:
                            if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                            _nulls2 = 0
                            _absent2 = 0
                            _usage__prompt_token_details__cached_tokens: int | None
                            _usage__prompt_token_details__cached_tokens = _raw1.get("cached_tokens")
                            if _usage__prompt_token_details__cached_tokens is None:
                                if "cached_tokens" in _raw1:
                                    _nulls2 |= 1
                                else:
                                    _absent2 += 1
                            _extra2 = (
                                None
                                if len(_raw1) + _absent2 == 1
                                else {k: v for k, v in _raw1.items() if k not in {"cached_tokens"}}
                            )
                            _usage__prompt_token_details = _new(PromptTokensDetails)
                            _usage__prompt_token_details.cached_tokens = _usage__prompt_token_details__cached_tokens
                            _usage__prompt_token_details._nulls = _nulls2
                            _usage__prompt_token_details._extra = _extra2

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "prompt_token_details")  # noqa: B904 (field_error chains it)
                    _usage__completion_tokens_details: CompletionTokensDetails | None
                    try:
                        _raw1 = _raw.get("completion_tokens_details")
                        if _raw1 is None:
                            _usage__completion_tokens_details = None
                            if "completion_tokens_details" in _raw:
                                _nulls1 |= 32
                            else:
                                _absent1 += 1
                        else:
                            if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                            _nulls2 = 0
                            _absent2 = 0
                            _usage__completion_tokens_details__reasoning_tokens: int | None
                            _usage__completion_tokens_details__reasoning_tokens = _raw1.get("reasoning_tokens")
                            if _usage__completion_tokens_details__reasoning_tokens is None:
                                if "reasoning_tokens" in _raw1:
                                    _nulls2 |= 1
                                else:
                                    _absent2 += 1
                            _extra2 = (
                                None
                                if len(_raw1) + _absent2 == 1
                                else {k: v for k, v in _raw1.items() if k not in {"reasoning_tokens"}}
                            )
                            _usage__completion_tokens_details = _new(CompletionTokensDetails)
                            _usage__completion_tokens_details.reasoning_tokens = (
                                _usage__completion_tokens_details__reasoning_tokens
                            )
                            _usage__completion_tokens_details._nulls = _nulls2
                            _usage__completion_tokens_details._extra = _extra2

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "completion_tokens_details")  # noqa: B904 (field_error chains it)
                    _extra1 = (
                        None
                        if len(_raw) + _absent1 == 6
                        else {
                            k: v
                            for k, v in _raw.items()
                            if k
                            not in {
                                "prompt_tokens",
                                "completion_tokens",
                                "total_tokens",
                                "prompt_tokens_details",
                                "prompt_token_details",
                                "completion_tokens_details",
                            }
                        }
                    )
                    usage = _new(Usage)
                    usage.prompt_tokens = _usage__prompt_tokens
                    usage.completion_tokens = _usage__completion_tokens
                    usage.total_tokens = _usage__total_tokens
                    usage.prompt_tokens_details = _usage__prompt_tokens_details
                    usage.prompt_token_details = _usage__prompt_token_details
                    usage.completion_tokens_details = _usage__completion_tokens_details
                    usage._nulls = _nulls1
                    usage._extra = _extra1

                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "usage")  # noqa: B904 (field_error chains it)
        temperature: float | None
        temperature = src_dict.get("temperature")
        if temperature is None:
            if "temperature" in src_dict:
                _nulls |= 524288
            else:
                _absent += 1
        top_p: float | None
        top_p = src_dict.get("top_p")
        if top_p is None:
            if "top_p" in src_dict:
                _nulls |= 1048576
            else:
                _absent += 1
        max_prompt_tokens: int | None
        max_prompt_tokens = src_dict.get("max_prompt_tokens")
        if max_prompt_tokens is None:
            if "max_prompt_tokens" in src_dict:
                _nulls |= 2097152
            else:
                _absent += 1
        max_completion_tokens: int | None
        max_completion_tokens = src_dict.get("max_completion_tokens")
        if max_completion_tokens is None:
            if "max_completion_tokens" in src_dict:
                _nulls |= 4194304
            else:
                _absent += 1
        truncation_strategy: TruncationStrategy | None
        try:
            _raw = src_dict.get("truncation_strategy")
            if _raw is None:
                truncation_strategy = None
                if "truncation_strategy" in src_dict:
                    _nulls |= 8388608
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    truncation_strategy = TruncationStrategy.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "truncation_strategy")  # noqa: B904 (field_error chains it)
        response_format: str | ResponseFormat | None
        try:
            _raw = src_dict.get("response_format")
            if _raw is None:
                response_format = None
                if "response_format" in src_dict:
                    _nulls |= 16777216
                else:
                    _absent += 1
            else:
                if isinstance(_raw, str):
                    response_format = _raw
                elif isinstance(_raw, dict):
                    response_format = ResponseFormat.from_dict(_raw)
                else:
                    raise PayloadError(f"expected a string or an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "response_format")  # noqa: B904 (field_error chains it)
        tool_choice: ToolChoiceMode | str | ToolChoice | None
        try:
            _raw = src_dict.get("tool_choice")
            if _raw is None:
                tool_choice = None
                if "tool_choice" in src_dict:
                    _nulls |= 33554432
                else:
                    _absent += 1
            else:
                if isinstance(_raw, str):
                    tool_choice = _tool_choice_mode.get(_raw, _raw)
                elif isinstance(_raw, dict):
                    tool_choice = ToolChoice.from_dict(_raw)
                else:
                    raise PayloadError(f"expected a string or an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "tool_choice")  # noqa: B904 (field_error chains it)
        parallel_tool_calls: bool | None
        parallel_tool_calls = src_dict.get("parallel_tool_calls")
        if parallel_tool_calls is None:
            if "parallel_tool_calls" in src_dict:
                _nulls |= 67108864
            else:
                _absent += 1
        tool_resources: ToolResources | None
        try:
            _raw = src_dict.get("tool_resources")
            if _raw is None:
                tool_resources = None
                if "tool_resources" in src_dict:
                    _nulls |= 134217728
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    tool_resources = ToolResources.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "tool_resources")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 28 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is Run:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.id = id
            _self.object = object_
            _self.created_at = created_at
            _self.assistant_id = assistant_id
            _self.thread_id = thread_id
            _self.status = status
            _self.started_at = started_at
            _self.expires_at = expires_at
            _self.cancelled_at = cancelled_at
            _self.failed_at = failed_at
            _self.completed_at = completed_at
            _self.required_action = required_action
            _self.last_error = last_error
            _self.incomplete_details = incomplete_details
            _self.model = model
            _self.instructions = instructions
            _self.tools = tools
            _self.metadata = metadata
            _self.usage = usage
            _self.temperature = temperature
            _self.top_p = top_p
            _self.max_prompt_tokens = max_prompt_tokens
            _self.max_completion_tokens = max_completion_tokens
            _self.truncation_strategy = truncation_strategy
            _self.response_format = response_format
            _self.tool_choice = tool_choice
            _self.parallel_tool_calls = parallel_tool_calls
            _self.tool_resources = tool_resources
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            id,
            object_,
            created_at,
            assistant_id,
            thread_id,
            status,
            started_at,
            expires_at,
            cancelled_at,
            failed_at,
            completed_at,
            required_action,
            last_error,
            incomplete_details,
            model,
            instructions,
            tools,
            metadata,
            usage,
            temperature,
            top_p,
            max_prompt_tokens,
            max_completion_tokens,
            truncation_strategy,
            response_format,
            tool_choice,
            parallel_tool_calls,
            tool_resources,
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
    from ..models.incomplete_details import IncompleteDetails
    from ..models.last_error import LastError
    from ..models.mcp_tool import MCPTool
    from ..models.open_api_tool import OpenAPITool
    from ..models.required_action import RequiredAction
    from ..models.response_format import ResponseFormat
    from ..models.sharepoint_grounding_tool import SharepointGroundingTool
    from ..models.tool_choice import ToolChoice
    from ..models.tool_resources import ToolResources
    from ..models.truncation_strategy import TruncationStrategy
    from ..models.unknown_tool import UnknownTool
else:
    IncompleteDetails = Deferred(globals(), "incomplete_details", "IncompleteDetails")
    LastError = Deferred(globals(), "last_error", "LastError")
    RequiredAction = Deferred(globals(), "required_action", "RequiredAction")
    ResponseFormat = Deferred(globals(), "response_format", "ResponseFormat")
    ToolChoice = Deferred(globals(), "tool_choice", "ToolChoice")
    ToolResources = Deferred(globals(), "tool_resources", "ToolResources")
    TruncationStrategy = Deferred(globals(), "truncation_strategy", "TruncationStrategy")
    UnknownTool = Deferred(globals(), "unknown_tool", "UnknownTool")

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
