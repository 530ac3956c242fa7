"""`GET /threads/{thread_id}/runs/{run_id}/steps` (list_run_steps): Returns a page of the run steps belonging to a run."""

from typing import Any

from ...._model_base import path_segment
from ...models.error_response import ErrorResponse
from ...models.include_field import IncludeFieldLiteral
from ...models.list_order import ListOrderLiteral
from ...models.run_step_list import RunStepList

PATH = "/threads/{thread_id}/runs/{run_id}/steps"


def build_request(
    thread_id: str,
    run_id: str,
    *,
    limit: int | None = None,
    order: ListOrderLiteral | None = None,
    after: str | None = None,
    before: str | None = None,
    include: list[IncludeFieldLiteral] | None = None,
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
    if include is not None:
        params["include[]"] = list(include)
    return {
        "method": "GET",
        "url": PATH.format(
            thread_id=path_segment(thread_id),
            run_id=path_segment(run_id),
        ),
        "params": params or None,
    }


def parse_body(data: Any) -> RunStepList:
    """The model of a 2xx response's JSON body; a PayloadError if it does not have that shape."""
    body = RunStepList.from_dict(data)

    return body


def parse_error(data: Any) -> ErrorResponse:
    """The model of an error response's JSON body; a PayloadError if it does not have that shape."""
    body = ErrorResponse.from_dict(data)

    return body
