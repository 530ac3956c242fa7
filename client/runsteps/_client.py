"""Client and AsyncClient: the drivers that perform plans, and the `steps` and `runs` resources.

What to send, when to retry, what to yield and how long to sleep are decided once, by the plans in
_sending, _pagination and _polling. The sync and async classes only perform their actions.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import httpx

from ._actions import Action, Emit, Outcome, Plan, Sleep
from ._base import DEFAULT_MAX_RETRIES, Config
from ._generated.api.default import get_run, get_run_step
from ._generated.models import Run, RunStep, RunStepList
from ._generated.types import UNSET
from ._pagination import PageState, pages
from ._polling import Watch, poll, run_is_settled, step_is_terminal, watch
from ._sending import Reply, send
from ._validation import check_id, check_include, check_limit, check_order, check_seconds

T = TypeVar("T")

# ---- plans with their arguments checked, for both drivers ----


def _retrieve_step(config: Config, step_id: Any, thread_id: Any, run_id: Any, include: Any) -> Plan[Reply[RunStep]]:
    return send(config, _step_request(step_id, thread_id, run_id, include), get_run_step.parse_body)


def _step_request(step_id: Any, thread_id: Any, run_id: Any, include: Any = None) -> dict[str, Any]:
    inc = check_include(include)
    return get_run_step.build_request(
        check_id("thread_id", thread_id),
        check_id("run_id", run_id),
        check_id("step_id", step_id),
        include=UNSET if inc is None else inc,
    )


def _retrieve_run(config: Config, run_id: Any, thread_id: Any) -> Plan[Reply[Run]]:
    return send(config, _run_request(run_id, thread_id), get_run.parse_body)


def _run_request(run_id: Any, thread_id: Any) -> dict[str, Any]:
    return get_run.build_request(check_id("thread_id", thread_id), check_id("run_id", run_id))


def _per_request(config: Config, *, owned: bool) -> dict[str, Any]:
    """What each request passes to httpx: nothing for a client we built with these settings
    (merging headers per request costs more than the rest of a call); all of it for the caller's."""
    return {} if owned else {"headers": httpx.Headers(config.headers), "timeout": config.timeout}


def _wait_step(
    config: Config, clock: Callable[[], float], step_id: Any, thread_id: Any, run_id: Any, **kw: Any
) -> Plan[Any]:
    request = _step_request(step_id, thread_id, run_id)
    return poll(config, request, get_run_step.parse_body, step_is_terminal, clock=clock, **_seconds(**kw))


def _wait_run(config: Config, clock: Callable[[], float], run_id: Any, thread_id: Any, **kw: Any) -> Plan[Any]:
    return poll(
        config, _run_request(run_id, thread_id), get_run.parse_body, run_is_settled, clock=clock, **_seconds(**kw)
    )


def _seconds(*, interval: Any, timeout: Any) -> dict[str, float | None]:
    # An interval of zero would poll as fast as the server answers: it must be above zero.
    return {
        "interval": check_seconds("interval", interval, positive=True),
        "timeout": check_seconds("timeout", timeout),
    }


class _Listing:
    """A listing's checked arguments and paging state, shared by Pager and AsyncPager."""

    def __init__(
        self, config: Config, run_id: Any, thread_id: Any, limit: Any, order: Any, after: Any, before: Any, include: Any
    ) -> None:
        self.config = config
        self.thread_id, self.run_id = check_id("thread_id", thread_id), check_id("run_id", run_id)
        self.state = PageState(
            limit=check_limit(limit),
            order=check_order(order),
            after=None if after is None else check_id("after", after),
            before=None if before is None else check_id("before", before),
            empty_page_retries=config.max_retries,
        )
        self.include = check_include(include)

    def plan(self) -> Plan[None]:
        return pages(self.config, self.state, self.thread_id, self.run_id, self.include)


class _Watching:
    """A watch's checked arguments and state, shared by Watcher and AsyncWatcher."""

    def __init__(self, config: Config, clock: Callable[[], float], run_id: Any, thread_id: Any, **kw: Any) -> None:
        self.config, self.clock = config, clock
        self.run_request = _run_request(run_id, thread_id)
        self.thread_id, self.run_id = str(thread_id), str(run_id)
        self.seconds = _seconds(**kw)
        self.state = Watch()

    def plan(self) -> Plan[None]:
        return watch(
            self.config, self.state, self.run_request, self.thread_id, self.run_id, clock=self.clock, **self.seconds
        )


