"""`GET /threads/{thread_id}/messages` (list_messages): Returns a page of the messages of a thread, or of those one run made."""

from typing import Any

from ...._model_base import path_segment
from ...models.error_response import ErrorResponse
from ...models.list_order import ListOrderLiteral
from ...models.message_list import MessageList

PATH = "/threads/{thread_id}/messages"


def build_request(
    thread_id: str,
    *,
    limit: int | None = None,
    order: ListOrderLiteral | None = None,
    after: str | None = None,
    before: str | None = None,
    run_id: str | None = None,
) -> dict[str, Any]:
    """The `method`, `url` (relative, path parameters percent-encoded) and `params` (None when empty) of the request.

    Values are sent as given: the query's request model (`...Query`) checks them first."""
    params: dict[str, Any] = {}
    if limit is not None:
        params["limit"] = limit
    if order is not None:
        params["order"] = order
    if after is not None:
        params["after"] = after
    if before is not None:
        params["before"] = before
    if run_id is not None:
        params["run_id"] = run_id
    return {
        "method": "GET",
        "url": PATH.format(
            thread_id=path_segment(thread_id),
        ),
        "params": params or None,
    }


def parse_body(data: Any) -> MessageList:
    """The model of a 2xx response's JSON body; a PayloadError if it does not have that shape."""
    body = MessageList.from_dict(data)

    return body


def parse_error(data: Any) -> ErrorResponse:
    """The model of an error response's JSON body; a PayloadError if it does not have that shape."""
    body = ErrorResponse.from_dict(data)

    return body
