"""What AsyncClient does its own way: read a response within its time under `asyncio.timeout`, run
the caller's functions concurrently (sync ones in worker threads), await a token provider that is a
coroutine, sleep with `asyncio.sleep`. The sync twin is `sync_io`."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import httpx

from runsteps._io.body import BodyProblem
from runsteps._io.common import BODY_SAMPLE, answer, body_reader, preloaded, unsendable
from runsteps._plans.actions import BodyError, Outcome, Transmit


class SystemClock:
    """The clock an AsyncClient uses unless given one: `time.monotonic` and `asyncio.sleep`."""

    def now(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


async def exchange(http: httpx.AsyncClient, request: httpx.Request, t: Transmit, deadline: float) -> Outcome:
    """Send `request` and read its whole body within `t.timeout` (`deadline` is that time from now)."""
    try:
        async with asyncio.timeout(t.timeout):
            return await _exchange(http, request, t.max_bytes)
    except TimeoutError:
        return httpx.ReadTimeout("the attempt's time ran out", request=request)


async def _exchange(http: httpx.AsyncClient, request: httpx.Request, max_bytes: int) -> Outcome:
    try:
        response = await http.send(request, stream=True)
    except httpx.TransportError as exc:
        return exc
    except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
        return unsendable(exc)
    reader = body_reader(response, max_bytes)
    try:
        try:
            if preloaded(response):
                reader.feed(response.content)
            else:
                async for chunk in response.aiter_raw():
                    reader.feed(chunk)
        finally:
            await response.aclose()
        return answer(response, reader.finish())
    except BodyProblem as exc:
        return BodyError(str(exc), answer(response, reader.partial()[:BODY_SAMPLE]))
    except httpx.TransportError as exc:
        return exc


async def invoke_all(jobs: Sequence[tuple[Callable[..., Any], Mapping[str, Any]]]) -> list[Any]:
    """The caller's functions, all at once: what each returned, or what it raised, in order."""
    return list(await asyncio.gather(*(_invoke(function, arguments) for function, arguments in jobs)))


async def _invoke(function: Callable[..., Any], arguments: Mapping[str, Any]) -> Any:
    """One of the caller's functions: a coroutine function awaited, a plain one in a worker thread
    (so that several run at once and none blocks the event loop); what it raised, returned."""
    try:
        if inspect.iscoroutinefunction(function):
            return await function(**arguments)
        value = await asyncio.to_thread(function, **arguments)
        return (await value) if inspect.isawaitable(value) else value
    except Exception as exc:  # the plan turns it into the call's output
        return exc


async def settle(value: Any, what: str) -> Any:
    """What a callback of the caller's returned, awaited if it is awaitable."""
    return (await value) if inspect.isawaitable(value) else value
