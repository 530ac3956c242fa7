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

# The public names and where each lives: the one table. The imports for type checkers and `__all__`
# below are written from it by `make generate` (scripts/exports.py) and checked by `make check-generated`.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "._sync.client": ("Client",),
    "._async.client": ("AsyncClient",),
    "._errors": (
        "APIConnectionError",
        "APIResponseValidationError",
        "APIStatusError",
        "APITimeoutError",
        "AuthenticationError",
        "BadRequestError",
        "ConflictError",
        "InternalServerError",
        "NotFoundError",
        "PermissionDeniedError",
        "PollTimeoutError",
        "RateLimitError",
        "RunStepsError",
        "StreamEventError",
        "UnprocessableEntityError",
    ),
    "._sync.iterators": (
        "Pager",
        "Watcher",
    ),
    "._async.iterators": (
        "AsyncPager",
        "AsyncWatcher",
    ),
    "._sync.streams": ("RunStream",),
    "._async.streams": ("AsyncRunStream",),
    "._events.accumulate": ("RunStreamEvent",),
    "._raw": ("RawResponse",),
    "._params": (
        "ToolApprovalParam",
        "ToolOutputParam",
    ),
    "._io.clock": (
        "AsyncClock",
        "Clock",
    ),
    "._archive.reading": ("read_archive",),
    ".models": (
        "ActivitiesDetails",
        "AzureAISearchToolCall",
        "AzureFunctionToolCall",
        "BingCustomSearchToolCall",
        "BingGroundingToolCall",
        "BrowserAutomationToolCall",
        "CodeInterpreterImageOutput",
        "CodeInterpreterLogsOutput",
        "CodeInterpreterToolCall",
        "ComputerUseToolCall",
        "ConnectedAgentToolCall",
        "DeepResearchToolCall",
        "Error",
        "ErrorResponse",
        "FabricDataAgentToolCall",
        "FileCitationAnnotation",
        "FilePathAnnotation",
        "FileSearchToolCall",
        "FunctionToolCall",
        "ImageFileContent",
        "ImageUrlContent",
        "LastError",
        "MCPListToolsActivity",
        "MCPToolCall",
        "Message",
        "MessageDelta",
        "MessageAttachment",
        "MessageCreationDetails",
        "MessageList",
        "MessageText",
        "OpenAPIToolCall",
        "PayloadError",
        "RefusalContent",
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
        "SharepointGroundingToolCall",
        "TextContent",
        "Thread",
        "ThreadList",
        "ToolCallsDetails",
        "ToolResources",
        "UnknownActivity",
        "UnknownCodeInterpreterOutput",
        "UnknownMessageContent",
        "UnknownRequiredToolCall",
        "UnknownStepDetails",
        "UnknownTextAnnotation",
        "UnknownToolCall",
        "UrlCitationAnnotation",
        "Usage",
    ),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


