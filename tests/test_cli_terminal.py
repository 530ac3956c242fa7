"""The command line on a terminal: tables and summaries for a person, a live line that never mixes with
them, nothing a server sent that could move the terminal, readable at 80 and at 40 columns."""

from __future__ import annotations

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
import termios
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from runsteps._cli._terminal import Terminal
from runsteps.emulator import Emulator, ManualClock, RunScript, StepScript, message_creation
from runsteps.emulator.demo_script import add_demo_runs, demo_run

from .terminal import on_terminal, screen

ROOT = Path(__file__).resolve().parent.parent
RUNSTEPS = [sys.executable, "-m", "runsteps"]
HOSTILE_ID = "step_\x1b]0;pwned\x07\x1b[2J"  # a title change and a clear-screen, as a step id


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(clock=ManualClock(t=100.0)) as server:
        server.add_run(demo_run("t", "demo"))
        steps = [StepScript(HOSTILE_ID, message_creation("m"), 1, 2), StepScript("s2", message_creation("m"), 2, 3)]
        server.add_run(RunScript("hostile", "t", [(0, "in_progress"), (5, "completed")], steps))
        yield server


def environment(emu: Emulator) -> dict[str, str]:
    return {"PATH": os.environ["PATH"], "OPENAI_API_KEY": emu.api_key, "OPENAI_BASE_URL": emu.base_url}


def no_json(lines: list[str]) -> bool:
    return not any(line.lstrip().startswith("{") for line in lines)


@pytest.mark.parametrize("columns", [80, 40])
def test_list_on_a_terminal_is_a_table_that_fits(emu: Emulator, columns: int) -> None:
    code, raw = on_terminal([*RUNSTEPS, "list", "t", "demo"], columns, environment(emu))
    shown = screen(raw)
    assert code == 0 and no_json(shown)
    table = [line for line in shown if line.startswith(("step ", "step_"))]
    assert len(table) == 9 and table[0].split()[:1] == ["step"]  # the header, then the 8 steps
    assert all(len(line) <= columns for line in shown)
    assert all("completed" in line or "failed" in line for line in table[1:])


@pytest.mark.parametrize("columns", [80, 40])
def test_watch_on_a_terminal_keeps_its_live_line_out_of_the_rows(emu: Emulator, columns: int) -> None:
    code, raw = on_terminal([*RUNSTEPS, "watch", "t", "demo"], columns, environment(emu))
    shown = screen(raw)
    assert code == 0 and no_json(shown)
    rows = [line for line in shown if "step_0" in line]
    assert len(rows) == 8 and all("|" not in row for row in rows)  # no tally inside a row
    assert shown[-1] == "run demo: completed, 8 steps"
    assert all(len(line) <= columns for line in shown[:-1])


def test_server_text_reaches_the_terminal_escaped(emu: Emulator) -> None:
    for command in (["list", "t", "hostile"], ["watch", "t", "hostile"]):
        _, raw = on_terminal([*RUNSTEPS, *command], 80, environment(emu))
        stripped = raw.replace("\r\x1b[2K", "")
        assert "\x1b" not in stripped and "\x07" not in stripped
        assert "\\x1b]0;pwned\\x07" in stripped  # shown, escaped


def test_json_on_a_terminal_with_the_flag_and_control_characters_escaped_in_it(emu: Emulator) -> None:
    code, raw = on_terminal([*RUNSTEPS, "list", "t", "hostile", "--json", "--quiet"], 80, environment(emu))
    records = [json.loads(line) for line in screen(raw) if line]
    assert code == 0 and [r["id"] for r in records] == [HOSTILE_ID, "s2"]
    assert "\x1b" not in raw


@pytest.fixture(scope="module")
def demos() -> dict[int | None, tuple[int, str, str]]:
    """`make demo` on terminals 80 and 40 columns wide and piped, the three at once: each plays its
    scripted run in real time (about ten seconds) and mostly waits."""
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    make_demo = ["make", "-s", "-C", str(ROOT), "demo"]

    def play(columns: int | None) -> tuple[int, str, str]:
        if columns is not None:
            return (*on_terminal(make_demo, columns, env, timeout=120), "")
        done = subprocess.run(make_demo, capture_output=True, text=True, env=env, timeout=120)
        return done.returncode, done.stdout, done.stderr

    with ThreadPoolExecutor(3) as pool:
        return dict(zip([80, 40, None], pool.map(play, [80, 40, None]), strict=True))


@pytest.mark.once
@pytest.mark.parametrize("columns", [80, 40])
def test_make_demo_on_a_terminal_shows_rows_and_a_summary_that_fit(
    demos: dict[int | None, tuple[int, str, str]], columns: int
) -> None:
    code, raw, _ = demos[columns]
    shown = [line for line in screen(raw) if line]
    assert code == 0, raw[-2000:]
    assert no_json(shown)
    # The summary says what `timeline` says of the run, in its words and figures (wrapped to the width).
    start = next(i for i, line in enumerate(shown) if line.startswith("run run_demo: completed"))
    ended = next(i for i, line in enumerate(shown) if re.fullmatch(r"\d+ requests in \d+\.\ds", line))
    said = [word.rstrip(",") for line in shown[start:ended] for word in line.split()]
    expected = "run run_demo: completed, 8 steps, 10.0s, 3,962 tokens (3,412 in, 550 out), 1 failed"
    assert said == [word.rstrip(",") for word in expected.split()]
    # Every line the demo writes fits the terminal: none wraps, none is cut.
    assert all(len(line) <= columns and not line.endswith("…") for line in shown), [
        line for line in shown if len(line) >= columns
    ]
    summary = shown[
        shown.index(
            next(line for line in shown if line.split()[:2] == ["step", "kind"] or line.split() == ["step", "status"])
        ) : start
    ]
    assert len([line for line in summary if line.startswith("step_0")]) == 8
    assert all(len(line) <= columns for line in summary)
    # Then the run that waits for tool outputs, answered by runs.process with the demo's local functions.
    assert shown[ended + 1 :] == [
        "run_tools asks for tool outputs:",
        "  get_weather('Oslo') -> 4 C",
        "  convert_currency(100 NOK->EUR) -> 8.6",
        "run run_tools: completed",
    ]


@pytest.mark.once
def test_make_demo_piped_writes_the_steps_as_json_lines(demos: dict[int | None, tuple[int, str, str]]) -> None:
    code, stdout, stderr = demos[None]
    records = [json.loads(line) for line in stdout.splitlines()]
    assert code == 0 and len(records) == 16 and {r["object"] for r in records} == {"thread.run.step"}
    assert "run run_demo: completed, 8 steps" in stderr and "run run_tools: completed" in stderr


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


def test_with_stdout_piped_the_live_line_stays_off_the_terminal_the_pipes_reader_prints_to(
    emu: Emulator, tmp_path: Path
) -> None:
    argv = [*RUNSTEPS, "list", "t", "demo"]
    piped = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    shown = on_terminal(argv, 80, environment(emu), stdout=piped.stdin)[1]
    assert piped.stdin is not None
    piped.stdin.close()
    rows = piped.stdout.read().decode().splitlines() if piped.stdout is not None else []
    piped.wait(timeout=30)
    assert "\x1b[2K" not in shown and shown.strip() == "8 steps of run demo"
    assert len([json.loads(row) for row in rows]) == 8
    # Written to a file, nothing prints beside it: the live line is there as before.
    with open(tmp_path / "steps.jsonl", "wb") as file:
        assert "\x1b[2K" in on_terminal(argv, 80, environment(emu), stdout=file)[1]
