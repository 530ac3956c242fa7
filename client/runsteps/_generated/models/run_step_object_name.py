from enum import StrEnum


class RunStepObjectName(StrEnum):
    THREAD_RUN_STEP = "thread.run.step"

    def __str__(self) -> str:
        return str(self.value)