# ---- sync ----


class Client:
    """A client of the run-steps API. Use as a context manager, or call close()."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        organization: str | None = None,
        project: str | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._config = Config(api_key, base_url, timeout, max_retries, default_headers, organization, project)
        self._owns_http = http_client is None
        config = self._config
        self._http = http_client or httpx.Client(headers=config.headers, timeout=config.timeout, follow_redirects=False)
        self._per_request = _per_request(config, owned=http_client is None)
        self._sleep: Callable[[float], None] = time.sleep
        self._clock: Callable[[], float] = time.monotonic
        self.steps = Steps(self)
        self.runs = Runs(self)

    def __repr__(self) -> str:
        return f"runsteps.Client(base_url={self._config.base_url!r})"

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _perform(self, action: Action) -> Outcome:
        if isinstance(action, Sleep):
            self._sleep(action.seconds)
            return None
        assert not isinstance(action, Emit), "plans that emit are run by _stream"
        try:
            return self._http.request(action.method, action.url, params=action.params, **self._per_request)
        except httpx.TransportError as exc:
            return exc

    def _execute(self, plan: Plan[T]) -> T:
        outcome: Outcome = None
        try:
            while True:
                outcome = self._perform(plan.send(outcome))
        except StopIteration as stop:
            result: T = stop.value
            return result

    def _stream(self, plan: Plan[None]) -> Iterator[Any]:
        outcome: Outcome = None
        while (action := _resume(plan, outcome)) is not None:
            if isinstance(action, Emit):
                outcome = None
                yield action.item
            else:
                outcome = self._perform(action)


def _resume(plan: Plan[None], outcome: Outcome) -> Action | None:
    """The plan's next action, or None when it has ended."""
    try:
        return plan.send(outcome)
    except StopIteration:
        return None


class Steps:
    def __init__(self, client: Client) -> None:
        self._client = client

    def retrieve(self, step_id: str, *, thread_id: str, run_id: str, include: Sequence[str] | None = None) -> RunStep:
        return self._client._execute(_retrieve_step(self._client._config, step_id, thread_id, run_id, include)).model

    def list(
        self,
        run_id: str,
        *,
        thread_id: str,
        limit: int | None = None,
        order: str | None = None,
        after: str | None = None,
        before: str | None = None,
        include: Sequence[str] | None = None,
    ) -> Pager:
        return Pager(
            self._client, _Listing(self._client._config, run_id, thread_id, limit, order, after, before, include)
        )

    def wait(
        self, step_id: str, *, thread_id: str, run_id: str, timeout: float | None = None, interval: float | None = None
    ) -> RunStep:
        c = self._client
        step: RunStep = c._execute(
            _wait_step(c._config, c._clock, step_id, thread_id, run_id, interval=interval, timeout=timeout)
        )
        return step

    def watch(
        self, run_id: str, *, thread_id: str, timeout: float | None = None, interval: float | None = None
    ) -> Watcher:
        c = self._client
        return Watcher(c, _Watching(c._config, c._clock, run_id, thread_id, interval=interval, timeout=timeout))


class Runs:
    def __init__(self, client: Client) -> None:
        self._client = client

    def retrieve(self, run_id: str, *, thread_id: str) -> Run:
        return self._client._execute(_retrieve_run(self._client._config, run_id, thread_id)).model

    def wait(self, run_id: str, *, thread_id: str, timeout: float | None = None, interval: float | None = None) -> Run:
        c = self._client
        run: Run = c._execute(_wait_run(c._config, c._clock, run_id, thread_id, interval=interval, timeout=timeout))
        return run


class Pager:
    """Every step of every page, fetched lazily one page at a time. `cursor`: the id last yielded."""

    def __init__(self, client: Client, listing: _Listing) -> None:
        self._client, self._listing = client, listing
        self.cursor: str | None = None

    def pages(self) -> Iterator[RunStepList]:
        return self._client._stream(self._listing.plan())

    def __iter__(self) -> Iterator[RunStep]:
        for page in self.pages():
            for step in page.data:
                self.cursor = step.id
                yield step


