from enum import StrEnum


class RequiredActionType(StrEnum):
    SUBMIT_TOOL_OUTPUTS = "submit_tool_outputs"

    def __str__(self) -> str:
        return str(self.value)
