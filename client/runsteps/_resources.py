"""`client.steps` and `client.runs`, sync and async, and their `with_raw_response` views.

Each method checks its arguments (a ValueError before anything is sent) and hands a plan from
_calls to its client's driver. Every call takes `timeout` (its own time limit, retries included:
for `list`, each page's), `extra_headers` and `extra_query`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from . import _acting, _calls
from ._generated.models import RequiredMCPToolCall, Run, RunList, RunStep, RunStepList
from ._generated.models.include_field import IncludeFieldLiteral
from ._generated.models.list_order import ListOrderLiteral
from ._iterators import AsyncPager, AsyncWatcher, Pager, Watcher
from ._raw import RawResponse
from ._sending import CallOptions

if TYPE_CHECKING:
    from ._driver import AsyncDriver, SyncDriver

Headers = Mapping[str, str] | None
Query = Mapping[str, str] | None
Include = Sequence[IncludeFieldLiteral] | None
Order = ListOrderLiteral | None
Functions = Mapping[str, Callable[..., Any]]
Approve = Callable[[RequiredMCPToolCall], bool]
AsyncApprove = Callable[[RequiredMCPToolCall], bool | Awaitable[bool]]


class ToolOutputParam(TypedDict):
    """One pending call's output, for `runs.submit_tool_outputs`."""

    tool_call_id: str
    output: str


class ToolApprovalParam(TypedDict):
    """An answer to one of Azure AI Agents' MCP tool approvals, for `runs.submit_tool_approvals`."""

    tool_call_id: str
    approve: bool
    headers: NotRequired[Mapping[str, str]]


