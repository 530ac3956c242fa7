"""The scripts in examples/ run against the emulator and do what their docstrings say."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from runsteps.emulator import Emulator, FaultPlan, ManualClock, RunScript, StepScript, message_creation
from runsteps.emulator.demo_script import add_demo_runs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(clock=ManualClock(t=1000)) as server:
        add_demo_runs(server)
        yield server


def example(emu: Emulator, name: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OPENAI_API_KEY": emu.api_key, "OPENAI_BASE_URL": emu.base_url}
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_export_run_writes_every_step_and_resumes_without_loss_or_duplicates(emu: Emulator, tmp_path: Path) -> None:
    out = tmp_path / "steps.jsonl"
    expected = [f"step_{i:06d}" for i in range(250)]

    emu.faults = FaultPlan(rate=1.0, mix=["503"])  # the server fails: nothing is lost, the script says so
    failed = example(emu, "export_run.py", "thread_demo", "run_archive", str(out))
    assert failed.returncode == 1 and "run again to resume" in failed.stderr

    emu.faults = FaultPlan()
    out.write_text("".join(json.dumps({"id": i}) + "\n" for i in expected[:120]))  # an export stopped midway
    done = example(emu, "export_run.py", "thread_demo", "run_archive", str(out))
    assert done.returncode == 0 and "exported 130 steps" in done.stderr and "resumed after step_000119" in done.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == expected
    assert rows[-1]["object"] == "thread.run.step" and rows[-1]["status"] == "completed"

    again = example(emu, "export_run.py", "thread_demo", "run_archive", str(out))
    assert "exported 0 steps" in again.stderr and len(out.read_text().splitlines()) == 250


def test_wait_in_ci_passes_a_clean_run_and_fails_one_with_a_failed_step(emu: Emulator) -> None:
    clean = example(emu, "wait_in_ci.py", "thread_demo", "run_archive")
    assert clean.returncode == 0 and "run_archive: completed, 0 steps not completed" in clean.stdout
    demo = example(emu, "wait_in_ci.py", "thread_demo", "run_demo")
    assert demo.returncode == 1
    assert "::error::step step_06_retry failed: The tool failed." in demo.stdout


def test_wait_in_ci_times_out_with_124(emu: Emulator) -> None:
    emu.add_run(RunScript("run_stuck", "thread_demo", [(0, "in_progress")]))
    done = example(emu, "wait_in_ci.py", "thread_demo", "run_stuck", "--timeout", "0.3")
    assert done.returncode == 124 and "still in_progress" in done.stdout


def test_watch_many_follows_every_run_to_its_end(emu: Emulator) -> None:
    for i in range(5):
        steps = [StepScript(f"s{i}_{k}", message_creation("m"), k, k + 1) for k in range(3)]
        emu.add_run(RunScript(f"run_{i}", "thread_demo", [(0, "in_progress"), (10, "completed")], steps))
    runs = [f"run_{i}" for i in range(5)]
    done = example(emu, "watch_many.py", "thread_demo", *runs)
    assert done.returncode == 0, done.stderr
    printed = {tuple(line.split()) for line in done.stdout.splitlines()}
    assert printed == {(f"run_{i}", f"s{i}_{k}", "completed") for i in range(5) for k in range(3)}
    assert all(f"run_{i}: completed; steps: {{'completed': 3}}" in done.stderr for i in range(5))
    mixed = example(emu, "watch_many.py", "thread_demo", "run_0", "run_demo")  # a failed step, a completed run
    assert mixed.returncode == 0 and "run_demo: completed; steps: {'completed': 7, 'failed': 1}" in mixed.stderr
