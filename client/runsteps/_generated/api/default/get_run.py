"""`GET /threads/{thread_id}/runs/{run_id}` (get_run): Retrieves a run."""

from typing import Any

from ...models.run import Run
from ...types import path_segment

PATH = "/threads/{thread_id}/runs/{run_id}"


def build_request(
    thread_id: str,
    run_id: str,
) -> dict[str, Any]:
    """The `method`, `url` (relative, path parameters percent-encoded) and `params` of the request."""

    return {
        "method": "GET",
        "url": PATH.format(
            thread_id=path_segment(str(thread_id)),
            run_id=path_segment(str(run_id)),
        ),
    }


def parse_body(data: Any) -> Run:
    """The model of a 2xx response's JSON body; a PayloadError if it does not have that shape."""
    response_200 = Run.from_dict(data)

    return response_200
