"""What a newcomer meets first: options anywhere, no retired default host, errors in the words of
the interface they used, a base URL that is wrong said to be wrong, help that fits a terminal."""

from __future__ import annotations

import asyncio
import fcntl
import io
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import tarfile
import termios
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

import runsteps
from runsteps._cli._describe import describe_call
from runsteps._cli._terminal import Terminal
from runsteps.emulator import Emulator, ManualClock
from runsteps.emulator.demo_script import add_demo_runs

from .cli import run, shell
from .terminal import on_terminal, screen

COMMANDS = ["list", "get", "run", "runs", "wait", "watch", "export", "cancel", "submit", "approve"]


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


@pytest.mark.parametrize(
    ("flavour", "where", "hinted"),
    [
        ("openai", lambda emu: emu.origin, True),  # /v1 left out
        ("compat", lambda emu: emu.origin + "/api", True),
        ("azure-agents", lambda emu: emu.origin, True),  # /api/projects/NAME left out
        ("openai", lambda emu: emu.base_url, False),  # the right base: the step does not exist
    ],
)
def test_a_404_from_a_base_url_of_no_familys_shape_says_so(flavour: str, where: Any, hinted: bool) -> None:
    with Emulator(flavour=flavour, clock=ManualClock(t=1000)) as emu:  # type: ignore[arg-type]
        add_demo_runs(emu)
        if flavour == "azure-agents":
            client = runsteps.Client.for_azure_agents(where(emu), token_provider=emu.token_provider)
        else:
            client = runsteps.Client(api_key=emu.api_key, base_url=where(emu))
        with client, pytest.raises(runsteps.NotFoundError) as raised:
            client.steps.retrieve("step_nope", thread_id="thread_demo", run_id="run_demo")
    message = str(raised.value)
    assert ("OpenAI-style servers serve under /v1" in message) is hinted, message
    if hinted:
        assert "Azure AI Agents under /api/projects/NAME" in message


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
    assert "  input  import pandas as pd\\nprint(df.describe())" in code and "  image  file_chart" in code
    assert any(line.startswith("  logs   count 42") for line in code)
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
    assert "exported 1 run, 1 step (" in done.stderr
    listed = cli("list", "thread_demo", "run_tools", **env)
    assert "1 step of run run_tools" in listed.stderr


def test_an_export_names_the_runs_that_had_not_settled_and_wait_exports_them_whole(tmp_path: Path) -> None:
    clock = ManualClock(t=3)
    with Emulator(clock=clock) as live:
        add_demo_runs(live)
        env = {"OPENAI_BASE_URL": live.base_url, "OPENAI_API_KEY": live.api_key}
        early = cli("export", "thread_demo", "run_demo", "-o", str(tmp_path / "early.jsonl"), **env)
        assert early.returncode == 0
        assert (
            "1 run had not settled and is exported as it was: run_demo (in_progress); export with --wait"
            in early.stderr
        )
        later = threading.Timer(1.0, clock.set, (20,))  # the run ends while the export waits for it
        later.start()
        whole = cli("export", "thread_demo", "run_demo", "--wait", "-o", str(tmp_path / "whole.jsonl"), **env)
        later.join()
    lines = [json.loads(line) for line in (tmp_path / "whole.jsonl").read_text().splitlines()]
    assert whole.returncode == 0 and "had not settled" not in whole.stderr
    assert lines[0]["status"] == "completed" and len(lines) == 9
    assert all(line["status"] in ("completed", "failed") for line in lines[1:])


