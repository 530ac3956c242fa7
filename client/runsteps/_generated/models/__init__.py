"""Every model of openapi.yaml. Each is imported when first asked for: importing one does not import them all."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .code_interpreter_call import CodeInterpreterCall
    from .code_interpreter_image import CodeInterpreterImage
    from .code_interpreter_image_output import CodeInterpreterImageOutput
    from .code_interpreter_logs_output import CodeInterpreterLogsOutput
    from .code_interpreter_tool import CodeInterpreterTool
    from .code_interpreter_tool_call import CodeInterpreterToolCall
    from .completion_tokens_details import CompletionTokensDetails
    from .error import Error
    from .error_response import ErrorResponse
    from .file_search_call import FileSearchCall
    from .file_search_content_type import (
        FileSearchContentType,
        FileSearchContentTypeLiteral,
    )
    from .file_search_ranker import FileSearchRanker, FileSearchRankerLiteral
    from .file_search_ranking_options import FileSearchRankingOptions
    from .file_search_result import FileSearchResult
    from .file_search_result_content import FileSearchResultContent
    from .file_search_tool import FileSearchTool
    from .file_search_tool_call import FileSearchToolCall
    from .file_search_tool_options import FileSearchToolOptions
    from .function_call import FunctionCall
    from .function_definition import FunctionDefinition
    from .function_parameters import FunctionParameters
    from .function_tool import FunctionTool
    from .function_tool_call import FunctionToolCall
    from .get_run_step_query import GetRunStepQuery
    from .include_field import IncludeField, IncludeFieldLiteral
    from .incomplete_details import IncompleteDetails
    from .incomplete_reason import IncompleteReason, IncompleteReasonLiteral
    from .inner_error import InnerError
    from .json_schema_format import JsonSchemaFormat
    from .last_error import LastError
    from .last_error_code import LastErrorCode, LastErrorCodeLiteral
    from .list_object_name import ListObjectName, ListObjectNameLiteral
    from .list_order import ListOrder, ListOrderLiteral
    from .list_run_steps_query import ListRunStepsQuery
    from .list_runs_query import ListRunsQuery
    from .message_creation import MessageCreation
    from .message_creation_details import MessageCreationDetails
    from .metadata import Metadata
    from .prompt_tokens_details import PromptTokensDetails
    from .required_action import RequiredAction
    from .required_action_type import RequiredActionType, RequiredActionTypeLiteral
    from .required_function_call import RequiredFunctionCall
    from .required_function_tool_call import RequiredFunctionToolCall
    from .required_mcp_tool_call import RequiredMCPToolCall
    from .response_format import ResponseFormat
    from .run import Run
    from .run_list import RunList
    from .run_object_name import RunObjectName, RunObjectNameLiteral
    from .run_status import RunStatus, RunStatusLiteral
    from .run_step import RunStep
    from .run_step_delta import RunStepDelta
    from .run_step_delta_object_name import (
        RunStepDeltaObjectName,
        RunStepDeltaObjectNameLiteral,
    )
    from .run_step_list import RunStepList
    from .run_step_object_name import RunStepObjectName, RunStepObjectNameLiteral
    from .run_step_status import RunStepStatus, RunStepStatusLiteral
    from .run_step_type import RunStepType, RunStepTypeLiteral
    from .step_delta import StepDelta
    from .submit_tool_approval import SubmitToolApproval
    from .submit_tool_outputs import SubmitToolOutputs
    from .submit_tool_outputs_run_request import SubmitToolOutputsRunRequest
    from .tool_approval import ToolApproval
    from .tool_approval_headers import ToolApprovalHeaders
    from .tool_calls_details import ToolCallsDetails
    from .tool_choice import ToolChoice
    from .tool_choice_function import ToolChoiceFunction
    from .tool_choice_mode import ToolChoiceMode, ToolChoiceModeLiteral
    from .tool_output import ToolOutput
    from .truncation_strategy import TruncationStrategy
    from .truncation_type import TruncationType, TruncationTypeLiteral
    from .unknown_code_interpreter_output import UnknownCodeInterpreterOutput
    from .unknown_required_tool_call import UnknownRequiredToolCall
    from .unknown_step_details import UnknownStepDetails
    from .unknown_tool import UnknownTool
    from .unknown_tool_call import UnknownToolCall
    from .usage import Usage

_MODULES = {
    "CodeInterpreterCall": ".code_interpreter_call",
    "CodeInterpreterImage": ".code_interpreter_image",
    "CodeInterpreterImageOutput": ".code_interpreter_image_output",
    "CodeInterpreterLogsOutput": ".code_interpreter_logs_output",
    "CodeInterpreterTool": ".code_interpreter_tool",
    "CodeInterpreterToolCall": ".code_interpreter_tool_call",
    "CompletionTokensDetails": ".completion_tokens_details",
    "Error": ".error",
    "ErrorResponse": ".error_response",
    "FileSearchCall": ".file_search_call",
    "FileSearchContentType": ".file_search_content_type",
    "FileSearchRanker": ".file_search_ranker",
    "FileSearchRankingOptions": ".file_search_ranking_options",
    "FileSearchResult": ".file_search_result",
    "FileSearchResultContent": ".file_search_result_content",
    "FileSearchTool": ".file_search_tool",
    "FileSearchToolCall": ".file_search_tool_call",
    "FileSearchToolOptions": ".file_search_tool_options",
    "FunctionCall": ".function_call",
    "FunctionDefinition": ".function_definition",
    "FunctionParameters": ".function_parameters",
    "FunctionTool": ".function_tool",
    "FunctionToolCall": ".function_tool_call",
    "GetRunStepQuery": ".get_run_step_query",
    "IncludeField": ".include_field",
    "IncompleteDetails": ".incomplete_details",
    "IncompleteReason": ".incomplete_reason",
    "InnerError": ".inner_error",
    "JsonSchemaFormat": ".json_schema_format",
    "LastError": ".last_error",
    "LastErrorCode": ".last_error_code",
    "ListObjectName": ".list_object_name",
    "ListOrder": ".list_order",
    "ListRunStepsQuery": ".list_run_steps_query",
    "ListRunsQuery": ".list_runs_query",
    "MessageCreation": ".message_creation",
    "MessageCreationDetails": ".message_creation_details",
    "Metadata": ".metadata",
    "PromptTokensDetails": ".prompt_tokens_details",
    "RequiredAction": ".required_action",
    "RequiredActionType": ".required_action_type",
    "RequiredFunctionCall": ".required_function_call",
    "RequiredFunctionToolCall": ".required_function_tool_call",
    "RequiredMCPToolCall": ".required_mcp_tool_call",
    "ResponseFormat": ".response_format",
    "Run": ".run",
    "RunList": ".run_list",
    "RunObjectName": ".run_object_name",
    "RunStatus": ".run_status",
    "RunStep": ".run_step",
    "RunStepDelta": ".run_step_delta",
    "RunStepDeltaObjectName": ".run_step_delta_object_name",
    "RunStepList": ".run_step_list",
    "RunStepObjectName": ".run_step_object_name",
    "RunStepStatus": ".run_step_status",
    "RunStepType": ".run_step_type",
    "StepDelta": ".step_delta",
    "SubmitToolApproval": ".submit_tool_approval",
    "SubmitToolOutputs": ".submit_tool_outputs",
    "SubmitToolOutputsRunRequest": ".submit_tool_outputs_run_request",
    "ToolApproval": ".tool_approval",
    "ToolApprovalHeaders": ".tool_approval_headers",
    "ToolCallsDetails": ".tool_calls_details",
    "ToolChoice": ".tool_choice",
    "ToolChoiceFunction": ".tool_choice_function",
    "ToolChoiceMode": ".tool_choice_mode",
    "ToolOutput": ".tool_output",
    "TruncationStrategy": ".truncation_strategy",
    "TruncationType": ".truncation_type",
    "UnknownCodeInterpreterOutput": ".unknown_code_interpreter_output",
    "UnknownRequiredToolCall": ".unknown_required_tool_call",
    "UnknownStepDetails": ".unknown_step_details",
    "UnknownTool": ".unknown_tool",
    "UnknownToolCall": ".unknown_tool_call",
    "Usage": ".usage",
    "FileSearchContentTypeLiteral": ".file_search_content_type",
    "FileSearchRankerLiteral": ".file_search_ranker",
    "IncludeFieldLiteral": ".include_field",
    "IncompleteReasonLiteral": ".incomplete_reason",
    "LastErrorCodeLiteral": ".last_error_code",
    "ListObjectNameLiteral": ".list_object_name",
    "ListOrderLiteral": ".list_order",
    "RequiredActionTypeLiteral": ".required_action_type",
    "RunObjectNameLiteral": ".run_object_name",
    "RunStatusLiteral": ".run_status",
    "RunStepDeltaObjectNameLiteral": ".run_step_delta_object_name",
    "RunStepObjectNameLiteral": ".run_step_object_name",
    "RunStepStatusLiteral": ".run_step_status",
    "RunStepTypeLiteral": ".run_step_type",
    "ToolChoiceModeLiteral": ".tool_choice_mode",
    "TruncationTypeLiteral": ".truncation_type",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = (
    "CodeInterpreterCall",
    "CodeInterpreterImage",
    "CodeInterpreterImageOutput",
    "CodeInterpreterLogsOutput",
    "CodeInterpreterTool",
    "CodeInterpreterToolCall",
    "CompletionTokensDetails",
    "Error",
    "ErrorResponse",
    "FileSearchCall",
    "FileSearchContentType",
    "FileSearchRanker",
    "FileSearchRankingOptions",
    "FileSearchResult",
    "FileSearchResultContent",
    "FileSearchTool",
    "FileSearchToolCall",
    "FileSearchToolOptions",
    "FunctionCall",
    "FunctionDefinition",
    "FunctionParameters",
    "FunctionTool",
    "FunctionToolCall",
    "GetRunStepQuery",
    "IncludeField",
    "IncompleteDetails",
    "IncompleteReason",
    "InnerError",
    "JsonSchemaFormat",
    "LastError",
    "LastErrorCode",
    "ListObjectName",
    "ListOrder",
    "ListRunsQuery",
    "ListRunStepsQuery",
    "MessageCreation",
    "MessageCreationDetails",
    "Metadata",
    "PromptTokensDetails",
    "RequiredAction",
    "RequiredActionType",
    "RequiredFunctionCall",
    "RequiredFunctionToolCall",
    "RequiredMCPToolCall",
    "ResponseFormat",
    "Run",
    "RunList",
    "RunObjectName",
    "RunStatus",
    "RunStep",
    "RunStepDelta",
    "RunStepDeltaObjectName",
    "RunStepList",
    "RunStepObjectName",
    "RunStepStatus",
    "RunStepType",
    "StepDelta",
    "SubmitToolApproval",
    "SubmitToolOutputs",
    "SubmitToolOutputsRunRequest",
    "ToolApproval",
    "ToolApprovalHeaders",
    "ToolCallsDetails",
    "ToolChoice",
    "ToolChoiceFunction",
    "ToolChoiceMode",
    "ToolOutput",
    "TruncationStrategy",
    "TruncationType",
    "UnknownCodeInterpreterOutput",
    "UnknownRequiredToolCall",
    "UnknownStepDetails",
    "UnknownTool",
    "UnknownToolCall",
    "Usage",
    "FileSearchContentTypeLiteral",
    "FileSearchRankerLiteral",
    "IncludeFieldLiteral",
    "IncompleteReasonLiteral",
    "LastErrorCodeLiteral",
    "ListObjectNameLiteral",
    "ListOrderLiteral",
    "RequiredActionTypeLiteral",
    "RunObjectNameLiteral",
    "RunStatusLiteral",
    "RunStepDeltaObjectNameLiteral",
    "RunStepObjectNameLiteral",
    "RunStepStatusLiteral",
    "RunStepTypeLiteral",
    "ToolChoiceModeLiteral",
    "TruncationTypeLiteral",
)
