"""`GET /threads` (list_threads): Returns a page of the project's threads (Azure AI Agents only; no other family lists threads)."""

from typing import Any

from ...models.error_response import ErrorResponse
from ...models.list_order import ListOrderLiteral
from ...models.thread_list import ThreadList

PATH = "/threads"


def build_request(
    *,
    limit: int | None = None,
    order: ListOrderLiteral | None = None,
    after: str | None = None,
    before: str | None = None,
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
    return {
        "method": "GET",
        "url": PATH,
        "params": params or None,
    }


def parse_body(data: Any) -> ThreadList:
    """The model of a 2xx response's JSON body; a PayloadError if it does not have that shape."""
    body = ThreadList.from_dict(data)

    return body


def parse_error(data: Any) -> ErrorResponse:
    """The model of an error response's JSON body; a PayloadError if it does not have that shape."""
    body = ErrorResponse.from_dict(data)

    return body
