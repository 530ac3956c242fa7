"""`client.steps` and `client.runs`, sync and async, and their `with_raw_response` views.

Each method checks its arguments (a ValueError before anything is sent) and hands a plan from
_calls to its client's driver. Every call takes `timeout` (its own time limit, retries included:
for `list`, each page's), `extra_headers` and `extra_query`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from . import _calls
from ._generated.models import Run, RunList, RunStep, RunStepList
from ._generated.models.include_field import IncludeFieldLiteral
from ._generated.models.list_order import ListOrderLiteral
from ._iterators import AsyncPager, AsyncWatcher, Pager, Watcher
from ._raw import RawResponse
from ._sending import CallOptions

if TYPE_CHECKING:
    from ._async_client import AsyncClient
    from ._client import Client

Headers = Mapping[str, str] | None
Query = Mapping[str, str] | None
Include = Sequence[IncludeFieldLiteral] | None
Order = ListOrderLiteral | None


class Steps:
    """The steps of a run: `retrieve`, `list`, `wait`, `watch`."""

    def __init__(self, client: Client) -> None:
        self._client = client

    @property
    def with_raw_response(self) -> StepsWithRawResponse:
        """The same calls, returning the HTTP response (headers, status, request id) with `.parse()`."""
        return StepsWithRawResponse(self._client)

    def retrieve(
        self,
        step_id: str,
        *,
        thread_id: str,
        run_id: str,
        include: Include = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RunStep:
        """One step of a run.

        `include=["step_details.tool_calls[*].file_search.results[*].content"]` asks for the content of
        file-search results. Raises a ValueError for a bad argument (nothing sent), an `APIStatusError`
        subclass for an error status (`NotFoundError` ...), `APIConnectionError` when no usable answer
        came, `APIResponseValidationError` for a 2xx that is not a step.
        """
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return c._execute(_calls.retrieve_step(c._config, c._clock, step_id, thread_id, run_id, include, options)).model

    def list(
        self,
        run_id: str,
        *,
        thread_id: str,
        limit: int | None = None,
        order: Order = None,
        after: str | None = None,
        before: str | None = None,
        include: Include = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Pager[RunStep, RunStepList]:
        """Every step of a run, as a lazy pager: iterating it fetches page after page.

        `limit` (1..100) is the page size, never a cap on steps; `order` is `asc` or `desc` (the
        server's default: `desc`); `after` / `before` start after (or walk backward from) a step id.
        The arguments are checked now; requests are sent while iterating, where the errors of
        `retrieve` can arise, and `APIResponseValidationError` when the listing does not progress.
        """
        listing = _calls.list_steps(run_id, thread_id, limit, order, after, before, include)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return Pager(self._client, listing, options, f"steps of run {run_id}")

    def wait(
        self,
        step_id: str,
        *,
        thread_id: str,
        run_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RunStep:
        """Polls a step until it is terminal and returns it (a failed step is returned, not raised).

        Polls start `interval` apart (default 1 s; time spent waiting for answers included), or as
        the server's `openai-poll-after-ms` hint says whenever it sends one. `timeout` is an overall
        deadline, requests and retries included: `PollTimeoutError` (with `.last`, the last step
        seen) at the latest one interval after it.
        """
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return c._execute(_calls.wait_step(c._config, c._clock, step_id, thread_id, run_id, interval, options)).model

    def watch(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Watcher:
        """A watcher of a run: iterating it yields each step when it first appears and whenever its
        status changes, in creation order, until the run has settled (or paused at requires_action)
        and every step seen is terminal. `.run` is the last Run seen. `timeout` and `interval` as for
        `wait`; each tick is two requests (the run, and a page of steps newest first)."""
        options = CallOptions.of(timeout, extra_headers, extra_query)
        thread, run = _calls.watch_ids(run_id, thread_id)
        return Watcher(self._client, thread, run, _calls.check_interval(interval), options.timeout, options)


class Runs:
    """The runs of a thread: `retrieve`, `list`, `wait`."""

    def __init__(self, client: Client) -> None:
        self._client = client

    @property
    def with_raw_response(self) -> RunsWithRawResponse:
        """The same calls, returning the HTTP response (headers, status, request id) with `.parse()`."""
        return RunsWithRawResponse(self._client)

    def retrieve(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """A run. Raises as `steps.retrieve` does."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return c._execute(_calls.retrieve_run(c._config, c._clock, run_id, thread_id, options)).model

    def list(
        self,
        thread_id: str,
        *,
        limit: int | None = None,
        order: Order = None,
        after: str | None = None,
        before: str | None = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Pager[Run, RunList]:
        """Every run of a thread, as a lazy pager, with the arguments and rules of `steps.list`."""
        listing = _calls.list_runs_of(thread_id, limit, order, after, before)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return Pager(self._client, listing, options, f"runs of thread {thread_id}")

    def wait(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Polls a run until it is final or paused at `requires_action`, and returns it. `timeout` and
        `interval` as for `steps.wait`."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return c._execute(_calls.wait_run(c._config, c._clock, run_id, thread_id, interval, options)).model


class StepsWithRawResponse:
    """`client.steps.with_raw_response`: the calls of `Steps`, returning a `RawResponse` (for `list`,
    the response of the first page)."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def retrieve(
        self,
        step_id: str,
        *,
        thread_id: str,
        run_id: str,
        include: Include = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[RunStep]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return RawResponse(
            c._execute(_calls.retrieve_step(c._config, c._clock, step_id, thread_id, run_id, include, options))
        )

    def list(
        self,
        run_id: str,
        *,
        thread_id: str,
        limit: int | None = None,
        order: Order = None,
        after: str | None = None,
        before: str | None = None,
        include: Include = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[RunStepList]:
        c = self._client
        listing = _calls.list_steps(run_id, thread_id, limit, order, after, before, include)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return RawResponse(c._execute(_calls.first_page(c._config, c._clock, listing, options)))

    def wait(
        self,
        step_id: str,
        *,
        thread_id: str,
        run_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[RunStep]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return RawResponse(
            c._execute(_calls.wait_step(c._config, c._clock, step_id, thread_id, run_id, interval, options))
        )


class RunsWithRawResponse:
    """`client.runs.with_raw_response`: the calls of `Runs`, returning a `RawResponse`."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def retrieve(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[Run]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return RawResponse(c._execute(_calls.retrieve_run(c._config, c._clock, run_id, thread_id, options)))

    def list(
        self,
        thread_id: str,
        *,
        limit: int | None = None,
        order: Order = None,
        after: str | None = None,
        before: str | None = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[RunList]:
        c = self._client
        listing = _calls.list_runs_of(thread_id, limit, order, after, before)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return RawResponse(c._execute(_calls.first_page(c._config, c._clock, listing, options)))

    def wait(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[Run]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return RawResponse(c._execute(_calls.wait_run(c._config, c._clock, run_id, thread_id, interval, options)))


# ---- async: the same calls, awaited ----


class AsyncSteps:
    """The async twin of `Steps`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @property
    def with_raw_response(self) -> AsyncStepsWithRawResponse:
        """The same calls, returning the HTTP response (headers, status, request id) with `.parse()`."""
        return AsyncStepsWithRawResponse(self._client)

    async def retrieve(
        self,
        step_id: str,
        *,
        thread_id: str,
        run_id: str,
        include: Include = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RunStep:
        """One step of a run; as `Steps.retrieve`."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        plan = _calls.retrieve_step(c._config, c._clock, step_id, thread_id, run_id, include, options)
        return (await c._execute(plan)).model

    def list(
        self,
        run_id: str,
        *,
        thread_id: str,
        limit: int | None = None,
        order: Order = None,
        after: str | None = None,
        before: str | None = None,
        include: Include = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> AsyncPager[RunStep, RunStepList]:
        """Every step of a run, as a lazy async pager; as `Steps.list`."""
        listing = _calls.list_steps(run_id, thread_id, limit, order, after, before, include)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return AsyncPager(self._client, listing, options, f"steps of run {run_id}")

    async def wait(
        self,
        step_id: str,
        *,
        thread_id: str,
        run_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RunStep:
        """Polls a step until it is terminal; as `Steps.wait`."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        plan = _calls.wait_step(c._config, c._clock, step_id, thread_id, run_id, interval, options)
        return (await c._execute(plan)).model

    def watch(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> AsyncWatcher:
        """An async watcher of a run; as `Steps.watch`."""
        options = CallOptions.of(timeout, extra_headers, extra_query)
        thread, run = _calls.watch_ids(run_id, thread_id)
        return AsyncWatcher(self._client, thread, run, _calls.check_interval(interval), options.timeout, options)


class AsyncRuns:
    """The async twin of `Runs`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @property
    def with_raw_response(self) -> AsyncRunsWithRawResponse:
        """The same calls, returning the HTTP response (headers, status, request id) with `.parse()`."""
        return AsyncRunsWithRawResponse(self._client)

    async def retrieve(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """A run; as `Runs.retrieve`."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return (await c._execute(_calls.retrieve_run(c._config, c._clock, run_id, thread_id, options))).model

    def list(
        self,
        thread_id: str,
        *,
        limit: int | None = None,
        order: Order = None,
        after: str | None = None,
        before: str | None = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> AsyncPager[Run, RunList]:
        """Every run of a thread, as a lazy async pager; as `Runs.list`."""
        listing = _calls.list_runs_of(thread_id, limit, order, after, before)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return AsyncPager(self._client, listing, options, f"runs of thread {thread_id}")

    async def wait(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Polls a run until it is final or paused at `requires_action`; as `Runs.wait`."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return (await c._execute(_calls.wait_run(c._config, c._clock, run_id, thread_id, interval, options))).model


class AsyncStepsWithRawResponse:
    """`client.steps.with_raw_response` of an AsyncClient."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def retrieve(
        self,
        step_id: str,
        *,
        thread_id: str,
        run_id: str,
        include: Include = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[RunStep]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        plan = _calls.retrieve_step(c._config, c._clock, step_id, thread_id, run_id, include, options)
        return RawResponse(await c._execute(plan))

    async def list(
        self,
        run_id: str,
        *,
        thread_id: str,
        limit: int | None = None,
        order: Order = None,
        after: str | None = None,
        before: str | None = None,
        include: Include = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[RunStepList]:
        c = self._client
        listing = _calls.list_steps(run_id, thread_id, limit, order, after, before, include)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return RawResponse(await c._execute(_calls.first_page(c._config, c._clock, listing, options)))

    async def wait(
        self,
        step_id: str,
        *,
        thread_id: str,
        run_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[RunStep]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        plan = _calls.wait_step(c._config, c._clock, step_id, thread_id, run_id, interval, options)
        return RawResponse(await c._execute(plan))


class AsyncRunsWithRawResponse:
    """`client.runs.with_raw_response` of an AsyncClient."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def retrieve(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[Run]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return RawResponse(await c._execute(_calls.retrieve_run(c._config, c._clock, run_id, thread_id, options)))

    async def list(
        self,
        thread_id: str,
        *,
        limit: int | None = None,
        order: Order = None,
        after: str | None = None,
        before: str | None = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[RunList]:
        c = self._client
        listing = _calls.list_runs_of(thread_id, limit, order, after, before)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return RawResponse(await c._execute(_calls.first_page(c._config, c._clock, listing, options)))

    async def wait(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[Run]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return RawResponse(await c._execute(_calls.wait_run(c._config, c._clock, run_id, thread_id, interval, options)))
