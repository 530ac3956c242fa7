"""`runsteps cancel`, `submit` and `approve` as a script runs them: what they send, print and exit with."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from runsteps.emulator import Emulator, FaultPlan, ManualClock, RealClock
from runsteps.emulator._scenario import Continuation, Pause, required_function_call
from runsteps.emulator.demo_script import approval_run

from .cli import reaching, run
from .terminal import on_terminal, screen
from .test_acting import THREAD, moving_run, waiting_run

KEY = "sk-cli-act-7"
TWO_OUTPUTS = ["--output", 'call_weather={"temp_c": 4}', "--output", "call_fx=8.6"]


def cli(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run(args, env, stdin=stdin)


@pytest.fixture
def emu() -> Iterator[Emulator]:
    """Twenty times real time: an answered run settles within a tenth of a second. Yielded at t=1,
    when a `waiting_run` added now is already asking."""
    with Emulator(clock=RealClock(speed=20), api_key=KEY) as server:
        time.sleep(1 / 20)
        yield server


def posted(emu: Emulator) -> list[Any]:
    return [r.body for r in emu.requests if r.method == "POST"]


def test_submit_sends_every_output_in_one_request_and_prints_the_run(emu: Emulator) -> None:
    emu.add_run(waiting_run("run_w"))
    done = cli(["submit", THREAD, "run_w", *TWO_OUTPUTS], reaching(emu))
    assert done.returncode == 0, done.stderr
    (run,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert run["id"] == "run_w" and run["status"] == "queued"
    assert posted(emu) == [
        {
            "tool_outputs": [
                {"tool_call_id": "call_weather", "output": '{"temp_c": 4}'},
                {"tool_call_id": "call_fx", "output": "8.6"},
            ]
        }
    ]
    assert "run run_w: queued (2 outputs submitted)" in done.stderr


def test_submit_behind_a_proxy_that_answers_503_after_the_origin_applied_it_exits_0_applied_once(emu: Emulator) -> None:
    emu.add_run(waiting_run("run_w"))
    emu.faults = FaultPlan(actions=["proxy-503"])
    done = cli(["submit", THREAD, "run_w", *TWO_OUTPUTS], reaching(emu))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] != "requires_action"  # the run read again: it has moved on
    assert [r.method for r in emu.requests] == ["POST", "GET"] and len(posted(emu)) == 1


def test_submit_reads_the_outputs_as_json_from_stdin_and_waits_for_the_run(emu: Emulator) -> None:
    emu.add_run(waiting_run("run_w"))
    outputs = [{"tool_call_id": "call_weather", "output": "4"}, {"tool_call_id": "call_fx", "output": "8.6"}]
    done = cli(
        ["submit", THREAD, "run_w", "--outputs", "-", "--wait", "--interval", "0.05"],
        reaching(emu),
        json.dumps(outputs),
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] == "completed" and posted(emu) == [{"tool_outputs": outputs}]


def test_submit_wait_exits_6_when_the_run_stops_at_requires_action_again(emu: Emulator) -> None:
    run = waiting_run("run_w")
    assert run.pause is not None
    again = [("call_more", "get_weather", '{"city": "Bergen"}')]
    run.pause.then.pause = Pause(
        0.5 / 20, "run_w_answer", [required_function_call(*c) for c in again], Continuation([])
    )
    emu.add_run(run)
    done = cli(["submit", THREAD, "run_w", *TWO_OUTPUTS, "--wait", "--interval", "0.05"], reaching(emu))
    assert done.returncode == 6, done.stderr
    assert json.loads(done.stdout)["required_action"]["submit_tool_outputs"]["tool_calls"][0]["id"] == "call_more"


def test_outputs_from_a_file(emu: Emulator, tmp_path: Path) -> None:
    emu.add_run(waiting_run("run_w"))
    outputs = [{"tool_call_id": "call_weather", "output": "4"}, {"tool_call_id": "call_fx", "output": "8.6"}]
    (tmp_path / "outputs.json").write_text(json.dumps(outputs))
    done = cli(["submit", THREAD, "run_w", "--outputs", str(tmp_path / "outputs.json")], reaching(emu))
    assert done.returncode == 0 and posted(emu) == [{"tool_outputs": outputs}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give the outputs: --output CALL_ID=TEXT"),
        (["--output", "call_weather"], "--output takes CALL_ID=TEXT, got 'call_weather'"),
        (["--outputs", "/nonexistent/outputs.json"], "--outputs /nonexistent/outputs.json: cannot read it"),
        (["--output", "a=1", "--outputs", "-"], "not both"),
        (["--output", "a=1", "--output", "a=2"], "names call 'a' twice"),
    ],
)
def test_bad_outputs_are_a_usage_error_before_anything_is_sent(emu: Emulator, args: list[str], message: str) -> None:
    emu.add_run(waiting_run("run_w"))
    done = cli(["submit", THREAD, "run_w", *args], reaching(emu))
    assert done.returncode == 2 and message in done.stderr and done.stdout == ""
    assert emu.request_count == 0


def test_a_refused_submission_exits_5_with_the_servers_words(emu: Emulator) -> None:
    emu.add_run(waiting_run("run_w"))
    assert cli(["submit", THREAD, "run_w", *TWO_OUTPUTS], reaching(emu)).returncode == 0
    done = cli(["submit", THREAD, "run_w", *TWO_OUTPUTS], reaching(emu))
    assert done.returncode == 5 and "do not accept tool outputs" in done.stderr and "--resume" not in done.stderr


def test_cancel_exits_0_and_with_wait_3_once_the_run_is_cancelled(emu: Emulator) -> None:
    emu.add_run(moving_run("run_a"))
    emu.add_run(moving_run("run_b"))
    done = cli(["cancel", THREAD, "run_a"], reaching(emu))
    assert done.returncode == 0 and json.loads(done.stdout)["status"] == "cancelling"
    done = cli(["cancel", THREAD, "run_b", "--wait", "--interval", "0.05"], reaching(emu))
    assert done.returncode == 3 and json.loads(done.stdout)["status"] == "cancelled"
    assert "run run_b: cancelling (cancel sent)" in done.stderr and "run run_b: cancelled" in done.stderr
    done = cli(["cancel", THREAD, "run_b"], reaching(emu))
    assert done.returncode == 5 and "Cannot cancel run with status 'cancelled'" in done.stderr


def test_approve_and_deny_mcp_calls_on_azure_ai_agents() -> None:
    with Emulator(flavour="azure-agents", clock=RealClock(speed=20)) as emu:
        emu.add_run(approval_run(THREAD, "run_yes"))
        emu.add_run(approval_run(THREAD, "run_no"))
        env = reaching(emu)
        done = cli(["approve", THREAD, "run_yes", "call_mcp_search", "--wait", "--interval", "0.05"], env)
        assert done.returncode == 0 and json.loads(done.stdout)["status"] == "completed", done.stderr
        done = cli(["approve", THREAD, "run_no", "--deny", "call_mcp_search"], env)
        assert done.returncode == 0 and "0 approved, 1 denied" in done.stderr
        approvals = [body["tool_approvals"] for body in posted(emu)]
        assert approvals == [
            [{"tool_call_id": "call_mcp_search", "approve": True}],
            [{"tool_call_id": "call_mcp_search", "approve": False}],
        ]
        for args, message in [
            ([], "name the calls to approve"),
            (["c1", "--deny", "c1"], "both approved and denied: c1"),
        ]:
            done = cli(["approve", THREAD, "run_no", *args], env)
            assert done.returncode == 2 and message in done.stderr


def test_on_a_terminal_a_waiting_run_shows_the_calls_it_waits_for() -> None:
    with Emulator(clock=ManualClock(t=2), api_key=KEY) as emu:
        emu.add_run(waiting_run("run_w"))
        emu.add_run(moving_run("run_m"))
        env = reaching(emu)
        code, raw = on_terminal([sys.executable, "-m", "runsteps", "run", THREAD, "run_w"], 80, env)
        shown = [line for line in screen(raw) if line]
        assert code == 0
        assert "waiting  for tool outputs (requires_action)" in shown
        assert 'call     call_weather  get_weather({"city": "Oslo"})' in shown
        code, raw = on_terminal([sys.executable, "-m", "runsteps", "cancel", THREAD, "run_m"], 80, env)
        shown = [line for line in screen(raw) if line]
        assert code == 0 and "status   cancelling" in shown and not any(line.startswith("{") for line in shown)


def test_approve_on_a_run_that_asks_for_outputs_names_submit_and_the_calls(emu: Emulator) -> None:
    emu.add_run(waiting_run("run_w"))
    wait_for_calls = cli(["watch", THREAD, "run_w"], reaching(emu))
    assert wait_for_calls.returncode == 6
    # watch ends at requires_action naming the calls and the command that answers them
    assert "run run_w waits for 2 tool outputs: call_weather  get_weather" in wait_for_calls.stderr
    assert f"answer with: runsteps submit {THREAD} run_w --output call_weather=TEXT --output call_fx=TEXT" in (
        wait_for_calls.stderr
    )
    done = cli(["approve", THREAD, "run_w", "call_weather"], reaching(emu))
    assert done.returncode == 2
    assert "this run asks for tool outputs, not approvals: run run_w waits for 2 tool outputs" in done.stderr
    assert "Missing required parameter" not in done.stderr


def test_submit_on_a_run_that_asks_for_approvals_names_approve() -> None:
    with Emulator(flavour="azure-agents", clock=ManualClock(t=5)) as agents:
        agents.add_run(approval_run(THREAD, "run_a"))
        done = cli(["submit", THREAD, "run_a", "--output", "call_mcp_search=yes"], reaching(agents))
    assert done.returncode == 2
    assert "this run asks for tool approvals, not outputs: run run_a waits for 1 approval" in done.stderr
    assert f"answer with: runsteps approve {THREAD} run_a call_mcp_search (or --deny call_mcp_search)" in done.stderr


def test_outputs_from_json_that_are_objects_or_numbers_are_submitted_as_json_text(
    emu: Emulator, tmp_path: Path
) -> None:
    emu.add_run(waiting_run("run_w"))
    outputs = [{"tool_call_id": "call_weather", "output": {"temp_c": 4}}, {"tool_call_id": "call_fx", "output": 8.6}]
    done = cli(["submit", THREAD, "run_w", "--outputs", "-"], reaching(emu), stdin=json.dumps(outputs))
    assert done.returncode == 0, done.stderr
    assert posted(emu) == [
        {
            "tool_outputs": [
                {"tool_call_id": "call_weather", "output": '{"temp_c": 4}'},
                {"tool_call_id": "call_fx", "output": "8.6"},
            ]
        }
    ]
