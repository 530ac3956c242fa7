"""The emulator's paging: the time to answer one page, in runs of 1,000 and 100,000 steps.

It finds a page by position (an index built once per run), so a page costs the same in a run of
any length. The baseline, run here on the same runs, is how it paged before: every page rebuilt the
run's list of visible steps and searched it for the cursor, so a page cost grew with the run. Both
render the same steps; only finding the page differs. Listing a whole run from the emulator (in its
own process) with runsteps shows what that means end to end.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import runsteps
from runsteps.emulator import Emulator, ManualClock
from runsteps.emulator._render import render_page, render_step
from runsteps.emulator._scenario import RunScript

from ._measure import headline, met, table
from .concurrency import EmulatorProcess

SIZES = (1_000, 100_000)
LIMIT = 100
REPEATS = 21


def _rebuilding_page(emu: Emulator, run: RunScript, after: str) -> dict[str, Any]:
    """A page as the emulator used to find it: the visible steps listed, then the cursor searched for."""
    now = emu.clock.now()
    steps = [s for s in run.steps if s.start <= now]
    ids = [s.id for s in steps]
    start = ids.index(after) + 1
    page = steps[start : start + LIMIT]
    data = [render_step(run, s, now, emu.spec, False) for s in page]
    return render_page(emu.spec, data, start + LIMIT < len(ids))


def _pass_ms(answer: Callable[[str], object], cursors: list[str]) -> float:
    """One pass over the cursors: ms a page."""
    started = time.perf_counter()
    for cursor in cursors:
        answer(cursor)
    return (time.perf_counter() - started) / len(cursors) * 1000


def _list_all(n: int) -> float:
    """Steps per second listing an n-step run from the emulator in its own process."""
    with EmulatorProcess("pages", str(n)) as emu, runsteps.Client(api_key="sk-bench", base_url=emu.base_url) as c:
        started = time.perf_counter()
        count = sum(1 for _ in c.steps.list("run_big", thread_id="thread_big", limit=LIMIT, order="asc"))
        elapsed = time.perf_counter() - started
    assert count == n
    return n / elapsed


def run() -> str:
    answers: dict[tuple[str, int], tuple[Callable[[str], object], list[str]]] = {}
    for n in SIZES:
        emu = Emulator(clock=ManualClock(), api_key="sk-bench")
        run = emu.add_completed_run("thread_big", "run_big", n)
        path = f"{emu.spec.prefix}/threads/thread_big/runs/run_big/steps"
        # Ten cursors spread over the run: early pages are cheap for a scan, late ones dear.
        cursors = [run.steps[i].id for i in range(0, n - LIMIT, max(1, (n - LIMIT) // 10))][:10]
        answers[("indexed", n)] = (
            lambda cursor, emu=emu, path=path: emu.answer(
                path, {"limit": [str(LIMIT)], "order": ["asc"], "after": [cursor]}
            ),
            cursors,
        )
        answers[("rebuilt", n)] = (lambda cursor, emu=emu, run=run: _rebuilding_page(emu, run, cursor), cursors)
    # Interleaved passes: a burst of load on this machine lands on both sizes, not on one.
    samples: dict[tuple[str, int], list[float]] = {key: [] for key in answers}
    for _ in range(REPEATS):
        for key, (answer, cursors) in answers.items():
            samples[key].append(_pass_ms(answer, cursors))
    per_page = {key: statistics.median(values) for key, values in samples.items()}
    rows = [
        (f"{n:,}", f"{per_page[('indexed', n)]:.2f}", f"{per_page[('rebuilt', n)]:.2f}",
         f"{per_page[('rebuilt', n)] / per_page[('indexed', n)]:.1f}x")
        for n in SIZES
    ]  # fmt: skip
    small, large = samples[("indexed", SIZES[0])], samples[("indexed", SIZES[1])]
    growth = statistics.median(b / a for a, b in zip(small, large, strict=True))
    speedup = per_page[("rebuilt", SIZES[1])] / per_page[("indexed", SIZES[1])]
    rate = _list_all(SIZES[1])
    headline(
        f"the emulator's page at {SIZES[1]:,} steps vs {SIZES[0]:,}",
        f"{growth:.2f}x",
        f"{speedup:.0f}x faster than rebuilding the list",
        "independent of length",
        growth <= 1.5 and speedup >= 10,
    )
    return "\n".join(
        [
            table(
                f"Emulator: ms to answer a page of {LIMIT} (medians of {REPEATS} interleaved passes over 10 cursors; "
                "growth: the median of the passes' ratios)",
                ("run length", "indexed (now)", "rebuilt (before)", "speed-up"),
                rows,
            ),
            f"page time, {SIZES[1]:,} vs {SIZES[0]:,} steps: {growth:.2f}x "
            f"(independent of length: {met(growth <= 1.5)})",
            f"at {SIZES[1]:,} steps the index answers a page {speedup:.1f}x faster than a rebuild "
            f"(target >= 10x: {met(speedup >= 10)})",
            f"listing all {SIZES[1]:,} steps from the emulator (own process) with runsteps: {rate:,.0f} steps/s",
        ]
    )
