from __future__ import annotations

from enum import StrEnum
from typing import Literal


class RunMessageParamRole(StrEnum):
    ASSISTANT = "assistant"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> RunMessageParamRole | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
RunMessageParamRoleLiteral = Literal["assistant", "user"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, RunMessageParamRole] = {member.value: member for member in RunMessageParamRole}
