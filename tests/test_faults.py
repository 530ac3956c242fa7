"""A faulty server (the emulator on loopback, 30 % of answers faults, seeded so a failure replays):
paging and watching yield every step once, in order, in its final state; when retries run out the
error is typed and the cursor resumes without loss or duplicates."""

from __future__ import annotations

import asyncio

import pytest

import runsteps
from runsteps.emulator import (
    FLAVOURS,
    Emulator,
    FaultPlan,
    Flavour,
    ManualClock,
    RunScript,
    StepScript,
    message_creation,
)

from .clocks import GivenClock, no_waiting
from .families import client_for

# Routes of respx are matched in front of runsteps' own transport (respx's httpx-level mocker).
pytestmark = pytest.mark.respx(using="httpx")

EVERY_FAULT = ["429", "429-ms", "500", "502-html", "503", "cut", "empty-more"]
N = 3000
EXPECTED = [f"step_{i:06d}" for i in range(N)]


def faulty(seed: int, clock: ManualClock | None = None, flavour: Flavour = "openai") -> Emulator:
    plan = FaultPlan(rate=0.3, mix=EVERY_FAULT, seed=seed, retry_after_seconds=0)
    return Emulator(clock=clock, faults=plan, flavour=flavour)


@pytest.mark.parametrize(
    ("seed", "flavour"), [(1, "openai"), (2, "openai"), *[(5, f) for f in FLAVOURS if f != "openai"]]
)
def test_paging_3000_steps_through_30_percent_faults_yields_each_once_in_order(seed: int, flavour: Flavour) -> None:
    with faulty(seed, flavour=flavour) as emu:
        emu.add_completed_run("t", "r", N)
        with client_for(emu, max_retries=10, clock=no_waiting()) as c:
            ids = [s.id for s in c.steps.list("r", thread_id="t", limit=100, order="asc")]
        assert ids == EXPECTED
        faults = [f for f in emu.faults.log if f is not None]
        assert len(faults) >= 5 and len(set(faults)) >= 3  # the faults did happen, of several kinds


def test_when_retries_run_out_the_error_is_typed_and_the_cursor_resumes_without_loss_or_duplicates() -> None:
    with faulty(3) as emu:
        emu.add_completed_run("t", "r", N)
        got: list[str] = []
        errors: list[Exception] = []
        after = None
        with runsteps.Client(api_key=emu.api_key, base_url=emu.base_url, max_retries=1, clock=no_waiting()) as c:
            while len(errors) < 200:
                pager = c.steps.list("r", thread_id="t", limit=100, order="asc", after=after)
                try:
                    got.extend(s.id for s in pager)
                    break
                except runsteps.RunStepsError as exc:
                    errors.append(exc)
                    after = pager.cursor or after
        assert got == EXPECTED
        assert errors and all(
            isinstance(e, (runsteps.APIStatusError, runsteps.APIConnectionError, runsteps.APIResponseValidationError))
            for e in errors
        )


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_watch_through_30_percent_faults_yields_the_final_state_of_every_step(kind: str, flavour: Flavour) -> None:
    clock = ManualClock()
    steps = [StepScript(f"s{i:02d}", message_creation("m"), i * 0.5, i * 0.5 + 1.2, "completed") for i in range(30)]
    steps[7].outcome = "failed"
    with faulty(4, clock, flavour) as emu:
        emu.add_run(RunScript("r", "t", [(0, "queued"), (1, "in_progress"), (17, "completed")], steps))
        if kind == "sync":
            with client_for(emu, max_retries=10, clock=GivenClock(lambda s: clock.advance(min(s, 0.5)))) as c:
                events = [(s.id, str(s.status)) for s in c.steps.watch("r", thread_id="t", interval=0.5)]
        else:

            async def go() -> list[tuple[str, str]]:
                async def sleep(s: float) -> None:
                    clock.advance(min(s, 0.5))

                async with client_for(emu, runsteps.AsyncClient, max_retries=10, clock=GivenClock(sleep)) as ac:
                    return [(s.id, str(s.status)) async for s in ac.steps.watch("r", thread_id="t", interval=0.5)]

            events = asyncio.run(go())
    finals = dict(events)
    assert finals == {s.id: s.outcome for s in steps}
