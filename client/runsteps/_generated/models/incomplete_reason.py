from __future__ import annotations

from enum import StrEnum
from typing import Literal


class IncompleteReason(StrEnum):
    MAX_COMPLETION_TOKENS = "max_completion_tokens"
    MAX_PROMPT_TOKENS = "max_prompt_tokens"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> IncompleteReason | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
IncompleteReasonLiteral = Literal["max_completion_tokens", "max_prompt_tokens"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, IncompleteReason] = {member.value: member for member in IncompleteReason}
