"""The `runsteps` command, run as a subprocess against the emulator: output, exit codes, errors, help."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from runsteps.emulator import Emulator, ManualClock, RunScript, StepScript, message_creation
from runsteps.emulator.demo_script import demo_run

from .cli import run
from .families import system_trust

KEY = "sk-cli-secret-42"
NOW = 100.0  # the emulator's clock: every scripted run below has ended by then, but "forever" ones


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run(args, {**os.environ, **(env or {})}, timeout=timeout)


def step_run(run_id: str, outcome: str, end: float | None = 3) -> RunScript:
    return RunScript(
        run_id, "t", [(0, "in_progress"), (5, "completed")], [StepScript("s", message_creation("m"), 1, end, outcome)]
    )


def run_ending(run_id: str, status: str) -> RunScript:
    steps = [StepScript("s1", message_creation("m1"), 1, 2), StepScript("s2", message_creation("m2"), 2, 4)]
    return RunScript(run_id, "t", [(0, "queued"), (1, "in_progress"), (5, status)], steps)


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(clock=ManualClock(t=NOW), api_key=KEY) as server:
        server.add_run(demo_run("t", "demo"))
        for outcome in ("completed", "failed", "cancelled", "expired", "incomplete"):
            server.add_run(step_run(f"step_{outcome}", outcome))
        server.add_run(step_run("step_forever", "completed", end=None))
        for status in ("completed", "failed", "cancelled", "expired", "incomplete", "requires_action"):
            server.add_run(run_ending(f"run_{status}", status))
        server.add_run(
            RunScript("run_forever", "t", [(0, "in_progress")], [StepScript("s", message_creation("m"), 1, None)])
        )
        yield server


@pytest.fixture
def env(emu: Emulator) -> dict[str, str]:
    return {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": emu.base_url}


def served(emu: Emulator, path: str, **params: Any) -> Any:
    """What the server sends for `path`, fetched directly."""
    headers = {"Authorization": f"Bearer {KEY}", "OpenAI-Beta": "assistants=v2"}
    return httpx.get(emu.base_url + path, params=params, headers=headers, verify=system_trust()).json()


def lines(stdout: str) -> list[Any]:
    return [json.loads(line) for line in stdout.splitlines()]


# ---- stdout is what the server sent ----


@pytest.mark.parametrize("content", [False, True])
def test_list_prints_every_step_as_the_server_sent_it(emu: Emulator, env: dict[str, str], content: bool) -> None:
    args = ["list", "t", "demo", "--limit", "3", *(["--include-content"] if content else [])]
    done = cli(*args, env=env)
    assert done.returncode == 0, done.stderr
    include = {"include[]": "step_details.tool_calls[*].file_search.results[*].content"} if content else {}
    expected = served(emu, "/threads/t/runs/demo/steps", order="asc", limit=100, **include)["data"]
    assert lines(done.stdout) == expected and len(expected) == 8
    assert "8 steps" in done.stderr


def test_get_and_run_print_the_objects_as_the_server_sent_them(emu: Emulator, env: dict[str, str]) -> None:
    got = cli("get", "t", "demo", "step_03_search", env=env)
    run = cli("run", "t", "demo", env=env)
    assert lines(got.stdout) == [served(emu, "/threads/t/runs/demo/steps/step_03_search")]
    assert lines(run.stdout) == [served(emu, "/threads/t/runs/demo")]  # unknown run fields (tools, model...) kept
    assert (got.returncode, run.returncode) == (0, 0)


# ---- exit codes ----


@pytest.mark.parametrize(
    ("outcome", "code"), [("completed", 0), ("failed", 1), ("cancelled", 3), ("expired", 4), ("incomplete", 4)]
)
def test_wait_exits_by_the_steps_status(env: dict[str, str], outcome: str, code: int) -> None:
    done = cli("wait", "t", f"step_{outcome}", "s", env=env)
    assert done.returncode == code, done.stderr
    assert [s["status"] for s in lines(done.stdout)] == [outcome] and f"step s: {outcome}" in done.stderr


def test_wait_that_times_out_exits_124_with_the_last_step(env: dict[str, str]) -> None:
    done = cli("wait", "t", "step_forever", "s", "--timeout", "0.3", "--interval", "0.1", env=env)
    assert done.returncode == 124
    assert [s["status"] for s in lines(done.stdout)] == ["in_progress"] and "timed out" in done.stderr


def test_wait_follows_a_step_that_ends_while_it_polls() -> None:
    script = RunScript("r", "t", [(0, "in_progress")], [StepScript("s", message_creation("m"), 0, 2.0, "completed")])
    clock = ManualClock(t=1)

    def polls() -> int:
        return sum(1 for r in live.requests if r.path.endswith("/steps/s"))

    def end_after_two_polls() -> None:  # however long the command takes to start on a loaded machine
        deadline = time.monotonic() + 30
        while polls() < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        clock.set(3)

    with Emulator(clock=clock, api_key=KEY) as live:
        live.add_run(script)
        ender = threading.Thread(target=end_after_two_polls)
        ender.start()
        done = cli(
            "wait", "t", "r", "s", "--interval", "0.1", env={"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": live.base_url}
        )
        ender.join()
        seen = polls()
    polls_seen = seen
    assert done.returncode == 0 and lines(done.stdout)[0]["status"] == "completed" and polls_seen >= 3


@pytest.mark.parametrize(
    ("status", "code"),
    [("completed", 0), ("failed", 1), ("cancelled", 3), ("expired", 4), ("incomplete", 4), ("requires_action", 6)],
)
def test_watch_exits_by_the_runs_status(env: dict[str, str], status: str, code: int) -> None:
    done = cli("watch", "t", f"run_{status}", env=env)
    assert done.returncode == code, done.stderr
    assert [(s["id"], s["status"]) for s in lines(done.stdout)] == [("s1", "completed"), ("s2", "completed")]
    # Not a terminal: plain lines, one per change, then the outcome.
    assert done.stderr.splitlines() == ["s1: completed", "s2: completed", f"run run_{status}: {status}, 2 steps"]


def test_watch_that_times_out_exits_124(env: dict[str, str]) -> None:
    done = cli("watch", "t", "run_forever", "--timeout", "0.3", "--interval", "0.1", env=env)
    assert done.returncode == 124 and lines(done.stdout)[0]["status"] == "in_progress"


def test_an_api_error_exits_5_with_the_message_and_request_id_on_stderr(env: dict[str, str]) -> None:
    done = cli("get", "t", "demo", "step_missing", env=env)
    assert done.returncode == 5 and done.stdout == ""
    assert "NotFoundError" in done.stderr and "No run step found with id 'step_missing'" in done.stderr
    assert "request id req_" in done.stderr


def test_a_connection_error_exits_5(env: dict[str, str]) -> None:
    done = cli("run", "t", "demo", env={**env, "OPENAI_BASE_URL": "http://127.0.0.1:1/v1"})
    assert done.returncode == 5 and "APIConnectionError" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["list", "t"],  # a missing argument
        ["list", "t", "demo", "--limit", "500"],
        ["list", "t", "demo", "--order", "sideways"],
        ["wait", "t", "demo", "s", "--interval", "0"],
        ["get", "t", "demo", "a/b"],
        ["frobnicate"],
    ],
)
def test_a_usage_error_exits_2_before_any_request(emu: Emulator, env: dict[str, str], args: list[str]) -> None:
    before = len(emu.requests)
    done = cli(*args, env=env)
    assert done.returncode == 2 and done.stdout == "" and done.stderr
    assert len(emu.requests) == before


def test_a_missing_key_is_a_usage_error(env: dict[str, str]) -> None:
    done = cli("run", "t", "demo", env={**env, "OPENAI_API_KEY": ""})
    assert done.returncode == 2 and "OPENAI_API_KEY" in done.stderr


# ---- the key, the flags, the help ----


def test_flags_work_as_the_environment_does_and_the_key_is_never_printed(emu: Emulator) -> None:
    base = ["--base-url", emu.base_url]
    good = cli("list", "t", "demo", *base, "--api-key", KEY, env={"OPENAI_API_KEY": ""})
    wrong = cli("run", "t", "demo", *base, "--api-key", "sk-wrong-key-77", env={"OPENAI_API_KEY": ""})
    assert good.returncode == 0 and len(lines(good.stdout)) == 8
    assert wrong.returncode == 5 and "AuthenticationError" in wrong.stderr and "Incorrect API key" in wrong.stderr
    for done in (good, wrong):
        assert KEY not in done.stdout + done.stderr and "sk-wrong-key-77" not in done.stdout + done.stderr


def test_quiet_leaves_stderr_empty(env: dict[str, str]) -> None:
    done = cli("watch", "t", "run_completed", "--quiet", env=env)
    assert done.returncode == 0 and done.stderr == "" and len(lines(done.stdout)) == 2


@pytest.mark.parametrize("command", ["list", "get", "run", "wait", "watch"])
def test_every_command_documents_itself_the_environment_and_the_exit_codes(command: str) -> None:
    done = cli(command, "--help")
    assert done.returncode == 0
    for text in (
        "usage: runsteps " + command,
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "124 timed out",
        "5 API or connection",
    ):
        assert text in done.stdout


def test_the_top_level_help_lists_every_command() -> None:
    done = cli("--help")
    assert done.returncode == 0
    assert all(name in done.stdout for name in ("list", "get", "run", "wait", "watch", "emulator", "demo"))


def test_on_a_terminal_progress_is_one_live_line(env: dict[str, str], tmp_path: Path) -> None:
    # stdout to a file (a pipe's reader may print to the same terminal: then there is no live line).
    main, replica = pty.openpty()
    try:
        with open(tmp_path / "steps.jsonl", "w") as out:
            done = subprocess.run(
                [sys.executable, "-m", "runsteps", "watch", "t", "run_completed"],
                stdout=out,
                stderr=replica,
                text=True,
                env={**os.environ, **env},
                timeout=60,
            )
        os.close(replica)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal closed: everything was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
    assert done.returncode == 0 and len(lines((tmp_path / "steps.jsonl").read_text())) == 2
    text = shown.decode()
    # Rewritten in place ("\r" and erase-line), with the run's status and a tally, then the outcome.
    assert "\r\x1b[2K" in text and "run completed | 2 steps: 2 completed" in text
    assert text.rstrip().endswith("run run_completed: completed, 2 steps")
