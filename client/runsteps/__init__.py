"""runsteps: a Python SDK for the run-steps API of OpenAI-style Assistants servers.

Clients: `Client` and `AsyncClient` (also `Client.for_azure(...)` and `Client.for_azure_agents(...)`).
Models: generated attrs classes with the JSON names of their fields (`runsteps.RunStep`, ...; all of
them in `runsteps.models`). Errors: `RunStepsError` and its subclasses. Archives: `read_archive`.

Names are imported when first used, so `import runsteps` (and the `runsteps` command) start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._archive import (
        read_archive,
    )
    from ._async_client import (
        AsyncClient,
    )
    from ._client import (
        Client,
    )
    from ._errors import (
        APIConnectionError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        InternalServerError,
        NotFoundError,
        PermissionDeniedError,
        PollTimeoutError,
        RateLimitError,
        RunStepsError,
        UnprocessableEntityError,
    )
    from ._iterators import (
        AsyncPager,
        AsyncWatcher,
        Pager,
        Watcher,
    )
    from ._raw import (
        RawResponse,
    )
    from ._resources import (
        ToolApprovalParam,
        ToolOutputParam,
    )
    from .models import (
        ActivitiesDetails,
        AzureAISearchToolCall,
        AzureFunctionToolCall,
        BingCustomSearchToolCall,
        BingGroundingToolCall,
        BrowserAutomationToolCall,
        CodeInterpreterImageOutput,
        CodeInterpreterLogsOutput,
        CodeInterpreterToolCall,
        ComputerUseToolCall,
        ConnectedAgentToolCall,
        DeepResearchToolCall,
        Error,
        ErrorResponse,
        FabricDataAgentToolCall,
        FileSearchToolCall,
        FunctionToolCall,
        LastError,
        MCPListToolsActivity,
        MCPToolCall,
        MessageCreationDetails,
        OpenAPIToolCall,
        PayloadError,
        RequiredAction,
        RequiredComputerUseToolCall,
        RequiredFunctionToolCall,
        RequiredMCPToolCall,
        Run,
        RunList,
        RunStatus,
        RunStep,
        RunStepDelta,
        RunStepList,
        RunStepStatus,
        SharepointGroundingToolCall,
        ToolCallsDetails,
        ToolResources,
        UnknownActivity,
        UnknownCodeInterpreterOutput,
        UnknownRequiredToolCall,
        UnknownStepDetails,
        UnknownToolCall,
        Usage,
    )

_WHERE = {
    "Client": "._client",
    "AsyncClient": "._async_client",
    "APIConnectionError": "._errors",
    "APIResponseValidationError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "ConflictError": "._errors",
    "InternalServerError": "._errors",
    "NotFoundError": "._errors",
    "PermissionDeniedError": "._errors",
    "PollTimeoutError": "._errors",
    "RateLimitError": "._errors",
    "RunStepsError": "._errors",
    "UnprocessableEntityError": "._errors",
    "AsyncPager": "._iterators",
    "AsyncWatcher": "._iterators",
    "Pager": "._iterators",
    "Watcher": "._iterators",
    "RawResponse": "._raw",
    "ToolApprovalParam": "._resources",
    "ToolOutputParam": "._resources",
    "read_archive": "._archive",
    "CodeInterpreterImageOutput": ".models",
    "CodeInterpreterLogsOutput": ".models",
    "CodeInterpreterToolCall": ".models",
    "Error": ".models",
    "ErrorResponse": ".models",
    "FileSearchToolCall": ".models",
    "FunctionToolCall": ".models",
    "LastError": ".models",
    "MessageCreationDetails": ".models",
    "PayloadError": ".models",
    "Run": ".models",
    "RunList": ".models",
    "RunStatus": ".models",
    "RunStep": ".models",
    "RunStepDelta": ".models",
    "RunStepList": ".models",
    "RunStepStatus": ".models",
    "ToolCallsDetails": ".models",
    "UnknownCodeInterpreterOutput": ".models",
    "UnknownStepDetails": ".models",
    "UnknownToolCall": ".models",
    "RequiredAction": ".models",
    "RequiredFunctionToolCall": ".models",
    "RequiredMCPToolCall": ".models",
    "UnknownRequiredToolCall": ".models",
    "ActivitiesDetails": ".models",
    "AzureAISearchToolCall": ".models",
    "AzureFunctionToolCall": ".models",
    "BingCustomSearchToolCall": ".models",
    "BingGroundingToolCall": ".models",
    "BrowserAutomationToolCall": ".models",
    "ComputerUseToolCall": ".models",
    "ConnectedAgentToolCall": ".models",
    "DeepResearchToolCall": ".models",
    "FabricDataAgentToolCall": ".models",
    "MCPListToolsActivity": ".models",
    "MCPToolCall": ".models",
    "OpenAPIToolCall": ".models",
    "RequiredComputerUseToolCall": ".models",
    "SharepointGroundingToolCall": ".models",
    "ToolResources": ".models",
    "UnknownActivity": ".models",
    "Usage": ".models",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ActivitiesDetails",
    "AsyncClient",
    "AsyncPager",
    "AsyncWatcher",
    "AuthenticationError",
    "AzureAISearchToolCall",
    "AzureFunctionToolCall",
    "BadRequestError",
    "BingCustomSearchToolCall",
    "BingGroundingToolCall",
    "BrowserAutomationToolCall",
    "Client",
    "CodeInterpreterImageOutput",
    "CodeInterpreterLogsOutput",
    "CodeInterpreterToolCall",
    "ComputerUseToolCall",
    "ConflictError",
    "ConnectedAgentToolCall",
    "DeepResearchToolCall",
    "Error",
    "ErrorResponse",
    "FabricDataAgentToolCall",
    "FileSearchToolCall",
    "FunctionToolCall",
    "InternalServerError",
    "LastError",
    "MCPListToolsActivity",
    "MCPToolCall",
    "MessageCreationDetails",
    "NotFoundError",
    "OpenAPIToolCall",
    "Pager",
    "PayloadError",
    "PermissionDeniedError",
    "PollTimeoutError",
    "RateLimitError",
    "RawResponse",
    "RequiredAction",
    "RequiredComputerUseToolCall",
    "RequiredFunctionToolCall",
    "RequiredMCPToolCall",
    "Run",
    "RunList",
    "RunStatus",
    "RunStep",
    "RunStepDelta",
    "RunStepList",
    "RunStepStatus",
    "RunStepsError",
    "SharepointGroundingToolCall",
    "ToolApprovalParam",
    "ToolCallsDetails",
    "ToolOutputParam",
    "ToolResources",
    "UnknownActivity",
    "UnknownCodeInterpreterOutput",
    "UnknownRequiredToolCall",
    "UnknownStepDetails",
    "UnknownToolCall",
    "UnprocessableEntityError",
    "Usage",
    "Watcher",
    "__version__",
    "read_archive",
]
