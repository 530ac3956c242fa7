"""Deadlines: a call's timeout covers its requests in flight, its retries and their waits; a wait or
a watch ends within its deadline and one interval, whatever the server does."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

import runsteps
from runsteps.emulator import Emulator, ManualClock, RunScript, StepScript, message_creation

from .hostile import (
    KEY,
    LOADED,
    Hostile,
    drip,
    elapsed,
    rate_limited,
    run_async,
    silent,
    step,
    sync,
    with_drip,
)

WAITS: dict[str, tuple[Any, Callable[[Any], Any], Callable[[Any], Any]]] = {
    "runs.wait, silent server": (
        silent,
        lambda c: c.runs.wait("r", thread_id="t", timeout=1, interval=0.5),
        lambda c: c.runs.wait("r", thread_id="t", timeout=1, interval=0.5),
    ),
    "steps.wait, dripping server": (
        with_drip(("/steps/s1",)),
        lambda c: c.steps.wait("s1", thread_id="t", run_id="r", timeout=2, interval=0.5),
        lambda c: c.steps.wait("s1", thread_id="t", run_id="r", timeout=2, interval=0.5),
    ),
    "watch, dripping server": (
        with_drip(("/runs/r",)),
        lambda c: list(c.steps.watch("r", thread_id="t", timeout=2, interval=0.5)),
        lambda c: _alist(c.steps.watch("r", thread_id="t", timeout=2, interval=0.5)),
    ),
    "steps.wait, retry-after 6 s": (
        rate_limited("6"),
        lambda c: c.steps.wait("s1", thread_id="t", run_id="r", timeout=1, interval=0.5),
        lambda c: c.steps.wait("s1", thread_id="t", run_id="r", timeout=1, interval=0.5),
    ),
}


async def _alist(iterable: Any) -> list[Any]:
    return [x async for x in iterable]


@pytest.mark.parametrize("case", list(WAITS))
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_wait_or_watch_times_out_within_its_deadline_plus_one_interval(case: str, kind: str) -> None:
    behaviour, sync_call, async_call = WAITS[case]
    deadline = 1.0 if "silent" in case or "retry" in case else 2.0
    with Hostile(behaviour) as server:
        if kind == "sync":
            with sync(server) as client:
                took, error = elapsed(lambda: sync_call(client))
        else:
            took, error = elapsed(lambda: run_async(server, async_call))
    assert isinstance(error, runsteps.PollTimeoutError), repr(error)
    assert deadline - 0.1 <= took <= deadline + 0.5 + LOADED


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_calls_own_timeout_bounds_it_against_a_dripping_server(kind: str) -> None:
    with Hostile(drip(json.dumps(step("s1")).encode())) as server:
        if kind == "sync":
            with sync(server) as client:
                took, error = elapsed(lambda: client.steps.retrieve("s1", thread_id="t", run_id="r", timeout=3))
        else:
            call = lambda c: c.steps.retrieve("s1", thread_id="t", run_id="r", timeout=3)  # noqa: E731
            took, error = elapsed(lambda: run_async(server, call))
    assert isinstance(error, runsteps.APITimeoutError) and 2.9 <= took <= 3 + LOADED


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_the_client_timeout_bounds_each_attempt_from_connecting_to_the_last_byte(kind: str) -> None:
    with Hostile(drip(json.dumps(step("s1")).encode(), every=0.2)) as server:
        if kind == "sync":
            with sync(server, timeout=1, max_retries=0) as client:
                took, error = elapsed(lambda: client.steps.retrieve("s1", thread_id="t", run_id="r"))
        else:
            call = lambda c: c.steps.retrieve("s1", thread_id="t", run_id="r")  # noqa: E731
            took, error = elapsed(lambda: run_async(server, call, timeout=1, max_retries=0))
    assert isinstance(error, runsteps.APITimeoutError) and 0.9 <= took <= 1 + LOADED


def test_the_cli_timeout_bounds_get_list_and_run() -> None:
    with Hostile(silent) as server, Emulator(clock=ManualClock(t=10), api_key=KEY) as answering:
        answering.add_run(RunScript("r", "t", [(0, "completed")], [StepScript("s1", message_creation("m"), 1, 2)]))
        for command in (["get", "t", "r", "s1"], ["list", "t", "r"], ["run", "t", "r"]):
            # What the command costs anyway (interpreter, imports, one answer), on this machine as loaded now.
            baseline, answered = elapsed_cli([*command, "--timeout", "1"], answering.base_url)
            assert answered.returncode == 0, answered.stderr
            took, done = elapsed_cli([*command, "--timeout", "1"], server.base_url)
            # The 1 s timeout adds at most itself and two seconds of slack: the suite's three Pythons at
            # once make an interpreter's start vary by that much (without a timeout it would never end).
            assert done.returncode == 124 and took <= baseline + 1 + 2, (command, took, baseline, done.stderr)


def elapsed_cli(args: list[str], base_url: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": base_url, "PATH": "/usr/bin:/bin"}
    result: list[subprocess.CompletedProcess[str]] = []
    took, _ = elapsed(
        lambda: result.append(
            subprocess.run(
                [sys.executable, "-m", "runsteps", *args], capture_output=True, text=True, env=env, timeout=30
            )
        )
    )
    return took, result[0]
