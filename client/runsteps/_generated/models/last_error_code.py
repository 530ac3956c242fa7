from __future__ import annotations

from enum import StrEnum
from typing import Literal


class LastErrorCode(StrEnum):
    INVALID_PROMPT = "invalid_prompt"
    RATE_LIMIT_EXCEEDED = "rate_limit_exceeded"
    SERVER_ERROR = "server_error"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> LastErrorCode | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
LastErrorCodeLiteral = Literal["invalid_prompt", "rate_limit_exceeded", "server_error"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, LastErrorCode] = {member.value: member for member in LastErrorCode}
