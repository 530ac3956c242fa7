"""`POST /threads/{thread_id}/runs/{run_id}/submit_tool_outputs` (submit_tool_ouputs_to_run): Submits the outputs of a run's pending tool calls (or Azure AI Agents' tool approvals)."""

from typing import Any

from ...._model_base import path_segment
from ...models.error_response import ErrorResponse
from ...models.run import Run
from ...models.submit_tool_outputs_run_request import SubmitToolOutputsRunRequest

PATH = "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs"


def build_request(
    thread_id: str,
    run_id: str,
    body: SubmitToolOutputsRunRequest,
) -> dict[str, Any]:
    """The `method`, `url` (relative, path parameters percent-encoded), `params` (None when empty) and `json`
    (the body's JSON value) of the request."""
    params: dict[str, Any] = {}
    return {
        "method": "POST",
        "url": PATH.format(
            thread_id=path_segment(thread_id),
            run_id=path_segment(run_id),
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
