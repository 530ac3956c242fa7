"""`runsteps start`: a run started and shown exactly as `watch` shows one (the same JSON lines piped,
the same summary, the same exit codes), by its event stream, by polling when the stream drops, or by
polling alone with `--no-stream`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from runsteps.emulator import Emulator, FaultPlan, RealClock
from runsteps.emulator.demo_script import demo_run, tools_run

from .cli import reaching, run
from .terminal import on_terminal, screen
from .test_streaming import starting


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(clock=RealClock(speed=40)) as emulator:
        emulator.starts = starting(demo_run)
        yield emulator


def last_states(stdout: str) -> dict[str, str]:
    """Each step's status in its last line."""
    states: dict[str, str] = {}
    for line in stdout.splitlines():
        step: dict[str, Any] = json.loads(line)
        states[step["id"]] = step["status"]
    return states


@pytest.mark.parametrize("how", [[], ["--no-stream"]], ids=["streamed", "polled"])
def test_start_shows_the_run_as_watch_does(emu: Emulator, how: list[str]) -> None:
    started = run(["start", "thread_cli", "--assistant", "asst_1", "--message", "Hi", "--interval", "0.05", *how],
                  reaching(emu))  # fmt: skip
    assert started.returncode == 0, started.stderr
    run_id = next(r.id for (t, _), r in emu.runs.items() if t == "thread_cli")
    watched = run(["watch", "thread_cli", run_id, "--interval", "0.05"], reaching(emu))
    assert last_states(started.stdout) == last_states(watched.stdout) and len(last_states(watched.stdout)) == 8
    assert started.stderr.splitlines()[-1] == watched.stderr.splitlines()[-1] == f"run {run_id}: completed, 8 steps"
    first = emu.requests[0]
    assert first.body["additional_messages"] == [{"role": "user", "content": "Hi"}]
    assert first.body.get("stream") is (None if how else True)


def test_start_exits_as_watch_does_for_a_run_waiting_for_its_calls(emu: Emulator) -> None:
    emu.starts = starting(tools_run)
    started = run(["start", "thread_wait", "--assistant", "asst_1"], reaching(emu))
    run_id = next(r.id for (t, _), r in emu.runs.items() if t == "thread_wait")
    watched = run(["watch", "thread_wait", run_id, "--interval", "0.05"], reaching(emu))
    assert started.returncode == watched.returncode != 0
    assert started.stderr.splitlines()[-2:] == watched.stderr.splitlines()[-2:]  # the summary and what to do next


def test_a_dropped_stream_still_shows_every_step_to_its_end(emu: Emulator) -> None:
    emu.faults = FaultPlan(streams=["drop"])
    started = run(["start", "thread_drop", "--assistant", "asst_1", "--interval", "0.05"], reaching(emu))
    assert started.returncode == 0, started.stderr
    assert set(last_states(started.stdout).values()) == {"completed", "failed"}
    assert "following run" in started.stderr and "by polling" in started.stderr


def test_on_a_terminal_start_draws_the_table_watch_draws(emu: Emulator) -> None:
    env = reaching(emu)
    command = [sys.executable, "-m", "runsteps"]
    code, raw = on_terminal([*command, "start", "thread_tty", "--assistant", "asst_1", "--interval", "0.05"], 80, env)
    run_id = next(r.id for (t, _), r in emu.runs.items() if t == "thread_tty")
    watch_code, watch_raw = on_terminal([*command, "watch", "thread_tty", run_id, "--interval", "0.05"], 80, env)
    started, watched = screen(raw), screen(watch_raw)
    assert code == watch_code == 0
    header = next(line for line in watched if line.split()[:2] == ["time", "step"])
    assert header in started and not any(line.startswith("{") for line in started)
    assert started[-1] == watched[-1] == f"run {run_id}: completed, 8 steps"
    finals = {line.split()[1]: line.split()[-1] for line in watched if "step_0" in line}
    shown = {line.split()[1]: line.split()[-1] for line in started if "step_0" in line}  # the last row of each
    assert shown == finals and len(finals) == 8
