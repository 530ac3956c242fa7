"""Polling decided in plain code: when an object is done, how long to sleep, what `watch` yields.

Drivers (sync and async) call these with what came back and the time; these never do I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ._actions import Emit, Plan, Sleep
from ._base import Config
from ._errors import PollTimeoutError
from ._generated.api.default import get_run, list_run_steps
from ._generated.models import ListOrder, Run, RunStep, RunStepList
from ._pagination import list_request
from ._sending import Reply, send

T = TypeVar("T")

MOVING_RUN_STATUSES = frozenset({"queued", "in_progress", "cancelling"})
DEFAULT_INTERVAL = 1.0
MIN_HINT, MAX_HINT = 0.01, 60.0


def step_is_terminal(step: RunStep) -> bool:
    # Only `in_progress` moves; any other status, known or not, is final.
    return str(step.status) != "in_progress"


def run_is_settled(run: Run) -> bool:
    """Final, or paused at requires_action: a run whose status is not known to be moving."""
    return str(run.status) not in MOVING_RUN_STATUSES


def poll_hint(headers: Mapping[str, str]) -> float | None:
    value = headers.get("openai-poll-after-ms")
    if value is None:
        return None
    try:
        seconds = float(value) / 1000
    except ValueError:
        return None
    return min(max(seconds, MIN_HINT), MAX_HINT) if seconds == seconds else None


class Schedule:
    """How long to sleep between polls, honouring the server's hint on every response, and the deadline."""

    def __init__(self, *, interval: float | None, timeout: float | None, now: float) -> None:
        self.interval = DEFAULT_INTERVAL if interval is None else interval
        self.deadline = None if timeout is None else now + timeout

    def expired(self, now: float) -> bool:
        return self.deadline is not None and now >= self.deadline

    def sleep(self, now: float, hint: float | None) -> float:
        wait = self.interval if hint is None else hint
        if self.deadline is not None:
            wait = min(wait, max(0.0, self.deadline - now))
        return wait


class Watch:
    """The state of one `watch`: which steps were seen in which status, and what a tick yields.

    A tick is: the run, then pages of steps newest first. `want_more(page)` says whether to read the
    next page: only when the page was all new steps or a known moving step has not been seen yet.
    """

    def __init__(self) -> None:
        self.status: dict[str, str] = {}
        self.created: dict[str, tuple[float, int]] = {}
        self.run: Run | None = None
        self._tick_seen: set[str] = set()
        self._tick_changed: dict[str, RunStep] = {}
        self._tick_new: list[RunStep] = []

    def start_tick(self, run: Run) -> None:
        self.run = run
        self._tick_seen = set()
        self._tick_changed = {}
        self._tick_new = []

    def feed_page(self, page: RunStepList) -> bool:
        """Take a page (newest first); True if the next page must be read too."""
        oldest_was_new = False
        for step in page.data:
            if step.id in self._tick_seen:
                continue
            self._tick_seen.add(step.id)
            oldest_was_new = step.id not in self.created
            if oldest_was_new:
                self._tick_new.append(step)
            if self.status.get(step.id) != str(step.status):
                self._tick_changed[step.id] = step
        if not page.has_more or not page.data:
            return False
        unseen_moving = any(
            status == "in_progress" and step_id not in self._tick_seen for step_id, status in self.status.items()
        )
        return oldest_was_new or unseen_moving

    def end_tick(self) -> list[RunStep]:
        """The steps that appeared or changed this tick, in creation order."""
        # Pages come newest first, so among equal timestamps the one seen later is older.
        for _, step in sorted(enumerate(self._tick_new), key=lambda p: (_sortable(p[1].created_at), -p[0])):
            self.created[step.id] = (_sortable(step.created_at), len(self.created))
        changed = sorted(self._tick_changed.values(), key=lambda s: self.created[s.id])
        for step in changed:
            self.status[step.id] = str(step.status)
        return changed

    def finished(self) -> bool:
        run = self.run
        if run is None or not run_is_settled(run):
            return False
        if str(run.status) == "requires_action":
            return True  # steps waiting for tool outputs cannot move until the caller submits them
        return all(status != "in_progress" for status in self.status.values())


def poll(
    config: Config,
    request: dict[str, Any],
    parse: Callable[[Any], T],
    done: Callable[[T], bool],
    *,
    interval: float | None,
    timeout: float | None,
    clock: Callable[[], float],
) -> Plan[T]:
    """Fetch `request` until `done(model)`; the last model. `PollTimeoutError` at the deadline."""
    schedule = Schedule(interval=interval, timeout=timeout, now=clock())
    while True:
        reply = yield from send(config, request, parse)
        if done(reply.model):
            return reply.model
        yield from _pause(schedule, clock, reply, timeout)


def watch(
    config: Config,
    state: Watch,
    run_request: dict[str, Any],
    thread_id: str,
    run_id: str,
    *,
    interval: float | None,
    timeout: float | None,
    clock: Callable[[], float],
) -> Plan[None]:
    """Emits each step as it appears or changes status, until `state.finished()`. A tick: the run, then pages."""
    schedule = Schedule(interval=interval, timeout=timeout, now=clock())
    while True:
        reply = yield from send(config, run_request, get_run.parse_body)
        state.start_tick(reply.model)
        params: dict[str, Any] = {"limit": 100, "order": ListOrder.DESC, "after": None, "before": None}
        while True:
            page = yield from send(config, list_request(thread_id, run_id, params, None), list_run_steps.parse_body)
            if not state.feed_page(page.model):
                break
            params["after"] = page.model.data[-1].id
        for step in state.end_tick():
            yield Emit(step)
        if state.finished():
            return
        yield from _pause(schedule, clock, reply, timeout)


def _pause(schedule: Schedule, clock: Callable[[], float], reply: Reply[Any], timeout: float | None) -> Plan[None]:
    """Sleep until the next poll, or raise if the deadline has passed."""
    now = clock()
    if schedule.expired(now):
        last = reply.model
        raise PollTimeoutError(f"still {last.status} when the {timeout}s timeout ran out", last=last)
    yield Sleep(schedule.sleep(now, poll_hint(reply.response.headers)))


def _sortable(timestamp: Any) -> float:
    return float(timestamp) if isinstance(timestamp, (int, float)) else 0.0