class Watcher:
    """Yields each step when it first appears and whenever its status changes; `.run` is the last Run."""

    def __init__(self, client: Client, watching: _Watching) -> None:
        self._client, self._watching = client, watching

    @property
    def run(self) -> Run | None:
        return self._watching.state.run

    def __iter__(self) -> Iterator[RunStep]:
        return self._client._stream(self._watching.plan())


# ---- async: the same plans, awaited ----


class AsyncClient:
    """The async twin of Client: the same names; coroutines and async iterators."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        organization: str | None = None,
        project: str | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._config = Config(api_key, base_url, timeout, max_retries, default_headers, organization, project)
        self._owns_http = http_client is None
        config = self._config
        self._http = http_client or httpx.AsyncClient(
            headers=config.headers,
            timeout=config.timeout,
            follow_redirects=False,
            limits=httpx.Limits(max_connections=100),
        )
        self._per_request = _per_request(config, owned=http_client is None)
        self._sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep
        self._clock: Callable[[], float] = time.monotonic
        self.steps = AsyncSteps(self)
        self.runs = AsyncRuns(self)

    def __repr__(self) -> str:
        return f"runsteps.AsyncClient(base_url={self._config.base_url!r})"

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _perform(self, action: Action) -> Outcome:
        if isinstance(action, Sleep):
            await self._sleep(action.seconds)
            return None
        assert not isinstance(action, Emit), "plans that emit are run by _stream"
        try:
            return await self._http.request(action.method, action.url, params=action.params, **self._per_request)
        except httpx.TransportError as exc:
            return exc

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
        while (action := _resume(plan, outcome)) is not None:
            if isinstance(action, Emit):
                outcome = None
                yield action.item
            else:
                outcome = await self._perform(action)


class AsyncSteps:
    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def retrieve(
        self, step_id: str, *, thread_id: str, run_id: str, include: Sequence[str] | None = None
    ) -> RunStep:
        plan = _retrieve_step(self._client._config, step_id, thread_id, run_id, include)
        return (await self._client._execute(plan)).model

    def list(
        self,
        run_id: str,
        *,
        thread_id: str,
        limit: int | None = None,
        order: str | None = None,
        after: str | None = None,
        before: str | None = None,
        include: Sequence[str] | None = None,
    ) -> AsyncPager:
        listing = _Listing(self._client._config, run_id, thread_id, limit, order, after, before, include)
        return AsyncPager(self._client, listing)

    async def wait(
        self, step_id: str, *, thread_id: str, run_id: str, timeout: float | None = None, interval: float | None = None
    ) -> RunStep:
        c = self._client
        plan = _wait_step(c._config, c._clock, step_id, thread_id, run_id, interval=interval, timeout=timeout)
        step: RunStep = await c._execute(plan)
        return step

    def watch(
        self, run_id: str, *, thread_id: str, timeout: float | None = None, interval: float | None = None
    ) -> AsyncWatcher:
        c = self._client
        return AsyncWatcher(c, _Watching(c._config, c._clock, run_id, thread_id, interval=interval, timeout=timeout))


class AsyncRuns:
    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def retrieve(self, run_id: str, *, thread_id: str) -> Run:
        return (await self._client._execute(_retrieve_run(self._client._config, run_id, thread_id))).model

    async def wait(
        self, run_id: str, *, thread_id: str, timeout: float | None = None, interval: float | None = None
    ) -> Run:
        c = self._client
        run: Run = await c._execute(
            _wait_run(c._config, c._clock, run_id, thread_id, interval=interval, timeout=timeout)
        )
        return run


class AsyncPager:
    """The async twin of Pager: `async for step in pager`, `async for page in pager.pages()`."""

    def __init__(self, client: AsyncClient, listing: _Listing) -> None:
        self._client, self._listing = client, listing
        self.cursor: str | None = None

    def pages(self) -> AsyncIterator[RunStepList]:
        return self._client._stream(self._listing.plan())

    async def __aiter__(self) -> AsyncIterator[RunStep]:
        async for page in self.pages():
            for step in page.data:
                self.cursor = step.id
                yield step


class AsyncWatcher:
    """The async twin of Watcher: `async for step in watcher`."""

    def __init__(self, client: AsyncClient, watching: _Watching) -> None:
        self._client, self._watching = client, watching

    @property
    def run(self) -> Run | None:
        return self._watching.state.run

    def __aiter__(self) -> AsyncIterator[RunStep]:
        return self._client._stream(self._watching.plan())
