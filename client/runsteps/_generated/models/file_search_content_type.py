from enum import StrEnum


class FileSearchContentType(StrEnum):
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