# <exports>
if TYPE_CHECKING:
    from ._archive.reading import (
        read_archive as read_archive,
    )
    from ._async.client import (
        AsyncClient as AsyncClient,
    )
    from ._async.iterators import (
        AsyncPager as AsyncPager,
    )
    from ._async.iterators import (
        AsyncWatcher as AsyncWatcher,
    )
    from ._async.streams import (
        AsyncRunStream as AsyncRunStream,
    )
    from ._errors import (
        APIConnectionError as APIConnectionError,
    )
    from ._errors import (
        APIResponseValidationError as APIResponseValidationError,
    )
    from ._errors import (
        APIStatusError as APIStatusError,
    )
    from ._errors import (
        APITimeoutError as APITimeoutError,
    )
    from ._errors import (
        AuthenticationError as AuthenticationError,
    )
    from ._errors import (
        BadRequestError as BadRequestError,
    )
    from ._errors import (
        ConflictError as ConflictError,
    )
    from ._errors import (
        InternalServerError as InternalServerError,
    )
    from ._errors import (
        NotFoundError as NotFoundError,
    )
    from ._errors import (
        PermissionDeniedError as PermissionDeniedError,
    )
    from ._errors import (
        PollTimeoutError as PollTimeoutError,
    )
    from ._errors import (
        RateLimitError as RateLimitError,
    )
    from ._errors import (
        RunStepsError as RunStepsError,
    )
    from ._errors import (
        StreamEventError as StreamEventError,
    )
    from ._errors import (
        UnprocessableEntityError as UnprocessableEntityError,
    )
    from ._events.accumulate import (
        RunStreamEvent as RunStreamEvent,
    )
    from ._io.clock import (
        AsyncClock as AsyncClock,
    )
    from ._io.clock import (
        Clock as Clock,
    )
    from ._params import (
        ToolApprovalParam as ToolApprovalParam,
    )
    from ._params import (
        ToolOutputParam as ToolOutputParam,
    )
    from ._raw import (
        RawResponse as RawResponse,
    )
    from ._sync.client import (
        Client as Client,
    )
    from ._sync.iterators import (
        Pager as Pager,
    )
    from ._sync.iterators import (
        Watcher as Watcher,
    )
    from ._sync.streams import (
        RunStream as RunStream,
    )
    from .models import (
        ActivitiesDetails as ActivitiesDetails,
    )
    from .models import (
        AzureAISearchToolCall as AzureAISearchToolCall,
    )
    from .models import (
        AzureFunctionToolCall as AzureFunctionToolCall,
    )
    from .models import (
        BingCustomSearchToolCall as BingCustomSearchToolCall,
    )
    from .models import (
        BingGroundingToolCall as BingGroundingToolCall,
    )
    from .models import (
        BrowserAutomationToolCall as BrowserAutomationToolCall,
    )
    from .models import (
        CodeInterpreterImageOutput as CodeInterpreterImageOutput,
    )
    from .models import (
        CodeInterpreterLogsOutput as CodeInterpreterLogsOutput,
    )
    from .models import (
        CodeInterpreterToolCall as CodeInterpreterToolCall,
    )
    from .models import (
        ComputerUseToolCall as ComputerUseToolCall,
    )
    from .models import (
        ConnectedAgentToolCall as ConnectedAgentToolCall,
    )
    from .models import (
        DeepResearchToolCall as DeepResearchToolCall,
    )
    from .models import (
        Error as Error,
    )
    from .models import (
        ErrorResponse as ErrorResponse,
    )
    from .models import (
        FabricDataAgentToolCall as FabricDataAgentToolCall,
    )
    from .models import (
        FileCitationAnnotation as FileCitationAnnotation,
    )
    from .models import (
        FilePathAnnotation as FilePathAnnotation,
    )
    from .models import (
        FileSearchToolCall as FileSearchToolCall,
    )
    from .models import (
        FunctionToolCall as FunctionToolCall,
    )
    from .models import (
        ImageFileContent as ImageFileContent,
    )
    from .models import (
        ImageUrlContent as ImageUrlContent,
    )
    from .models import (
        LastError as LastError,
    )
    from .models import (
        MCPListToolsActivity as MCPListToolsActivity,
    )
    from .models import (
        MCPToolCall as MCPToolCall,
    )
    from .models import (
        Message as Message,
    )
    from .models import (
        MessageAttachment as MessageAttachment,
    )
    from .models import (
        MessageCreationDetails as MessageCreationDetails,
    )
    from .models import (
        MessageDelta as MessageDelta,
    )
    from .models import (
        MessageList as MessageList,
    )
    from .models import (
        MessageText as MessageText,
    )
    from .models import (
        OpenAPIToolCall as OpenAPIToolCall,
    )
    from .models import (
        PayloadError as PayloadError,
    )
    from .models import (
        RefusalContent as RefusalContent,
    )
    from .models import (
        RequiredAction as RequiredAction,
    )
    from .models import (
        RequiredComputerUseToolCall as RequiredComputerUseToolCall,
    )
    from .models import (
        RequiredFunctionToolCall as RequiredFunctionToolCall,
    )
    from .models import (
        RequiredMCPToolCall as RequiredMCPToolCall,
    )
    from .models import (
        Run as Run,
    )
    from .models import (
        RunList as RunList,
    )
    from .models import (
        RunStatus as RunStatus,
    )
    from .models import (
        RunStep as RunStep,
    )
    from .models import (
        RunStepDelta as RunStepDelta,
    )
    from .models import (
        RunStepList as RunStepList,
    )
    from .models import (
        RunStepStatus as RunStepStatus,
    )
    from .models import (
        SharepointGroundingToolCall as SharepointGroundingToolCall,
    )
    from .models import (
        TextContent as TextContent,
    )
    from .models import (
        Thread as Thread,
    )
    from .models import (
        ThreadList as ThreadList,
    )
    from .models import (
        ToolCallsDetails as ToolCallsDetails,
    )
    from .models import (
        ToolResources as ToolResources,
    )
    from .models import (
        UnknownActivity as UnknownActivity,
    )
    from .models import (
        UnknownCodeInterpreterOutput as UnknownCodeInterpreterOutput,
    )
    from .models import (
        UnknownMessageContent as UnknownMessageContent,
    )
    from .models import (
        UnknownRequiredToolCall as UnknownRequiredToolCall,
    )
    from .models import (
        UnknownStepDetails as UnknownStepDetails,
    )
    from .models import (
        UnknownTextAnnotation as UnknownTextAnnotation,
    )
    from .models import (
        UnknownToolCall as UnknownToolCall,
    )
    from .models import (
        UrlCitationAnnotation as UrlCitationAnnotation,
    )
    from .models import (
        Usage as Usage,
    )

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ActivitiesDetails",
    "AsyncClient",
    "AsyncClock",
    "AsyncPager",
    "AsyncRunStream",
    "AsyncWatcher",
    "AuthenticationError",
    "AzureAISearchToolCall",
    "AzureFunctionToolCall",
    "BadRequestError",
    "BingCustomSearchToolCall",
    "BingGroundingToolCall",
    "BrowserAutomationToolCall",
    "Client",
    "Clock",
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
    "FileCitationAnnotation",
    "FilePathAnnotation",
    "FileSearchToolCall",
    "FunctionToolCall",
    "ImageFileContent",
    "ImageUrlContent",
    "InternalServerError",
    "LastError",
    "MCPListToolsActivity",
    "MCPToolCall",
    "Message",
    "MessageAttachment",
    "MessageCreationDetails",
    "MessageDelta",
    "MessageList",
    "MessageText",
    "NotFoundError",
    "OpenAPIToolCall",
    "Pager",
    "PayloadError",
    "PermissionDeniedError",
    "PollTimeoutError",
    "RateLimitError",
    "RawResponse",
    "RefusalContent",
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
    "RunStream",
    "RunStreamEvent",
    "SharepointGroundingToolCall",
    "StreamEventError",
    "TextContent",
    "Thread",
    "ThreadList",
    "ToolApprovalParam",
    "ToolCallsDetails",
    "ToolOutputParam",
    "ToolResources",
    "UnknownActivity",
    "UnknownCodeInterpreterOutput",
    "UnknownMessageContent",
    "UnknownRequiredToolCall",
    "UnknownStepDetails",
    "UnknownTextAnnotation",
    "UnknownToolCall",
    "UnprocessableEntityError",
    "UrlCitationAnnotation",
    "Usage",
    "Watcher",
    "__version__",
    "read_archive",
]
# </exports>
