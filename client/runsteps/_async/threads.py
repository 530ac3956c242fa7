"""`client.threads` and its `with_raw_response` view (the rules of every resource: resources.py).

This module is the source of `runsteps._sync.threads`, which `make generate` writes from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from runsteps._async.iterators import AsyncPager
from runsteps._async.resources import Headers, Order, Query, Resource
from runsteps._plans import reading
from runsteps._plans.deadline import CallOptions
from runsteps._raw import AsyncRawCall, AsyncRawFirstPage

if TYPE_CHECKING:
    from runsteps._async.client import AsyncClient
    from runsteps._generated.models import Thread, ThreadList
    from runsteps.convert import ThreadHistory

INCLUDE_CONTENT: Final = "step_details.tool_calls[*].file_search.results[*].content"


class AsyncThreads(Resource):
    """Threads: `retrieve`, `read` (the whole thread), and `list` where the family lists them (Azure AI Agents)."""

    @property
    def with_raw_response(self) -> AsyncThreadsWithRawResponse:
        """The same calls, returning the HTTP response (headers, status, request id) with `.parse()`."""
        return AsyncThreadsWithRawResponse(self._client)

    async def retrieve(
        self,
        thread_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Thread:
        """A thread. Raises as `steps.retrieve` does."""
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        return await self._reply(reading.retrieve_thread(call, thread_id))

    async def read(
        self,
        thread_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> ThreadHistory:
        """A thread whole, as conversions take it (`runsteps.convert`): the thread, its messages, its runs
        and each run's steps with their file-search contents, all oldest first. `timeout` bounds each
        request and listing on its own; the errors are those of `retrieve` and `list`."""
        from runsteps.convert import ThreadHistory

        client, t, h, q = self._client, timeout, extra_headers, extra_query
        thread = await self.retrieve(thread_id, timeout=t, extra_headers=h, extra_query=q)
        listed = client.messages.list(thread_id, order="asc", limit=100, timeout=t, extra_headers=h, extra_query=q)
        messages = [m async for m in listed]
        runs = [
            r
            async for r in client.runs.list(
                thread_id, order="asc", limit=100, timeout=t, extra_headers=h, extra_query=q
            )
        ]
        steps = {}
        for run in runs:
            of_run = client.steps.list(
                run.id, thread_id=thread_id, order="asc", limit=100, include=[INCLUDE_CONTENT], timeout=t,
                extra_headers=h, extra_query=q,
            )  # fmt: skip
            steps[run.id] = [s async for s in of_run]
        return ThreadHistory(thread_id, thread, messages, runs, steps)

    def list(
        self,
        *,
        limit: int | None = None,
        order: Order = None,
        after: str | None = None,
        before: str | None = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> AsyncPager[Thread, ThreadList]:
        """Every thread of an Azure AI Agents project, as a lazy pager with the arguments and rules of
        `steps.list`. The other families have no such call: a ValueError names the family, before
        anything is sent."""
        listing = reading.list_threads_of(self._client._config.family, limit, order, after, before)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return AsyncPager(self._client, listing, options, "threads")


class AsyncThreadsWithRawResponse:
    """`client.threads.with_raw_response`: the calls of `threads`, returning a `RawResponse` (for `list`,
    the response of the first page)."""

    def __init__(self, client: AsyncClient) -> None:
        threads = AsyncThreads(client, raw=True)
        self.retrieve: Final = AsyncRawCall(threads.retrieve)
        self.list: Final = AsyncRawFirstPage(threads.list)
