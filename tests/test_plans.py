"""The plain decision code of paging and polling, driven directly: no sockets, no sleeps.

Plans yield actions (Transmit, Sleep, Emit, FetchToken); the `Driver` below answers each Transmit
from a function or from an emulator's `answer` (the server's logic without its socket), and Sleep
moves a manual clock. So every rule is checked exactly, including timing, without waiting for anything.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import attrs
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import runsteps
from runsteps._config import Config
from runsteps._generated.api.default import get_run, get_run_step
from runsteps._generated.models import ListRunStepsQuery
from runsteps._plans.actions import Answer, Emit, FetchToken, Plan, Sleep, Transmit
from runsteps._plans.deadline import NO_OPTIONS, Call, CallOptions, Deadline, DeadlineReached
from runsteps._plans.pagination import MalformedPage, NoProgress, Walk, pages
from runsteps._plans.polling import (
    MAX_HINT,
    MIN_HINT,
    Schedule,
    Watch,
    poll,
    poll_hint,
    run_is_settled,
    step_is_terminal,
    watch,
)
from runsteps._plans.reading import list_steps
from runsteps._plans.sending import fetch
from runsteps.emulator import Emulator, ManualClock, RunScript, StepScript, message_creation
from runsteps.emulator._server import HTTPError

from .corpus import step


def send(
    config: Config,
    request: dict[str, Any],
    parse: Callable[[Any], Any],
    *,
    clock: Callable[[], float],
    options: CallOptions = NO_OPTIONS,
) -> Plan[Any]:
    """The plan of a call that is one request (`retrieve`), on the driver's clock."""
    return fetch(Call(config, clock, options), request, parse)


BASE = "http://127.0.0.1:9/v1"
Respond = Callable[[Transmit], "Answer | httpx.TransportError"]


def config(max_retries: int = 2, **kw: Any) -> Config:
    return Config.openai("sk-test", base_url=BASE, max_retries=max_retries, environ={}, **kw)


@attrs.define
class Driver:
    """Performs a plan's actions in memory and records them."""

    respond: Respond
    clock: ManualClock = attrs.field(factory=ManualClock)
    sent: list[Transmit] = attrs.field(factory=list)
    slept: list[float] = attrs.field(factory=list)
    emitted: list[Any] = attrs.field(factory=list)
    tokens: list[bool] = attrs.field(factory=list)  # the `refresh` of each token asked for
    log: list[str] = attrs.field(factory=list)  # "transmit", "sleep", "emit" in the order they happened
    latency: float = 0.0  # how long each request takes on the clock

    def run(self, plan: Plan[Any]) -> Any:
        outcome: Any = None
        while True:
            try:
                action = plan.send(outcome)
            except StopIteration as stop:
                return stop.value
            outcome = None
            if isinstance(action, Transmit):
                self.sent.append(action)
                self.log.append("transmit")
                self.clock.advance(min(self.latency, action.timeout))
                outcome = self.respond(action)
            elif isinstance(action, Sleep):
                self.slept.append(action.seconds)
                self.log.append("sleep")
                self.clock.advance(action.seconds)
            elif isinstance(action, FetchToken):
                self.tokens.append(action.refresh)
                outcome = f"token-{len(self.tokens)}"
            else:
                assert isinstance(action, Emit)
                self.emitted.append(action.item)
                self.log.append("emit")


def response(status: int, body: Any = None, headers: dict[str, str] | None = None, url: str = BASE) -> Answer:
    return Answer.of(httpx.Response(status, json=body, headers=headers, request=httpx.Request("GET", url)))


def replies(*outcomes: Answer | httpx.TransportError) -> Respond:
    queue = list(outcomes)
    return lambda _: queue.pop(0)


def served_by(emu: Emulator) -> Respond:
    """Answers from the emulator's logic, in process."""

    def respond(t: Transmit) -> Answer:
        url = httpx.URL(t.url, params=t.params)
        try:
            body, headers = emu.answer(url.path, parse_qs(url.query.decode()))
        except HTTPError as exc:
            return response(exc.status, {"error": {"message": exc.message, "type": exc.type_}}, url=str(url))
        return response(200, body, headers, url=str(url))

    return respond


