"""`POST /threads/{thread_id}/runs/{run_id}/cancel` (cancel_run): Cancels a run that is `queued`, `in_progress` or `requires_action`."""

from typing import Any

from ...._model_base import path_segment
from ...models.error_response import ErrorResponse
from ...models.run import Run

PATH = "/threads/{thread_id}/runs/{run_id}/cancel"


def build_request(
    thread_id: str,
    run_id: str,
) -> dict[str, Any]:
    """The `method`, `url` (relative, path parameters percent-encoded) and `params` (None when empty) of the request."""
    params: dict[str, Any] = {}
    return {
        "method": "POST",
        "url": PATH.format(
            thread_id=path_segment(thread_id),
            run_id=path_segment(run_id),
        ),
        "params": params or None,
    }


def parse_body(data: Any) -> Run:
    """The model of a 2xx response's JSON body; a PayloadError if it does not have that shape."""
    body = Run.from_dict(data)

    return body


def parse_error(data: Any) -> ErrorResponse:
    """The model of an error response's JSON body; a PayloadError if it does not have that shape."""
    body = ErrorResponse.from_dict(data)

    return body
