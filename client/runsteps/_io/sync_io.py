"""What Client does its own way: read a response within its time with blocking reads, call the
caller's functions one after another, take a token as the provider returns it, sleep with
`time.sleep`. The async twin is `async_io`; everything else about performing is shared (`common`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import httpx

from runsteps._io.body import BodyProblem
from runsteps._io.common import (
    BODY_SAMPLE,
    answer,
    body_reader,
    raw_chunks,
    refuse_awaitable,
    stream_head,
    unsendable,
)
from runsteps._io.transport._limits import READ_BY
from runsteps._plans.actions import BodyError, Outcome, Transmit


class SystemClock:
    """The clock a Client uses unless given one: `time.monotonic` and `time.sleep`."""

    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def exchange(http: httpx.Client, request: httpx.Request, t: Transmit, deadline: float) -> Outcome:
    """Send `request` and read its whole body by `deadline` (a `time.monotonic()` time)."""
    try:
        response = http.send(request, stream=True)
    except httpx.TransportError as exc:
        return exc
    except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
        return unsendable(exc)
    # httpx's own transport (through a proxy, or your http_client) times each read, not the attempt:
    # its reads of the body get only what is left (ours keep to the deadline anyway).
    timeouts = request.extensions.get("timeout")
    if isinstance(timeouts, dict):
        request.extensions["timeout"] = {**timeouts, "read": max(0.001, deadline - time.monotonic())}
    return _read_whole(response, request, t, deadline)


def _read_whole(response: httpx.Response, request: httpx.Request, t: Transmit, deadline: float) -> Outcome:
    reader = body_reader(response, t.max_bytes)
    try:
        try:
            for chunk in raw_chunks(response):
                reader.feed(chunk)
                if time.monotonic() > deadline:
                    return httpx.ReadTimeout("the attempt's time ran out while reading the body", request=request)
        finally:
            response.close()
        return answer(response, reader.finish())
    except BodyProblem as exc:
        return BodyError(str(exc), answer(response, reader.partial()[:BODY_SAMPLE]))
    except httpx.TransportError as exc:
        return exc


class OpenStream:
    """A 2xx whose body a plan reads as it comes (an event stream), open for as long as the plan's walk."""

    def __init__(self, response: httpx.Response, silence: float) -> None:
        self.response = response
        self.chunks = response.iter_bytes()  # decoded as it comes, whatever the content encoding
        self.silence = silence

    def read(self) -> Outcome:
        """The next bytes (b"" at the end), or the error that ended the stream (a `ReadTimeout` after
        `silence` seconds without a byte: ours reads by `READ_BY`, httpx's times each read)."""
        read_within(self.response.request, self.silence)
        try:
            while True:
                chunk = next(self.chunks, None)
                if chunk is None:
                    return b""
                if chunk:
                    return chunk
        except httpx.TransportError as exc:
            return exc

    def close(self) -> None:
        self.response.close()


def read_within(request: httpx.Request, seconds: float) -> None:
    """Our transports end the request's next read (its head, or a piece of its body) within `seconds`."""
    request.extensions[READ_BY] = time.monotonic() + seconds


def open_stream(http: httpx.Client, request: httpx.Request, t: Transmit) -> tuple[Outcome, OpenStream | None]:
    """Send `request`; a 2xx answered as soon as its head comes (its body left open), anything else
    read whole as `exchange` reads it. The head, too, must come within `silence`."""
    read_within(request, t.silence)
    timeouts = request.extensions.get("timeout")
    if isinstance(timeouts, dict):
        request.extensions["timeout"] = {**timeouts, "read": t.silence}
    try:
        response = http.send(request, stream=True)
    except httpx.TransportError as exc:
        return exc, None
    except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
        return unsendable(exc), None
    if not response.is_success:
        return _read_whole(response, request, t, time.monotonic() + t.timeout), None
    return stream_head(response), OpenStream(response, t.silence)


def invoke_all(jobs: Sequence[tuple[Callable[..., Any], Mapping[str, Any]]]) -> list[Any]:
    """Each of the caller's functions with its arguments, in order: what it returned, or what it raised."""
    return [_invoke(function, arguments) for function, arguments in jobs]


def _invoke(function: Callable[..., Any], arguments: Mapping[str, Any]) -> Any:
    try:
        value = function(**arguments)
    except Exception as exc:  # the plan turns it into the call's output
        return exc
    refuse_awaitable(value, "a function given to process")
    return value


def settle(value: Any, what: str) -> Any:
    """What a callback of the caller's returned; an awaitable is a ValueError naming `what`."""
    refuse_awaitable(value, what)
    return value
