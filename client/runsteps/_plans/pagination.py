"""Paging decided in plain code: what to request next and what to yield. No I/O here.

One `Walk` is one pass over a listing (steps or runs: the same rules), created when iteration
starts and dropped when it ends, so iterating a pager twice walks it twice from its arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, Protocol, TypeVar

import attrs

from runsteps._errors import APIResponseValidationError, APITimeoutError, request_id_of
from runsteps._model_base import PayloadError
from runsteps._plans.actions import Answer, Emit, Plan, Sleep
from runsteps._plans.deadline import Call, Deadline, DeadlineReached
from runsteps._plans.responses import Reply, unusable_object
from runsteps._plans.retry import backoff
from runsteps._plans.sending import send
from runsteps._sanitize import printable

T = TypeVar("T")
MAX_CURSOR_LENGTH = 1024  # longer is no id a server handed out for paging


class Identified(Protocol):
    id: str


class ListPage(Protocol[T]):
    """What every list page has: RunStepList, RunList."""

    data: list[T]
    first_id: str | None
    last_id: str | None
    has_more: bool | None


class Query(Protocol):
    limit: int | None
    after: str | None
    before: str | None


def query_params(query: Any) -> dict[str, Any]:
    """A query model's fields as the keyword arguments of a generated `build_request`, which takes
    the spec's query parameters one each (the model has checked them)."""
    return {
        field.name: getattr(query, field.name)
        for field in attrs.fields(type(query))
        if field.init and not field.name.startswith("_")
    }


class NoProgress(Exception):
    """The listing stopped moving: empty pages that claim more, a page or a cursor seen before."""


class MalformedPage(Exception):
    """A page that cannot be followed at all (`has_more` not a boolean, no usable cursor)."""


@attrs.frozen
class Listing(Generic[T]):
    """A listing's checked arguments: how to ask for a page from a query, and how to read a whole
    page (`parse`) or one of its items (`item`)."""

    request: Callable[[Any], dict[str, Any]]
    parse: Callable[[Any], ListPage[T]]
    item: Callable[[Any], T]
    query: Any  # a generated *Query model: limit, order, after, before (and include)


@attrs.frozen
class Envelope(Generic[T]):
    """A list page read but for its items: its own fields (`page.data` left empty), the JSON of its
    items as sent, and their ids, which is all a walk needs to go on."""

    page: ListPage[T]
    items: list[Any]
    ids: list[str]


def read_envelope(listing: Listing[T]) -> Callable[[Any], Envelope[T]]:
    """The parse for a page whose items are read later, one at a time, as they are yielded: a model
    per item alive at a time rather than a page of them keeps the garbage collector from walking
    the page over and over (`make bench`, listing). A PayloadError says what is wrong, as `parse`
    would: the page's own fields are read by it, and an item without a string id by `item`."""

    def read(data: dict[str, Any]) -> Envelope[T]:
        items = data.get("data")
        if type(items) is not list:
            listing.parse(data)  # raises, saying what `data` is instead of an array
            raise PayloadError("expected an array", ("data",))
        page = listing.parse({**data, "data": []})
        ids: list[str] = []
        for i, item in enumerate(items):
            if type(item) is dict and type(id_ := item.get("id")) is str:
                ids.append(id_)
                continue
            try:
                ids.append(listing.item(item).id)  # type: ignore[attr-defined]
            except PayloadError as exc:
                raise exc.within(i).within("data") from None
        return Envelope(page, items, ids)

    return read


@attrs.frozen
class Page(Generic[T]):
    """What a walk yields for one page: the JSON of its items not yielded before, in walking order,
    exactly as the server sent them, and `items()` to read them into models one by one."""

    envelope: ListPage[T]
    raw: list[Any]
    positions: list[int]  # each item's place in the page, for messages
    parse_item: Callable[[Any], T]
    answer: Answer
    retries: int

    def items(self) -> Iterator[T]:
        """The models, each read as it is asked for: a malformed item raises
        `APIResponseValidationError` (naming it, with the request id) after the items before it."""
        parse = self.parse_item
        for position, raw in zip(self.positions, self.raw, strict=True):
            try:
                item = parse(raw)
            except (PayloadError, RecursionError) as exc:
                if isinstance(exc, PayloadError):
                    exc = exc.within(position).within("data")
                raise unusable_object(self.answer, exc, self.retries) from None
            yield item

    def model(self) -> ListPage[T]:
        """The page's model, holding its items not yielded before."""
        self.envelope.data = list(self.items())
        return self.envelope


