"""Polling decided in plain code: when an object is done, how long to sleep, what `watch` yields.

The plans here never do I/O. A `timeout` is an overall deadline: every request's attempt and every
retry's wait is cut to what is left of it, so `PollTimeoutError` comes at the deadline, at the
latest one interval after it, whatever the server does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from runsteps._errors import APIResponseValidationError, NotFoundError, PollTimeoutError
from runsteps._generated.api.default import get_run, list_run_steps
from runsteps._generated.models import ListRunStepsQuery, Run, RunStep, RunStepList
from runsteps._plans.actions import Emit, Plan, Sleep
from runsteps._plans.deadline import Call, Deadline, DeadlineReached
from runsteps._plans.pagination import MalformedPage, NoProgress, Walk, query_params
from runsteps._plans.responses import Reply
from runsteps._plans.sending import send
from runsteps._sanitize import printable

T = TypeVar("T")

MOVING_RUN_STATUSES = frozenset({"queued", "in_progress", "cancelling"})
DEFAULT_INTERVAL = 1.0
MIN_HINT, MAX_HINT = 0.01, 60.0
WATCH_PAGE_SIZE = 100


def step_is_terminal(step: RunStep) -> bool:
    # Only `in_progress` moves; any other status, known or not, is final.
    return step.status != "in_progress"


def run_is_settled(run: Run) -> bool:
    """Final, or paused at requires_action: a run whose status is not known to be moving."""
    return str(run.status) not in MOVING_RUN_STATUSES


def poll_hint(headers: Mapping[str, str]) -> float | None:
    """The server's `openai-poll-after-ms`, in seconds, kept within 10 ms .. 60 s."""
    value = headers.get("openai-poll-after-ms")
    if value is None:
        return None
    try:
        seconds = float(value) / 1000
    except ValueError:
        return None
    return min(max(seconds, MIN_HINT), MAX_HINT) if seconds == seconds else None


class Schedule:
    """When to poll: each tick starts `interval` after the previous one started (so time spent waiting
    for answers does not stretch the period), or as the server's hint says; never past the deadline."""

    def __init__(self, deadline: Deadline, *, interval: float | None) -> None:
        self.deadline = deadline
        self.interval = DEFAULT_INTERVAL if interval is None else interval
        self.tick_started = deadline.clock()

    def start_tick(self) -> None:
        self.tick_started = self.deadline.clock()

    def sleep(self, hint: float | None) -> float:
        """Seconds to wait from now: until one interval after the tick started, or `hint` from now."""
        if hint is None:
            return self.deadline.cut(max(0.0, self.tick_started + self.interval - self.deadline.clock()))
        return self.deadline.cut(hint)

    def timed_out(self, last: Reply[Any] | None, reason: str, *, absent: bool = False) -> PollTimeoutError:
        """The error at the deadline; `absent`: what was polled for does not exist yet."""
        timeout = self.deadline.timeout
        if last is None:
            what = "not there yet" if absent else "no answer"
            return PollTimeoutError(f"{what} when the {timeout:g}s timeout ran out ({reason})")
        status = printable(str(last.model.status), 40)
        message = f"still {status} when the {timeout:g}s timeout ran out"
        return PollTimeoutError(message, last=last.model, last_json=last.data)


def poll(
    call: Call,
    request: dict[str, Any],
    parse: Callable[[Any], T],
    done: Callable[[T], bool],
    *,
    interval: float | None,
    deadline: Deadline | None = None,
    parent: dict[str, Any] | None = None,
) -> Plan[Reply[T]]:
    """Fetch `request` until `done(model)`; the last reply. `PollTimeoutError` at the deadline (the
    call's own, or the `deadline` of a longer call this poll is part of).

    With `parent` (the request of a step's run), a step that does not exist yet is waited for while its
    run is still going (or waiting at requires_action): a 404 is final only once the run has settled."""
    schedule = Schedule(deadline or call.deadline(), interval=interval)
    last: Reply[T] | None = None
    absent = ""  # why nothing has been seen yet: the object does not exist while its run goes on
    while True:
        schedule.start_tick()
        try:
            try:
                reply = yield from send(call, schedule.deadline, request, parse)
            except NotFoundError:
                if parent is None or last is not None:
                    raise
                run = yield from send(call, schedule.deadline, parent, get_run.parse_body)
                if str(run.model.status) not in MOVING_RUN_STATUSES | {"requires_action"}:
                    raise
                absent = f"it does not exist yet; its run is {printable(str(run.model.status), 40)}"
                if schedule.deadline.passed():
                    raise schedule.timed_out(None, absent, absent=True) from None
                yield Sleep(schedule.sleep(poll_hint(run.answer.headers)))
                continue
        except DeadlineReached as reached:
            raise schedule.timed_out(last, absent or reached.reason, absent=bool(absent)) from None
        last = reply
        if done(reply.model):
            return reply
        yield from _pause(schedule, reply)


def _pause(schedule: Schedule, reply: Reply[Any]) -> Plan[None]:
    """Sleep until the next poll, or raise if the deadline has passed."""
    if schedule.deadline.passed():
        raise schedule.timed_out(reply, "")
    yield Sleep(schedule.sleep(poll_hint(reply.answer.headers)))


