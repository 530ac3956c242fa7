"""Every model of openapi.yaml. Each is imported when first asked for: importing one does not import them all."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .activities_details import ActivitiesDetails
    from .attachment_tool import AttachmentTool
    from .azure_ai_search_index import AzureAISearchIndex
    from .azure_ai_search_resource import AzureAISearchResource
    from .azure_ai_search_tool import AzureAISearchTool
    from .azure_ai_search_tool_call import AzureAISearchToolCall
    from .azure_function_binding import AzureFunctionBinding
    from .azure_function_call import AzureFunctionCall
    from .azure_function_options import AzureFunctionOptions
    from .azure_function_storage_queue import AzureFunctionStorageQueue
    from .azure_function_tool import AzureFunctionTool
    from .azure_function_tool_call import AzureFunctionToolCall
    from .bing_custom_search_tool import BingCustomSearchTool
    from .bing_custom_search_tool_call import BingCustomSearchToolCall
    from .bing_grounding_tool import BingGroundingTool
    from .bing_grounding_tool_call import BingGroundingToolCall
    from .bing_search_call import BingSearchCall
    from .bing_search_configuration import BingSearchConfiguration
    from .bing_search_options import BingSearchOptions
    from .browser_automation_call import BrowserAutomationCall
    from .browser_automation_connection import BrowserAutomationConnection
    from .browser_automation_options import BrowserAutomationOptions
    from .browser_automation_step import BrowserAutomationStep
    from .browser_automation_tool import BrowserAutomationTool
    from .browser_automation_tool_call import BrowserAutomationToolCall
    from .click_action import ClickAction
    from .code_interpreter_call import CodeInterpreterCall
    from .code_interpreter_image import CodeInterpreterImage
    from .code_interpreter_image_output import CodeInterpreterImageOutput
    from .code_interpreter_logs_output import CodeInterpreterLogsOutput
    from .code_interpreter_resource import CodeInterpreterResource
    from .code_interpreter_tool import CodeInterpreterTool
    from .code_interpreter_tool_call import CodeInterpreterToolCall
    from .completion_tokens_details import CompletionTokensDetails
    from .computer_screenshot import ComputerScreenshot
    from .computer_use_call import ComputerUseCall
    from .computer_use_options import ComputerUseOptions
    from .computer_use_tool import ComputerUseTool
    from .computer_use_tool_call import ComputerUseToolCall
    from .connected_agent_call import ConnectedAgentCall
    from .connected_agent_options import ConnectedAgentOptions
    from .connected_agent_tool import ConnectedAgentTool
    from .connected_agent_tool_call import ConnectedAgentToolCall
    from .coordinate_point import CoordinatePoint
    from .create_run_request import CreateRunRequest
    from .data_source import DataSource
    from .deep_research_call import DeepResearchCall
    from .deep_research_options import DeepResearchOptions
    from .deep_research_tool import DeepResearchTool
    from .deep_research_tool_call import DeepResearchToolCall
    from .double_click_action import DoubleClickAction
    from .drag_action import DragAction
    from .error import Error
    from .error_response import ErrorResponse
    from .fabric_data_agent_tool import FabricDataAgentTool
    from .fabric_data_agent_tool_call import FabricDataAgentToolCall
    from .file_citation import FileCitation
    from .file_citation_annotation import FileCitationAnnotation
    from .file_path import FilePath
    from .file_path_annotation import FilePathAnnotation
    from .file_search_call import FileSearchCall
    from .file_search_content_type import (
        FileSearchContentType,
        FileSearchContentTypeLiteral,
    )
    from .file_search_ranker import FileSearchRanker, FileSearchRankerLiteral
    from .file_search_ranking_options import FileSearchRankingOptions
    from .file_search_resource import FileSearchResource
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
    from .grounding_call import GroundingCall
    from .image_detail import ImageDetail, ImageDetailLiteral
    from .image_file_content import ImageFileContent
    from .image_url_content import ImageUrlContent
    from .include_field import IncludeField, IncludeFieldLiteral
    from .incomplete_details import IncompleteDetails
    from .incomplete_reason import IncompleteReason, IncompleteReasonLiteral
    from .inner_error import InnerError
    from .json_schema_format import JsonSchemaFormat
    from .keypress_action import KeypressAction
    from .last_error import LastError
    from .last_error_code import LastErrorCode, LastErrorCodeLiteral
    from .list_messages_query import ListMessagesQuery
    from .list_object_name import ListObjectName, ListObjectNameLiteral
    from .list_order import ListOrder, ListOrderLiteral
    from .list_run_steps_query import ListRunStepsQuery
    from .list_runs_query import ListRunsQuery
    from .list_threads_query import ListThreadsQuery
    from .mcp_approval_per_tool import MCPApprovalPerTool
    from .mcp_delta_details import MCPDeltaDetails
    from .mcp_list_tools_activity import MCPListToolsActivity
    from .mcp_resource import MCPResource
    from .mcp_tool import MCPTool
    from .mcp_tool_call import MCPToolCall
    from .mcp_tool_description import MCPToolDescription
    from .mcp_tool_descriptions import MCPToolDescriptions
    from .mcp_tool_list import MCPToolList
    from .message import Message
    from .message_attachment import MessageAttachment
    from .message_content_param import MessageContentParam
    from .message_creation import MessageCreation
    from .message_creation_details import MessageCreationDetails
    from .message_delta import MessageDelta
    from .message_delta_body import MessageDeltaBody
    from .message_delta_part import MessageDeltaPart
    from .message_image_file import MessageImageFile
    from .message_image_url import MessageImageUrl
    from .message_incomplete_details import MessageIncompleteDetails
    from .message_incomplete_reason import (
        MessageIncompleteReason,
        MessageIncompleteReasonLiteral,
    )
    from .message_list import MessageList
    from .message_object_name import MessageObjectName, MessageObjectNameLiteral
    from .message_role import MessageRole, MessageRoleLiteral
    from .message_status import MessageStatus, MessageStatusLiteral
    from .message_text import MessageText
    from .metadata import Metadata
    from .move_action import MoveAction
    from .open_api_auth import OpenAPIAuth
    from .open_api_call import OpenAPICall
    from .open_api_delta_details import OpenAPIDeltaDetails
    from .open_api_security_scheme import OpenAPISecurityScheme
    from .open_api_tool import OpenAPITool
    from .open_api_tool_call import OpenAPIToolCall
    from .open_api_tool_options import OpenAPIToolOptions
    from .prompt_tokens_details import PromptTokensDetails
    from .refusal_content import RefusalContent
    from .required_action import RequiredAction
    from .required_action_type import RequiredActionType, RequiredActionTypeLiteral
    from .required_computer_use_call import RequiredComputerUseCall
    from .required_computer_use_tool_call import RequiredComputerUseToolCall
    from .required_function_call import RequiredFunctionCall
    from .required_function_tool_call import RequiredFunctionToolCall
    from .required_mcp_tool_call import RequiredMCPToolCall
    from .response_format import ResponseFormat
    from .run import Run
    from .run_list import RunList
    from .run_message_param import RunMessageParam
    from .run_message_param_role import RunMessageParamRole, RunMessageParamRoleLiteral
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
    from .safety_check import SafetyCheck
    from .screenshot_action import ScreenshotAction
    from .scroll_action import ScrollAction
    from .sharepoint_grounding_tool import SharepointGroundingTool
    from .sharepoint_grounding_tool_call import SharepointGroundingToolCall
    from .step_delta import StepDelta
    from .string_map import StringMap
    from .submit_tool_approval import SubmitToolApproval
    from .submit_tool_outputs import SubmitToolOutputs
    from .submit_tool_outputs_run_request import SubmitToolOutputsRunRequest
    from .text_content import TextContent
    from .thread import Thread
    from .thread_list import ThreadList
    from .thread_object_name import ThreadObjectName, ThreadObjectNameLiteral
    from .tool_approval import ToolApproval
    from .tool_approval_headers import ToolApprovalHeaders
    from .tool_calls_details import ToolCallsDetails
    from .tool_choice import ToolChoice
    from .tool_choice_function import ToolChoiceFunction
    from .tool_choice_mode import ToolChoiceMode, ToolChoiceModeLiteral
    from .tool_connection import ToolConnection
    from .tool_connections import ToolConnections
    from .tool_output import ToolOutput
    from .tool_resources import ToolResources
    from .truncation_strategy import TruncationStrategy
    from .truncation_type import TruncationType, TruncationTypeLiteral
    from .type_action import TypeAction
    from .unknown_activity import UnknownActivity
    from .unknown_code_interpreter_output import UnknownCodeInterpreterOutput
    from .unknown_computer_action import UnknownComputerAction
    from .unknown_message_content import UnknownMessageContent
    from .unknown_required_tool_call import UnknownRequiredToolCall
    from .unknown_step_delta_details import UnknownStepDeltaDetails
    from .unknown_step_details import UnknownStepDetails
    from .unknown_text_annotation import UnknownTextAnnotation
    from .unknown_tool import UnknownTool
    from .unknown_tool_call import UnknownToolCall
    from .url_citation import UrlCitation
    from .url_citation_annotation import UrlCitationAnnotation
    from .usage import Usage
    from .vector_store_configuration import VectorStoreConfiguration
    from .vector_store_configurations import VectorStoreConfigurations
    from .wait_action import WaitAction

_MODULES = {
    "ActivitiesDetails": ".activities_details",
    "AttachmentTool": ".attachment_tool",
    "AzureAISearchIndex": ".azure_ai_search_index",
    "AzureAISearchResource": ".azure_ai_search_resource",
    "AzureAISearchTool": ".azure_ai_search_tool",
    "AzureAISearchToolCall": ".azure_ai_search_tool_call",
    "AzureFunctionBinding": ".azure_function_binding",
    "AzureFunctionCall": ".azure_function_call",
    "AzureFunctionOptions": ".azure_function_options",
    "AzureFunctionStorageQueue": ".azure_function_storage_queue",
    "AzureFunctionTool": ".azure_function_tool",
    "AzureFunctionToolCall": ".azure_function_tool_call",
    "BingCustomSearchTool": ".bing_custom_search_tool",
    "BingCustomSearchToolCall": ".bing_custom_search_tool_call",
    "BingGroundingTool": ".bing_grounding_tool",
    "BingGroundingToolCall": ".bing_grounding_tool_call",
    "BingSearchCall": ".bing_search_call",
    "BingSearchConfiguration": ".bing_search_configuration",
    "BingSearchOptions": ".bing_search_options",
    "BrowserAutomationCall": ".browser_automation_call",
    "BrowserAutomationConnection": ".browser_automation_connection",
    "BrowserAutomationOptions": ".browser_automation_options",
    "BrowserAutomationStep": ".browser_automation_step",
    "BrowserAutomationTool": ".browser_automation_tool",
    "BrowserAutomationToolCall": ".browser_automation_tool_call",
    "ClickAction": ".click_action",
    "CodeInterpreterCall": ".code_interpreter_call",
    "CodeInterpreterImage": ".code_interpreter_image",
    "CodeInterpreterImageOutput": ".code_interpreter_image_output",
    "CodeInterpreterLogsOutput": ".code_interpreter_logs_output",
    "CodeInterpreterResource": ".code_interpreter_resource",
    "CodeInterpreterTool": ".code_interpreter_tool",
    "CodeInterpreterToolCall": ".code_interpreter_tool_call",
    "CompletionTokensDetails": ".completion_tokens_details",
    "ComputerScreenshot": ".computer_screenshot",
    "ComputerUseCall": ".computer_use_call",
    "ComputerUseOptions": ".computer_use_options",
    "ComputerUseTool": ".computer_use_tool",
    "ComputerUseToolCall": ".computer_use_tool_call",
    "ConnectedAgentCall": ".connected_agent_call",
    "ConnectedAgentOptions": ".connected_agent_options",
    "ConnectedAgentTool": ".connected_agent_tool",
    "ConnectedAgentToolCall": ".connected_agent_tool_call",
    "CoordinatePoint": ".coordinate_point",
    "CreateRunRequest": ".create_run_request",
    "DataSource": ".data_source",
    "DeepResearchCall": ".deep_research_call",
    "DeepResearchOptions": ".deep_research_options",
    "DeepResearchTool": ".deep_research_tool",
    "DeepResearchToolCall": ".deep_research_tool_call",
    "DoubleClickAction": ".double_click_action",
    "DragAction": ".drag_action",
    "Error": ".error",
    "ErrorResponse": ".error_response",
    "FabricDataAgentTool": ".fabric_data_agent_tool",
    "FabricDataAgentToolCall": ".fabric_data_agent_tool_call",
    "FileCitation": ".file_citation",
    "FileCitationAnnotation": ".file_citation_annotation",
    "FilePath": ".file_path",
    "FilePathAnnotation": ".file_path_annotation",
    "FileSearchCall": ".file_search_call",
    "FileSearchContentType": ".file_search_content_type",
    "FileSearchRanker": ".file_search_ranker",
    "FileSearchRankingOptions": ".file_search_ranking_options",
    "FileSearchResource": ".file_search_resource",
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
    "GroundingCall": ".grounding_call",
    "ImageDetail": ".image_detail",
    "ImageFileContent": ".image_file_content",
    "ImageUrlContent": ".image_url_content",
    "IncludeField": ".include_field",
    "IncompleteDetails": ".incomplete_details",
    "IncompleteReason": ".incomplete_reason",
    "InnerError": ".inner_error",
    "JsonSchemaFormat": ".json_schema_format",
    "KeypressAction": ".keypress_action",
    "LastError": ".last_error",
    "LastErrorCode": ".last_error_code",
    "ListMessagesQuery": ".list_messages_query",
    "ListObjectName": ".list_object_name",
    "ListOrder": ".list_order",
    "ListRunStepsQuery": ".list_run_steps_query",
    "ListRunsQuery": ".list_runs_query",
    "ListThreadsQuery": ".list_threads_query",
    "MCPApprovalPerTool": ".mcp_approval_per_tool",
    "MCPDeltaDetails": ".mcp_delta_details",
    "MCPListToolsActivity": ".mcp_list_tools_activity",
    "MCPResource": ".mcp_resource",
    "MCPTool": ".mcp_tool",
    "MCPToolCall": ".mcp_tool_call",
    "MCPToolDescription": ".mcp_tool_description",
    "MCPToolDescriptions": ".mcp_tool_descriptions",
    "MCPToolList": ".mcp_tool_list",
    "Message": ".message",
    "MessageAttachment": ".message_attachment",
    "MessageContentParam": ".message_content_param",
    "MessageCreation": ".message_creation",
    "MessageCreationDetails": ".message_creation_details",
    "MessageDelta": ".message_delta",
    "MessageDeltaBody": ".message_delta_body",
    "MessageDeltaPart": ".message_delta_part",
    "MessageImageFile": ".message_image_file",
    "MessageImageUrl": ".message_image_url",
    "MessageIncompleteDetails": ".message_incomplete_details",
    "MessageIncompleteReason": ".message_incomplete_reason",
    "MessageList": ".message_list",
    "MessageObjectName": ".message_object_name",
    "MessageRole": ".message_role",
    "MessageStatus": ".message_status",
    "MessageText": ".message_text",
    "Metadata": ".metadata",
    "MoveAction": ".move_action",
    "OpenAPIAuth": ".open_api_auth",
    "OpenAPICall": ".open_api_call",
    "OpenAPIDeltaDetails": ".open_api_delta_details",
    "OpenAPISecurityScheme": ".open_api_security_scheme",
    "OpenAPITool": ".open_api_tool",
    "OpenAPIToolCall": ".open_api_tool_call",
    "OpenAPIToolOptions": ".open_api_tool_options",
    "PromptTokensDetails": ".prompt_tokens_details",
    "RefusalContent": ".refusal_content",
    "RequiredAction": ".required_action",
    "RequiredActionType": ".required_action_type",
    "RequiredComputerUseCall": ".required_computer_use_call",
    "RequiredComputerUseToolCall": ".required_computer_use_tool_call",
    "RequiredFunctionCall": ".required_function_call",
    "RequiredFunctionToolCall": ".required_function_tool_call",
    "RequiredMCPToolCall": ".required_mcp_tool_call",
    "ResponseFormat": ".response_format",
    "Run": ".run",
    "RunList": ".run_list",
    "RunMessageParam": ".run_message_param",
    "RunMessageParamRole": ".run_message_param_role",
    "RunObjectName": ".run_object_name",
    "RunStatus": ".run_status",
    "RunStep": ".run_step",
    "RunStepDelta": ".run_step_delta",
    "RunStepDeltaObjectName": ".run_step_delta_object_name",
    "RunStepList": ".run_step_list",
    "RunStepObjectName": ".run_step_object_name",
    "RunStepStatus": ".run_step_status",
    "RunStepType": ".run_step_type",
    "SafetyCheck": ".safety_check",
    "ScreenshotAction": ".screenshot_action",
    "ScrollAction": ".scroll_action",
    "SharepointGroundingTool": ".sharepoint_grounding_tool",
    "SharepointGroundingToolCall": ".sharepoint_grounding_tool_call",
    "StepDelta": ".step_delta",
    "StringMap": ".string_map",
    "SubmitToolApproval": ".submit_tool_approval",
    "SubmitToolOutputs": ".submit_tool_outputs",
    "SubmitToolOutputsRunRequest": ".submit_tool_outputs_run_request",
    "TextContent": ".text_content",
    "Thread": ".thread",
    "ThreadList": ".thread_list",
    "ThreadObjectName": ".thread_object_name",
    "ToolApproval": ".tool_approval",
    "ToolApprovalHeaders": ".tool_approval_headers",
    "ToolCallsDetails": ".tool_calls_details",
    "ToolChoice": ".tool_choice",
    "ToolChoiceFunction": ".tool_choice_function",
    "ToolChoiceMode": ".tool_choice_mode",
    "ToolConnection": ".tool_connection",
    "ToolConnections": ".tool_connections",
    "ToolOutput": ".tool_output",
    "ToolResources": ".tool_resources",
    "TruncationStrategy": ".truncation_strategy",
    "TruncationType": ".truncation_type",
    "TypeAction": ".type_action",
    "UnknownActivity": ".unknown_activity",
    "UnknownCodeInterpreterOutput": ".unknown_code_interpreter_output",
    "UnknownComputerAction": ".unknown_computer_action",
    "UnknownMessageContent": ".unknown_message_content",
    "UnknownRequiredToolCall": ".unknown_required_tool_call",
    "UnknownStepDeltaDetails": ".unknown_step_delta_details",
    "UnknownStepDetails": ".unknown_step_details",
    "UnknownTextAnnotation": ".unknown_text_annotation",
    "UnknownTool": ".unknown_tool",
    "UnknownToolCall": ".unknown_tool_call",
    "UrlCitation": ".url_citation",
    "UrlCitationAnnotation": ".url_citation_annotation",
    "Usage": ".usage",
    "VectorStoreConfiguration": ".vector_store_configuration",
    "VectorStoreConfigurations": ".vector_store_configurations",
    "WaitAction": ".wait_action",
    "FileSearchContentTypeLiteral": ".file_search_content_type",
    "FileSearchRankerLiteral": ".file_search_ranker",
    "ImageDetailLiteral": ".image_detail",
    "IncludeFieldLiteral": ".include_field",
    "IncompleteReasonLiteral": ".incomplete_reason",
    "LastErrorCodeLiteral": ".last_error_code",
    "ListObjectNameLiteral": ".list_object_name",
    "ListOrderLiteral": ".list_order",
    "MessageIncompleteReasonLiteral": ".message_incomplete_reason",
    "MessageObjectNameLiteral": ".message_object_name",
    "MessageRoleLiteral": ".message_role",
    "MessageStatusLiteral": ".message_status",
    "RequiredActionTypeLiteral": ".required_action_type",
    "RunMessageParamRoleLiteral": ".run_message_param_role",
    "RunObjectNameLiteral": ".run_object_name",
    "RunStatusLiteral": ".run_status",
    "RunStepDeltaObjectNameLiteral": ".run_step_delta_object_name",
    "RunStepObjectNameLiteral": ".run_step_object_name",
    "RunStepStatusLiteral": ".run_step_status",
    "RunStepTypeLiteral": ".run_step_type",
    "ThreadObjectNameLiteral": ".thread_object_name",
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
    "ActivitiesDetails",
    "AttachmentTool",
    "AzureAISearchIndex",
    "AzureAISearchResource",
    "AzureAISearchTool",
    "AzureAISearchToolCall",
    "AzureFunctionBinding",
    "AzureFunctionCall",
    "AzureFunctionOptions",
    "AzureFunctionStorageQueue",
    "AzureFunctionTool",
    "AzureFunctionToolCall",
    "BingCustomSearchTool",
    "BingCustomSearchToolCall",
    "BingGroundingTool",
    "BingGroundingToolCall",
    "BingSearchCall",
    "BingSearchConfiguration",
    "BingSearchOptions",
    "BrowserAutomationCall",
    "BrowserAutomationConnection",
    "BrowserAutomationOptions",
    "BrowserAutomationStep",
    "BrowserAutomationTool",
    "BrowserAutomationToolCall",
    "ClickAction",
    "CodeInterpreterCall",
    "CodeInterpreterImage",
    "CodeInterpreterImageOutput",
    "CodeInterpreterLogsOutput",
    "CodeInterpreterResource",
    "CodeInterpreterTool",
    "CodeInterpreterToolCall",
    "CompletionTokensDetails",
    "ComputerScreenshot",
    "ComputerUseCall",
    "ComputerUseOptions",
    "ComputerUseTool",
    "ComputerUseToolCall",
    "ConnectedAgentCall",
    "ConnectedAgentOptions",
    "ConnectedAgentTool",
    "ConnectedAgentToolCall",
    "CoordinatePoint",
    "CreateRunRequest",
    "DataSource",
    "DeepResearchCall",
    "DeepResearchOptions",
    "DeepResearchTool",
    "DeepResearchToolCall",
    "DoubleClickAction",
    "DragAction",
    "Error",
    "ErrorResponse",
    "FabricDataAgentTool",
    "FabricDataAgentToolCall",
    "FileCitation",
    "FileCitationAnnotation",
    "FilePath",
    "FilePathAnnotation",
    "FileSearchCall",
    "FileSearchContentType",
    "FileSearchRanker",
    "FileSearchRankingOptions",
    "FileSearchResource",
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
    "GroundingCall",
    "ImageDetail",
    "ImageFileContent",
    "ImageUrlContent",
    "IncludeField",
    "IncompleteDetails",
    "IncompleteReason",
    "InnerError",
    "JsonSchemaFormat",
    "KeypressAction",
    "LastError",
    "LastErrorCode",
    "ListMessagesQuery",
    "ListObjectName",
    "ListOrder",
    "ListRunsQuery",
    "ListRunStepsQuery",
    "ListThreadsQuery",
    "MCPApprovalPerTool",
    "MCPDeltaDetails",
    "MCPListToolsActivity",
    "MCPResource",
    "MCPTool",
    "MCPToolCall",
    "MCPToolDescription",
    "MCPToolDescriptions",
    "MCPToolList",
    "Message",
    "MessageAttachment",
    "MessageContentParam",
    "MessageCreation",
    "MessageCreationDetails",
    "MessageDelta",
    "MessageDeltaBody",
    "MessageDeltaPart",
    "MessageImageFile",
    "MessageImageUrl",
    "MessageIncompleteDetails",
    "MessageIncompleteReason",
    "MessageList",
    "MessageObjectName",
    "MessageRole",
    "MessageStatus",
    "MessageText",
    "Metadata",
    "MoveAction",
    "OpenAPIAuth",
    "OpenAPICall",
    "OpenAPIDeltaDetails",
    "OpenAPISecurityScheme",
    "OpenAPITool",
    "OpenAPIToolCall",
    "OpenAPIToolOptions",
    "PromptTokensDetails",
    "RefusalContent",
    "RequiredAction",
    "RequiredActionType",
    "RequiredComputerUseCall",
    "RequiredComputerUseToolCall",
    "RequiredFunctionCall",
    "RequiredFunctionToolCall",
    "RequiredMCPToolCall",
    "ResponseFormat",
    "Run",
    "RunList",
    "RunMessageParam",
    "RunMessageParamRole",
    "RunObjectName",
    "RunStatus",
    "RunStep",
    "RunStepDelta",
    "RunStepDeltaObjectName",
    "RunStepList",
    "RunStepObjectName",
    "RunStepStatus",
    "RunStepType",
    "SafetyCheck",
    "ScreenshotAction",
    "ScrollAction",
    "SharepointGroundingTool",
    "SharepointGroundingToolCall",
    "StepDelta",
    "StringMap",
    "SubmitToolApproval",
    "SubmitToolOutputs",
    "SubmitToolOutputsRunRequest",
    "TextContent",
    "Thread",
    "ThreadList",
    "ThreadObjectName",
    "ToolApproval",
    "ToolApprovalHeaders",
    "ToolCallsDetails",
    "ToolChoice",
    "ToolChoiceFunction",
    "ToolChoiceMode",
    "ToolConnection",
    "ToolConnections",
    "ToolOutput",
    "ToolResources",
    "TruncationStrategy",
    "TruncationType",
    "TypeAction",
    "UnknownActivity",
    "UnknownCodeInterpreterOutput",
    "UnknownComputerAction",
    "UnknownMessageContent",
    "UnknownRequiredToolCall",
    "UnknownStepDeltaDetails",
    "UnknownStepDetails",
    "UnknownTextAnnotation",
    "UnknownTool",
    "UnknownToolCall",
    "UrlCitation",
    "UrlCitationAnnotation",
    "Usage",
    "VectorStoreConfiguration",
    "VectorStoreConfigurations",
    "WaitAction",
    "FileSearchContentTypeLiteral",
    "FileSearchRankerLiteral",
    "ImageDetailLiteral",
    "IncludeFieldLiteral",
    "IncompleteReasonLiteral",
    "LastErrorCodeLiteral",
    "ListObjectNameLiteral",
    "ListOrderLiteral",
    "MessageIncompleteReasonLiteral",
    "MessageObjectNameLiteral",
    "MessageRoleLiteral",
    "MessageStatusLiteral",
    "RequiredActionTypeLiteral",
    "RunMessageParamRoleLiteral",
    "RunObjectNameLiteral",
    "RunStatusLiteral",
    "RunStepDeltaObjectNameLiteral",
    "RunStepObjectNameLiteral",
    "RunStepStatusLiteral",
    "RunStepTypeLiteral",
    "ThreadObjectNameLiteral",
    "ToolChoiceModeLiteral",
    "TruncationTypeLiteral",
)
