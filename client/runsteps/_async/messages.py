"""`client.messages` and its `with_raw_response` view: the user's turns and the assistant's answers of a
thread (the rules of every resource: resources.py).

This module is the source of `runsteps._sync.messages`, which `make generate` writes from it.
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
    from runsteps._generated.models import Message, MessageList


class AsyncMessages(Resource):
    """The messages of a thread: `list` and `retrieve`."""

    @property
    def with_raw_response(self) -> AsyncMessagesWithRawResponse:
        """The same calls, returning the HTTP response (headers, status, request id) with `.parse()`."""
        return AsyncMessagesWithRawResponse(self._client)

    async def retrieve(
        self,
        message_id: str,
        *,
        thread_id: str,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> Message:
        """A message of a thread (a `message_creation` step's `message_id` names one). Raises as
        `steps.retrieve` does."""
        call = self._client._call(CallOptions.of(timeout, extra_headers, extra_query))
        return await self._reply(reading.retrieve_message(call, message_id, thread_id))

    def list(
        self,
        thread_id: str,
        *,
        run_id: str | None = None,
        limit: int | None = None,
        order: Order = None,
        after: str | None = None,
        before: str | None = None,
        timeout: float | None = None,
        extra_headers: Headers = None,
        extra_query: Query = None,
    ) -> AsyncPager[Message, MessageList]:
        """Every message of a thread, or only those `run_id` made, as a lazy pager with the arguments
        and rules of `steps.list` (the server's default order: newest first)."""
        listing = reading.list_messages_of(thread_id, run_id, limit, order, after, before)
        options = CallOptions.of(timeout, extra_headers, extra_query)
        return AsyncPager(self._client, listing, options, f"messages of thread {thread_id}")


class AsyncMessagesWithRawResponse:
    """`client.messages.with_raw_response`: the calls of `messages`, returning a `RawResponse` (for `list`,
    the response of the first page)."""

    def __init__(self, client: AsyncClient) -> None:
        messages = AsyncMessages(client, raw=True)
        self.retrieve: Final = AsyncRawCall(messages.retrieve)
        self.list: Final = AsyncRawFirstPage(messages.list)
