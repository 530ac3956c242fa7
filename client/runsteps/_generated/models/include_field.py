from __future__ import annotations

from enum import StrEnum
from typing import Literal


class IncludeField(StrEnum):
    STEP_DETAILS_TOOL_CALLS_FILE_SEARCH_RESULTS_CONTENT = "step_details.tool_calls[*].file_search.results[*].content"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> IncludeField | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
IncludeFieldLiteral = Literal["step_details.tool_calls[*].file_search.results[*].content"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, IncludeField] = {member.value: member for member in IncludeField}
