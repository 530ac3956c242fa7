"""Paging decided in plain code: what to request next and what to yield. No I/O here."""

from __future__ import annotations

from typing import Any

from ._actions import Emit, Plan, Sleep
from ._base import Config
from ._errors import APIResponseValidationError
from ._generated.api.default import list_run_steps
from ._generated.models import IncludeField, RunStep, RunStepList
from ._generated.types import UNSET, Unset
from ._retry import backoff
from ._sending import send


class EmptyPageError(Exception):
    """A page said `has_more: true` but held no data (or no cursor), and re-asking did not help."""


class PageState:
    """One listing: `next_params()` is the next request (None when done), `feed(page)` what it yields.

    Going forward (`after`, or no cursor) the next cursor is the page's `last_id`; going backward
    (`before`) it is the page's `first_id`, and each page is yielded last item first, so the
    walk keeps moving backward and the last id yielded is always a correct cursor to resume from.
    `after` and `before` are never sent together.
    """

    def __init__(
        self,
        *,
        limit: int | None,
        order: str | None,
        after: str | None,
        before: str | None,
        empty_page_retries: int = 2,
    ) -> None:
        if after is not None and before is not None:
            raise ValueError("after and before cannot both be given: after pages forward, before pages backward")
        self.backward = before is not None
        self._params: dict[str, Any] = {"limit": limit, "order": order, "after": after, "before": before}
        self.done = False
        self.empty_retries = 0
        self.empty_page_retries = empty_page_retries
        self._previous_ids: set[str] = set()

    def next_params(self) -> dict[str, Any] | None:
        return None if self.done else dict(self._params)

    def delay(self) -> float:
        """Seconds to wait before the next request: zero but after an empty page that claimed more."""
        return backoff(self.empty_retries - 1) if self.empty_retries else 0.0

    def feed(self, page: RunStepList) -> list[RunStep]:
        """The steps of `page` to yield, in order, minus any the previous page already yielded."""
        if not page.data:
            if page.has_more:
                self.empty_retries += 1
                if self.empty_retries > self.empty_page_retries:
                    raise EmptyPageError(
                        f"the server sent {self.empty_retries} empty pages in a row that said has_more: true"
                    )
                return []  # ask again for the same page
            self.done = True
            return []
        self.empty_retries = 0
        fresh = [s for s in (page.data[::-1] if self.backward else page.data) if s.id not in self._previous_ids]
        self._previous_ids = {s.id for s in page.data}
        if not page.has_more:
            self.done = True
            return fresh
        cursor = _cursor(page, first=self.backward)
        self._params["before" if self.backward else "after"] = cursor
        return fresh


def _cursor(page: RunStepList, *, first: bool) -> str:
    # Prefer the ids of the data itself; the page's own cursors are a fallback some servers omit.
    step = page.data[0] if first else page.data[-1]
    if isinstance(step.id, str) and step.id:
        return step.id
    declared = page.first_id if first else page.last_id
    if isinstance(declared, str) and not isinstance(declared, Unset) and declared:
        return declared
    raise EmptyPageError("a page with has_more: true gave no cursor to continue from")


def list_request(
    thread_id: str, run_id: str, params: dict[str, Any], include: list[IncludeField] | None
) -> dict[str, Any]:
    """The request for one page; `params` as from `PageState.next_params()`, None meaning not sent."""
    return list_run_steps.build_request(
        thread_id,
        run_id,
        limit=UNSET if params["limit"] is None else params["limit"],
        order=UNSET if params["order"] is None else params["order"],
        after=UNSET if params["after"] is None else params["after"],
        before=UNSET if params["before"] is None else params["before"],
        include=UNSET if include is None else include,
    )


def pages(
    config: Config, state: PageState, thread_id: str, run_id: str, include: list[IncludeField] | None
) -> Plan[None]:
    """Emits each page (its data minus steps already yielded, in walking order) until the listing ends."""
    while (params := state.next_params()) is not None:
        if delay := state.delay():
            yield Sleep(delay)
        reply = yield from send(config, list_request(thread_id, run_id, params, include), list_run_steps.parse_body)
        try:
            fresh = state.feed(reply.model)
        except EmptyPageError as exc:
            raise APIResponseValidationError(
                str(exc), response=reply.response, retries=max(0, state.empty_retries - 1)
            ) from None
        if fresh or state.done:
            reply.model.data = fresh
            yield Emit(reply.model)
