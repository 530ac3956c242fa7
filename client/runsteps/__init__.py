"""runsteps: a Python SDK for the run-steps API of OpenAI-style Assistants servers."""

from .models import (
    UNSET,
    CodeInterpreterImageOutput,
    CodeInterpreterLogsOutput,
    CodeInterpreterToolCall,
    FileSearchToolCall,
    FunctionToolCall,
    MessageCreationDetails,
    PayloadError,
    Run,
    RunStatus,
    RunStep,
    RunStepList,
    RunStepStatus,
    ToolCallsDetails,
    UnknownCodeInterpreterOutput,
    UnknownStepDetails,
    UnknownToolCall,
    Unset,
)

__version__ = "0.1.0"

__all__ = [
    "UNSET",
    "CodeInterpreterImageOutput",
    "CodeInterpreterLogsOutput",
    "CodeInterpreterToolCall",
    "FileSearchToolCall",
    "FunctionToolCall",
    "MessageCreationDetails",
    "PayloadError",
    "Run",
    "RunStatus",
    "RunStep",
    "RunStepList",
    "RunStepStatus",
    "ToolCallsDetails",
    "UnknownCodeInterpreterOutput",
    "UnknownStepDetails",
    "UnknownToolCall",
    "Unset",
    "__version__",
]
