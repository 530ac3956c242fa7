"""Paging, waiting and watching against the emulator on loopback, through both Client and AsyncClient,
against every server family.

Each scenario runs once per driver and flavour: `side` offers the same calls, performed by `Client`
or by `AsyncClient` on a fresh event loop, built as a user of that family would build it. The
emulator's clock is manual and the client's sleeps advance it, so scripted runs play out in milliseconds.
"""

from __future__ import annotations

import asyncio
import math
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

import runsteps
from runsteps.emulator import (
    FLAVOURS,
    Emulator,
    ManualClock,
    RunScript,
    StepScript,
    function_call,
    message_creation,
    tool_calls,
)
from runsteps.emulator.demo_script import add_demo_runs

from .clocks import GivenClock, no_waiting
from .families import client_for
from .hostile import (
    Hostile,
    Request,
    json_answer,
    page,
    pages_by_cursor,
    run,
    sync,
)


class Side:
    """One driver's view of the calls under test; results as plain data."""

    def __init__(self, kind: str, emu: Emulator, clock: ManualClock) -> None:
        self.kind, self.emu, self.clock = kind, emu, clock
        self.slept: list[float] = []

    def _sync(self) -> runsteps.Client:
        c: runsteps.Client = client_for(self.emu, clock=GivenClock(self._advance, self.clock.now))
        return c

    def _async(self) -> runsteps.AsyncClient:
        async def sleep(seconds: float) -> None:
            self._advance(seconds)

        c: runsteps.AsyncClient = client_for(self.emu, runsteps.AsyncClient, clock=GivenClock(sleep, self.clock.now))
        return c

    def _advance(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.clock.advance(seconds)

    def list(self, run_id: str, **kw: Any) -> tuple[list[str], str | None]:
        """The ids yielded, and the pager's cursor afterwards."""
        if self.kind == "sync":
            with self._sync() as c:
                pager = c.steps.list(run_id, thread_id="t", **kw)
                return [s.id for s in pager], pager.cursor

        async def go() -> tuple[list[str], str | None]:
            async with self._async() as c:
                pager = c.steps.list(run_id, thread_id="t", **kw)
                return [s.id async for s in pager], pager.cursor

        return asyncio.run(go())

    def wait_step(self, step_id: str, **kw: Any) -> runsteps.RunStep:
        if self.kind == "sync":
            with self._sync() as c:
                return c.steps.wait(step_id, thread_id="t", run_id="r", **kw)

        async def go() -> runsteps.RunStep:
            async with self._async() as c:
                return await c.steps.wait(step_id, thread_id="t", run_id="r", **kw)

        return asyncio.run(go())

    def wait_run(self, **kw: Any) -> runsteps.Run:
        if self.kind == "sync":
            with self._sync() as c:
                return c.runs.wait("r", thread_id="t", **kw)

        async def go() -> runsteps.Run:
            async with self._async() as c:
                return await c.runs.wait("r", thread_id="t", **kw)

        return asyncio.run(go())

    def watch(self, **kw: Any) -> tuple[list[tuple[str, str]], runsteps.Run | None]:
        """(step id, status) for each yield, and the watcher's last Run."""
        if self.kind == "sync":
            with self._sync() as c:
                watcher = c.steps.watch("r", thread_id="t", **kw)
                return [(s.id, str(s.status)) for s in watcher], watcher.run

        async def go() -> tuple[list[tuple[str, str]], runsteps.Run | None]:
            async with self._async() as c:
                watcher = c.steps.watch("r", thread_id="t", **kw)
                return [(s.id, str(s.status)) async for s in watcher], watcher.run

        return asyncio.run(go())


@pytest.fixture(
    params=[(kind, flavour) for flavour in FLAVOURS for kind in ("sync", "async")], ids=lambda p: "-".join(p)
)
def side(request: pytest.FixtureRequest) -> Iterator[Side]:
    kind, flavour = request.param
    clock = ManualClock()
    with Emulator(clock=clock, flavour=flavour) as emu:
        yield Side(kind, emu, clock)


def list_requests(emu: Emulator) -> int:
    return sum(1 for r in emu.requests if r.path.endswith("/steps"))


# ---- paging ----

N = 2100


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_paging_2100_steps_forward_in_exactly_ceil_n_over_limit_requests(side: Side, order: str) -> None:
    side.emu.add_completed_run("t", "r", N)
    ids, cursor = side.list("r", limit=100, order=order)
    expected = [f"step_{i:06d}" for i in range(N)]
    assert ids == (expected if order == "asc" else expected[::-1])
    assert list_requests(side.emu) == math.ceil(N / 100) and cursor == ids[-1]


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_paging_backward_from_a_cursor_yields_every_earlier_step_once(side: Side, order: str) -> None:
    side.emu.add_completed_run("t", "r", N)
    listed = [f"step_{i:06d}" for i in range(N)]
    listed = listed if order == "asc" else listed[::-1]
    ids, cursor = side.list("r", limit=70, order=order, before=listed[1999])
    assert ids == listed[:1999][::-1]
    assert list_requests(side.emu) == math.ceil(1999 / 70) and cursor == listed[0]
    assert not any("after" in r.query and "before" in r.query for r in side.emu.requests)


def test_paging_forward_from_a_cursor_resumes_after_it(side: Side) -> None:
    side.emu.add_completed_run("t", "r", N)
    ids, _ = side.list("r", limit=100, order="asc", after="step_000999")
    assert ids == [f"step_{i:06d}" for i in range(1000, N)] and list_requests(side.emu) == 11


def test_an_empty_run_is_one_request(side: Side) -> None:
    side.emu.add_completed_run("t", "r", 0)
    assert side.list("r") == ([], None) and list_requests(side.emu) == 1


# ---- wait ----


def one_step_run(outcome: str = "completed", run_end: str = "completed", hint: Any = None) -> RunScript:
    steps = [StepScript("s1", message_creation("m"), start=0, end=3, outcome=outcome)]
    return RunScript("r", "t", [(0, "queued"), (1, "in_progress"), (4, run_end)], steps, poll_after_ms=hint)


@pytest.mark.parametrize("outcome", ["completed", "failed", "cancelled", "expired"])
def test_wait_returns_the_step_at_its_outcome(side: Side, outcome: str) -> None:
    side.emu.add_run(one_step_run(outcome))
    step = side.wait_step("s1", interval=0.5)
    assert step.status == outcome and side.clock.now() == 3  # the first poll at or after the end


def test_wait_follows_a_poll_hint_that_changes_over_time(side: Side) -> None:
    side.emu.add_run(one_step_run(hint=lambda t: 200 if t < 1 else 900))
    assert side.wait_step("s1", interval=5).status == "completed"
    if side.emu.spec.poll_hint:
        assert side.slept == [0.2] * 5 + [0.9] * 3  # 0.2 s until t=1, then 0.9 s: never the 5 s interval
    else:
        assert side.slept == [5]  # a family that sends no hint: the interval


def test_wait_times_out_with_the_last_step_within_one_interval_of_the_deadline(side: Side) -> None:
    side.emu.add_run(RunScript("r", "t", [(0, "in_progress")], [StepScript("s1", message_creation("m"), 0, None)]))
    with pytest.raises(runsteps.PollTimeoutError) as caught:
        side.wait_step("s1", timeout=2.5, interval=1)
    assert caught.value.last.status == "in_progress" and 2.5 <= side.clock.now() <= 3.5


def test_wait_for_a_missing_step_of_a_settled_run_ends_at_once(side: Side) -> None:
    side.emu.add_run(one_step_run())
    side.clock.set(5)  # the run has completed: the step will never come
    with pytest.raises(runsteps.NotFoundError):
        side.wait_step("nope")
    assert side.slept == []


def test_wait_for_a_step_the_run_has_not_made_yet_waits_for_it(side: Side) -> None:
    run = side.emu.add_run(one_step_run())
    run.steps.append(StepScript("s2", message_creation("m2"), start=2, end=3.5))
    step = side.wait_step("s2", interval=0.5)  # at t=0 it does not exist: the run is queued
    assert step.status == "completed" and side.clock.now() == 3.5


@pytest.mark.parametrize("end", ["completed", "failed", "cancelled", "expired", "incomplete", "requires_action"])
def test_runs_wait_returns_at_a_final_status_or_requires_action(side: Side, end: str) -> None:
    side.emu.add_run(one_step_run(run_end=end))
    run = side.wait_run(interval=1)
    assert run.status == end and side.clock.now() == 4


def test_runs_wait_times_out_with_the_last_run(side: Side) -> None:
    side.emu.add_run(RunScript("r", "t", [(0, "queued")]))
    with pytest.raises(runsteps.PollTimeoutError) as caught:
        side.wait_run(timeout=3, interval=2)
    assert caught.value.last.status == "queued" and 3 <= side.clock.now() <= 5


# ---- watch ----


def three_step_run(run_end: str, last_outcome: str = "completed") -> RunScript:
    call = tool_calls(function_call("call_1", "lookup", "{}", '"ok"'))
    steps = [
        StepScript("s1", message_creation("m1"), start=0, end=2),
        StepScript("s2", call, start=2, end=4, outcome=last_outcome),
        StepScript("s3", message_creation("m3"), start=4, end=5, outcome=last_outcome),
    ]
    return RunScript("r", "t", [(0, "queued"), (0.5, "in_progress"), (6, run_end)], steps)


@pytest.mark.parametrize(
    ("run_end", "outcome"),
    [("completed", "completed"), ("failed", "failed"), ("cancelled", "cancelled"), ("expired", "expired")],
)
def test_watch_yields_each_appearance_and_change_in_order_until_the_run_ends(
    side: Side, run_end: str, outcome: str
) -> None:
    side.emu.add_run(three_step_run(run_end, outcome))
    events, run = side.watch(interval=1)
    assert events == [
        ("s1", "in_progress"),
        ("s1", "completed"),
        ("s2", "in_progress"),
        ("s2", outcome),
        ("s3", "in_progress"),
        ("s3", outcome),
    ]
    assert run is not None and run.status == run_end
    ticks = sum(1 for r in side.emu.requests if r.path.endswith("/runs/r"))
    assert ticks == 7 and len(side.emu.requests) == 2 * ticks  # t = 0..6, two requests each


def test_watch_stops_at_requires_action(side: Side) -> None:
    waiting = StepScript("s1", tool_calls(function_call("call_1", "lookup", "{}", None)), start=0, end=None)
    side.emu.add_run(RunScript("r", "t", [(0, "in_progress"), (2, "requires_action")], [waiting]))
    events, run = side.watch(interval=1)
    assert events == [("s1", "in_progress")] and run is not None and run.status == "requires_action"


def test_watch_times_out_with_the_last_run(side: Side) -> None:
    side.emu.add_run(RunScript("r", "t", [(0, "in_progress")], [StepScript("s1", message_creation("m"), 0, None)]))
    with pytest.raises(runsteps.PollTimeoutError) as caught:
        side.watch(timeout=4, interval=1.5)
    assert caught.value.last.status == "in_progress" and 4 <= side.clock.now() <= 5.5


def test_watch_follows_the_servers_poll_hint(side: Side) -> None:
    side.emu.add_run(three_step_run("completed"))
    side.emu.runs[("t", "r")].poll_after_ms = lambda t: 500 if t < 3 else 1500
    events, _ = side.watch(interval=10 if side.emu.spec.poll_hint else 1)
    assert {s for _, s in events} == {"in_progress", "completed"}
    if side.emu.spec.poll_hint:
        assert side.slept[:6] == [0.5] * 6 and set(side.slept[6:]) == {1.5}
    else:
        assert set(side.slept) == {1}


def test_a_pager_iterated_again_starts_over_and_its_cursor_says_where_the_last_walk_stopped() -> None:
    with Emulator() as emu:
        emu.add_completed_run("t", "r", 250)
        with runsteps.Client(api_key=emu.api_key, base_url=emu.base_url) as client:
            pager = client.steps.list("r", thread_id="t", limit=100, order="asc")
            taken = []
            for s in pager:
                taken.append(s.id)
                if len(taken) == 10:
                    break
            assert pager.cursor == "step_000009"
            again = [s.id for s in pager]
            third = [s.id for s in pager]
            resumed = [s.id for s in client.steps.list("r", thread_id="t", order="asc", after=taken[-1])]
    everything = [f"step_{i:06d}" for i in range(250)]
    assert again == third == everything and taken + resumed == everything


def test_a_watcher_iterated_again_watches_again() -> None:
    with Emulator() as emu:
        steps = [StepScript(f"s{i}", message_creation("m"), start=-9 + i, end=-8 + i) for i in range(3)]
        emu.add_run(RunScript("r", "t", [(-10, "in_progress"), (-1, "completed")], steps))
        with runsteps.Client(api_key=emu.api_key, base_url=emu.base_url) as client:
            watcher = client.steps.watch("r", thread_id="t")
            first = [s.id for s in watcher]
            second = [s.id for s in watcher]
    assert first == second == ["s0", "s1", "s2"] and watcher.run is not None


LOOPS: dict[str, tuple[dict[str | None, dict[str, Any]], list[str]]] = {
    "a server that ignores the cursor": ({None: page(["a", "b"], True), "b": page(["a", "b"], True)}, ["a", "b"]),
    "a cursor cycle": (
        {None: page(["a", "b"], True), "b": page(["c", "d"], True), "d": page(["a", "b"], True)},
        ["a", "b", "c", "d"],
    ),
}


@pytest.mark.parametrize("case", list(LOOPS))
def test_a_listing_that_loops_ends_typed_within_max_retries_plus_two_requests(case: str) -> None:
    pages, yielded = LOOPS[case]
    with Hostile(pages_by_cursor(pages)) as server:
        seen: list[str] = []
        with (
            sync(server, max_retries=2, clock=no_waiting()) as client,
            pytest.raises(runsteps.APIResponseValidationError, match="does not progress"),
        ):
            seen.extend(s.id for s in client.steps.list("r", thread_id="t"))
        loop_starts = len(yielded) // 2  # the first request that goes round again
        assert seen == yielded and len(server.requests) <= loop_starts + 2 + 2


@pytest.mark.parametrize("has_more", ["false", "true", 1, None])
def test_a_has_more_that_is_not_a_boolean_ends_at_once(has_more: Any) -> None:
    with (
        Hostile(pages_by_cursor({None: page(["a"], has_more), "a": page(["a"], has_more)})) as server,
        sync(server) as client,
    ):
        if has_more is None:  # missing: the page is the last
            assert [s.id for s in client.steps.list("r", thread_id="t")] == ["a"]
            return
        with pytest.raises(runsteps.APIResponseValidationError, match="has_more is not a boolean"):
            list(client.steps.list("r", thread_id="t"))
        assert len(server.requests) == 1


def test_a_watch_whose_moving_step_vanishes_behind_endless_pages_ends_at_its_deadline() -> None:
    # First tick: step s0 moving. Later: pages of other steps that always claim more, s0 never again.
    clock = ManualClock()  # each answer takes 0.05 s of it: no test waits out the deadline in real time

    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        clock.advance(0.05)
        if request.path.endswith("/steps"):
            first = len([r for r in server.requests if r.path.endswith("/steps")]) == 1
            after = int((request.arg("after") or "x-1")[1:])
            # "Endless": 1,000 pages, so that a walk the deadline failed to cut ends, and fails the test.
            json_answer(sock, page(["s0"], False, "in_progress") if first else page([f"x{after + 1}"], after < 1000))
        else:
            json_answer(sock, run())

    with (
        Hostile(behaviour) as server,
        sync(server, clock=GivenClock(clock.advance, clock.now)) as client,
        pytest.raises(runsteps.PollTimeoutError),
    ):
        list(client.steps.watch("r", thread_id="t", timeout=2, interval=0.5))
    # It ended at the deadline (2 s, and at most the answer under way) though the pages never did.
    assert 2 <= clock.now() <= 2 + 0.05
    assert len(server.requests) <= 2 / 0.05 + 1


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_wait_waits_for_a_step_its_run_has_not_made_yet(driver: str) -> None:
    clock = ManualClock(t=2)  # run_demo is going; step_06_retry comes at t=7
    with Emulator(clock=clock) as early:
        add_demo_runs(early)
        later = threading.Timer(0.3, clock.set, (9,))
        later.start()
        if driver == "sync":
            with runsteps.Client(api_key=early.api_key, base_url=early.base_url) as client:
                step = client.steps.wait(
                    "step_06_retry", thread_id="thread_demo", run_id="run_demo", interval=0.05, timeout=10
                )
        else:

            async def main() -> runsteps.RunStep:
                async with runsteps.AsyncClient(api_key=early.api_key, base_url=early.base_url) as client:
                    return await client.steps.wait(
                        "step_06_retry", thread_id="thread_demo", run_id="run_demo", interval=0.05, timeout=10
                    )

            step = asyncio.run(main())
        later.join()
    assert step.id == "step_06_retry" and step.status == "failed"


def test_wait_for_a_step_that_never_comes_ends_with_the_404_once_the_run_has_settled_or_at_its_timeout() -> None:
    with (
        Emulator(clock=ManualClock(t=1000)) as settled,
        runsteps.Client(api_key=settled.api_key, base_url=settled.base_url) as client,
    ):
        add_demo_runs(settled)
        with pytest.raises(runsteps.NotFoundError, match="step_nope"):
            client.steps.wait("step_nope", thread_id="thread_demo", run_id="run_demo", interval=0.05, timeout=5)
        with pytest.raises(runsteps.NotFoundError, match="run_nope"):
            client.steps.wait("step_nope", thread_id="thread_demo", run_id="run_nope", interval=0.05, timeout=5)
        settled.clock.set(2)  # type: ignore[attr-defined]
        with pytest.raises(
            runsteps.PollTimeoutError,
            match=r"not there yet when the 0.3s timeout ran out \(it does not exist yet; its run is in_progress\)",
        ):
            client.steps.wait("step_nope", thread_id="thread_demo", run_id="run_demo", interval=0.05, timeout=0.3)
