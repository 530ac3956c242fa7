# Generated from _async/resources.py by scripts/unasync.py (make generate): edit that file, not this one.
"""What `client.steps` and `client.runs` share: the argument types and the base of each resource.

This module is the source of `runsteps._sync.resources`, which `make generate` writes from it; so are
`steps.py` and `runs.py` (apart, so that reading steps does not load the plans that act on runs). Each
method checks its arguments (a ValueError before anything is sent) and hands a plan from
runsteps._plans to its client. Every call takes `timeout` (its own time limit, retries included:
for `list`, the whole iteration's), `extra_headers` and `extra_query`. A raw view is the same
resource made with `raw=True`, its methods wrapped once (runsteps._raw) for their types.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar, cast

from runsteps._generated.models.include_field import IncludeFieldLiteral
from runsteps._generated.models.list_order import ListOrderLiteral
from runsteps._plans.actions import Plan
from runsteps._plans.responses import Reply
from runsteps._raw import RawResponse

if TYPE_CHECKING:
    from runsteps._sync.client import Client

T = TypeVar("T")
Headers = Mapping[str, str] | None
Query = Mapping[str, str] | None
Include = Sequence[IncludeFieldLiteral] | None
Order = ListOrderLiteral | None


class Resource:
    def __init__(self, client: Client, *, raw: bool = False) -> None:
        self._client = client
        self._raw = raw

    def _reply(self, plan: Plan[Reply[T]]) -> T:
        """What a call returns: the model, or in a raw view the whole response (typed by the view)."""
        reply = self._client._execute(plan)
        return cast(T, RawResponse(reply)) if self._raw else reply.model
