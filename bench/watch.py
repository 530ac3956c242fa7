"""A watch of a 50-step run on the loopback emulator in real time: requests per tick and the latency
from a status change in the emulator to the moment `watch` yields it, against the poll interval."""

from __future__ import annotations

import statistics
import time

import runsteps
from runsteps.emulator import Emulator, RealClock, RunScript, StepScript, message_creation

from ._measure import table

STEPS, INTERVAL = 50, 0.2


def _run() -> RunScript:
    # A step starts every 0.1 s and runs 0.35 s; several are in flight at once; the run ends at 5.5 s.
    steps = [
        StepScript(f"step_{i:02d}", message_creation(f"msg_{i}"), 0.3 + i * 0.1, 0.65 + i * 0.1) for i in range(STEPS)
    ]
    return RunScript("run_watch", "thread_watch", [(0, "queued"), (0.2, "in_progress"), (5.5, "completed")], steps)


def run() -> str:
    script = _run()
    changed_at = {(s.id, "in_progress"): s.start for s in script.steps} | {
        (s.id, "completed"): s.end for s in script.steps
    }
    clock = RealClock()
    latencies: list[float] = []
    with Emulator(clock=clock) as emu, runsteps.Client(api_key=emu.api_key, base_url=emu.base_url) as client:
        emu.add_run(script)
        clock._start = time.monotonic()  # the scenario starts now, with the server up
        watcher = client.steps.watch("run_watch", thread_id="thread_watch", interval=INTERVAL)
        yields = 0
        for step in watcher:
            yields += 1
            at = changed_at.get((step.id, str(step.status)))
            if at is not None:
                latencies.append(clock.now() - at)
        ticks = sum(1 for r in emu.requests if r.path.endswith("/runs/run_watch"))
        requests = len(emu.requests)
    lat = sorted(latencies)
    p95 = lat[int(0.95 * (len(lat) - 1))]
    rows = [
        ("requests per tick", f"{requests / ticks:.2f}", f"{requests / ticks / 2:.2f}x of the bound 2"),
        (
            "latency median (ms)",
            f"{statistics.median(lat) * 1000:.0f}",
            f"{statistics.median(lat) / INTERVAL:.2f}x the interval",
        ),
        ("latency p95 (ms)", f"{p95 * 1000:.0f}", f"{p95 / INTERVAL:.2f}x the interval"),
        ("latency max (ms)", f"{lat[-1] * 1000:.0f}", f"{lat[-1] / INTERVAL:.2f}x the interval"),
    ]
    return "\n".join(
        [
            table(
                f"watch of a {STEPS}-step run, interval {INTERVAL * 1000:.0f} ms: {ticks} ticks, {requests} requests, "
                f"{yields} yields ({len(lat)} changes timed)",
                ("figure", "value", "ratio"),
                rows,
            ),
            f"every change yielded: {'yes' if yields == 2 * STEPS else 'NO'} ({yields} of {2 * STEPS}); "
            "a change is yielded at the first tick after it, so latency stays within one interval plus a tick's requests",
        ]
    )
