"""Using the command line: options anywhere, no retired default host, errors in the words of the
interface, help that fits a terminal, suggestions for a misspelt command, flags named as flags, and
what `get`, `runs` and counts print for a person."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import runsteps
from runsteps._cli._describe import describe_call
from runsteps.emulator import Emulator, ManualClock
from runsteps.emulator.demo_script import add_demo_runs

from .cli import run, shell
from .terminal import on_terminal, screen

COMMANDS = [
    "list", "get", "run", "runs", "wait", "watch", "export", "cancel", "submit", "approve", "messages", "threads",
    "migrate",
]  # fmt: skip


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run(args, shell(**env))


@pytest.fixture(scope="module")
def emu() -> Any:
    with Emulator(clock=ManualClock(t=1000)) as server:
        add_demo_runs(server)
        yield server


def test_common_options_work_before_the_command_as_after_it(emu: Emulator) -> None:
    before = cli("--base-url", emu.base_url, "--api-key", emu.api_key, "--quiet", "run", "thread_demo", "run_demo")
    after = cli("run", "thread_demo", "run_demo", "--base-url", emu.base_url, "--api-key", emu.api_key, "--quiet")
    assert before.returncode == after.returncode == 0 and before.stdout == after.stdout != ""
    # Given on both sides, the one after the command wins (it is nearer to what it modifies).
    both = cli(
        "--timeout",
        "-1",
        "run",
        "thread_demo",
        "run_demo",
        "--timeout",
        "5",
        OPENAI_BASE_URL=emu.base_url,
        OPENAI_API_KEY=emu.api_key,
    )
    assert both.returncode == 0, both.stderr
    wrong = cli("--server", "azure", "list", "t", "r")
    assert wrong.returncode == 2 and "invalid choice" not in wrong.stderr
    assert "no endpoint: give --endpoint or set AZURE_OPENAI_ENDPOINT" in wrong.stderr


def test_without_a_base_url_nothing_is_sent_and_the_error_names_where_to_give_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(ValueError, match="OPENAI_BASE_URL") as raised:
        runsteps.Client(api_key="sk-x")
    assert "api.openai.com no longer serves this API" in str(raised.value) and "base_url" in str(raised.value)
    done = cli("list", "t", "r", OPENAI_API_KEY="sk-x")
    assert done.returncode == 2 and done.stdout == ""
    assert "no base URL: give --base-url or set OPENAI_BASE_URL; or choose a server family with --server" in done.stderr


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        ([], {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}, "no API key: give --api-key or set OPENAI_API_KEY"),
        (
            ["--server", "azure", "--endpoint", "https://r.openai.azure.com"],
            {},
            "no api-version: give --api-version or set OPENAI_API_VERSION",
        ),
        (
            ["--server", "azure", "--endpoint", "https://r.openai.azure.com", "--api-version", "v"],
            {},
            "no key or token: give --api-key or set AZURE_OPENAI_API_KEY or AZURE_OPENAI_AD_TOKEN, or a token with --token-command",
        ),
    ],
)
def test_the_command_line_says_what_is_missing_in_its_own_words(
    args: list[str], env: dict[str, str], message: str
) -> None:
    done = cli("list", "t", "r", *args, **env)
    assert done.returncode == 2 and message in done.stderr
    assert "=..." not in done.stderr and "api_key" not in done.stderr  # no Python argument names


@pytest.mark.parametrize("command", ["", *COMMANDS, "emulator", "demo"])
def test_help_fits_80_columns_without_breaking_words(command: str) -> None:
    done = cli(*([command] if command else []), "--help", COLUMNS="80")
    assert done.returncode == 0
    assert [line for line in done.stdout.splitlines() if len(line) > 80] == []


@pytest.mark.parametrize(("typo", "meant"), [("lst", "list"), ("wach", "watch"), ("cancle", "cancel"), ("rns", "runs")])
def test_a_misspelt_command_gets_a_suggestion(typo: str, meant: str) -> None:
    done = cli(typo, "t", "r")
    assert done.returncode == 2 and f"invalid choice: '{typo}' (did you mean '{meant}'?)" in done.stderr


def on_a_terminal(emu: Emulator, *args: str) -> list[str]:
    env = {"PATH": os.environ["PATH"], "HOME": "/tmp", "OPENAI_BASE_URL": emu.base_url, "OPENAI_API_KEY": emu.api_key}
    code, raw = on_terminal([sys.executable, "-m", "runsteps", *args], 80, env)
    assert code == 0, raw
    return [line for line in screen(raw) if line]


def test_get_on_a_terminal_shows_what_the_step_did(emu: Emulator) -> None:
    weather = on_a_terminal(emu, "get", "thread_demo", "run_demo", "step_04_weather")
    assert '  get_weather({"city": "Oslo"})' in weather and '  output {"temp_c": 4}' in weather
    code = on_a_terminal(emu, "get", "thread_demo", "run_demo", "step_02_code")
    # Code and logs as they read, a line each under their label.
    at = code.index("  input  import pandas as pd")
    assert code[at + 1] == "         print(df.describe())" and "  image  file_chart" in code
    logs = code.index("  logs   count 42")
    assert code[logs + 1] == "         mean 3.1"
    search = on_a_terminal(emu, "get", "thread_demo", "run_demo", "step_03_search")
    assert "  result q3-report.pdf (score 0.91)" in search
    assert "message  msg_plan" in on_a_terminal(emu, "get", "thread_demo", "run_demo", "step_01_plan")
    assert all(len(line) <= 80 for line in weather + code + search)


def test_get_on_a_terminal_shows_what_each_azure_tool_was_asked_and_answered() -> None:
    with Emulator(flavour="azure-agents", clock=ManualClock(t=1000)) as agents:
        add_demo_runs(agents)
        env = {
            "PATH": os.environ["PATH"],
            "HOME": "/tmp",
            **agents.environment(f"{sys.executable} -m runsteps.emulator.token {agents.origin}"),
        }
        code, raw = on_terminal(
            [sys.executable, "-m", "runsteps", "get", "thread_demo", "run_azure_tools", "step_az_05_agents"], 80, env
        )
    shown = [line.rstrip() for line in screen(raw) if line]
    assert code == 0 and "call     call_agent connected_agent" in shown
    at = shown.index("call     call_agent connected_agent")
    assert shown[at + 1] == '  analyst({"question": "growth?"})'
    assert shown[at + 2].startswith('  {"run_id": "run_sub", "thread_id": "thread_sub"')
    assert shown[at + 3 : at + 7] == [
        "  output Revenue grew 12%.",
        "call     call_research deep_research",
        "  input  market size",
        "  output About 4 billion, 3 sources.",
    ]


def test_a_tool_call_of_a_type_nobody_knows_shows_its_body_as_json() -> None:
    call = runsteps.UnknownToolCall.from_dict({"id": "c", "type": "x_lookup", "x_lookup": {"url": "u", "hits": 2}})
    assert describe_call(call) == ["call     c x_lookup", '  {"url": "u", "hits": 2}']
    mcp = runsteps.MCPToolCall.from_dict(
        {"id": "m", "type": "mcp", "server_label": "docs", "name": "search", "output": None}
    )
    assert describe_call(mcp) == ["call     m mcp", "  docs/search()", "  output (none yet)"]


def test_runs_lists_a_threads_runs_as_sent_and_as_a_table(emu: Emulator) -> None:
    piped = cli("runs", "thread_demo", OPENAI_BASE_URL=emu.base_url, OPENAI_API_KEY=emu.api_key)
    ids = [json.loads(line)["id"] for line in piped.stdout.splitlines()]
    assert piped.returncode == 0 and ids == ["run_archive", "run_demo", "run_tools"]
    assert "3 runs of thread thread_demo" in piped.stderr
    table = on_a_terminal(emu, "runs", "thread_demo")
    assert table[0].split() == ["run", "status", "created", "model", "tokens"]
    assert [line.split()[:2] for line in table[1:4]] == [
        ["run_archive", "completed"],
        ["run_demo", "completed"],
        ["run_tools", "requires_action"],
    ]


def test_counts_read_as_words_do(emu: Emulator, tmp_path: Path) -> None:
    env = {"OPENAI_BASE_URL": emu.base_url, "OPENAI_API_KEY": emu.api_key}
    done = cli("export", "thread_demo", "run_tools", "-o", str(tmp_path / "one.jsonl"), **env)
    assert "exported 1 run, 1 step, 255 messages (" in done.stderr  # the thread's messages, every one
    listed = cli("list", "thread_demo", "run_tools", **env)
    assert "1 step of run run_tools" in listed.stderr


def test_flags_are_named_as_flags_and_json_is_offered_only_where_it_changes_something(emu: Emulator) -> None:
    env = {"OPENAI_BASE_URL": emu.base_url, "OPENAI_API_KEY": emu.api_key}
    done = cli("wait", "thread_demo", "run_demo", "step_01_plan", "--interval", "0", **env)
    assert done.returncode == 2 and "--interval must be a positive number of seconds, got 0" in done.stderr
    offered = re.compile(r"^\s+--json\s", re.MULTILINE)  # an option line, not the footer's prose
    assert not offered.search(cli("export", "--help").stdout) and offered.search(cli("list", "--help").stdout)
    assert cli("export", "thread_demo", "--json", **env).returncode == 2
