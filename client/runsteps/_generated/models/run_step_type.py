from __future__ import annotations

from enum import StrEnum
from typing import Literal


class RunStepType(StrEnum):
    ACTIVITIES = "activities"
    MESSAGE_CREATION = "message_creation"
    TOOL_CALLS = "tool_calls"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> RunStepType | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
RunStepTypeLiteral = Literal["activities", "message_creation", "tool_calls"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, RunStepType] = {member.value: member for member in RunStepType}
