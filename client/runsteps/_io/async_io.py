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
from runsteps._io.common import BODY_SAMPLE, answer, body_reader, preloaded, stream_head, unsendable
from runsteps._io.transport._limits import READ_BY
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
    return await _read_whole(response, max_bytes)


async def _read_whole(response: httpx.Response, max_bytes: int) -> Outcome:
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


class OpenStream:
    """A 2xx whose body a plan reads as it comes (an event stream), open for as long as the plan's walk."""

    def __init__(self, response: httpx.Response, silence: float) -> None:
        self.response = response
        self.chunks = response.aiter_bytes()  # decoded as it comes, whatever the content encoding
        self.silence = silence

    async def read(self) -> Outcome:
        """The next bytes (b"" at the end), or the error that ended the stream."""
        request = self.response.request
        request.extensions[READ_BY] = time.monotonic() + self.silence
        try:
            async with asyncio.timeout(self.silence):
                while True:
                    chunk = await anext(self.chunks, None)
                    if chunk is None:
                        return b""
                    if chunk:
                        return chunk
        except TimeoutError:
            return httpx.ReadTimeout(f"no byte of the stream for {self.silence:g}s", request=request)
        except httpx.TransportError as exc:
            return exc

    async def close(self) -> None:
        await self.response.aclose()


async def open_stream(
    http: httpx.AsyncClient, request: httpx.Request, t: Transmit
) -> tuple[Outcome, OpenStream | None]:
    """Send `request`; a 2xx answered as soon as its head comes (its body left open), anything else
    read whole as `exchange` reads it. The head, too, must come within `silence`."""
    try:
        async with asyncio.timeout(min(t.timeout, t.silence)):
            try:
                response = await http.send(request, stream=True)
            except httpx.TransportError as exc:
                return exc, None
            except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
                return unsendable(exc), None
            if not response.is_success:
                return await _read_whole(response, t.max_bytes), None
    except TimeoutError:
        return httpx.ReadTimeout("the attempt's time ran out", request=request), None
    return stream_head(response), OpenStream(response, t.silence)


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