@attrs.frozen
class Change:
    """A step that appeared or changed status, and its JSON object exactly as the server sent it."""

    step: RunStep
    raw: Any


class Watch:
    """The state of one pass of `watch`: which steps were seen in which status, and what a tick yields.

    A tick is: the run, then pages of steps newest first. `feed_page` says whether to read the next
    page: only when the page was all new steps or a known moving step has not been seen yet.
    """

    def __init__(self) -> None:
        self.status: dict[str, str] = {}
        self.created: dict[str, tuple[Any, int]] = {}
        self.run_reply: Reply[Run] | None = None
        self._tick_seen: set[str] = set()
        self._tick_changed: dict[str, Change] = {}
        self._tick_new: list[RunStep] = []

    @property
    def run(self) -> Run | None:
        return self.run_reply.model if self.run_reply is not None else None

    def start_tick(self, reply: Reply[Run]) -> None:
        self.run_reply = reply
        self._tick_seen = set()
        self._tick_changed = {}
        self._tick_new = []

    def feed_page(self, steps: list[RunStep], raw: list[Any], has_more: bool) -> bool:
        """Take a page's steps (newest first); True if the next page must be read too."""
        oldest_was_new = False
        for step, data in zip(steps, raw, strict=True):
            if step.id in self._tick_seen:
                continue
            self._tick_seen.add(step.id)
            oldest_was_new = step.id not in self.created
            if oldest_was_new:
                self._tick_new.append(step)
            if self.status.get(step.id) != str(step.status):
                self._tick_changed[step.id] = Change(step, data)
        if not has_more or not steps:
            return False
        unseen_moving = any(
            status == "in_progress" and step_id not in self._tick_seen for step_id, status in self.status.items()
        )
        return oldest_was_new or unseen_moving

    def end_tick(self) -> list[Change]:
        """The steps that appeared or changed this tick, in creation order."""
        # Pages come newest first, so among equal timestamps the one seen later is older.
        new = sorted(enumerate(self._tick_new), key=lambda p: (_sortable(p[1].created_at), -p[0]))
        for _, step in new:
            self.created[step.id] = (_sortable(step.created_at), len(self.created))
        changed = sorted(self._tick_changed.values(), key=lambda c: self.created[c.step.id])
        for change in changed:
            self.status[change.step.id] = str(change.step.status)
        return changed

    def finished(self) -> bool:
        run = self.run
        if run is None or not run_is_settled(run):
            return False
        if run.status == "requires_action":
            return True  # steps waiting for tool outputs cannot move until the caller submits them
        return all(status != "in_progress" for status in self.status.values())


def watch(
    call: Call,
    state: Watch,
    thread_id: str,
    run_id: str,
    *,
    interval: float | None,
    deadline: Deadline | None = None,
    include: list[Any] | None = None,
) -> Plan[None]:
    """Emits a `Change` for each step as it appears or changes status, until `state.finished()`
    (within the call's deadline, or the `deadline` of a longer call this watch is part of). `include`
    asks each page of steps for those fields (a file search's result contents)."""
    schedule = Schedule(deadline or call.deadline(), interval=interval)
    run_request = get_run.build_request(thread_id, run_id)
    while True:
        schedule.start_tick()
        try:
            reply = yield from send(call, schedule.deadline, run_request, get_run.parse_body)
            state.start_tick(reply)
            yield from _read_pages(call, state, thread_id, run_id, schedule, include)
        except DeadlineReached as reached:
            raise schedule.timed_out(state.run_reply, reached.reason) from None
        for change in state.end_tick():
            yield Emit(change)
        if state.finished():
            return
        yield from _pause(schedule, reply)


def _read_pages(
    call: Call, state: Watch, thread_id: str, run_id: str, schedule: Schedule, include: list[Any] | None
) -> Plan[None]:
    """One tick's pages of steps, newest first, for as long as `state` wants more."""
    query = ListRunStepsQuery(limit=WATCH_PAGE_SIZE, order="desc", include=include)
    walk = Walk(query, retries=call.config.max_retries)
    while (query := walk.next_query()) is not None:
        if delay := walk.delay():
            yield Sleep(schedule.sleep(delay))
        request = list_run_steps.build_request(thread_id, run_id, **query_params(query))
        reply: Reply[RunStepList] = yield from send(call, schedule.deadline, request, list_run_steps.parse_body)
        steps = reply.model.data
        try:
            fresh = walk.feed(reply.model, [step.id for step in steps])
        except (NoProgress, MalformedPage) as exc:
            raise APIResponseValidationError(
                str(exc), response=reply.answer.response, retries=max(0, walk.stalls - 1)
            ) from None
        if walk.stalls:
            continue
        raw = reply.data["data"]
        more = state.feed_page([steps[i] for i in fresh], [raw[i] for i in fresh], bool(reply.model.has_more))
        if not more or walk.done:
            return


def _sortable(timestamp: Any) -> Any:
    """A creation time to sort by: any number as sent (Python compares ints of any size exactly), else 0."""
    if isinstance(timestamp, (int, float)) and not isinstance(timestamp, bool) and timestamp == timestamp:
        return timestamp
    return 0
