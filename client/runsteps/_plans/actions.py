"""The vocabulary between plans and drivers.

A plan is a generator that decides what a call does and never does I/O itself: it yields actions
and receives their outcomes. The clients perform them (runsteps._io). This is how
sending with retries, paging, polling and watching are each written once for both.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Mapping
from typing import Any, TypeVar

import attrs
import httpx

T = TypeVar("T")


@attrs.frozen
class Transmit:
    """Send one request and read its whole body within `timeout` seconds, from connecting to the last
    byte. The plan receives the `Answer` (at most `max_bytes` decoded), or what ended the attempt:
    an `httpx.TransportError`, a `BodyError` or `Unsendable`."""

    method: str
    url: str
    params: Mapping[str, Any] | None
    headers: Mapping[str, str] | None
    timeout: float
    connect_timeout: float
    max_bytes: int
    content: bytes | None = None  # a JSON body, already encoded
    # A 2xx is answered as soon as its head comes, its body left open for `ReadChunk`s (an event
    # stream); `timeout` then bounds the whole stream, each read waiting at most `silence` seconds.
    stream: bool = False
    silence: float = 0.0


@attrs.frozen
class ReadChunk:
    """The next bytes of the open stream (a streaming `Transmit`'s 2xx body); the plan receives them,
    b"" at its end, or the `httpx.TransportError` that ended it (`ReadTimeout` after `silence` seconds
    without a byte). The stream is closed when the plan ends."""


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


@attrs.frozen
class Answer:
    """A server's answer to a `Transmit`: its status, its headers as sent, and its body, read within
    the attempt's time and decoded. The plans read these; `response` is the same answer as an
    `httpx.Response` (its body read), for the caller: an error's `.response`, a raw view's
    `http_response`."""

    status_code: int
    headers: httpx.Headers
    content: bytes
    method: str
    url: httpx.URL
    response: httpx.Response

    @classmethod
    def of(cls, response: httpx.Response) -> Answer:
        """The answer of an `httpx.Response` whose body has been read, and which knows its request."""
        request = response.request
        return cls(response.status_code, response.headers, response.content, request.method, request.url, response)

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300


def read_response(
    like: httpx.Response, body: bytes, headers: httpx.Headers, request: httpx.Request | None
) -> httpx.Response:
    """A read `httpx.Response` of runsteps' own, as `like` but for its body (already decoded), headers and
    request. httpx would decode the body again were Content-Encoding among the headers while it reads
    it, so the headers follow the read."""
    read = httpx.Response(
        like.status_code,
        content=body,
        request=request,
        extensions=like.extensions,
        default_encoding=like.default_encoding,
    )
    read.headers = headers
    with contextlib.suppress(RuntimeError):  # unset for one no client closed (a mock transport's)
        read.elapsed = like.elapsed
    return read


class BodyError(Exception):
    """The response came, but its body could not be read whole: too large, or not decodable. The
    answer holds the start of it."""

    def __init__(self, reason: str, answer: Answer) -> None:
        super().__init__(reason)
        self.reason = reason
        self.answer = answer


class Unsendable(Exception):
    """The request cannot be formed (a value httpx refuses, a URL too long): no attempt can succeed."""


Action = Transmit | ReadChunk | Sleep | Emit | FetchToken | Invoke
Outcome = Answer | httpx.TransportError | BodyError | Unsendable | bytes | str | list[Any] | None
Plan = Generator[Action, Outcome, T]
