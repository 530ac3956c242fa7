"""Seeing a run: the timeline on a terminal, in a pipe and as a page (opened in headless Chromium)."""

from __future__ import annotations

import html
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from runsteps._cli._page import axis
from runsteps.emulator import Emulator, ManualClock
from runsteps.emulator.demo_script import add_demo_runs, demo_run

from .cli import reaching, run
from .clock import moving_on_each_look
from .terminal import on_terminal, screen

COMPLETED_RGB, FAILED_RGB = (0x2F, 0x7D, 0x32), (0xC6, 0x28, 0x28)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def emu() -> object:
    with Emulator(clock=ManualClock(t=12)) as emulator:
        add_demo_runs(emulator)
        emulator.add_completed_run("thread_big", "run_500", 500)
        emulator.add_completed_run("thread_big", "run_250", 250)
        yield emulator


def test_piped_the_timeline_is_a_json_object_per_step_with_its_times_tokens_status_and_error(emu: Emulator) -> None:
    emu.clock.set(12)  # type: ignore[attr-defined]
    out = run(["timeline", "thread_demo", "run_demo"], reaching(emu))
    assert out.returncode == 0, out.stderr
    rows = {row["id"]: row for row in map(json.loads, out.stdout.splitlines())}
    assert len(rows) == 8 and list(rows) == [f"step_0{i}_{n}" for i, n in enumerate(STEP_NAMES, 1)]
    code = rows["step_02_code"]
    assert {k: code[k] for k in ("kind", "tools", "status", "open", "start_s", "duration_s")} == {
        "kind": "code_interpreter",  # as `list` names it
        "tools": ["code_interpreter"],
        "status": "completed",
        "open": False,
        "start_s": 1.0,
        "duration_s": 2.0,
    }
    assert code["tokens"] == {"prompt": 530, "completion": 120, "total": 650} and code["error"] is None
    assert code["ended_at"] - code["started_at"] == 2.0
    assert rows["step_06_retry"]["status"] == "failed"
    assert rows["step_06_retry"]["error"] == {"code": "server_error", "message": "The tool failed."}
    assert rows["step_01_plan"]["kind"] == "message" and rows["step_01_plan"]["tools"] == []
    assert out.stderr.strip() == "run run_demo: completed, 8 steps, 10.0s, 3,962 tokens (3,412 in, 550 out), 1 failed"


def test_a_run_still_going_has_open_steps_ending_at_the_servers_now(emu: Emulator) -> None:
    emu.clock.set(5.5)  # type: ignore[attr-defined]
    try:
        out = run(["timeline", "thread_demo", "run_demo", "--json"], reaching(emu))
    finally:
        emu.clock.set(12)  # type: ignore[attr-defined]
    rows = {row["id"]: row for row in map(json.loads, out.stdout.splitlines())}
    # Created at the script's 5 s, open; "now" is the emulator's Date header (5 s, whole seconds).
    weather = rows["step_04_weather"]
    assert (weather["status"], weather["open"], weather["start_s"], weather["duration_s"]) == (
        "in_progress",
        True,
        5.0,
        0.0,
    )
    assert weather["ended_at"] is None and weather["tokens"]["total"] == 0
    assert out.stderr.startswith("run run_demo: in_progress, 4 steps, 5.0s")


STEP_NAMES = ["plan", "code", "search", "weather", "fx", "retry", "code", "answer"]


@pytest.mark.parametrize("columns", [80, 40])
def test_on_a_terminal_each_step_is_a_bar_on_the_runs_time_axis_within_the_width(emu: Emulator, columns: int) -> None:
    code, raw = on_terminal(
        [sys.executable, "-m", "runsteps", "timeline", "thread_demo", "run_demo"], columns, reaching(emu)
    )
    shown = [line for line in screen(raw) if line.strip()]
    assert code == 0 and all(len(line) <= columns for line in shown), shown
    assert shown[0].startswith("run run_demo: completed, 8 steps")
    bars = {line[2:].split()[0]: line for line in shown[1:-1] if "│" in line}
    assert len(bars) == 8
    assert bars["step_06_retry"].startswith("✗ ")  # the failed step is marked
    track = {step: line.split("│", 1)[1] for step, line in bars.items()}
    # Bars advance along the axis: each starts no earlier than the one before, the plan at the left.
    starts = [len(t) - len(t.lstrip()) for t in track.values()]
    assert starts == sorted(starts) and starts[0] == 0 and starts[-1] > 0
    assert all("█" in t for t in track.values())
    assert shown[-1].strip().startswith("0s") and shown[-1].rstrip().endswith("10.0s")
    if columns == 80:
        assert "get_weather" in bars["step_04_weather"] and "322" in bars["step_04_weather"]


