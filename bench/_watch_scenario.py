"""The runs the concurrency benchmark watches, shared by the emulator process and the watchers.

Watch i's run starts `lead + i/n` intervals in; its 6 steps follow one another, each `in_progress`
for 1.3 intervals, then `completed`: 12 states per run, each lasting longer than an interval.
"""

from __future__ import annotations

STEPS = 6
LASTS = 1.3  # intervals a step stays in_progress


def lead(n: int, interval: float) -> float:
    """Seconds before the first run starts: time for every watch to make its first tick."""
    return interval + n / 500


def changes(i: int, n: int, interval: float) -> dict[tuple[str, str], float]:
    """(step id, status) -> seconds after the scenario's start at which that state begins."""
    start = lead(n, interval) + interval * i / n
    at: dict[tuple[str, str], float] = {}
    for j in range(STEPS):
        begins = start + j * LASTS * interval
        at[(step_id(i, j), "in_progress")] = begins
        at[(step_id(i, j), "completed")] = begins + LASTS * interval
    return at


def run_id(i: int) -> str:
    return f"run_{i:04d}"


def step_id(i: int, j: int) -> str:
    return f"step_{i:04d}_{j}"


THREAD = "thread_watch"
