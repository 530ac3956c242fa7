# Generated from _async/iterators.py by scripts/unasync.py (make generate): edit that file, not this one.
"""Pagers and watchers: iterables over a plan. Each iteration runs the plan afresh from its arguments,
so its state (the walk's cursors, the steps seen) lives exactly as long as that iteration.

This module is the source of `runsteps._sync.iterators`, which `make generate` writes from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from runsteps._generated.models import Run, RunStep
from runsteps._plans import reading
from runsteps._plans.deadline import CallOptions
from runsteps._plans.pagination import Identified, Listing, Page, pages
from runsteps._plans.polling import Change, Watch, watch
from runsteps._plans.responses import Reply

if TYPE_CHECKING:
    from runsteps._sync.client import Client

T = TypeVar("T", bound=Identified)
P = TypeVar("P")


class Pager(Generic[T, P]):
    """Every item of every page, fetched lazily one page at a time; iterate it as often as you like:
    `for item in pager`, `for page in pager.pages()`.

    `limit` is the page size, never a cap on items. `pages()` yields the pages. `cursor` is the id of
    the last item yielded, so a loop stopped by an error resumes exactly where it was. Items are read
    into models as they are yielded: one that cannot be read raises `APIResponseValidationError`
    after the items before it.
    """

    cursor: str | None
    """The id of the last item yielded: pass it as `after=` (or `before=` when walking backward) to resume."""

    def __init__(self, client: Client, listing: Listing[T], options: CallOptions, what: str) -> None:
        self._client, self._listing, self._options, self._what = client, listing, options, what
        self.cursor = None

    def __iter__(self) -> Iterator[T]:
        for page in self._walk():
            for item in page.items():
                self.cursor = item.id
                yield item

    def pages(self) -> Iterator[P]:
        """The pages, each with the items not yielded before, in walking order."""
        for page in self._walk():
            model = page.model()
            if model.data:
                self.cursor = model.data[-1].id
            yield model  # type: ignore[misc]

    def _walk(self) -> Iterator[Page[T]]:
        return self._client._stream(pages(self._client._call(self._options), self._listing))

    def _first_page(self) -> Reply[P]:
        """The first page as it came (`with_raw_response.list`); the cursor is left alone."""
        return self._client._execute(reading.first_page(self._client._call(self._options), self._listing))

    def __repr__(self) -> str:
        q = self._listing.query
        args = ", ".join(
            f"{name}={value!r}"
            for name, value in (("limit", q.limit), ("order", q.order), ("after", q.after), ("before", q.before))
            if value is not None
        )
        return f"<{type(self).__name__} of {self._what}{', ' + args if args else ''}; cursor={self.cursor!r}>"


class Watcher:
    """Yields each step when it first appears and whenever its status changes, until the run has
    settled (or paused at requires_action) and every step seen is terminal: `for step in
    watcher`. `.run` is the last Run."""

    def __init__(
        self,
        client: Client,
        thread_id: str,
        run_id: str,
        interval: float | None,
        options: CallOptions,
        include: list[Any] | None = None,
    ) -> None:
        self._client, self._thread_id, self._run_id = client, thread_id, run_id
        self._interval, self._options, self._include = interval, options, include
        self._state: Watch | None = None

    @property
    def run(self) -> Run | None:
        """The last Run seen by the latest iteration (None before one has fetched it)."""
        return self._state.run if self._state is not None else None

    def __iter__(self) -> Iterator[RunStep]:
        for change in self._changes():
            yield change.step

    def _changes(self) -> Iterator[Change]:
        self._state = Watch()
        call = self._client._call(self._options)
        plan = watch(call, self._state, self._thread_id, self._run_id, interval=self._interval, include=self._include)
        return self._client._stream(plan)

    def __repr__(self) -> str:
        status = None if self.run is None else str(self.run.status)
        return (
            f"<{type(self).__name__} of run {self._run_id} in thread {self._thread_id}; "
            f"interval={self._interval}, timeout={self._options.timeout}, run status={status!r}>"
        )
