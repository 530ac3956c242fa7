"""The command line against every server family, configured only by the environment a shell exports
(and `--server`); tokens from a command; the conventions of a command that fits in a shell."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import runsteps._cli
from runsteps._cli import main
from runsteps.emulator import (
    FLAVOURS,
    Emulator,
    FaultPlan,
    ManualClock,
    RealClock,
    RunScript,
    StepScript,
    message_creation,
)

from .cli import reaching, shell
from .cli import run as cli
from .families import raw_client

KEY = "sk-cli-family-31"


def lines(text: str) -> list[Any]:
    return [json.loads(line) for line in text.splitlines()]


def scripted(emu: Emulator) -> None:
    steps = [StepScript("s1", message_creation("m1"), 1, 2), StepScript("s2", message_creation("m2"), 2, 4)]
    emu.add_run(RunScript("r", "t", [(0, "queued"), (1, "in_progress"), (5, "completed")], steps))
    emu.add_run(
        RunScript(
            "r_failed",
            "t",
            [(0, "in_progress"), (5, "failed")],
            [StepScript("s", message_creation("m"), 1, 2, "failed")],
        )
    )


@pytest.fixture(params=FLAVOURS)
def family(request: pytest.FixtureRequest) -> Iterator[tuple[Emulator, dict[str, str]]]:
    with Emulator(flavour=request.param, clock=ManualClock(t=10), api_key=KEY) as emu:
        scripted(emu)
        yield emu, reaching(emu)


def served(emu: Emulator, path: str, **params: str) -> Any:
    with raw_client(emu) as http:
        return http.get(path, params=params).json()


def test_list_get_and_run_print_what_each_family_sends(family: tuple[Emulator, dict[str, str]]) -> None:
    emu, env = family
    listed = cli(["list", "t", "r"], env)
    got = cli(["get", "t", "r", "s2"], env)
    run = cli(["run", "t", "r"], env)
    assert (listed.returncode, got.returncode, run.returncode) == (0, 0, 0), listed.stderr + got.stderr + run.stderr
    assert lines(listed.stdout) == served(emu, "/threads/t/runs/r/steps", order="asc")["data"]
    assert lines(got.stdout) == [served(emu, "/threads/t/runs/r/steps/s2")]
    assert lines(run.stdout) == [served(emu, "/threads/t/runs/r")]
    request = emu.requests[-1]
    assert request.credential == {"openai": "bearer-key", "compat": "bearer-key", "spec": "bearer-key",
                                  "azure": "api-key", "azure-v1": "bearer-key", "azure-agents": "bearer-token"}[emu.flavour]  # fmt: skip


def test_wait_and_watch_exit_by_status_on_each_family(family: tuple[Emulator, dict[str, str]]) -> None:
    _, env = family
    assert cli(["wait", "t", "r", "s1"], env).returncode == 0
    assert cli(["wait", "t", "r_failed", "s"], env).returncode == 1
    watched = cli(["watch", "t", "r"], env)
    assert watched.returncode == 0 and [(s["id"], s["status"]) for s in lines(watched.stdout)] == [
        ("s1", "completed"),
        ("s2", "completed"),
    ]
    assert cli(["watch", "t", "r_failed"], env).returncode == 1


def test_a_token_command_is_run_once_and_again_after_a_401(tmp_path: Path) -> None:
    with Emulator(flavour="azure-agents", clock=ManualClock(t=10), token_ttl=3600) as emu:
        scripted(emu)
        tokens = tmp_path / "tokens"
        tokens.write_text("emu-token-stale\n" + emu.mint_token() + "\n")
        calls = tmp_path / "calls"
        script = tmp_path / "print-token.sh"
        # Prints the next token of the file each time it runs: a stale one first, then a good one.
        script.write_text(f'#!/bin/sh\necho x >> {calls}\nsed -n "$(wc -l < {calls})p" {tokens}\n')
        script.chmod(0o755)
        env = shell(RUNSTEPS_SERVER="azure-agents", PROJECT_ENDPOINT=emu.endpoint, RUNSTEPS_TOKEN_COMMAND=str(script))
        done = cli(["list", "t", "r"], env)
        assert done.returncode == 0, done.stderr
        assert len(lines(done.stdout)) == 2 and calls.read_text().count("x") == 2
        assert "emu-token" not in done.stdout + done.stderr  # the token is never shown
        failing = cli(["run", "t", "r", "--token-command", "echo nope >&2; exit 3"], env)
        assert failing.returncode == 5 and "--token-command failed (exit 3): nope" in failing.stderr


def test_agents_without_a_token_command_is_a_usage_error() -> None:
    done = cli(
        ["run", "t", "r", "--server", "azure-agents", "--endpoint", "http://127.0.0.1:9/api/projects/p"], shell()
    )
    assert done.returncode == 2 and "--token-command" in done.stderr


def test_headers_and_query_parameters_from_the_command_line_reach_every_request() -> None:
    with Emulator(clock=ManualClock(t=10), api_key=KEY) as emu:
        scripted(emu)
        env = shell(OPENAI_API_KEY=KEY, OPENAI_BASE_URL=emu.base_url)
        done = cli(["list", "t", "r", "--query", "probe=yes", "--header", "X-Trace: 7", "--limit", "1"], env)
        assert done.returncode == 0 and len(emu.requests) == 2
        assert all(r.query.get("probe") == ["yes"] for r in emu.requests)
        bad = cli(["list", "t", "r", "--header", "no colon"], env)
        assert bad.returncode == 2 and "--header must look like" in bad.stderr


def test_version() -> None:
    done = cli(["--version"], shell())
    assert done.returncode == 0 and done.stdout.strip() == f"runsteps {runsteps.__version__}"


def test_retries_warn_on_stderr_and_quiet_silences_them() -> None:
    with Emulator(clock=ManualClock(t=10), api_key=KEY) as emu:
        scripted(emu)
        env = shell(OPENAI_API_KEY=KEY, OPENAI_BASE_URL=emu.base_url)
        emu.faults = FaultPlan(rate=1.0, mix=["503"], seed=1)
        noisy = cli(["run", "t", "r"], env)
        emu.faults = FaultPlan(rate=1.0, mix=["503"], seed=1)
        quiet = cli(["run", "t", "r", "--quiet"], env)
        base_url = emu.base_url
    assert noisy.returncode == quiet.returncode == 5
    *retries, last = noisy.stderr.splitlines()
    assert [line.split(" in ")[0] for line in retries] == [f"runsteps: retrying GET {base_url}/threads/t/runs/r"] * 2
    assert "InternalServerError: HTTP 503" in last
    assert quiet.stderr == ""  # --quiet: nothing at all on stderr, the exit code says it


def test_the_entry_point_called_again_in_one_process_warns_once_per_retry(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Emulator(clock=ManualClock(t=10), api_key=KEY) as emu:
        scripted(emu)
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", emu.base_url)
        for _ in range(3):  # a script calling main() in a loop, its stderr the same each time
            emu.faults = FaultPlan(rate=1.0, mix=["503"], seed=1)
            assert main(["get", "t", "r", "s1"]) == 5
            retries = [line for line in capsys.readouterr().err.splitlines() if "retrying" in line]
            assert len(retries) == 2, retries


@pytest.mark.parametrize(
    ("command", "first_id"), [(["list", "t", "big"], "step_000000"), (["watch", "t", "going"], "s1")]
)
def test_a_reader_that_closes_the_pipe_early_ends_the_command_quietly_claiming_no_outcome(
    command: list[str], first_id: str
) -> None:
    with Emulator(clock=RealClock(), api_key=KEY) as emu:
        emu.add_completed_run("t", "big", 3000)
        # Still going, a new step every fifth of a second: watch has no outcome yet, and more to write.
        steps = [StepScript(f"s{i}", message_creation(f"m{i}"), 0.2 * i, None) for i in range(1, 300)]
        emu.add_run(RunScript("going", "t", [(0, "in_progress")], steps))
        env = shell(OPENAI_API_KEY=KEY, OPENAI_BASE_URL=emu.base_url)
        with subprocess.Popen(
            [sys.executable, "-m", "runsteps", *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        ) as process:
            assert process.stdout is not None and process.stderr is not None
            first = process.stdout.readline()
            process.stdout.close()  # as `| head -1` does
            code = process.wait(timeout=60)
            stderr = process.stderr.read().decode()
    assert json.loads(first)["id"] == first_id
    assert code == 141, stderr  # as a program ended by SIGPIPE: neither 0 (completed) nor any other outcome
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_the_emulators_usage_errors_are_one_line_and_exit_2() -> None:
    bad_rate = cli(["emulator", "--fault-rate", "2"], shell())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = cli(["emulator", "--port", str(taken.getsockname()[1])], shell())
    for done in (bad_rate, busy):
        assert done.returncode == 2 and done.stderr.count("\n") == 1 and done.stderr.startswith("runsteps emulator: ")
    assert "address already in use" in busy.stderr.lower() or "in use" in busy.stderr.lower()


def test_an_internal_error_is_one_line_and_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    from runsteps._cli import _commands

    def broken(*args: Any) -> int:
        raise TypeError("a bug")

    monkeypatch.setitem(_commands.COMMANDS, "run", broken)
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    assert runsteps._cli.main(["run", "t", "r"]) == 70
    assert err.getvalue() == "runsteps: internal error, please report it: TypeError: a bug\n"


def test_the_emulator_tells_a_shell_what_to_export() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "runsteps", "emulator", "--flavour", "azure", "--duration", "30"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as emulator:
        try:
            assert emulator.stdout is not None and emulator.stderr is not None
            base_url = emulator.stdout.readline().strip()
            told = next(line for line in iter(emulator.stderr.readline, "") if line.startswith("in a shell: export "))
            env = shell(**dict(pair.split("=", 1) for pair in told.removeprefix("in a shell: export ").split()))
            done = cli(["run", "thread_demo", "run_archive"], env)
        finally:
            emulator.terminate()
    assert base_url.endswith("/openai") and env["RUNSTEPS_SERVER"] == "azure"
    assert done.returncode == 0 and lines(done.stdout)[0]["id"] == "run_archive"


def test_the_emulators_command_line_rehearses_lost_answers_and_dropped_streams(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", logger="runsteps")
    command = ["emulator", "--action-faults", "lost-answer", "--stream-faults", "drop", "--speed", "20"]
    with subprocess.Popen(
        [sys.executable, "-m", "runsteps", *command, "--quiet", "--duration", "60"], stdout=subprocess.PIPE, text=True
    ) as emulator:
        try:
            assert emulator.stdout is not None
            base_url = emulator.stdout.readline().strip()
            with runsteps.Client(api_key="sk-emulator", base_url=base_url) as client:
                cancelled = client.runs.cancel("run_to_cancel", thread_id="thread_acting")  # its answer is lost
                with client.runs.stream("thread_new", assistant_id="asst_1", interval=0.05, timeout=30) as stream:
                    events = list(stream)
        finally:
            emulator.terminate()
    assert str(cancelled.status) in ("cancelling", "cancelled")  # read back, not sent again
    assert any("the answer was lost, but the run shows it landed" in r.getMessage() for r in caplog.records)
    assert any(e.polled for e in events) and stream.run is not None  # the stream dropped: followed by polling
    bad = cli(["emulator", "--stream-faults", "drop,bogus"], shell())
    assert bad.returncode == 2 and "bogus" in bad.stderr and bad.stderr.count("\n") == 1
