from enum import StrEnum


class ListObjectName(StrEnum):
    LIST = "list"

    def __str__(self) -> str:
        return str(self.value)
