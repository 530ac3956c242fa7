"""`GET /threads/{thread_id}/runs/{run_id}/steps/{step_id}` (get_run_step): Retrieves a run step."""

from typing import Any

from ...._model_base import path_segment
from ...models.error_response import ErrorResponse
from ...models.include_field import IncludeFieldLiteral
from ...models.run_step import RunStep

PATH = "/threads/{thread_id}/runs/{run_id}/steps/{step_id}"


def build_request(
    thread_id: str,
    run_id: str,
    step_id: str,
    *,
    include: list[IncludeFieldLiteral] | None = None,
) -> dict[str, Any]:
    """The `method`, `url` (relative, path parameters percent-encoded) and `params` (None when empty) of the request.

    Values are sent as given: the query's request model (`...Query`) checks them first."""
    params: dict[str, Any] = {}
    if include is not None:
        params["include[]"] = list(include)
    return {
        "method": "GET",
        "url": PATH.format(
            thread_id=path_segment(thread_id),
            run_id=path_segment(run_id),
            step_id=path_segment(step_id),
        ),
        "params": params or None,
    }


def parse_body(data: Any) -> RunStep:
    """The model of a 2xx response's JSON body; a PayloadError if it does not have that shape."""
    body = RunStep.from_dict(data)

    return body


def parse_error(data: Any) -> ErrorResponse:
    """The model of an error response's JSON body; a PayloadError if it does not have that shape."""
    body = ErrorResponse.from_dict(data)

    return body