def test_the_readmes_timeline_is_what_an_80_column_terminal_shows(emu: Emulator) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    shown_in_readme = readme.split("On an 80-column terminal:\n\n```text\n", 1)[1].split("```", 1)[0]
    code, raw = on_terminal(
        [sys.executable, "-m", "runsteps", "timeline", "thread_demo", "run_demo"], 80, reaching(emu)
    )
    assert code == 0
    assert [line.rstrip() for line in screen(raw) if line.strip()] == shown_in_readme.splitlines()


def test_a_run_of_500_steps_draws_500_bars_within_the_width(emu: Emulator) -> None:
    code, raw = on_terminal([sys.executable, "-m", "runsteps", "timeline", "thread_big", "run_500"], 80, reaching(emu))
    shown = [line for line in screen(raw) if "│" in line]
    assert code == 0 and len(shown) == 500 and all(len(line) <= 80 for line in shown)
    piped = run(["timeline", "thread_big", "run_500"], reaching(emu))
    assert len(piped.stdout.splitlines()) == 500  # a JSON object a step


def test_watch_redraws_until_the_run_ends() -> None:
    with Emulator(clock=ManualClock(t=1)) as live, moving_on_each_look(live, "run_demo", 2):
        live.add_run(demo_run())
        out = run(["timeline", "thread_demo", "run_demo", "--watch", "--interval", "0.05"], reaching(live), timeout=60)
    assert out.returncode == 0, out.stderr
    # Piped, only the settled run is written: each step once, in its final state.
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 8 and not any(row["open"] for row in rows)
    assert "run run_demo: completed, 8 steps" in out.stderr


def test_watch_on_a_terminal_redraws_in_place_as_the_run_moves() -> None:
    with Emulator(clock=ManualClock(t=1)) as live, moving_on_each_look(live, "run_demo", 2):
        live.add_run(demo_run())
        argv = [
            sys.executable,
            "-m",
            "runsteps",
            "timeline",
            "thread_demo",
            "run_demo",
            "--watch",
            "--interval",
            "0.05",
        ]
        code, raw = on_terminal(argv, 80, reaching(live))
    assert code == 0
    drawings = raw.split("\x1b[H\x1b[J")
    assert len(drawings) >= 3  # drawn, then drawn again in place at least twice
    assert "in_progress" in drawings[0] and "run run_demo: completed, 8 steps" in drawings[-1]


def test_the_timeline_of_an_export_file_is_the_servers_without_a_server(emu: Emulator, tmp_path: Path) -> None:
    archive = tmp_path / "runs.jsonl"
    assert run(["export", "thread_demo", "-o", str(archive)], reaching(emu)).returncode == 0
    from_server = run(["timeline", "thread_demo", "run_demo"], reaching(emu)).stdout
    from_file = run(["timeline", "thread_demo", "run_demo", "--archive", str(archive)], {"PATH": "/usr/bin"})
    assert from_file.returncode == 0 and from_file.stdout == from_server
    missing = run(["timeline", "thread_demo", "run_nope", "--archive", str(archive)], {"PATH": "/usr/bin"})
    assert missing.returncode == 2 and "run 'run_nope' of thread 'thread_demo' is not in" in missing.stderr


