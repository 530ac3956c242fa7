from __future__ import annotations

from enum import StrEnum
from typing import Literal


class TruncationType(StrEnum):
    AUTO = "auto"
    LAST_MESSAGES = "last_messages"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> TruncationType | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
TruncationTypeLiteral = Literal["auto", "last_messages"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, TruncationType] = {member.value: member for member in TruncationType}
