"""Contains some shared types for properties"""

import re
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar
from urllib.parse import quote

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


class PayloadError(ValueError):
    """A payload does not have the shape a model needs: not an object, or a required field missing.

    ``path`` locates the offending value from the object being parsed (``step_details.tool_calls[0]``),
    so the message says where, not just what.
    """

    def __init__(self, problem: str, path: tuple[str | int, ...] = ()) -> None:
        self.problem = problem
        self.path = path
        super().__init__(f"{format_path(path)}: {problem}" if path else problem)

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


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "PayloadError",
    "RequestFiles",
    "Response",
    "Unset",
    "format_path",
    "json_type_name",
]