class Steps:
    """The steps of a run: `retrieve`, `list`, `wait`, `watch`."""

    def __init__(self, client: SyncDriver) -> None:
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
    """The runs of a thread: `retrieve`, `list`, `wait`, and acting on one: `cancel`,
    `submit_tool_outputs`, `submit_tool_approvals`, `process`."""

    def __init__(self, client: SyncDriver) -> None:
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

    def cancel(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Cancels a run that is queued, in progress or waiting at requires_action, and returns it,
        usually `cancelling` (`runs.wait` follows it to `cancelled`); a settled run is a
        `BadRequestError`. Never applied twice: after a lost answer the run is read again, and a run
        `cancelling` or `cancelled` is the answer."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return c._execute(_acting.cancel(c._config, c._clock, run_id, thread_id, options)).model

    def submit_tool_outputs(
        self,
        run_id: str,
        *,
        thread_id: str,
        tool_outputs: Sequence[ToolOutputParam],
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Submits the outputs of a run waiting at requires_action, every pending call in one request
        (`tool_outputs=[{"tool_call_id": "call_1", "output": "..."}]`), and returns the run.

        A ValueError before sending for an empty list, an output that is not a string, a duplicate
        call id. Never applied twice: after a lost answer the run is read again; a run no longer
        waiting for these calls means it landed, and that run is returned."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        outputs = _acting.check_tool_outputs(tool_outputs)
        plan = _acting.submit(c._config, c._clock, run_id, thread_id, tool_outputs=outputs, options=options)
        return c._execute(plan).model

    def submit_tool_approvals(
        self,
        run_id: str,
        *,
        thread_id: str,
        tool_approvals: Sequence[ToolApprovalParam],
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Answers Azure AI Agents' MCP tool approvals (`required_action.type == "submit_tool_approval"`),
        every pending call in one request (`tool_approvals=[{"tool_call_id": "call_1", "approve": True}]`),
        as azure-ai-agents sends them. Checked and never applied twice, as `submit_tool_outputs`."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        approvals = _acting.check_tool_approvals(tool_approvals)
        plan = _acting.submit(c._config, c._clock, run_id, thread_id, tool_approvals=approvals, options=options)
        return c._execute(plan).model

    def process(
        self,
        run_id: str,
        *,
        thread_id: str,
        functions: Functions | None = None,
        approve: Approve | None = None,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Polls a run and answers it until it is final. At requires_action it calls
        `functions[name](**arguments)` for each function call and submits every output in one request
        (a string as it is, anything else as JSON; an exception becomes that call's output, a JSON
        object naming it, so the run goes on); `approve(call) -> bool` answers MCP tool approvals.

        Returns the run when it is final, or at requires_action when a call has no function here
        (or approvals come and there is no `approve`): nothing is submitted then, the caller decides.
        `timeout` is an overall deadline, as for `wait` (`PollTimeoutError`)."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        plan = _acting.process(
            c._config, c._clock, run_id, thread_id, functions, approve, _calls.check_interval(interval), options
        )
        return c._execute(plan).model


class StepsWithRawResponse:
    """`client.steps.with_raw_response`: the calls of `Steps`, returning a `RawResponse` (for `list`,
    the response of the first page)."""

    def __init__(self, client: SyncDriver) -> None:
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

    def __init__(self, client: SyncDriver) -> None:
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

    def cancel(
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
        return RawResponse(c._execute(_acting.cancel(c._config, c._clock, run_id, thread_id, options)))

    def submit_tool_outputs(
        self,
        run_id: str,
        *,
        thread_id: str,
        tool_outputs: Sequence[ToolOutputParam],
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[Run]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        outputs = _acting.check_tool_outputs(tool_outputs)
        plan = _acting.submit(c._config, c._clock, run_id, thread_id, tool_outputs=outputs, options=options)
        return RawResponse(c._execute(plan))

    def submit_tool_approvals(
        self,
        run_id: str,
        *,
        thread_id: str,
        tool_approvals: Sequence[ToolApprovalParam],
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[Run]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        approvals = _acting.check_tool_approvals(tool_approvals)
        plan = _acting.submit(c._config, c._clock, run_id, thread_id, tool_approvals=approvals, options=options)
        return RawResponse(c._execute(plan))


# ---- async: the same calls, awaited ----


class AsyncSteps:
    """The async twin of `Steps`."""

    def __init__(self, client: AsyncDriver) -> None:
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

    def __init__(self, client: AsyncDriver) -> None:
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

    async def cancel(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Cancels a run; as `Runs.cancel`."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return (await c._execute(_acting.cancel(c._config, c._clock, run_id, thread_id, options))).model

    async def submit_tool_outputs(
        self,
        run_id: str,
        *,
        thread_id: str,
        tool_outputs: Sequence[ToolOutputParam],
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Submits the outputs of a run's pending calls; as `Runs.submit_tool_outputs`."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        outputs = _acting.check_tool_outputs(tool_outputs)
        plan = _acting.submit(c._config, c._clock, run_id, thread_id, tool_outputs=outputs, options=options)
        return (await c._execute(plan)).model

    async def submit_tool_approvals(
        self,
        run_id: str,
        *,
        thread_id: str,
        tool_approvals: Sequence[ToolApprovalParam],
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Answers MCP tool approvals; as `Runs.submit_tool_approvals`."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        approvals = _acting.check_tool_approvals(tool_approvals)
        plan = _acting.submit(c._config, c._clock, run_id, thread_id, tool_approvals=approvals, options=options)
        return (await c._execute(plan)).model

    async def process(
        self,
        run_id: str,
        *,
        thread_id: str,
        functions: Functions | None = None,
        approve: AsyncApprove | None = None,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Polls a run and answers it until it is final; as `Runs.process`. `functions` and `approve`
        may be sync or async: the calls of one requires_action run concurrently (sync ones in worker threads)."""
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        plan = _acting.process(
            c._config, c._clock, run_id, thread_id, functions, approve, _calls.check_interval(interval), options
        )
        return (await c._execute(plan)).model


class AsyncStepsWithRawResponse:
    """`client.steps.with_raw_response` of an AsyncClient."""

    def __init__(self, client: AsyncDriver) -> None:
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

    def __init__(self, client: AsyncDriver) -> None:
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

    async def cancel(
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
        return RawResponse(await c._execute(_acting.cancel(c._config, c._clock, run_id, thread_id, options)))

    async def submit_tool_outputs(
        self,
        run_id: str,
        *,
        thread_id: str,
        tool_outputs: Sequence[ToolOutputParam],
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[Run]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        outputs = _acting.check_tool_outputs(tool_outputs)
        plan = _acting.submit(c._config, c._clock, run_id, thread_id, tool_outputs=outputs, options=options)
        return RawResponse(await c._execute(plan))

    async def submit_tool_approvals(
        self,
        run_id: str,
        *,
        thread_id: str,
        tool_approvals: Sequence[ToolApprovalParam],
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> RawResponse[Run]:
        c = self._client
        options = CallOptions.of(timeout, extra_headers, extra_query)
        approvals = _acting.check_tool_approvals(tool_approvals)
        plan = _acting.submit(c._config, c._clock, run_id, thread_id, tool_approvals=approvals, options=options)
        return RawResponse(await c._execute(plan))
