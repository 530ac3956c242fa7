"""How a client performs its plans with asyncio: each action a plan yields (send, sleep, fetch a
token, invoke functions) carried out, and its outcome handed back.

Apart from the client so that `runsteps.AsyncClient` names a class without loading what a first call
needs (settings, transport, plans, models): those load when a client is made. This module is the
source of `runsteps._sync.performer`, which `make generate` writes from it.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any, Self, TypeVar

import attrs
import httpx

from runsteps._config import Config
from runsteps._credentials import check_token
from runsteps._io import async_io as io
from runsteps._io.clock import AsyncClock
from runsteps._io.common import (
    ServerCookies,
    build_request,
    call_provider,
    fixed_headers,
    http_options,
    resume,
    unsendable,
)
from runsteps._io.transport._async import AsyncTransport
from runsteps._plans.actions import Action, Emit, FetchToken, Invoke, Outcome, Plan, ReadChunk, Sleep, Transmit
from runsteps._plans.deadline import Call, CallOptions

T = TypeVar("T")


class AsyncWalk:
    """What one plan's walk holds open: the stream it reads, closed when the walk ends."""

    def __init__(self) -> None:
        self.opened: io.OpenStream | None = None

    async def close(self) -> None:
        opened, self.opened = self.opened, None
        if opened is not None:
            await opened.close()


@attrs.define(eq=False)
class AsyncPerformer:
    """One client's settings, connections and clock, and the loop that runs its plans on them."""

    config: Config
    http: httpx.AsyncClient
    owns_http: bool
    clock: AsyncClock
    # On our own httpx client the fixed headers are set once; a caller's gets them per request.
    fixed_headers: httpx.Headers | None

    @classmethod
    def start(cls, config: Config, http_client: httpx.AsyncClient | None, clock: AsyncClock | None) -> Self:
        """Our own httpx client (our transport, proxies, limits and headers) unless the caller gave one,
        and the system's clock unless a test gave one."""
        if http_client is None:
            http = httpx.AsyncClient(**http_options(config, AsyncTransport))
            # httpx copies cookies given to it into a plain `Cookies`: the subclass is set in its place.
            http._cookies = ServerCookies(http.cookies.jar)
            return cls(config, http, True, clock or io.SystemClock(), None)
        return cls(config, http_client, False, clock or io.SystemClock(), httpx.Headers(fixed_headers(config)))

    def with_config(self, config: Config) -> Self:
        """The same connections and clock under other settings; closing is left to this one's owner."""
        return attrs.evolve(self, config=config, owns_http=False)

    def call(self, options: CallOptions) -> Call:
        """What a plan needs: the client's settings, its clock, the call's own options."""
        return Call(self.config, self.clock.now, options)

    async def execute(self, plan: Plan[T]) -> T:
        walk = AsyncWalk()
        outcome: Outcome = None
        try:
            while True:
                outcome = await self.perform(plan.send(outcome), walk)
        except StopIteration as stop:
            result: T = stop.value
            return result
        finally:
            await walk.close()

    async def stream(self, plan: Plan[None]) -> AsyncIterator[Any]:
        walk = AsyncWalk()
        outcome: Outcome = None
        try:
            while (action := resume(plan, outcome)) is not None:
                if type(action) is Emit:
                    outcome = None
                    yield action.item
                else:
                    outcome = await self.perform(action, walk)
        finally:
            plan.close()
            await walk.close()

    async def perform(self, action: Action, walk: AsyncWalk) -> Outcome:
        if type(action) is Transmit:
            return await (self.open_stream(action, walk) if action.stream else self.transmit(action))
        if type(action) is ReadChunk:
            assert walk.opened is not None, "a ReadChunk follows a streaming Transmit's 2xx"
            return await walk.opened.read()
        if isinstance(action, Sleep):
            await self.clock.sleep(action.seconds)
            return None
        if isinstance(action, Invoke):
            return await io.invoke_all(action.jobs)
        assert isinstance(action, FetchToken), "plans that emit are run by stream"
        token = await io.settle(call_provider(self.config, action.refresh), "token_provider")
        return check_token(token)

    async def open_stream(self, t: Transmit, walk: AsyncWalk) -> Outcome:
        """A streaming `Transmit`: a 2xx's body is left open in `walk` for the plan's `ReadChunk`s."""
        await walk.close()
        deadline = time.monotonic() + t.timeout
        try:
            request = build_request(self.http, self.fixed_headers, t, deadline)
        except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
            return unsendable(exc)
        outcome, walk.opened = await io.open_stream(self.http, request, t)
        return outcome

    async def transmit(self, t: Transmit) -> Outcome:
        deadline = time.monotonic() + t.timeout  # real time: the transport's, whatever the clock
        try:
            request = build_request(self.http, self.fixed_headers, t, deadline)
        except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
            return unsendable(exc)
        return await io.exchange(self.http, request, t, deadline)
