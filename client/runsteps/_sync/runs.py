# Generated from _async/runs.py by scripts/unasync.py (make generate): edit that file, not this one.
"""`client.runs` and its `with_raw_response` view: reading runs and acting on them (the rules of every
resource: resources.py).

This module is the source of `runsteps._sync.runs`, which `make generate` writes from it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

from runsteps._params import ToolApprovalParam, ToolOutputParam
from runsteps._plans import acting, reading
from runsteps._plans.deadline import CallOptions
from runsteps._raw import RawCall, RawFirstPage
from runsteps._sync.iterators import Pager
from runsteps._sync.resources import Headers, Order, Query, Resource

if TYPE_CHECKING:
    from runsteps._generated.models import RequiredMCPToolCall, Run, RunList
    from runsteps._sync.client import Client

Functions = Mapping[str, Callable[..., Any]]
Approve = Callable[["RequiredMCPToolCall"], bool]
OnError = Literal["submit", "raise"]


class Runs(Resource):
    """The runs of a thread: `retrieve`, `list`, `wait`, and acting on one: `cancel`,
    `submit_tool_outputs`, `submit_tool_approvals`, `process`."""

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
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        return self._reply(reading.retrieve_run(call, run_id, thread_id))

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
        listing = reading.list_runs_of(thread_id, limit, order, after, before)
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
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        return self._reply(reading.wait_run(call, run_id, thread_id, interval))

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
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        return self._reply(acting.cancel(call, run_id, thread_id))

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
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        outputs = acting.check_tool_outputs(tool_outputs)
        return self._reply(acting.submit(call, run_id, thread_id, tool_outputs=outputs))

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
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        approvals = acting.check_tool_approvals(tool_approvals)
        return self._reply(acting.submit(call, run_id, thread_id, tool_approvals=approvals))

    def process(
        self,
        run_id: str,
        *,
        thread_id: str,
        functions: Functions | None = None,
        approve: Approve | None = None,
        on_error: OnError = "submit",
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Polls a run and answers it until it is final. At requires_action it calls
        `functions[name](**arguments)` for each function call and submits every output in one request
        (a string as it is, anything else as JSON); `approve(call) -> bool` answers MCP tool approvals.
        With Client, `functions` and `approve` may be sync or async: the calls of one
        requires_action run concurrently (sync ones in worker threads).

        A function that raises is logged (a WARNING on the `runsteps` logger naming it, the call and the
        exception). With `on_error="submit"` (the default) its error becomes that call's output, a JSON
        object naming it, so the model can recover and the run goes on; with `on_error="raise"`
        nothing is submitted and the exception propagates.

        Returns the run when it is final, or at requires_action when a call has no function here (a
        WARNING names it) or approvals come and there is no `approve`: nothing is submitted then, the
        caller decides. `timeout` is an overall deadline, as for `wait` (`PollTimeoutError`)."""
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        interval = reading.check_interval(interval)
        return self._reply(acting.process(call, run_id, thread_id, functions, approve, interval, on_error))


class RunsWithRawResponse:
    """`client.runs.with_raw_response`: the calls of `runs`, returning a `RawResponse` (for `list`,
    the response of the first page)."""

    def __init__(self, client: Client) -> None:
        runs = Runs(client, raw=True)
        self.retrieve: Final = RawCall(runs.retrieve)
        self.list: Final = RawFirstPage(runs.list)
        self.wait: Final = RawCall(runs.wait)
        self.cancel: Final = RawCall(runs.cancel)
        self.submit_tool_outputs: Final = RawCall(runs.submit_tool_outputs)
        self.submit_tool_approvals: Final = RawCall(runs.submit_tool_approvals)