@pytest.fixture(scope="module")
def exported(emu: Emulator, tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = tmp_path_factory.mktemp("archive") / "runs.jsonl"
    assert run(["export", "thread_demo", "-o", str(archive)], reaching(emu)).returncode == 0
    return archive


@pytest.mark.parametrize(
    "args",
    [
        ["list", "thread_demo", "run_demo"],
        ["list", "thread_demo", "run_archive", "--order", "desc"],
        ["runs", "thread_demo"],
        ["get", "thread_demo", "run_demo", "step_03_search"],
        ["run", "thread_demo", "run_tools"],
    ],
    ids=["list", "list-desc", "runs", "get", "run"],
)
def test_reading_commands_write_the_same_from_an_export_file_as_from_the_server(
    emu: Emulator, exported: Path, args: list[str]
) -> None:
    from_server = run(args, reaching(emu))
    from_file = run([*args, "--archive", str(exported)], {"PATH": "/usr/bin"})
    assert from_file.returncode == 0, from_file.stderr
    assert from_file.stdout == from_server.stdout and from_file.stdout.count("\n") >= 1
    assert from_file.stderr == from_server.stderr


def test_a_step_not_in_the_export_file_is_named(exported: Path) -> None:
    out = run(["get", "thread_demo", "run_demo", "step_nope", "--archive", str(exported)], {"PATH": "/usr/bin"})
    assert out.returncode == 2 and f"step 'step_nope' of run 'run_demo' is not in {exported}" in out.stderr


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6)
    size = 3 if colour == 2 else 4
    raw, stride, rows, previous = zlib.decompress(chunks), width * size, [], bytearray(width * size)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                nearest = min((abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - corner), 2, corner))[2]
                line[i] = (line[i] + nearest) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, [bytes(b for i in range(0, stride, size) for b in row[i : i + 3]) for row in rows]


def pixels_of(rows: list[bytes], rgb: tuple[int, int, int]) -> int:
    colour = bytes(rgb)
    return sum(sum(1 for i in range(0, len(row), 3) if row[i : i + 3] == colour) for row in rows)


# Screenshots the suite leaves for a person to look at (the README's figure is one of them).
ARTIFACTS = Path(os.environ.get("RUNSTEPS_TEST_ARTIFACTS", ROOT / "artifacts"))


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    """Debian's headless Chromium (make test installs it), on a page's file: URL; its stdout."""
    browser = shutil.which("chromium")
    assert browser, "make test installs Debian's chromium"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=2000"]
    return subprocess.run([browser, *flags, *args], check=True, capture_output=True, text=True, timeout=60)


def screenshot(page: Path, name: str, tmp_path: Path) -> list[bytes]:
    """A 1280x900 screenshot of the page, kept in the suite's artifacts; its rows of pixels."""
    shot = tmp_path / name
    chromium(f"--screenshot={shot}", "--window-size=1280,900", page.as_uri())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    kept = ARTIFACTS / f"{name}.{os.getpid()}"
    shutil.copyfile(shot, kept)
    kept.replace(ARTIFACTS / name)  # whole, even with the suite's Pythons writing at once
    width, height, rows = read_png(shot.read_bytes())
    assert (width, height) == (1280, 900)
    return rows


def steps_in(dom: str) -> dict[str, str]:
    """Each step's list item in the rendered DOM, by id."""
    items = re.findall(r'<li class="step[^"]*"[^>]*>.*?</li>', dom, flags=re.DOTALL)
    return {re.search(r'<span class="id">([^<]+)</span>', item).group(1): item for item in items}  # type: ignore[union-attr]