def page(ids: list[str], has_more: Any, **kw: Any) -> runsteps.RunStepList:
    return runsteps.RunStepList.from_dict(
        {
            "object": "list",
            "data": [step(id=i, **kw) for i in ids],
            "first_id": ids[0] if ids else None,
            "last_id": ids[-1] if ids else None,
            "has_more": has_more,
        }
    )


def walk(after: str | None = None, before: str | None = None, retries: int = 2) -> Walk:
    return Walk(ListRunStepsQuery(limit=2, order="asc", after=after, before=before), retries=retries)


def walk_feed(w: Walk, page: runsteps.RunStepList) -> list[int]:
    return w.feed(page, [item.id for item in page.data])


def ids(page: runsteps.RunStepList, positions: list[int]) -> list[str]:
    return [page.data[i].id for i in positions]


def listing(
    after: str | None = None, before: str | None = None, limit: int | None = None, order: str | None = None
) -> Any:
    return list_steps("r", "t", limit, order, after, before, None)


# ---- Walk: what to request next, what to yield ----


def test_forward_pages_continue_after_the_last_id_until_has_more_is_false() -> None:
    w = walk()
    assert w.next_query().after is None
    first = page(["a", "b"], True)
    assert ids(first, walk_feed(w, first)) == ["a", "b"]
    assert w.next_query().after == "b" and w.next_query().before is None
    last = page(["c"], False)
    assert ids(last, walk_feed(w, last)) == ["c"]
    assert w.done and w.next_query() is None


def test_backward_pages_continue_before_the_first_id_yielding_each_page_last_item_first() -> None:
    w = walk(before="e")
    first = page(["c", "d"], True)
    assert ids(first, walk_feed(w, first)) == ["d", "c"]
    assert w.next_query().before == "c" and w.next_query().after is None
    last = page(["a", "b"], False)
    assert ids(last, walk_feed(w, last)) == ["b", "a"]
    assert w.done


def test_after_and_before_are_never_sent_together() -> None:
    with pytest.raises(ValueError, match="after and before"):
        listing(after="a", before="b")


def test_a_step_the_previous_page_yielded_is_not_yielded_again() -> None:
    w = Walk(ListRunStepsQuery(limit=3), retries=2)
    walk_feed(w, page(["a", "b", "c"], True))
    # A step inserted before the cursor shifts the next page by one: "c" comes again.
    shifted = page(["c", "d", "e"], False)
    assert ids(shifted, walk_feed(w, shifted)) == ["d", "e"]


def test_an_empty_list_is_one_request_and_done() -> None:
    w = walk()
    assert walk_feed(w, page([], False)) == [] and w.done


def test_an_empty_page_claiming_more_is_asked_again_with_backoff_then_no_progress() -> None:
    w = walk(retries=2)
    assert w.delay() == 0
    assert walk_feed(w, page([], True)) == [] and not w.done
    first = w.delay()
    assert walk_feed(w, page([], True)) == []
    assert 0 < first < w.delay()  # backoff grows
    with pytest.raises(NoProgress, match="3 times in a row"):
        walk_feed(w, page([], True))


def test_a_good_page_resets_the_stall_budget() -> None:
    w = walk(retries=1)
    walk_feed(w, page([], True))
    walk_feed(w, page(["a"], True))
    assert w.delay() == 0
    walk_feed(w, page([], True))  # would be the second in a row without the reset
    assert not w.done


def test_a_repeated_page_yields_nothing_and_ends_as_no_progress() -> None:
    w = walk(retries=2)
    walk_feed(w, page(["a", "b"], True))
    # The server ignores `after` and sends the first page again: nothing is yielded twice.
    assert walk_feed(w, page(["a", "b"], True)) == [] and w.next_query().after == "b"
    assert walk_feed(w, page(["a", "b"], True)) == []
    with pytest.raises(NoProgress, match="followed before"):
        walk_feed(w, page(["a", "b"], True))


