"""The vocabulary between plans and drivers.

A plan is a generator that decides what a call does and never does I/O itself: it yields actions
and receives their outcomes. The sync and async drivers in _client perform them. This is how
sending with retries, paging, polling and watching are each written once for both.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import Any, TypeVar

import attrs
import httpx

T = TypeVar("T")


@attrs.frozen
class Transmit:
    """Send one request and read its whole body within `timeout` seconds, from connecting to the last
    byte. The plan receives the `httpx.Response` (body read, at most `max_bytes` decoded), or the
    exception that ended the attempt: an `httpx.TransportError`, or a `BodyError`."""

    method: str
    url: str
    params: Mapping[str, Any] | None
    headers: Mapping[str, str] | None
    timeout: float
    connect_timeout: float
    max_bytes: int
    content: bytes | None = None  # a JSON body, already encoded


@attrs.frozen
class Sleep:
    """Wait; the plan receives None."""

    seconds: float


@attrs.frozen
class Emit:
    """Hand `item` to the caller of an iterator (a page, or a watched step); the plan receives None."""

    item: Any


@attrs.frozen
class FetchToken:
    """Ask the token provider for a bearer token (its `refresh()` when `refresh` and it has one);
    the plan receives the token."""

    refresh: bool


@attrs.frozen
class Invoke:
    """Call the caller's own functions (`runs.process`): each job is a callable and its keyword
    arguments. The plan receives one outcome per job, in order: what it returned, or the exception
    it raised. The async driver runs them concurrently (sync callables in worker threads)."""

    jobs: tuple[tuple[Callable[..., Any], Mapping[str, Any]], ...]


class BodyError(Exception):
    """The response came, but its body could not be read whole: too large, or not decodable."""

    def __init__(self, reason: str, response: httpx.Response) -> None:
        super().__init__(reason)
        self.reason = reason
        self.response = response


class Unsendable(Exception):
    """The request cannot be formed (a value httpx refuses, a URL too long): no attempt can succeed."""


Action = Transmit | Sleep | Emit | FetchToken | Invoke
Outcome = httpx.Response | httpx.TransportError | BodyError | Unsendable | str | list[Any] | None
Plan = Generator[Action, Outcome, T]
