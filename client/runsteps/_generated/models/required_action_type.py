from __future__ import annotations

from enum import StrEnum
from typing import Literal


class RequiredActionType(StrEnum):
    SUBMIT_TOOL_APPROVAL = "submit_tool_approval"
    SUBMIT_TOOL_OUTPUTS = "submit_tool_outputs"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> RequiredActionType | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
RequiredActionTypeLiteral = Literal["submit_tool_approval", "submit_tool_outputs"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, RequiredActionType] = {member.value: member for member in RequiredActionType}
