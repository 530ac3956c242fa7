"""`GET /threads/{thread_id}/runs/{run_id}/steps/{step_id}` (get_run_step): Retrieves a run step."""

from typing import Any

from ...models.include_field import IncludeField
from ...models.run_step import RunStep
from ...types import UNSET, Unset, path_segment

PATH = "/threads/{thread_id}/runs/{run_id}/steps/{step_id}"


def build_request(
    thread_id: str,
    run_id: str,
    step_id: str,
    *,
    include: list[IncludeField] | Unset = UNSET,
) -> dict[str, Any]:
    """The `method`, `url` (relative, path parameters percent-encoded) and `params` of the request."""
    params: dict[str, Any] = {}

    json_include: list[str] | Unset = UNSET
    if not isinstance(include, Unset):
        json_include = []
        for include_item_data in include:
            include_item = include_item_data.value
            json_include.append(include_item)

    params["include[]"] = json_include

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    return {
        "method": "GET",
        "url": PATH.format(
            thread_id=path_segment(str(thread_id)),
            run_id=path_segment(str(run_id)),
            step_id=path_segment(str(step_id)),
        ),
        "params": params,
    }


def parse_body(data: Any) -> RunStep:
    """The model of a 2xx response's JSON body; a PayloadError if it does not have that shape."""
    response_200 = RunStep.from_dict(data)

    return response_200
