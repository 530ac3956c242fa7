"""What Client does its own way: read a response within its time with blocking reads, call the
caller's functions one after another, take a token as the provider returns it, sleep with
`time.sleep`. The async twin is `async_io`; everything else about performing is shared (`common`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import httpx

from runsteps._io.body import BodyProblem
from runsteps._io.common import BODY_SAMPLE, answer, body_reader, raw_chunks, refuse_awaitable, unsendable
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
