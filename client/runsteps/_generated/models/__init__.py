"""Contains all the data models used in inputs/outputs"""

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
from .file_search_content_type import FileSearchContentType
from .file_search_ranker import FileSearchRanker
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
from .include_field import IncludeField
from .incomplete_details import IncompleteDetails
from .incomplete_reason import IncompleteReason
from .inner_error import InnerError
from .json_schema_format import JsonSchemaFormat
from .last_error import LastError
from .last_error_code import LastErrorCode
from .list_object_name import ListObjectName
from .list_order import ListOrder
from .list_run_steps_query import ListRunStepsQuery
from .list_runs_query import ListRunsQuery
from .message_creation import MessageCreation
from .message_creation_details import MessageCreationDetails
from .metadata import Metadata
from .prompt_tokens_details import PromptTokensDetails
from .required_action import RequiredAction
from .required_action_type import RequiredActionType
from .required_function_call import RequiredFunctionCall
from .required_tool_call import RequiredToolCall
from .response_format import ResponseFormat
from .run import Run
from .run_list import RunList
from .run_object_name import RunObjectName
from .run_status import RunStatus
from .run_step import RunStep
from .run_step_delta import RunStepDelta
from .run_step_delta_object_name import RunStepDeltaObjectName
from .run_step_list import RunStepList
from .run_step_object_name import RunStepObjectName
from .run_step_status import RunStepStatus
from .run_step_type import RunStepType
from .step_delta import StepDelta
from .submit_tool_outputs import SubmitToolOutputs
from .tool_calls_details import ToolCallsDetails
from .tool_choice import ToolChoice
from .tool_choice_function import ToolChoiceFunction
from .tool_choice_mode import ToolChoiceMode
from .truncation_strategy import TruncationStrategy
from .truncation_type import TruncationType
from .unknown_code_interpreter_output import UnknownCodeInterpreterOutput
from .unknown_step_details import UnknownStepDetails
from .unknown_tool import UnknownTool
from .unknown_tool_call import UnknownToolCall
from .usage import Usage

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
    "RequiredToolCall",
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
    "SubmitToolOutputs",
    "ToolCallsDetails",
    "ToolChoice",
    "ToolChoiceFunction",
    "ToolChoiceMode",
    "TruncationStrategy",
    "TruncationType",
    "UnknownCodeInterpreterOutput",
    "UnknownStepDetails",
    "UnknownTool",
    "UnknownToolCall",
    "Usage",
)
