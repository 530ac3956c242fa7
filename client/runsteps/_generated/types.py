"""What the generated models and endpoints share: the payload error, and small helpers."""

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote


class PayloadError(ValueError):
    """A payload does not have the shape a model needs: not an object, or a required field missing.

    ``path`` locates the offending value from the object being parsed (``step_details.tool_calls[0]``),
    so the message says where, not just what.
    """

    def __init__(self, problem: str, path: tuple[str | int, ...] = ()) -> None:
        self.problem = problem
        self.path = path
        super().__init__(f"{format_path(path)}: {problem}" if path else problem)

    def __reduce__(self) -> tuple[Any, ...]:
        return (PayloadError, (self.problem, self.path))

    def within(self, part: str | int) -> "PayloadError":
        """The same error seen from the parent: ``part`` (a field name or an index) goes in front."""
        return PayloadError(self.problem, (part, *self.path))


_UNRESERVED = re.compile(r"[A-Za-z0-9._~-]*").fullmatch


def path_segment(value: str) -> str:
    """`value` percent-encoded as one path segment, `/` included. Ids are nearly always unreserved
    characters, which a regex confirms faster than `quote` scans them."""
    return value if _UNRESERVED(value) else quote(value, safe="")


def format_path(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def json_type_name(value: object) -> str:
    """The JSON name of a value's type, for messages about what came instead."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def describe_value(value: object, limit: int = 60) -> str:
    """A value for a message: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def extra_key(value: "dict[str, Any] | None") -> "dict[str, Any] | None":
    """What equality compares of a model's undeclared keys: none and empty are the same."""
    return value or None


__all__ = ["PayloadError", "describe_value", "extra_key", "format_path", "json_type_name", "path_segment"]
