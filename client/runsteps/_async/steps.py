"""`client.steps` and its `with_raw_response` view (the rules of every resource: resources.py).

This module is the source of `runsteps._sync.steps`, which `make generate` writes from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from runsteps._async.iterators import AsyncPager, AsyncWatcher
from runsteps._async.resources import Headers, Include, Order, Query, Resource
from runsteps._plans import reading
from runsteps._plans.deadline import CallOptions
from runsteps._raw import AsyncRawCall, AsyncRawFirstPage

if TYPE_CHECKING:
    from runsteps._async.client import AsyncClient
    from runsteps._generated.models import RunStep, RunStepList


class AsyncSteps(Resource):
    """The steps of a run: `retrieve`, `list`, `wait`, `watch`."""

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
        """One step of a run.

        `include=["step_details.tool_calls[*].file_search.results[*].content"]` asks for the content of
        file-search results. Raises a ValueError for a bad argument (nothing sent), an `APIStatusError`
        subclass for an error status (`NotFoundError` ...), `APIConnectionError` when no usable answer
        came, `APIResponseValidationError` for a 2xx that is not a step.
        """
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        return await self._reply(reading.retrieve_step(call, step_id, thread_id, run_id, include))

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
        """Every step of a run, as a lazy pager: iterating it fetches page after page.

        `limit` (1..100) is the page size, never a cap on steps; `order` is `asc` or `desc` (the
        server's default: `desc`); `after` / `before` start after (or walk backward from) a step id.
        The arguments are checked now; requests are sent while iterating, where the errors of
        `retrieve` can arise, and `APIResponseValidationError` when the listing does not progress.
        `timeout` bounds the whole iteration, every page included (`APITimeoutError`).
        """
        listing = reading.list_steps(run_id, thread_id, limit, order, after, before, include)
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
        """Polls a step until it is terminal and returns it (a failed step is returned, not raised).

        Polls start `interval` apart (default 1 s; time spent waiting for answers included), or as
        the server's `openai-poll-after-ms` hint says whenever it sends one. `timeout` is an overall
        deadline, requests and retries included: `PollTimeoutError` (with `.last`, the last step
        seen) at the latest one interval after it.
        """
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        return await self._reply(reading.wait_step(call, step_id, thread_id, run_id, interval))

    def watch(
        self,
        run_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        interval: float | None = None,
        include: Include = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> AsyncWatcher:
        """A watcher of a run: iterating it yields each step when it first appears and whenever its
        status changes, in creation order, until the run has settled (or paused at requires_action)
        and every step seen is terminal. `.run` is the last Run seen. `timeout` and `interval` as for
        `wait`; each tick is two requests (the run, and a page of steps newest first). `include` as
        for `list`: the fields each page of steps is asked for."""
        options = CallOptions.of(timeout, extra_headers, extra_query)
        thread, run = reading.watch_ids(run_id, thread_id)
        fields = reading.check_include(include)
        return AsyncWatcher(self._client, thread, run, reading.check_interval(interval), options, fields)


class AsyncStepsWithRawResponse:
    """`client.steps.with_raw_response`: the calls of `steps`, returning a `RawResponse` (for `list`,
    the response of the first page)."""

    def __init__(self, client: AsyncClient) -> None:
        steps = AsyncSteps(client, raw=True)
        self.retrieve: Final = AsyncRawCall(steps.retrieve)
        self.list: Final = AsyncRawFirstPage(steps.list)
        self.wait: Final = AsyncRawCall(steps.wait)
