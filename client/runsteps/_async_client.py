"""AsyncClient: the async driver, performing the same plans as Client, awaited (see _driver)."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, Self, TypeVar

import httpx

from ._actions import Action, BodyError, Emit, FetchToken, Invoke, Outcome, Plan, Sleep, Transmit
from ._body import BodyProblem
from ._config import Config
from ._credentials import TokenProvider, check_token
from ._driver import (
    BODY_SAMPLE,
    Driver,
    body_reader,
    call_provider,
    http_options,
    preloaded,
    proxy_settings_read,
    resume,
    transport_for,
    unbind,
    unsendable,
)
from ._resources import AsyncRuns, AsyncSteps
from ._transport._async import AsyncTransport

T = TypeVar("T")


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


class AsyncClient(Driver[httpx.AsyncClient, TokenProvider]):
    """The async twin of Client: the same names and settings; coroutines and async iterators.
    `token_provider` may be sync or async."""

    def _start(self, config: Config, http_client: httpx.AsyncClient | None) -> None:
        with proxy_settings_read():
            http = http_client or httpx.AsyncClient(**http_options(config, transport_for(config, AsyncTransport)))
        self._setup(config, http, http_client is None)
        self._sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep

    # Made at each use rather than held: a client holding its resources, which hold it, would be a cycle
    # that only the garbage collector frees, so a dropped client's connections would outlive it.
    @property
    def steps(self) -> AsyncSteps:
        """The steps of a run, as `Client.steps`."""
        return AsyncSteps(self)

    @property
    def runs(self) -> AsyncRuns:
        """The runs of a thread, as `Client.runs`."""
        return AsyncRuns(self)

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ---- performing actions ----

    async def _perform(self, action: Action) -> Outcome:
        if type(action) is Transmit:
            return await self._transmit(action)
        if isinstance(action, Sleep):
            await self._sleep(action.seconds)
            return None
        if isinstance(action, Invoke):
            return list(await asyncio.gather(*(_invoke(function, arguments) for function, arguments in action.jobs)))
        assert isinstance(action, FetchToken), "plans that emit are run by _stream"
        token = call_provider(self._config, action.refresh)
        if inspect.isawaitable(token):
            token = await token
        return check_token(token)

    async def _transmit(self, t: Transmit) -> Outcome:
        try:
            request = self._request(t, time.monotonic() + t.timeout)
        except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
            return unsendable(exc)
        try:
            async with asyncio.timeout(t.timeout):
                return await self._exchange(request, t.max_bytes)
        except TimeoutError:
            return httpx.ReadTimeout("the attempt's time ran out", request=request)

    async def _exchange(self, request: httpx.Request, max_bytes: int) -> Outcome:
        try:
            response = await self._http.send(request, stream=True)
        except httpx.TransportError as exc:
            return exc
        except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
            return unsendable(exc)
        reader = body_reader(response, max_bytes)
        try:
            if preloaded(response):
                reader.feed(response.content)
            else:
                async for chunk in response.aiter_raw():
                    reader.feed(chunk)
            response._content = reader.finish()
        except BodyProblem as exc:
            response._content = reader.partial()[:BODY_SAMPLE]
            return BodyError(str(exc), response)
        except httpx.TransportError as exc:
            return exc
        finally:
            await response.aclose()
            unbind(response)
        return response

    async def _execute(self, plan: Plan[T]) -> T:
        outcome: Outcome = None
        try:
            while True:
                outcome = await self._perform(plan.send(outcome))
        except StopIteration as stop:
            result: T = stop.value
            return result

    async def _stream(self, plan: Plan[None]) -> AsyncIterator[Any]:
        outcome: Outcome = None
        try:
            while (action := resume(plan, outcome)) is not None:
                if type(action) is Emit:
                    outcome = None
                    yield action.item
                else:
                    outcome = await self._perform(action)
        finally:
            plan.close()
