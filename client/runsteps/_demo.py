"""`runsteps demo`: the SDK watching a scripted run on the embedded emulator, start to finish."""

from __future__ import annotations

import json
import sys
import time

from ._client import Client
from ._generated.models import RunStep, Usage
from .emulator import Emulator, RealClock
from .emulator.demo_script import DEMO_RUN, DEMO_THREAD, add_demo_runs


def demo() -> int:
    started = time.monotonic()
    with Emulator(clock=RealClock()) as emulator:
        add_demo_runs(emulator)
        say(f"emulator on {emulator.base_url}; watching run {DEMO_RUN} of thread {DEMO_THREAD}")
        with Client(api_key=emulator.api_key, base_url=emulator.base_url) as client:
            seen_at: dict[str, float] = {}
            ended_at: dict[str, float] = {}
            latest: dict[str, RunStep] = {}  # the last state of each step, in the order they appeared
            watcher = client.steps.watch(DEMO_RUN, thread_id=DEMO_THREAD, interval=0.25, timeout=60)
            for step in watcher:
                now = time.monotonic() - started
                seen_at.setdefault(step.id, now)
                latest[step.id] = step
                if str(step.status) != "in_progress":
                    ended_at[step.id] = now
                print(json.dumps(step.to_dict()), flush=True)
                say(f"{now:5.1f}s  {step.id:<16} {type(step.step_details).__name__:<22} {step.status}")
            run = watcher.run
            steps = list(latest.values())  # watch yields every step's final state: no need to list them again
        requests = len(emulator.requests)
    say("")
    say(f"{'step':<16} {'kind':<22} {'status':<10} {'seconds':>7} {'tokens':>7}")
    total = 0
    for step in steps:
        tokens = _tokens(step)
        total += tokens
        took = ended_at.get(step.id, 0.0) - seen_at.get(step.id, 0.0)
        say(f"{step.id:<16} {type(step.step_details).__name__:<22} {step.status!s:<10} {took:7.1f} {tokens:7d}")
    status = run.status if run is not None else "unknown"
    say(
        f"run {DEMO_RUN}: {status}; {len(steps)} steps, {total} tokens, {requests} requests, {time.monotonic() - started:.1f}s"
    )
    return 0 if str(status) == "completed" else 1


def _tokens(step: RunStep) -> int:
    # usage is null while a step runs, and may lack fields on some servers
    total = step.usage.total_tokens if isinstance(step.usage, Usage) else None
    return total if isinstance(total, int) else 0


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