def test_a_cursor_cycle_yields_nothing_twice() -> None:
    w = walk(retries=1)
    first, second = page(["a", "b"], True), page(["c", "d"], True)
    assert ids(first, walk_feed(w, first)) == ["a", "b"]
    assert ids(second, walk_feed(w, second)) == ["c", "d"]
    assert walk_feed(w, page(["a", "b"], True)) == []  # after=d leads back to the first page: a cycle
    with pytest.raises(NoProgress):
        walk_feed(w, page(["a", "b"], True))


@pytest.mark.parametrize("has_more", ["false", 1, [], {"more": True}])
def test_a_has_more_that_is_not_a_boolean_is_malformed(has_more: Any) -> None:
    with pytest.raises(MalformedPage, match="has_more is not a boolean"):
        walk_feed(walk(), page(["a"], has_more))


@pytest.mark.parametrize("bad_id", ["", "x" * 2000, "\ud800"])
def test_a_page_with_more_but_no_usable_cursor_is_malformed(bad_id: str) -> None:
    bad = runsteps.RunStepList.from_dict(
        {"object": "list", "data": [step(id=bad_id)], "first_id": None, "last_id": None, "has_more": True}
    )
    with pytest.raises(MalformedPage, match="no id to continue from"):
        walk_feed(walk(), bad)


def test_a_declared_cursor_is_the_fallback_for_an_unusable_item_id() -> None:
    fallback = runsteps.RunStepList.from_dict(
        {"object": "list", "data": [step(id="")], "last_id": "step_9", "has_more": True}
    )
    w = walk()
    walk_feed(w, fallback)
    assert w.next_query().after == "step_9"


# ---- the pages plan, against the emulator's logic ----


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(0, 260),
    limit=st.integers(1, 100),
    order=st.sampled_from(["asc", "desc"]),
    start=st.one_of(st.none(), st.tuples(st.sampled_from(["after", "before"]), st.integers(0, 259))),
)
def test_paging_yields_each_step_once_in_walking_order_in_ceil_n_over_limit_requests(
    n: int, limit: int, order: str, start: tuple[str, int] | None
) -> None:
    emu = Emulator()
    emu.add_completed_run("t", "r", n)
    listed = [f"step_{i:06d}" for i in range(n)]
    listed = listed if order == "asc" else listed[::-1]
    after = before = None
    expected = listed
    if start is not None and n:
        direction, at = start[0], start[1] % n
        if direction == "after":
            after, expected = listed[at], listed[at + 1 :]
        else:
            before, expected = listed[at], listed[:at][::-1]
    driver = Driver(served_by(emu))
    driver.run(pages(Call(config(), driver.clock.now), listing(after, before, limit, order)))
    assert [s.id for p in driver.emitted for s in p.items()] == expected
    assert [r["id"] for p in driver.emitted for r in p.raw] == expected  # each item's JSON as sent, alongside
    assert len(driver.sent) == max(1, math.ceil(len(expected) / limit))
    assert all(not (t.params and t.params.get("after") and t.params.get("before")) for t in driver.sent)