@pytest.mark.once
def test_the_page_shows_every_step_with_its_figures_as_text_and_a_failed_steps_error_in_sight(
    emu: Emulator, tmp_path: Path
) -> None:
    page = tmp_path / "run_demo.html"
    out = run(["timeline", "thread_demo", "run_demo", "--html", str(page)], reaching(emu))
    assert out.returncode == 0 and f"wrote {page}" in out.stderr
    text = page.read_text()
    assert not re.search(r"(src|href)=|https?://|@import|url\(", text)  # nothing fetched: one file, offline
    dom = chromium("--dump-dom", page.as_uri()).stdout
    steps = steps_in(dom)
    assert list(steps) == [f"step_0{i}_{n}" for i, n in enumerate(STEP_NAMES, 1)]
    # The figures are text beside each bar (a screenshot or a print keeps them), not tooltips.
    assert '<span class="figures"' in steps["step_02_code"] and "2.0s · 650 tokens" in steps["step_02_code"]
    assert all(re.search(r"\d\.\ds · [\d,]+ tokens", item) for item in steps.values())
    # The failed step: marked, coloured, and its error visible without opening anything.
    failed = steps["step_06_retry"]
    assert 'class="step failed bad"' in failed and '<span class="mark" aria-hidden="true">✗</span>' in failed
    assert re.search(r'</details><p class="error">✗ server_error: The tool failed.</p>', failed)
    # Each step opens by click or keyboard (a native details/summary) on what it did.
    assert all(item.count("<details>") == 1 and "<summary>" in item for item in steps.values())
    assert "input  import pandas as pd\n         print(df.describe())" in steps["step_02_code"]  # code, as it reads
    assert "result q3-report.pdf (score 0.91)" in steps["step_03_search"]
    assert 'get_weather({"city": "Oslo"})' in html.unescape(steps["step_04_weather"])
    assert '<output id="shown">8 of 8 steps</output>' in dom  # the filter's script ran
    assert "3,962 (3,412 in, 550 out)" in dom and "@media (prefers-color-scheme: dark)" in text
    rows = screenshot(page, "timeline_demo.png", tmp_path)
    # Seven completed bars (green) and the failed one (red: a sliver, and its error line).
    assert pixels_of(rows, COMPLETED_RGB) > 7 * 14 * 40 and pixels_of(rows, FAILED_RGB) > 200


@pytest.mark.once
def test_a_page_of_250_steps_keeps_its_header_and_axis_in_view_and_filters_from_the_address(
    emu: Emulator, tmp_path: Path
) -> None:
    page = tmp_path / "run_250.html"
    assert run(["timeline", "thread_big", "run_250", "--html", str(page)], reaching(emu)).returncode == 0
    dom = chromium("--dump-dom", page.as_uri()).stdout
    assert len(steps_in(dom)) == 250 and "position: sticky" in dom
    rows = screenshot(page, "timeline_250_steps.png", tmp_path)
    assert pixels_of(rows, COMPLETED_RGB) > 20 * 14 * 3  # the first screenful of bars
    demo = tmp_path / "run_demo.html"
    assert run(["timeline", "thread_demo", "run_demo", "--html", str(demo)], reaching(emu)).returncode == 0
    failed_only = chromium("--dump-dom", demo.as_uri() + "#status=failed").stdout
    shown = {step: item for step, item in steps_in(failed_only).items() if " hidden" not in item.split(">", 1)[0]}
    assert list(shown) == ["step_06_retry"] and '<output id="shown">1 of 8 steps</output>' in failed_only
    by_tool = chromium("--dump-dom", demo.as_uri() + "#tool=get_weather").stdout
    assert [s for s, item in steps_in(by_tool).items() if " hidden" not in item.split(">", 1)[0]] == ["step_04_weather"]


def test_the_page_of_a_run_still_going_marks_its_open_bars(emu: Emulator, tmp_path: Path) -> None:
    emu.clock.set(6.5)  # type: ignore[attr-defined]
    try:
        page = tmp_path / "going.html"
        assert run(["timeline", "thread_demo", "run_demo", "--html", str(page)], reaching(emu)).returncode == 0
    finally:
        emu.clock.set(12)  # type: ignore[attr-defined]
    text = page.read_text()
    assert text.count('class="step in_progress open"') == 1 and "(still going)" in text


@pytest.mark.parametrize("span", [0.004, 0.2, 1.0, 2.5, 9.999, 10.0, 10.01, 73.0, 251.0, 501.0, 3600.0, 86_400.0])
def test_the_pages_axis_ends_at_a_round_time_past_the_run_with_five_to_ten_ticks(span: float) -> None:
    end, step = axis(span)
    ticks = round(end / step)
    assert end >= span - 1e-9 and 5 <= ticks <= 10 and abs(ticks * step - end) < 1e-9
    assert f"{step / 10 ** math.floor(math.log10(step)):.6f}" in ("1.000000", "2.000000", "5.000000")
