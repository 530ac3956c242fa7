"""`client.runs` and its `with_raw_response` view: reading runs and acting on them (the rules of every
resource: resources.py).

This module is the source of `runsteps._sync.runs`, which `make generate` writes from it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

from runsteps._async.iterators import AsyncPager
from runsteps._async.resources import Headers, Include, Order, Query, Resource
from runsteps._async.streams import AsyncRunStream
from runsteps._params import ToolApprovalParam, ToolOutputParam
from runsteps._plans import acting, reading, starting
from runsteps._plans.deadline import CallOptions
from runsteps._plans.streaming import Opening
from runsteps._raw import AsyncRawCall, AsyncRawFirstPage
from runsteps._validation import check_id

if TYPE_CHECKING:
    from runsteps._async.client import AsyncClient
    from runsteps._generated.models import RequiredMCPToolCall, Run, RunList

Functions = Mapping[str, Callable[..., Any]]
AsyncApprove = Callable[["RequiredMCPToolCall"], bool | Awaitable[bool]]
OnError = Literal["submit", "raise"]


class AsyncRuns(Resource):
    """The runs of a thread: `retrieve`, `list`, `wait`; starting one: `create`, `stream`; and acting on
    one: `cancel`, `submit_tool_outputs`, `submit_tool_outputs_stream`, `submit_tool_approvals`,
    `process`."""

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
        """A run. Raises as `steps.retrieve` does."""
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        return await self._reply(reading.retrieve_run(call, run_id, thread_id))

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
        """Every run of a thread, as a lazy pager, with the arguments and rules of `steps.list`."""
        listing = reading.list_runs_of(thread_id, limit, order, after, before)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return AsyncPager(self._client, listing, options, f"runs of thread {thread_id}")

    async def create(
        self,
        thread_id: str,
        *,
        assistant_id: str,
        model: str | None = None,
        instructions: str | None = None,
        additional_instructions: str | None = None,
        additional_messages: Sequence[Mapping[str, Any]] | None = None,
        tools: Sequence[Mapping[str, Any]] | None = None,
        metadata: Mapping[str, str] | None = None,
        include: Include = None,
        temperature: float | None = None,
        top_p: float | None = None,
        max_prompt_tokens: int | None = None,
        max_completion_tokens: int | None = None,
        parallel_tool_calls: bool | None = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Starts a run of `assistant_id` (an agent's id on Azure AI Agents) on a thread and returns it,
        usually `queued`: `runs.wait`, `watch` or `process` follow it; `stream` starts one and reads
        its events. What is left out is the assistant's own setting; `additional_messages` are
        `[{"role": "user", "content": "..."}]`; `tools` are tool definitions as the API takes them.

        A ValueError before sending for settings of the wrong shape. Never started twice: after a lost
        answer the thread's newest runs are read, and a run of this assistant still going is the one
        the request started (a thread runs one run at a time)."""
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        thread, body, fields = starting.check_start(
            thread_id, assistant_id, model=model, instructions=instructions,
            additional_instructions=additional_instructions, additional_messages=additional_messages, tools=tools,
            metadata=metadata, include=include, options=_tuning(temperature, top_p, max_prompt_tokens,
                                                                max_completion_tokens, parallel_tool_calls),
        )  # fmt: skip
        return await self._reply(starting.start(call, thread, body, fields))

    def stream(
        self,
        thread_id: str,
        *,
        assistant_id: str,
        model: str | None = None,
        instructions: str | None = None,
        additional_instructions: str | None = None,
        additional_messages: Sequence[Mapping[str, Any]] | None = None,
        tools: Sequence[Mapping[str, Any]] | None = None,
        metadata: Mapping[str, str] | None = None,
        include: Include = None,
        temperature: float | None = None,
        top_p: float | None = None,
        max_prompt_tokens: int | None = None,
        max_completion_tokens: int | None = None,
        parallel_tool_calls: bool | None = None,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> AsyncRunStream:
        """Starts a run as `create` does, with `stream: true`, and returns its `AsyncRunStream` (sent when
        iteration starts): `async with client.runs.stream(...) as stream: async for event in stream`.
        `timeout` bounds the whole stream, polling after a drop included; `interval` paces that
        polling. Checked, and never started twice, as `create`."""
        options = CallOptions.of(timeout, extra_headers, extra_query)
        thread, body, fields = starting.check_start(
            thread_id, assistant_id, model=model, instructions=instructions,
            additional_instructions=additional_instructions, additional_messages=additional_messages, tools=tools,
            metadata=metadata, include=include, options=_tuning(temperature, top_p, max_prompt_tokens,
                                                                max_completion_tokens, parallel_tool_calls),
        )  # fmt: skip
        request = starting.start_request(self._client._call(options), thread, body, fields, stream=True)
        opening = Opening(request, thread, None, assistant_id=body.assistant_id, include=fields)
        return AsyncRunStream(self._client, opening, options, reading.check_interval(interval))

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
        """Polls a run until it is final or paused at `requires_action`, and returns it. `timeout` and
        `interval` as for `steps.wait`."""
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        return await self._reply(reading.wait_run(call, run_id, thread_id, interval))

    async def cancel(
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
        return await self._reply(acting.cancel(call, run_id, thread_id))

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
        """Submits the outputs of a run waiting at requires_action, every pending call in one request
        (`tool_outputs=[{"tool_call_id": "call_1", "output": "..."}]`), and returns the run.

        A ValueError before sending for an empty list, an output that is not a string, a duplicate
        call id. Never applied twice: after a lost answer the run is read again; a run no longer
        waiting for these calls means it landed, and that run is returned."""
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        outputs = acting.check_tool_outputs(tool_outputs)
        return await self._reply(acting.submit(call, run_id, thread_id, tool_outputs=outputs))

    def submit_tool_outputs_stream(
        self,
        run_id: str,
        *,
        thread_id: str,
        tool_outputs: Sequence[ToolOutputParam],
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> AsyncRunStream:
        """Submits outputs as `submit_tool_outputs` does, with `stream: true`, and returns the run's
        `AsyncRunStream` from there (sent when iteration starts). Checked, and never applied twice,
        as `submit_tool_outputs`: after a lost answer the run is read, and followed by polling when
        it shows the outputs landed."""
        options = CallOptions.of(timeout, extra_headers, extra_query)
        thread, run = check_id("thread_id", thread_id), check_id("run_id", run_id)
        outputs = acting.check_tool_outputs(tool_outputs)
        request, landed = acting.submission(self._client._call(options), thread, run, outputs, None, stream=True)
        opening = Opening(request, thread, run, landed=landed)
        return AsyncRunStream(self._client, opening, options, reading.check_interval(interval))

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
        """Answers Azure AI Agents' MCP tool approvals (`required_action.type == "submit_tool_approval"`),
        every pending call in one request (`tool_approvals=[{"tool_call_id": "call_1", "approve": True}]`),
        as azure-ai-agents sends them. Checked and never applied twice, as `submit_tool_outputs`."""
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        approvals = acting.check_tool_approvals(tool_approvals)
        return await self._reply(acting.submit(call, run_id, thread_id, tool_approvals=approvals))

    async def process(
        self,
        run_id: str,
        *,
        thread_id: str,
        functions: Functions | None = None,
        approve: AsyncApprove | None = None,
        on_error: OnError = "submit",
        stream: bool = False,
        timeout: float | None = None,
        interval: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Run:
        """Polls a run and answers it until it is final. At requires_action it calls
        `functions[name](**arguments)` for each function call and submits every output in one request
        (a string as it is, anything else as JSON); `approve(call) -> bool` answers MCP tool approvals.
        With AsyncClient, `functions` and `approve` may be sync or async: the calls of one
        requires_action run concurrently (sync ones in worker threads).

        A function that raises is logged (a WARNING on the `runsteps` logger naming it, the call and the
        exception). With `on_error="submit"` (the default) its error becomes that call's output, a JSON
        object naming it, so the model can recover and the run goes on; with `on_error="raise"`
        nothing is submitted and the exception propagates.

        Returns the run when it is final, or at requires_action when a call has no function here (a
        WARNING names it) or approvals come and there is no `approve`: nothing is submitted then, the
        caller decides. `timeout` is an overall deadline, as for `wait` (`PollTimeoutError`).

        With `stream=True` outputs are submitted by `submit_tool_outputs_stream` and the run followed
        by its stream until it ends (by polling if it drops), with the same promises."""
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        interval = reading.check_interval(interval)
        if not isinstance(stream, bool):
            raise ValueError(f"stream must be True or False, got {stream!r}")
        plan = acting.process(call, run_id, thread_id, functions, approve, interval, on_error, stream)
        return await self._reply(plan)


def _tuning(
    temperature: Any, top_p: Any, max_prompt_tokens: Any, max_completion_tokens: Any, parallel_tool_calls: Any
) -> dict[str, Any]:
    return {
        "temperature": temperature,
        "top_p": top_p,
        "max_prompt_tokens": max_prompt_tokens,
        "max_completion_tokens": max_completion_tokens,
        "parallel_tool_calls": parallel_tool_calls,
    }


class AsyncRunsWithRawResponse:
    """`client.runs.with_raw_response`: the calls of `runs`, returning a `RawResponse` (for `list`,
    the response of the first page)."""

    def __init__(self, client: AsyncClient) -> None:
        runs = AsyncRuns(client, raw=True)
        self.retrieve: Final = AsyncRawCall(runs.retrieve)
        self.create: Final = AsyncRawCall(runs.create)
        self.list: Final = AsyncRawFirstPage(runs.list)
        self.wait: Final = AsyncRawCall(runs.wait)
        self.cancel: Final = AsyncRawCall(runs.cancel)
        self.submit_tool_outputs: Final = AsyncRawCall(runs.submit_tool_outputs)
        self.submit_tool_approvals: Final = AsyncRawCall(runs.submit_tool_approvals)
