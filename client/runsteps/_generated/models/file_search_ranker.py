from __future__ import annotations

from enum import StrEnum
from typing import Literal


class FileSearchRanker(StrEnum):
    AUTO = "auto"
    DEFAULT_2024_08_21 = "default_2024_08_21"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: str) -> FileSearchRanker | str:
        """The member for `value`, or `value` itself when this version does not list it (servers add values)."""
        return _MEMBERS.get(value, value)


# The values as a type, for arguments a type-checker should hold to them.
FileSearchRankerLiteral = Literal["auto", "default_2024_08_21"]

# A dict lookup: several times faster than calling the enum and catching its ValueError.
_MEMBERS: dict[str, FileSearchRanker] = {member.value: member for member in FileSearchRanker}
