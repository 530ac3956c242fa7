from enum import StrEnum


class LastErrorCode(StrEnum):
    INVALID_PROMPT = "invalid_prompt"
    RATE_LIMIT_EXCEEDED = "rate_limit_exceeded"
    SERVER_ERROR = "server_error"

    def __str__(self) -> str:
        return str(self.value)
