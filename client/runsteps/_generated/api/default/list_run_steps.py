"""`GET /threads/{thread_id}/runs/{run_id}/steps` (list_run_steps): Returns a page of the run steps belonging to a run."""

from typing import Any

from ...models.include_field import IncludeField
from ...models.list_order import ListOrder
from ...models.run_step_list import RunStepList
from ...types import UNSET, Unset, path_segment

PATH = "/threads/{thread_id}/runs/{run_id}/steps"


def build_request(
    thread_id: str,
    run_id: str,
    *,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    include: list[IncludeField] | Unset = UNSET,
) -> dict[str, Any]:
    """The `method`, `url` (relative, path parameters percent-encoded) and `params` of the request."""
    params: dict[str, Any] = {}

    params["limit"] = limit

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params["after"] = after

    params["before"] = before

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
        ),
        "params": params,
    }


def parse_body(data: Any) -> RunStepList:
    """The model of a 2xx response's JSON body; a PayloadError if it does not have that shape."""
    response_200 = RunStepList.from_dict(data)

    return response_200
