from __future__ import annotations

from enum import StrEnum
from typing import Literal


class MessageIncompleteReason(StrEnum):
    CONTENT_FILTER = "content_filter"
    MAX_TOKENS = "max_tokens"
    RUN_CANCELLED = "run_cancelled"
    RUN_EXPIRED = "run_expired"
    RUN_FAILED = "run_failed"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> MessageIncompleteReason | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
MessageIncompleteReasonLiteral = Literal["content_filter", "max_tokens", "run_cancelled", "run_expired", "run_failed"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, MessageIncompleteReason] = {member.value: member for member in MessageIncompleteReason}
