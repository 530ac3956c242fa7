"""Pagers and watchers: iterables over a plan. Each iteration runs the plan afresh from its arguments,
so its state (the walk's cursors, the steps seen) lives exactly as long as that iteration."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._generated.models import Run, RunStep
from ._pagination import Identified, Listing, ListPage, Page, pages
from ._polling import Change, Watch, watch
from ._sending import CallOptions

if TYPE_CHECKING:
    from ._driver import AsyncDriver, SyncDriver

T = TypeVar("T", bound=Identified)
P = TypeVar("P")


class _PagerBase(Generic[T, P]):
    cursor: str | None
    """The id of the last item yielded: pass it as `after=` (or `before=` when walking backward) to resume."""

    def __init__(self, listing: Listing[T], options: CallOptions, what: str) -> None:
        self._listing, self._options, self._what = listing, options, what
        self.cursor = None

    def _yielded(self, item: T) -> T:
        """An item about to be yielded, now the cursor."""
        self.cursor = item.id
        return item

    def _last_of(self, page: ListPage[T]) -> P:
        """The page, its last item now the cursor."""
        if page.data:
            self.cursor = page.data[-1].id
        return page  # type: ignore[return-value]

    def __repr__(self) -> str:
        q = self._listing.query
        args = ", ".join(
            f"{name}={value!r}"
            for name, value in (("limit", q.limit), ("order", q.order), ("after", q.after), ("before", q.before))
            if value is not None
        )
        return f"<{type(self).__name__} of {self._what}{', ' + args if args else ''}; cursor={self.cursor!r}>"


class Pager(_PagerBase[T, P]):
    """Every item of every page, fetched lazily one page at a time; iterate it as often as you like.

    `limit` is the page size, never a cap on items. `pages()` yields the pages. `cursor` is the id of
    the last item yielded, so a loop stopped by an error resumes exactly where it was. Items are read
    into models as they are yielded: one that cannot be read raises `APIResponseValidationError`
    after the items before it.
    """

    def __init__(self, client: SyncDriver, listing: Listing[T], options: CallOptions, what: str) -> None:
        super().__init__(listing, options, what)
        self._client = client

    def __iter__(self) -> Iterator[T]:
        for page in self._walk():
            for item in page.items():
                yield self._yielded(item)

    def pages(self) -> Iterator[P]:
        """The pages, each with the items not yielded before, in walking order."""
        for page in self._walk():
            yield self._last_of(page.model())

    def _walk(self) -> Iterator[Page[T]]:
        c = self._client
        return c._stream(pages(c._config, self._listing, clock=c._clock, options=self._options))


class AsyncPager(_PagerBase[T, P]):
    """The async twin of Pager: `async for item in pager`, `async for page in pager.pages()`."""

    def __init__(self, client: AsyncDriver, listing: Listing[T], options: CallOptions, what: str) -> None:
        super().__init__(listing, options, what)
        self._client = client

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self._walk():
            for item in page.items():
                yield self._yielded(item)

    async def pages(self) -> AsyncIterator[P]:
        """The pages, each with the items not yielded before, in walking order."""
        async for page in self._walk():
            yield self._last_of(page.model())

    def _walk(self) -> AsyncIterator[Page[T]]:
        c = self._client
        return c._stream(pages(c._config, self._listing, clock=c._clock, options=self._options))


class _WatcherBase:
    def __init__(
        self, thread_id: str, run_id: str, interval: float | None, timeout: float | None, options: CallOptions
    ) -> None:
        self._thread_id, self._run_id = thread_id, run_id
        self._interval, self._timeout, self._options = interval, timeout, options
        self._state: Watch | None = None

    @property
    def run(self) -> Run | None:
        """The last Run seen by the latest iteration (None before one has fetched it)."""
        return self._state.run if self._state is not None else None

    def _plan(self, client: SyncDriver | AsyncDriver) -> Any:
        self._state = Watch()
        return watch(
            client._config,
            self._state,
            self._thread_id,
            self._run_id,
            interval=self._interval,
            timeout=self._timeout,
            clock=client._clock,
            options=self._options,
        )

    def __repr__(self) -> str:
        status = None if self.run is None else str(self.run.status)
        return (
            f"<{type(self).__name__} of run {self._run_id} in thread {self._thread_id}; "
            f"interval={self._interval}, timeout={self._timeout}, run status={status!r}>"
        )


class Watcher(_WatcherBase):
    """Yields each step when it first appears and whenever its status changes, until the run has
    settled (or paused at requires_action) and every step seen is terminal. `.run` is the last Run."""

    def __init__(self, client: SyncDriver, *args: Any) -> None:
        super().__init__(*args)
        self._client = client

    def __iter__(self) -> Iterator[RunStep]:
        for change in self._changes():
            yield change.step

    def _changes(self) -> Iterator[Change]:
        return self._client._stream(self._plan(self._client))


class AsyncWatcher(_WatcherBase):
    """The async twin of Watcher: `async for step in watcher`."""

    def __init__(self, client: AsyncDriver, *args: Any) -> None:
        super().__init__(*args)
        self._client = client

    async def __aiter__(self) -> AsyncIterator[RunStep]:
        async for change in self._changes():
            yield change.step

    def _changes(self) -> AsyncIterator[Change]:
        return self._client._stream(self._plan(self._client))