def test_the_pages_plan_turns_endless_empty_pages_into_a_typed_error() -> None:
    empty = {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": True}
    driver = Driver(lambda _: response(200, empty, {"x-request-id": "req_e"}))
    with pytest.raises(runsteps.APIResponseValidationError) as caught:
        driver.run(pages(Call(config(), driver.clock.now), listing()))
    assert len(driver.sent) == 3 and len(driver.slept) == 2
    assert caught.value.request_id == "req_e" and caught.value.retries == 2


def test_a_server_that_ignores_the_cursor_ends_typed_within_max_retries_plus_two_requests() -> None:
    same = {"object": "list", "data": [step(id="a"), step(id="b")], "first_id": "a", "last_id": "b", "has_more": True}
    driver = Driver(lambda _: response(200, same))
    with pytest.raises(runsteps.APIResponseValidationError, match="does not progress"):
        driver.run(pages(Call(config(max_retries=2), driver.clock.now), listing()))
    assert len(driver.sent) == 1 + 2 + 1  # the first page, then the repeat and its two re-asks
    assert [s.id for p in driver.emitted for s in p.items()] == ["a", "b"]


def test_a_listings_timeout_bounds_the_whole_walk_not_each_page() -> None:
    # Pages of 2 that never end, each taking 0.4 s: a 1 s timeout lets the first three pages through
    # (the third starts at 0.8 s with 0.2 s left) and ends the walk as the fourth would start.
    emu = Emulator()
    emu.add_completed_run("t", "r", 100)
    driver = Driver(served_by(emu), latency=0.4)
    with pytest.raises(runsteps.APITimeoutError, match="1s timeout ran out") as caught:
        driver.run(pages(Call(config(), driver.clock.now, CallOptions(timeout=1.0)), listing(limit=2)))
    newest_first = [f"step_{i:06d}" for i in range(99, 93, -1)]
    assert [s.id for p in driver.emitted for s in p.items()] == newest_first
    assert [t.timeout for t in driver.sent] == pytest.approx([1.0, 0.6, 0.2])
    assert caught.value.retries == 0


# ---- sending: retries decided in the plan ----


def test_a_transient_status_is_retried_after_a_backoff() -> None:
    driver = Driver(replies(response(503), response(200, step(id="s"))))
    reply = driver.run(
        send(config(), get_run_step.build_request("t", "r", "s"), get_run_step.parse_body, clock=driver.clock.now)
    )
    assert reply.model.id == "s" and len(driver.sent) == 2 and len(driver.slept) == 1


def test_a_server_delay_hint_is_the_wait() -> None:
    driver = Driver(replies(response(429, headers={"retry-after-ms": "1500"}), response(200, step(id="s"))))
    driver.run(
        send(config(), get_run_step.build_request("t", "r", "s"), get_run_step.parse_body, clock=driver.clock.now)
    )
    assert driver.slept == [1.5]


def test_a_connection_error_is_retried_then_typed() -> None:
    failure = httpx.ConnectError("refused", request=httpx.Request("GET", BASE))
    driver = Driver(lambda _: failure)
    with pytest.raises(runsteps.APIConnectionError) as caught:
        driver.run(
            send(config(max_retries=1), get_run.build_request("t", "r"), get_run.parse_body, clock=driver.clock.now)
        )
    assert len(driver.sent) == 2 and caught.value.retries == 1


# ---- statuses and hints ----


@pytest.mark.parametrize(
    ("status", "terminal"),
    [("in_progress", False), ("completed", True), ("failed", True), ("cancelled", True), ("expired", True),
     ("incomplete", True), ("some_new_status", True)],
)  # fmt: skip
def test_only_in_progress_steps_are_moving(status: str, terminal: bool) -> None:
    assert step_is_terminal(runsteps.RunStep.from_dict(step(status=status))) is terminal


@pytest.mark.parametrize(
    ("status", "settled"),
    [("queued", False), ("in_progress", False), ("cancelling", False), ("requires_action", True),
     ("completed", True), ("failed", True), ("cancelled", True), ("expired", True), ("incomplete", True),
     ("paused_for_review", True)],
)  # fmt: skip
def test_a_run_is_settled_unless_known_to_be_moving(status: str, settled: bool) -> None:
    run = runsteps.Run.from_dict(
        {"id": "r", "object": "thread.run", "created_at": 1, "thread_id": "t", "status": status}
    )
    assert run_is_settled(run) is settled


@pytest.mark.parametrize(
    ("header", "seconds"),
    [(None, None), ("250", 0.25), ("0", MIN_HINT), ("-5", MIN_HINT), ("999999999", MAX_HINT),
     ("1e3", 1.0), ("soon", None), ("nan", None), ("inf", MAX_HINT)],
)  # fmt: skip
def test_the_poll_hint_is_read_in_milliseconds_and_kept_within_bounds(
    header: str | None, seconds: float | None
) -> None:
    assert poll_hint({} if header is None else {"openai-poll-after-ms": header}) == seconds


def test_the_schedule_sleeps_the_interval_or_the_hint_and_never_past_the_deadline() -> None:
    now = [0.0]
    clock = lambda: now[0]  # noqa: E731
    assert Schedule(Deadline(clock, None, None), interval=None).sleep(None) == 1.0  # default interval
    now[0] = 100
    schedule = Schedule(Deadline(clock, 10, 110), interval=2)
    assert schedule.sleep(None) == 2
    assert schedule.sleep(0.3) == 0.3  # the server's hint wins over the interval
    now[0] = 109
    schedule.start_tick()
    now[0] = 109.5
    assert schedule.sleep(None) == 0.5  # wake at the deadline, not after it
    now[0] = 109.9
    assert not schedule.deadline.passed()
    now[0] = 110
    assert schedule.deadline.passed()
    now[0] = 104
    schedule.start_tick()
    now[0] = 104.5
    assert schedule.sleep(None) == 1.5  # ticks start an interval apart: time spent asking counts
    assert schedule.sleep(0.3) == 0.3  # a hint counts from the answer that carried it
    now[0] = 107
    assert schedule.sleep(None) == 0  # a tick that took longer than the interval: the next one now


def test_the_first_attempt_of_a_call_is_made_even_with_no_time_left_and_no_later_one() -> None:
    now = [5.0]
    deadline = Deadline(lambda: now[0], 1, 5.0)
    assert deadline.attempt("first") == 0  # asked once, whatever the time
    with pytest.raises(DeadlineReached, match="again"):
        deadline.attempt("again")
    assert Deadline(lambda: now[0], None, None).attempt("any") == math.inf


def test_ticks_start_one_interval_apart_however_long_the_answers_take() -> None:
    driver = Driver(replies(*[running_step("in_progress")] * 3, running_step("completed")), latency=0.25)
    driver.run(wait_step(driver, interval=1, timeout=None))
    assert driver.slept == [0.75, 0.75, 0.75]


# ---- poll: wait for a step or a run ----


def wait_step(driver: Driver, *, interval: float, timeout: float | None) -> Plan[runsteps.RunStep]:
    """The plan of `steps.wait`, on the driver's clock; the step it ends with."""
    request = get_run_step.build_request("t", "r", "s")
    call = Call(config(), driver.clock.now, CallOptions(timeout=timeout))
    reply = yield from poll(call, request, get_run_step.parse_body, step_is_terminal, interval=interval)
    return reply.model


def running_step(status: str, hint: str | None = None) -> Answer:
    return response(200, step(id="s", status=status), {"openai-poll-after-ms": hint} if hint else {})


def test_wait_polls_until_terminal_honouring_a_hint_that_changes_on_every_response() -> None:
    driver = Driver(
        replies(
            running_step("in_progress", "100"),
            running_step("in_progress"),
            running_step("in_progress", "700"),
            running_step("some_new_status"),
        )
    )
    plan = wait_step(driver, interval=2, timeout=None)
    assert driver.run(plan).status == "some_new_status"
    assert driver.slept == [0.1, 2, 0.7]


def test_wait_times_out_no_later_than_one_interval_after_the_deadline_with_the_last_object() -> None:
    driver = Driver(lambda _: running_step("in_progress"))
    plan = wait_step(driver, interval=3, timeout=10)
    with pytest.raises(runsteps.PollTimeoutError) as caught:
        driver.run(plan)
    assert caught.value.last.status == "in_progress" and isinstance(caught.value, TimeoutError)
    assert 10 <= driver.clock.now() <= 13 and driver.slept == [3, 3, 3, 1]


@pytest.mark.parametrize(("status", "cls"), [(404, runsteps.NotFoundError), (401, runsteps.AuthenticationError)])
def test_wait_ends_at_once_on_404_or_401(status: int, cls: type[Exception]) -> None:
    driver = Driver(replies(running_step("in_progress"), response(status, {"error": {"message": "gone"}})))
    plan = wait_step(driver, interval=1, timeout=None)
    with pytest.raises(cls):
        driver.run(plan)
    assert len(driver.sent) == 2


def test_wait_rides_out_transient_errors_with_the_retry_rules() -> None:
    driver = Driver(replies(running_step("in_progress"), response(502), response(500), running_step("completed")))
    plan = wait_step(driver, interval=1, timeout=None)
    assert driver.run(plan).status == "completed" and len(driver.sent) == 4


# ---- Watch and the watch plan ----


def watch_plan(driver: Driver, emu: Emulator, run_id: str, interval: float, timeout: float | None = None) -> Plan[None]:
    return watch(
        Call(config(), driver.clock.now, CallOptions(timeout=timeout)), Watch(), "t", run_id, interval=interval
    )


def emitted_steps(driver: Driver) -> list[runsteps.RunStep]:
    return [change.step for change in driver.emitted]


def ticks(driver: Driver) -> list[int]:
    """Requests sent in each tick (ticks are separated by sleeps)."""
    counts, current = [], 0
    for entry in driver.log:
        if entry == "transmit":
            current += 1
        elif entry == "sleep":
            counts.append(current)
            current = 0
    return [*counts, current]


def test_watch_reads_further_pages_only_while_more_than_a_page_of_steps_is_new_or_moving() -> None:
    clock = ManualClock()
    emu = Emulator(clock=clock)
    many = [StepScript(f"s{i:03d}", message_creation("m"), start=1, end=3) for i in range(250)]
    emu.add_run(RunScript("r", "t", [(0, "in_progress"), (4, "completed")], many))
    driver = Driver(served_by(emu), clock=clock)
    driver.run(watch_plan(driver, emu, "r", interval=1))
    # t=0: run + 1 page; t=1: 250 new steps -> run + 3 pages; t=2: 250 steps still moving, any of
    # which may have changed -> run + 3 pages; t=3: all completed -> run + 3 pages; t=4: nothing
    # moving any more, so one page settles it: run + 1 page, done.
    assert ticks(driver) == [2, 4, 4, 4, 2]
    yielded = [(s.id, str(s.status)) for s in emitted_steps(driver)]
    assert yielded == [(f"s{i:03d}", "in_progress") for i in range(250)] + [
        (f"s{i:03d}", "completed") for i in range(250)
    ]


def test_watch_reads_on_while_a_known_moving_step_is_not_yet_seen_this_tick() -> None:
    state = Watch()
    run = runsteps.Run.from_dict(
        {"id": "r", "object": "thread.run", "created_at": 1, "thread_id": "t", "status": "in_progress"}
    )
    state.start_tick(run)
    feed(state, page(["old"], False, status="in_progress", created_at=1))
    state.end_tick()
    state.start_tick(run)
    # Newest first: a page of known, unchanged steps, but "old" (moving) lies on a later page.
    assert feed(state, page(["new2", "new1"], True, status="completed", created_at=2)) is True
    assert feed(state, page(["old"], False, status="in_progress", created_at=1)) is False


def feed(state: Watch, p: runsteps.RunStepList) -> bool:
    return state.feed_page(p.data, [s.to_dict() for s in p.data], bool(p.has_more))


def test_watch_ends_at_requires_action_even_with_a_step_in_progress() -> None:
    clock = ManualClock()
    emu = Emulator(clock=clock)
    call = StepScript("s1", message_creation("m"), start=0, end=None)
    emu.add_run(RunScript("r", "t", [(0, "in_progress"), (2, "requires_action")], [call]))
    driver = Driver(served_by(emu), clock=clock)
    plan = watch(Call(config(), clock.now), state := Watch(), "t", "r", interval=1)
    driver.run(plan)
    assert state.run is not None and state.run.status == "requires_action"
    assert [str(s.status) for s in emitted_steps(driver)] == ["in_progress"]


def test_watch_times_out_with_the_last_run() -> None:
    clock = ManualClock()
    emu = Emulator(clock=clock)
    emu.add_run(RunScript("r", "t", [(0, "in_progress")], [StepScript("s1", message_creation("m"), 0, None)]))
    driver = Driver(served_by(emu), clock=clock)
    with pytest.raises(runsteps.PollTimeoutError) as caught:
        driver.run(watch_plan(driver, emu, "r", interval=2, timeout=5))
    assert caught.value.last.status == "in_progress" and 5 <= clock.now() <= 7


scripts = st.lists(
    st.tuples(st.integers(0, 20), st.integers(0, 10), st.sampled_from(["completed", "failed", "cancelled"])),
    min_size=1,
    max_size=12,
)


@settings(max_examples=80, deadline=None)
@given(script=scripts, interval=st.sampled_from([0.5, 1.0, 1.5, 3.0]), run_end=st.sampled_from(["completed", "failed"]))
def test_watch_never_misses_a_status_that_lasts_an_interval_and_always_yields_final_states(
    script: list[tuple[int, int, str]], interval: float, run_end: str
) -> None:
    clock = ManualClock()
    emu = Emulator(clock=clock)
    steps = [StepScript(f"s{i:02d}", message_creation("m"), start, start + length, outcome)
             for i, (start, length, outcome) in enumerate(script)]  # fmt: skip
    end = max(s.end or 0 for s in steps) + 1
    emu.add_run(RunScript("r", "t", [(0, "queued"), (0.5, "in_progress"), (end, run_end)], steps))
    driver = Driver(served_by(emu), clock=clock)
    driver.run(watch_plan(driver, emu, "r", interval=interval))

    seen: dict[str, list[str]] = {}
    for s in emitted_steps(driver):
        seen.setdefault(s.id, []).append(str(s.status))
    for s in steps:
        assert seen[s.id][-1] == s.outcome  # the final state, always
        lasted = (s.end or 0) - s.start
        if lasted == 0:
            assert seen[s.id] == [s.outcome]  # born final: never reported as moving
        elif lasted >= interval:
            assert seen[s.id] == ["in_progress", s.outcome]  # a status that lasted an interval was seen
        assert len(seen[s.id]) == len(set(seen[s.id]))  # each status once: no repeats without a change
    # Steady state: at most two requests a tick (at most 100 steps, so one page always suffices).
    assert all(n == 2 for n in ticks(driver))
    # Within a tick, steps come in creation order.
    created = {s.id: (s.start, i) for i, s in enumerate(steps)}
    emitted = iter(emitted_steps(driver))
    per_tick: list[list[str]] = [[]]
    for entry in driver.log:
        if entry == "emit":
            per_tick[-1].append(next(emitted).id)
        elif entry == "sleep":
            per_tick.append([])
    assert all(ids == sorted(ids, key=created.__getitem__) for ids in per_tick)


# ---- deadlines: every attempt and every wait is cut to what is left ----


def test_each_attempt_of_a_wait_is_cut_to_what_is_left_of_its_deadline() -> None:
    silent = httpx.ReadTimeout("no answer", request=httpx.Request("GET", BASE))
    driver = Driver(lambda _: silent, latency=60.0)
    with pytest.raises(runsteps.PollTimeoutError) as caught:
        driver.run(wait_step(driver, interval=1, timeout=2.5))
    assert driver.sent[0].timeout == 2.5 and driver.sent[0].connect_timeout == 2.5
    assert driver.clock.now() == 2.5  # not the 60 s a silent server would take
    assert caught.value.last is None and "no answer" in str(caught.value)


def test_a_retry_wait_past_the_deadline_ends_at_the_deadline() -> None:
    limited = response(429, {"error": {"message": "slow down"}}, {"retry-after": "6"})
    driver = Driver(replies(running_step("in_progress"), limited, limited))
    with pytest.raises(runsteps.PollTimeoutError) as caught:
        driver.run(wait_step(driver, interval=0.5, timeout=1))
    assert driver.clock.now() == 1.0 and caught.value.last.status == "in_progress"
    assert driver.slept == [0.5, 0.5]  # the interval, then what was left instead of 6 s


def test_a_calls_own_timeout_bounds_retrieve_with_its_retries_as_an_api_timeout() -> None:
    driver = Driver(lambda _: response(503), latency=0.4)
    options = CallOptions.of(timeout=1.0)
    request = get_run_step.build_request("t", "r", "s")
    with pytest.raises(runsteps.APITimeoutError, match="1s timeout ran out"):
        driver.run(
            send(config(max_retries=9), request, get_run_step.parse_body, clock=driver.clock.now, options=options)
        )
    assert driver.clock.now() <= 1.0


def test_the_client_timeout_bounds_each_attempt_and_connecting_at_most_ten_seconds() -> None:
    driver = Driver(replies(response(200, step(id="s"))))
    driver.run(
        send(
            config(timeout=30),
            get_run_step.build_request("t", "r", "s"),
            get_run_step.parse_body,
            clock=driver.clock.now,
        )
    )
    assert (driver.sent[0].timeout, driver.sent[0].connect_timeout) == (30, 10)


# ---- tokens and per-call additions ----


def token_config() -> Config:
    return Config.openai(base_url=BASE, token_provider=lambda: "unused", environ={})


def test_a_token_is_asked_for_before_every_attempt_and_refreshed_once_after_a_401() -> None:
    driver = Driver(
        replies(response(503), response(401, {"error": {"message": "expired"}}), response(200, step(id="s")))
    )
    request = get_run_step.build_request("t", "r", "s")
    reply = driver.run(send(token_config(), request, get_run_step.parse_body, clock=driver.clock.now))
    assert reply.model.id == "s"
    assert driver.tokens == [False, False, True]  # every attempt; the one after the 401 asks for a fresh one
    assert [t.headers["Authorization"] if t.headers else None for t in driver.sent] == [
        "Bearer token-1",
        "Bearer token-2",
        "Bearer token-3",
    ]
    assert len(driver.slept) == 1  # the 503 was a retry; the 401 was not


def test_a_second_401_is_the_error() -> None:
    denied = response(401, {"error": {"message": "expired"}})
    driver = Driver(replies(denied, denied))
    with pytest.raises(runsteps.AuthenticationError):
        driver.run(send(token_config(), get_run.build_request("t", "r"), get_run.parse_body, clock=driver.clock.now))
    assert driver.tokens == [False, True]


def test_a_calls_headers_and_query_join_the_clients_query() -> None:
    driver = Driver(replies(response(200, step(id="s"))))
    base = Config.azure("http://127.0.0.1:9", api_version="2025-04-01-preview", api_key="k", environ={})
    options = CallOptions.of(extra_headers={"X-Trace": "1"}, extra_query={"probe": "yes"})
    driver.run(
        send(
            base,
            get_run_step.build_request("t", "r", "s"),
            get_run_step.parse_body,
            clock=driver.clock.now,
            options=options,
        )
    )
    sent = driver.sent[0]
    assert sent.url == "http://127.0.0.1:9/openai/threads/t/runs/r/steps/s"
    assert sent.params == {"api-version": "2025-04-01-preview", "probe": "yes"}
    assert sent.headers == {"X-Trace": "1"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"timeout": 0}, "timeout must be a finite positive"),
        ({"timeout": float("nan")}, "timeout must be a finite positive"),
        ({"extra_headers": {"X-Bad": "a\nb"}}, "cannot carry"),
        ({"extra_headers": {"bad name": "v"}}, "invalid header name"),
        ({"extra_query": {"k": 1}}, "extra_query must map strings to strings"),
    ],
)
def test_bad_per_call_options_are_refused_before_anything_is_sent(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        CallOptions.of(**kwargs)