def test_ctrl_c_in_watch_on_a_terminal_ends_the_live_line_before_the_prompt() -> None:
    with Emulator(clock=ManualClock(t=3)) as paused:
        add_demo_runs(paused)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 80, 0, 0))
        env = {
            "PATH": os.environ["PATH"],
            "HOME": "/tmp",
            "TERM": "xterm",
            "OPENAI_BASE_URL": paused.base_url,
            "OPENAI_API_KEY": paused.api_key,
        }
        # An ignored SIGINT stays ignored across exec, a handled one starts at its default: so that the
        # child hears Ctrl-C as from a terminal even when this suite is a script's background job.
        previous = signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            child = subprocess.Popen(
                [sys.executable, "-m", "runsteps", "watch", "thread_demo", "run_demo"],
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
            )
        finally:
            signal.signal(signal.SIGINT, previous)
        os.close(slave)
        out = b""
        deadline = time.monotonic() + 30
        while b"steps:" not in out and time.monotonic() < deadline:  # the live line is up
            if select.select([master], [], [], 0.5)[0]:
                out += os.read(master, 65536)
        child.send_signal(signal.SIGINT)
        code = child.wait(timeout=30)
        while select.select([master], [], [], 0.5)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.close(master)
    text = out.decode()
    assert code == 130
    assert text.endswith("\r\n") and "steps:" in text.rsplit("\x1b[2K", 1)[-1]  # the last live line stays, ended


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_ctrl_c_while_a_row_is_written_still_leaves_the_live_line_whole_and_ended() -> None:
    err = _Tty()
    terminal = Terminal(json_lines=False, quiet=False, stdout=_Tty(), stderr=err)
    terminal.status("2 steps: 1 in_progress")
    terminal._hide_live()  # a row is being written to stdout: the live line is off the screen for now
    terminal.interrupted()
    assert err.getvalue().endswith("\r\x1b[2K2 steps: 1 in_progress\n")


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


def test_the_published_metadata_pins_nothing_and_the_sdist_has_what_its_makefile_names(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(tmp_path)],
        cwd=root,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(archive.read(n).decode() for n in archive.namelist() if n.endswith("/METADATA"))
    head = metadata.split("\n\n", 1)[0].splitlines()
    assert sorted(line for line in head if line.startswith("Requires-Dist:")) == [
        "Requires-Dist: attrs>=23.1",
        "Requires-Dist: h11<1,>=0.14",
        "Requires-Dist: httpx<1,>=0.27",
        "Requires-Dist: opentelemetry-api>=1.30; extra == 'otel'",
        "Requires-Dist: opentelemetry-exporter-otlp-proto-http>=1.30; extra == 'otel'",
        "Requires-Dist: opentelemetry-sdk>=1.30; extra == 'otel'",
        "Requires-Dist: trustme>=1.1; extra == 'tls'",
    ]
    # Two optional features (the emulator's HTTPS, traces); development tools live in dependency groups.
    assert sorted(line for line in head if line.startswith("Provides-Extra:")) == [
        "Provides-Extra: otel",
        "Provides-Extra: tls",
    ]
    assert not [line for line in head if line.startswith("Requires-Dist:") and "==" in line.split(";")[0]]  # no pins
    assert "License-Expression: MIT" in head and not [line for line in head if line.startswith("Classifier: License")]
    (sdist,) = tmp_path.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    makefile = (root / "Makefile").read_text()
    for folder in ("bench", "scripts", "templates", "tests", "examples", "client/runsteps"):
        assert folder.split("/")[0] in makefile  # a target of the sdist's Makefile reads it
        assert any(name.startswith(folder + "/") for name in names), folder


def test_flags_are_named_as_flags_and_json_is_offered_only_where_it_changes_something(emu: Emulator) -> None:
    env = {"OPENAI_BASE_URL": emu.base_url, "OPENAI_API_KEY": emu.api_key}
    done = cli("wait", "thread_demo", "run_demo", "step_01_plan", "--interval", "0", **env)
    assert done.returncode == 2 and "--interval must be a positive number of seconds, got 0" in done.stderr
    offered = re.compile(r"^\s+--json\s", re.MULTILINE)  # an option line, not the footer's prose
    assert not offered.search(cli("export", "--help").stdout) and offered.search(cli("list", "--help").stdout)
    assert cli("export", "thread_demo", "--json", **env).returncode == 2
