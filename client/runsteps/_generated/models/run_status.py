from enum import StrEnum


class RunStatus(StrEnum):
    CANCELLED = "cancelled"
    CANCELLING = "cancelling"
    COMPLETED = "completed"
    EXPIRED = "expired"
    FAILED = "failed"
    INCOMPLETE = "incomplete"
    IN_PROGRESS = "in_progress"
    QUEUED = "queued"
    REQUIRES_ACTION = "requires_action"

    def __str__(self) -> str:
        return str(self.value)
