from enum import StrEnum


class RunStepType(StrEnum):
    MESSAGE_CREATION = "message_creation"
    TOOL_CALLS = "tool_calls"

    def __str__(self) -> str:
        return str(self.value)
