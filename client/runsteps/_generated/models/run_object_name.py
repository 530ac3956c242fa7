from enum import StrEnum


class RunObjectName(StrEnum):
    THREAD_RUN = "thread.run"

    def __str__(self) -> str:
        return str(self.value)
