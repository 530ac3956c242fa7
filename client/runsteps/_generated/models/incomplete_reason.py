from enum import StrEnum


class IncompleteReason(StrEnum):
    MAX_COMPLETION_TOKENS = "max_completion_tokens"
    MAX_PROMPT_TOKENS = "max_prompt_tokens"

    def __str__(self) -> str:
        return str(self.value)
