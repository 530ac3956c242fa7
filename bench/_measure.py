"""Timing and memory helpers: medians of interleaved repeats, so drift hits every contender alike."""

from __future__ import annotations

import gc
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass


def peak_rss_kib() -> int:
    """This process's peak resident memory. Read from /proc where there is one: a child's `ru_maxrss`
    keeps the peak of the process it was forked from (the figure survives exec), so a child started
    by a large benchmark process would report that process's size."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def per_call_us(
    contenders: dict[str, Callable[[], object]], *, calls: int, repeats: int = 9, gc_on: bool = False
) -> dict[str, list[float]]:
    """Microseconds per call of each contender in each round; the contenders take turns in every
    round, so a ratio taken within a round compares times measured moments apart.
    With `gc_on` the collector runs as it would in an application, its pauses counted."""
    for fn in contenders.values():  # warm up: imports, caches, connections
        for _ in range(max(1, calls // 10)):
            fn()
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    gc_was_enabled = gc.isenabled()
    if not gc_on:
        gc.disable()
    try:
        for _ in range(repeats):
            for name, fn in contenders.items():
                started = time.perf_counter()
                for _ in range(calls):
                    fn()
                samples[name].append((time.perf_counter() - started) / calls * 1e6)
            gc.collect()
    finally:
        if gc_was_enabled:
            gc.enable()
    return samples


def peak_bytes(fn: Callable[[], object]) -> int:
    """The peak of memory allocated by Python while `fn` runs, above what was allocated before."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - before


def table(title: str, header: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    """A plain text table."""
    cells = [tuple(str(c) for c in header), *[tuple(str(c) for c in row) for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [title, "  ".join(h.ljust(w) for h, w in zip(cells[0], widths, strict=True))]
    lines += [
        "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        for row in cells[1:]
    ]
    return "\n".join(lines)


def met(ok: bool) -> str:
    """How every goal line ends: met, or MISSED."""
    return "met" if ok else "MISSED"


def verdict(ratio: float, target: float) -> str:
    return f"{ratio:.2f}x (target <= {target}x: {met(ratio <= target)})"


def spread(ratios: Sequence[float]) -> str:
    """The median of per-round ratios with their range: `1.21x (1.17-1.30)`."""
    return f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"


@dataclass(frozen=True)
class Headline:
    """A line of the README's performance table: what was measured, our figure, the baseline or peer
    beside it from the same run, and the goal (with whether this run met it; None when there is none)."""

    what: str
    ours: str
    beside: str = ""
    goal: str = ""
    ok: bool | None = None


HEADLINES: list[Headline] = []


def headline(what: str, ours: str, beside: str = "", goal: str = "", ok: bool | None = None) -> None:
    """Keeps a figure for the README's table, which `make bench` writes from a full run."""
    HEADLINES.append(Headline(what, ours, beside, goal, ok))
