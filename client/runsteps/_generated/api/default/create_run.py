"""`POST /threads/{thread_id}/runs` (create_run): Starts a run of an assistant (an agent, on Azure AI Agents) on a thread."""

from typing import Any

from ...._model_base import path_segment
from ...models.create_run_request import CreateRunRequest
from ...models.error_response import ErrorResponse
from ...models.include_field import IncludeFieldLiteral
from ...models.run import Run

PATH = "/threads/{thread_id}/runs"


def build_request(
    thread_id: str,
    body: CreateRunRequest,
    *,
    include: list[IncludeFieldLiteral] | None = None,
) -> dict[str, Any]:
    """The `method`, `url` (relative, path parameters percent-encoded), `params` (None when empty) and `json`
    (the body's JSON value) of the request."""
    params: dict[str, Any] = {}
    if include is not None:
        params["include[]"] = list(include)
    return {
        "method": "POST",
        "url": PATH.format(
            thread_id=path_segment(thread_id),
        ),
        "params": params or None,
        "json": body.to_dict(),
    }


def parse_body(data: Any) -> Run:
    """The model of a 2xx response's JSON body; a PayloadError if it does not have that shape."""
    body = Run.from_dict(data)

    return body


def parse_error(data: Any) -> ErrorResponse:
    """The model of an error response's JSON body; a PayloadError if it does not have that shape."""
    body = ErrorResponse.from_dict(data)

    return body
