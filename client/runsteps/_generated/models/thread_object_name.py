from __future__ import annotations

from enum import StrEnum
from typing import Literal


class ThreadObjectName(StrEnum):
    THREAD = "thread"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> ThreadObjectName | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
ThreadObjectNameLiteral = Literal["thread"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, ThreadObjectName] = {member.value: member for member in ThreadObjectName}
