from __future__ import annotations

from enum import StrEnum
from typing import Literal


class RunStepStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    EXPIRED = "expired"
    FAILED = "failed"
    INCOMPLETE = "incomplete"
    IN_PROGRESS = "in_progress"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> RunStepStatus | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
RunStepStatusLiteral = Literal["cancelled", "completed", "expired", "failed", "incomplete", "in_progress"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, RunStepStatus] = {member.value: member for member in RunStepStatus}
