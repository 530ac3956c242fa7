"""Client and AsyncClient: configuration, sending with retries, and the `steps` and `runs` resources.

The sync and async classes are thin drivers: what to send, when to retry, what to yield and how long
to sleep are decided by plain code in _retry, _pagination and _polling.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import httpx

from ._base import DEFAULT_MAX_RETRIES, Config, connection_error, parse_response
from ._errors import APIResponseValidationError, PollTimeoutError
from ._generated.api.default import get_run, get_run_step, list_run_steps
from ._generated.models import ListOrder, Run, RunStep, RunStepList
from ._generated.types import UNSET
from ._pagination import EmptyPageError, PageState
from ._polling import Schedule, Watch, poll_hint, run_is_settled, step_is_terminal
from ._retry import Retry, decide_exception, decide_status
from ._validation import check_id, check_include, check_limit, check_order, check_seconds

T = TypeVar("T")
logger = logging.getLogger("runsteps")


class _Reply:
    """A parsed model and the response it came from (for headers such as the poll hint)."""

    __slots__ = ("headers", "model")

    def __init__(self, model: Any, headers: Mapping[str, str]) -> None:
        self.model = model
        self.headers = headers


# ---- requests: arguments checked and built once for both drivers ----


def _step_request(step_id: Any, thread_id: Any, run_id: Any, include: Any) -> dict[str, Any]:
    inc = check_include(include)
    return get_run_step.build_request(
        check_id("thread_id", thread_id),
        check_id("run_id", run_id),
        check_id("step_id", step_id),
        include=UNSET if inc is None else inc,
    )


def _run_request(run_id: Any, thread_id: Any) -> dict[str, Any]:
    return get_run.build_request(check_id("thread_id", thread_id), check_id("run_id", run_id))


def _list_request(thread_id: str, run_id: str, params: dict[str, Any], include: Any) -> dict[str, Any]:
    return list_run_steps.build_request(
        thread_id,
        run_id,
        limit=UNSET if params["limit"] is None else params["limit"],
        order=UNSET if params["order"] is None else params["order"],
        after=UNSET if params["after"] is None else params["after"],
        before=UNSET if params["before"] is None else params["before"],
        include=UNSET if include is None else include,
    )


def _page_state(limit: Any, order: Any, after: Any, before: Any) -> PageState:
    return PageState(
        limit=check_limit(limit),
        order=check_order(order),
        after=None if after is None else check_id("after", after),
        before=None if before is None else check_id("before", before),
    )


def _empty_page_error(exc: EmptyPageError, reply: _Reply) -> APIResponseValidationError:
    return APIResponseValidationError(str(exc), response=reply.headers.response)  # type: ignore[attr-defined]


def _retry_log(retry: Retry, attempt: int, method: str, url: str) -> None:
    logger.warning("retrying %s %s in %.2fs (attempt %d): %s", method, url, retry.delay, attempt + 1, retry.reason)


def _attempt_log(
    method: str, url: str, status: int | str, started: float, request_id: str | None, attempt: int
) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        elapsed = (time.perf_counter() - started) * 1000
        logger.debug(
            "%s %s -> %s in %.1fms (request id %s, attempt %d)", method, url, status, elapsed, request_id, attempt + 1
        )


class _Headers(dict[str, str]):
    """Response headers that also remember the response, for errors raised after parsing."""

    response: httpx.Response


def _reply(response: httpx.Response, model: Any) -> _Reply:
    headers = _Headers(response.headers)
    headers.response = response
    return _Reply(model, headers)


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
        self._http = http_client or httpx.Client(timeout=self._config.timeout, follow_redirects=False)
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

    def _send(self, request: dict[str, Any], parse: Callable[[Any], T]) -> _Reply:
        config = self._config
        method, url = request["method"], config.base_url + request["url"]
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = self._http.request(
                    method, url, params=request.get("params"), headers=config.headers, timeout=config.timeout
                )
            except httpx.TransportError as exc:
                _attempt_log(method, url, type(exc).__name__, started, None, attempt)
                retry = decide_exception(type(exc).__name__, attempt, config.max_retries)
                if retry is None:
                    raise connection_error(exc, attempt) from exc
            else:
                _attempt_log(method, url, response.status_code, started, response.headers.get("x-request-id"), attempt)
                retry = (
                    None
                    if response.is_success
                    else decide_status(response.status_code, response.headers, attempt, config.max_retries)
                )
                if retry is None:
                    return _reply(response, parse_response(response, parse, attempt))
            _retry_log(retry, attempt, method, url)
            self._sleep(retry.delay)
            attempt += 1


class Steps:
    def __init__(self, client: Client) -> None:
        self._client = client

    def retrieve(self, step_id: str, *, thread_id: str, run_id: str, include: Sequence[str] | None = None) -> RunStep:
        model: RunStep = self._client._send(
            _step_request(step_id, thread_id, run_id, include), get_run_step.parse_body
        ).model
        return model

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
        check_id("thread_id", thread_id), check_id("run_id", run_id)
        return Pager(self._client, thread_id, run_id, _page_state(limit, order, after, before), check_include(include))

    def wait(
        self, step_id: str, *, thread_id: str, run_id: str, timeout: float | None = None, interval: float | None = None
    ) -> RunStep:
        request = _step_request(step_id, thread_id, run_id, None)
        step: RunStep = _poll_sync(self._client, request, get_run_step.parse_body, step_is_terminal, timeout, interval)
        return step

    def watch(
        self, run_id: str, *, thread_id: str, timeout: float | None = None, interval: float | None = None
    ) -> Watcher:
        return Watcher(self._client, _run_request(run_id, thread_id), thread_id, run_id, timeout, interval)


class Runs:
    def __init__(self, client: Client) -> None:
        self._client = client

    def retrieve(self, run_id: str, *, thread_id: str) -> Run:
        model: Run = self._client._send(_run_request(run_id, thread_id), get_run.parse_body).model
        return model

    def wait(self, run_id: str, *, thread_id: str, timeout: float | None = None, interval: float | None = None) -> Run:
        run: Run = _poll_sync(
            self._client, _run_request(run_id, thread_id), get_run.parse_body, run_is_settled, timeout, interval
        )
        return run


def _poll_sync(
    client: Client,
    request: dict[str, Any],
    parse: Callable[[Any], Any],
    done: Callable[[Any], bool],
    timeout: float | None,
    interval: float | None,
) -> Any:
    schedule = Schedule(
        interval=check_seconds("interval", interval), timeout=check_seconds("timeout", timeout), now=client._clock()
    )
    last = None
    while True:
        reply = client._send(request, parse)
        last = reply.model
        if done(last):
            return last
        now = client._clock()
        if schedule.expired(now):
            raise PollTimeoutError(f"still {last.status} when the {timeout}s timeout ran out", last=last)
        client._sleep(schedule.sleep(now, poll_hint(reply.headers)))


class Pager:
    """Every step of every page, fetched lazily one page at a time. `cursor`: the id last yielded."""

    def __init__(self, client: Client, thread_id: str, run_id: str, state: PageState, include: Any) -> None:
        self._client, self._thread_id, self._run_id = client, thread_id, run_id
        self._state, self._include = state, include
        self.cursor: str | None = None

    def pages(self) -> Iterator[RunStepList]:
        state = self._state
        while (params := state.next_params()) is not None:
            if delay := state.delay():
                self._client._sleep(delay)
            reply = self._client._send(
                _list_request(self._thread_id, self._run_id, params, self._include), list_run_steps.parse_body
            )
            try:
                fresh = state.feed(reply.model)
            except EmptyPageError as exc:
                raise _empty_page_error(exc, reply) from None
            if fresh or state.done:
                page: RunStepList = reply.model
                page.data = fresh
                yield page

    def __iter__(self) -> Iterator[RunStep]:
        for page in self.pages():
            for step in page.data:
                self.cursor = step.id
                yield step


class Watcher:
    """Yields each step when it first appears and whenever its status changes; `.run` is the last Run."""

    def __init__(
        self, client: Client, run_request: dict[str, Any], thread_id: str, run_id: str, timeout: Any, interval: Any
    ) -> None:
        self._client, self._run_request = client, run_request
        self._thread_id, self._run_id = thread_id, run_id
        self._timeout, self._interval = check_seconds("timeout", timeout), check_seconds("interval", interval)
        self._state = Watch()

    @property
    def run(self) -> Run | None:
        return self._state.run

    def __iter__(self) -> Iterator[RunStep]:
        client, state = self._client, self._state
        schedule = Schedule(interval=self._interval, timeout=self._timeout, now=client._clock())
        while True:
            reply = client._send(self._run_request, get_run.parse_body)
            state.start_tick(reply.model)
            hint = poll_hint(reply.headers)
            params: dict[str, Any] = {"limit": 100, "order": ListOrder.DESC, "after": None, "before": None}
            while True:
                page_reply = client._send(
                    _list_request(self._thread_id, self._run_id, params, None), list_run_steps.parse_body
                )
                if not state.feed_page(page_reply.model):
                    break
                params["after"] = page_reply.model.data[-1].id
            yield from state.end_tick()
            if state.finished():
                return
            now = client._clock()
            if schedule.expired(now):
                raise PollTimeoutError(
                    f"run still {reply.model.status} when the {self._timeout}s timeout ran out", last=reply.model
                )
            client._sleep(schedule.sleep(now, hint))


# ---- async: the same decisions, awaited ----


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
        self._http = http_client or httpx.AsyncClient(
            timeout=self._config.timeout, follow_redirects=False, limits=httpx.Limits(max_connections=100)
        )
        self._sleep: Callable[[float], Any] = asyncio.sleep
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

    async def _send(self, request: dict[str, Any], parse: Callable[[Any], T]) -> _Reply:
        config = self._config
        method, url = request["method"], config.base_url + request["url"]
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = await self._http.request(
                    method, url, params=request.get("params"), headers=config.headers, timeout=config.timeout
                )
            except httpx.TransportError as exc:
                _attempt_log(method, url, type(exc).__name__, started, None, attempt)
                retry = decide_exception(type(exc).__name__, attempt, config.max_retries)
                if retry is None:
                    raise connection_error(exc, attempt) from exc
            else:
                _attempt_log(method, url, response.status_code, started, response.headers.get("x-request-id"), attempt)
                retry = (
                    None
                    if response.is_success
                    else decide_status(response.status_code, response.headers, attempt, config.max_retries)
                )
                if retry is None:
                    return _reply(response, parse_response(response, parse, attempt))
            _retry_log(retry, attempt, method, url)
            await self._sleep(retry.delay)
            attempt += 1


class AsyncSteps:
    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def retrieve(
        self, step_id: str, *, thread_id: str, run_id: str, include: Sequence[str] | None = None
    ) -> RunStep:
        reply = await self._client._send(_step_request(step_id, thread_id, run_id, include), get_run_step.parse_body)
        model: RunStep = reply.model
        return model

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
        check_id("thread_id", thread_id), check_id("run_id", run_id)
        return AsyncPager(
            self._client, thread_id, run_id, _page_state(limit, order, after, before), check_include(include)
        )

    async def wait(
        self, step_id: str, *, thread_id: str, run_id: str, timeout: float | None = None, interval: float | None = None
    ) -> RunStep:
        request = _step_request(step_id, thread_id, run_id, None)
        step: RunStep = await _poll_async(
            self._client, request, get_run_step.parse_body, step_is_terminal, timeout, interval
        )
        return step

    def watch(
        self, run_id: str, *, thread_id: str, timeout: float | None = None, interval: float | None = None
    ) -> AsyncWatcher:
        return AsyncWatcher(self._client, _run_request(run_id, thread_id), thread_id, run_id, timeout, interval)


class AsyncRuns:
    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def retrieve(self, run_id: str, *, thread_id: str) -> Run:
        model: Run = (await self._client._send(_run_request(run_id, thread_id), get_run.parse_body)).model
        return model

    async def wait(
        self, run_id: str, *, thread_id: str, timeout: float | None = None, interval: float | None = None
    ) -> Run:
        request = _run_request(run_id, thread_id)
        run: Run = await _poll_async(self._client, request, get_run.parse_body, run_is_settled, timeout, interval)
        return run


async def _poll_async(
    client: AsyncClient,
    request: dict[str, Any],
    parse: Callable[[Any], Any],
    done: Callable[[Any], bool],
    timeout: float | None,
    interval: float | None,
) -> Any:
    schedule = Schedule(
        interval=check_seconds("interval", interval), timeout=check_seconds("timeout", timeout), now=client._clock()
    )
    while True:
        reply = await client._send(request, parse)
        last = reply.model
        if done(last):
            return last
        now = client._clock()
        if schedule.expired(now):
            raise PollTimeoutError(f"still {last.status} when the {timeout}s timeout ran out", last=last)
        await client._sleep(schedule.sleep(now, poll_hint(reply.headers)))


class AsyncPager:
    """The async twin of Pager: `async for step in pager`, `async for page in pager.pages()`."""

    def __init__(self, client: AsyncClient, thread_id: str, run_id: str, state: PageState, include: Any) -> None:
        self._client, self._thread_id, self._run_id = client, thread_id, run_id
        self._state, self._include = state, include
        self.cursor: str | None = None

    async def pages(self) -> AsyncIterator[RunStepList]:
        state = self._state
        while (params := state.next_params()) is not None:
            if delay := state.delay():
                await self._client._sleep(delay)
            request = _list_request(self._thread_id, self._run_id, params, self._include)
            reply = await self._client._send(request, list_run_steps.parse_body)
            try:
                fresh = state.feed(reply.model)
            except EmptyPageError as exc:
                raise _empty_page_error(exc, reply) from None
            if fresh or state.done:
                page: RunStepList = reply.model
                page.data = fresh
                yield page

    async def __aiter__(self) -> AsyncIterator[RunStep]:
        async for page in self.pages():
            for step in page.data:
                self.cursor = step.id
                yield step


class AsyncWatcher:
    """The async twin of Watcher: `async for step in watcher`."""

    def __init__(
        self, client: AsyncClient, run_request: dict[str, Any], thread_id: str, run_id: str, timeout: Any, interval: Any
    ) -> None:
        self._client, self._run_request = client, run_request
        self._thread_id, self._run_id = thread_id, run_id
        self._timeout, self._interval = check_seconds("timeout", timeout), check_seconds("interval", interval)
        self._state = Watch()

    @property
    def run(self) -> Run | None:
        return self._state.run

    async def __aiter__(self) -> AsyncIterator[RunStep]:
        client, state = self._client, self._state
        schedule = Schedule(interval=self._interval, timeout=self._timeout, now=client._clock())
        while True:
            reply = await client._send(self._run_request, get_run.parse_body)
            state.start_tick(reply.model)
            hint = poll_hint(reply.headers)
            params: dict[str, Any] = {"limit": 100, "order": ListOrder.DESC, "after": None, "before": None}
            while True:
                request = _list_request(self._thread_id, self._run_id, params, None)
                page_reply = await client._send(request, list_run_steps.parse_body)
                if not state.feed_page(page_reply.model):
                    break
                params["after"] = page_reply.model.data[-1].id
            for step in state.end_tick():
                yield step
            if state.finished():
                return
            now = client._clock()
            if schedule.expired(now):
                raise PollTimeoutError(
                    f"run still {reply.model.status} when the {self._timeout}s timeout ran out", last=reply.model
                )
            await client._sleep(schedule.sleep(now, hint))
