"""`GET /threads/{thread_id}/messages/{message_id}` (get_message): Retrieves a message."""

from typing import Any

from ...._model_base import path_segment
from ...models.error_response import ErrorResponse
from ...models.message import Message

PATH = "/threads/{thread_id}/messages/{message_id}"


def build_request(
    thread_id: str,
    message_id: str,
) -> dict[str, Any]:
    """The `method`, `url` (relative, path parameters percent-encoded) and `params` (None when empty) of the request."""
    params: dict[str, Any] = {}
    return {
        "method": "GET",
        "url": PATH.format(
            thread_id=path_segment(thread_id),
            message_id=path_segment(message_id),
        ),
        "params": params or None,
    }


def parse_body(data: Any) -> Message:
    """The model of a 2xx response's JSON body; a PayloadError if it does not have that shape."""
    body = Message.from_dict(data)

    return body


def parse_error(data: Any) -> ErrorResponse:
    """The model of an error response's JSON body; a PayloadError if it does not have that shape."""
    body = ErrorResponse.from_dict(data)

    return body