class Walk:
    """One pass over a listing: `next_query()` is the next request (None when done), `feed(page, ids)`
    the positions of the page's items to yield, in order.

    Going forward (`after`, or no cursor) the next cursor is the page's last id; going backward
    (`before`) it is the first, and each page is yielded last item first, so the last id yielded is
    always a correct cursor to resume from. A page repeated or a cursor followed before yields
    nothing and is asked again, as is an empty page that says `has_more: true`; after `retries`
    such pages in a row the walk ends with `NoProgress`. No step is yielded twice by a server that
    repeats a page or loops its cursors.
    """

    def __init__(self, query: Any, *, retries: int) -> None:
        self.query = query
        self.backward = query.before is not None
        self.retries = retries
        self.done = False
        self.stalls = 0
        self._previous_ids: set[str] = set()
        start = query.before if self.backward else query.after
        self._cursors: set[str] = {start} if start is not None else set()

    def next_query(self) -> Any:
        return None if self.done else self.query

    def delay(self) -> float:
        """Seconds to wait before the next request: zero but after a page that did not move."""
        return backoff(self.stalls - 1) if self.stalls else 0.0

    def feed(self, page: ListPage[Any], ids: list[str]) -> list[int]:
        """`ids`: those of the page's items, in the page's order."""
        has_more = page.has_more
        if has_more is not None and not isinstance(has_more, bool):
            raise MalformedPage(f"has_more is not a boolean but {printable(repr(has_more), 40)}")
        if not ids:
            if has_more:
                return self._stall("an empty page that said has_more: true")
            self.done = True
            return []
        order = range(len(ids) - 1, -1, -1) if self.backward else range(len(ids))
        if not has_more:
            self.done = True
            return [i for i in order if ids[i] not in self._previous_ids]
        cursor = self._cursor(page, ids)
        if cursor in self._cursors:
            return self._stall(f"a page whose cursor {printable(cursor, 60)!r} was followed before")
        fresh = [i for i in order if ids[i] not in self._previous_ids]
        self._cursors.add(cursor)
        self._previous_ids = set(ids)
        self.stalls = 0
        self.query = attrs.evolve(self.query, **{"before" if self.backward else "after": cursor})
        return fresh

    def _stall(self, what: str) -> list[int]:
        self.stalls += 1
        if self.stalls > self.retries:
            raise NoProgress(f"the listing does not progress: {what}, {self.stalls} times in a row")
        return []  # ask for the same page again, after a pause

    def _cursor(self, page: ListPage[Any], ids: list[str]) -> str:
        # Prefer the ids of the data itself; the page's own cursors are a fallback some servers omit.
        item_id = ids[0] if self.backward else ids[-1]
        declared = page.first_id if self.backward else page.last_id
        for candidate in (item_id, declared):
            if isinstance(candidate, str) and _usable_cursor(candidate):
                return candidate
        raise MalformedPage("a page with has_more: true gave no id to continue from")


def _usable_cursor(value: str) -> bool:
    if not value or len(value) > MAX_CURSOR_LENGTH:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no URL can carry it
        return False
    return True


def pages(call: Call, listing: Listing[T]) -> Plan[None]:
    """Emits a `Page` for each page with something new, until the listing ends. A call's `timeout`
    bounds the whole walk: `APITimeoutError` when it runs out."""
    requests = [0]
    try:
        yield from _walk(call, call.deadline(), listing, requests)
    except DeadlineReached as reached:
        raise APITimeoutError(
            f"the listing's {call.options.timeout:g}s timeout ran out after {requests[0]} pages ({reached.reason})",
            call_timeout=True,
        ) from None


def every_item(call: Call, deadline: Deadline, listing: Listing[T]) -> Plan[list[tuple[T, Any]]]:
    """Every item of a short listing (a run's messages) with its JSON as sent, read within `deadline`
    (a longer call's): `DeadlineReached` when it runs out."""
    found: list[tuple[T, Any]] = []
    walk = _walk(call, deadline, listing, [0])
    outcome: Any = None
    while True:
        try:
            action = walk.send(outcome)
        except StopIteration:
            return found
        if type(action) is Emit:
            page: Page[T] = action.item
            found += zip(page.items(), page.raw, strict=True)
            outcome = None
        else:
            outcome = yield action


def _walk(call: Call, deadline: Deadline, listing: Listing[T], requests: list[int]) -> Plan[None]:
    """The pages with something new, as `Page`s; `requests` counts the pages asked for."""
    walk = Walk(listing.query, retries=call.config.max_retries)
    read = read_envelope(listing)
    while (query := walk.next_query()) is not None:
        if delay := walk.delay():
            yield Sleep(deadline.cut(delay))
        reply: Reply[Envelope[T]] = yield from send(call, deadline, listing.request(query), read)
        requests[0] += 1
        envelope = reply.model
        try:
            fresh = walk.feed(envelope.page, envelope.ids)
        except (NoProgress, MalformedPage) as exc:
            raise APIResponseValidationError(
                f"{exc}{_request_id(reply)}", response=reply.answer.response, retries=max(0, walk.stalls - 1)
            ) from None
        if fresh or walk.done:
            raw = envelope.items
            yield Emit(Page(envelope.page, [raw[i] for i in fresh], fresh, listing.item, reply.answer, reply.retries))


def _request_id(reply: Reply[Any]) -> str:
    request_id = request_id_of(reply.answer.headers)
    return f" (request id {printable(request_id, 100)})" if request_id else ""
