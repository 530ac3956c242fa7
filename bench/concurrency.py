"""Hundreds of watches on one event loop, each against its own run on an emulator in its own process.

Each run has 6 steps, one after another, each `in_progress` for 1.3 intervals: 12 states per run,
every one lasting longer than an interval, so a watcher that polls every interval can see them all.
Three watchers, each in a fresh process with its own emulator process:
- runsteps: `client.steps.watch(...)` on one `AsyncClient`, default configuration;
- openai: one `AsyncOpenAI` (default configuration), a loop per run of `runs.retrieve` and
  `runs.steps.list`, ticking every interval;
- bare httpx: the same loop on one `httpx.AsyncClient` with `json.loads`: the floor.
Figures: requests per watch, client CPU per request (the whole process), states seen, and how long
after a state began its watcher saw it (in intervals).
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from . import _watch_scenario as scenario
from ._measure import headline, met, table

ROOT = Path(__file__).resolve().parent.parent
KEY = "sk-bench"
TERMINAL_RUN = {"completed", "failed", "cancelled", "expired", "incomplete", "requires_action"}
Seen = dict[tuple[str, str], float]  # (step id, status) -> monotonic time it was first seen


class EmulatorProcess:
    """`bench._serve` in a child process: its base URL, and its request count on demand."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench._serve", *args],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.base_url = self.process.stdout.readline().strip()

    def stats(self) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("stats\n")
        self.process.stdin.flush()
        return dict(json.loads(self.process.stdout.readline()))

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)

    def __enter__(self) -> EmulatorProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---- the watchers ----


async def _runsteps(base_url: str, n: int, interval: float, seen: Seen) -> None:
    import runsteps

    pool = os.environ.get("BENCH_POOL_CONNECTIONS")
    if pool:  # the pool-size survey: the same client with another number of connections
        from runsteps._io import common as _client
        from runsteps._io.transport._limits import Limits

        _client.POOL_LIMITS = Limits(max_connections=int(pool), keepalive_expiry=15.0)

    async def watch(i: int) -> None:
        async for step in client.steps.watch(scenario.run_id(i), thread_id=scenario.THREAD, interval=interval):
            seen.setdefault((step.id, str(step.status)), time.monotonic())

    async with runsteps.AsyncClient(api_key=KEY, base_url=base_url) as client:
        await asyncio.gather(*(watch(i) for i in range(n)))


async def _ticking(
    fetch: Callable[[str], Awaitable[tuple[str, list[tuple[str, str]]]]], i: int, interval: float, seen: Seen
) -> None:
    """A hand-written watch loop: fetch the run and its steps every interval until all is settled."""
    status: dict[str, str] = {}
    tick = time.monotonic()
    while True:
        run_status, steps = await fetch(scenario.run_id(i))
        now = time.monotonic()
        for step_id, step_status in steps:
            if status.get(step_id) != step_status:
                status[step_id] = step_status
                seen.setdefault((step_id, step_status), now)
        if run_status in TERMINAL_RUN and "in_progress" not in status.values():
            return
        tick += interval
        await asyncio.sleep(max(0.0, tick - time.monotonic()))


async def _openai(base_url: str, n: int, interval: float, seen: Seen) -> None:
    import openai

    client = openai.AsyncOpenAI(api_key=KEY, base_url=base_url)
    runs = client.beta.threads.runs

    async def fetch(run_id: str) -> tuple[str, list[tuple[str, str]]]:
        run = await runs.retrieve(run_id, thread_id=scenario.THREAD)
        steps = [
            (s.id, s.status) async for s in runs.steps.list(run_id, thread_id=scenario.THREAD, limit=100, order="desc")
        ]
        return run.status, steps

    async with client:
        await asyncio.gather(*(_ticking(fetch, i, interval, seen) for i in range(n)))


async def _bare(base_url: str, n: int, interval: float, seen: Seen) -> None:
    import httpx

    headers = {"Authorization": f"Bearer {KEY}", "OpenAI-Beta": "assistants=v2"}

    async def fetch(run_id: str) -> tuple[str, list[tuple[str, str]]]:
        url = f"{base_url}/threads/{scenario.THREAD}/runs/{run_id}"
        run = json.loads((await http.get(url)).content)
        steps: list[tuple[str, str]] = []
        params: dict[str, str | int] = {"limit": 100, "order": "desc"}
        while True:
            page = json.loads((await http.get(url + "/steps", params=params)).content)
            steps += [(s["id"], s["status"]) for s in page["data"]]
            if not page["has_more"]:
                return run["status"], steps
            params["after"] = page["last_id"]

    async with httpx.AsyncClient(headers=headers, timeout=60) as http:
        await asyncio.gather(*(_ticking(fetch, i, interval, seen) for i in range(n)))


async def _bounded(watching: Awaitable[None], until: float, failures: list[str]) -> None:
    """Run the watchers until they end, one fails (as a user's gather would) or time is up."""
    try:
        await asyncio.wait_for(watching, max(0.0, until - time.monotonic()))
    except TimeoutError:
        failures.append("still watching at the time limit")
    except Exception as exc:
        failures.append(f"{type(exc).__name__}: {str(exc)[:60]}")


WATCHERS: dict[str, Callable[[str, int, float, Seen], Awaitable[None]]] = {
    "runsteps": _runsteps,
    "openai loop": _openai,
    "bare httpx loop": _bare,
}


def one(name: str, n: int, interval: float) -> dict[str, Any]:
    """One watcher over n runs, in this process; the emulator in another. Figures as a dict."""
    warnings.simplefilter("ignore", DeprecationWarning)  # openai marks the Assistants API deprecated
    import httpx  # noqa: F401  (imports before the clock starts: they are not per-request work)
    import openai  # noqa: F401

    import runsteps  # noqa: F401

    t0 = time.monotonic() + 0.5
    seen: Seen = {}
    failures: list[str] = []
    # Watchers still going well after the last state began are stopped: what they missed counts as missed.
    limit = max(max(scenario.changes(i, n, interval).values()) for i in range(n)) + 3 * interval + 10
    with EmulatorProcess("watch", str(n), str(interval), repr(t0)) as emu:
        time.sleep(max(0.0, t0 - time.monotonic()))
        before, cpu = emu.stats(), time.process_time()
        asyncio.run(_bounded(WATCHERS[name](emu.base_url, n, interval, seen), t0 + limit, failures))
        cpu, after = time.process_time() - cpu, emu.stats()
    requests = after["requests"] - before["requests"]
    delays = []
    for i in range(n):
        for state, began in scenario.changes(i, n, interval).items():
            if state in seen:
                delays.append((seen[state] - t0 - began) / interval)
    delays.sort()
    return {
        "requests": requests,
        "cpu_per_request_ms": cpu / requests * 1000,
        "states_seen": len(delays),
        "states": n * 2 * scenario.STEPS,
        "p50": delays[len(delays) // 2] if delays else math.inf,
        "p95": delays[int(0.95 * (len(delays) - 1))] if delays else math.inf,
        "failure": failures[0] if failures else "",
        "server_cpu": after["cpu"] - before["cpu"],
        "connections": after["connections"],
    }


def _fresh(name: str, n: int, interval: float, pool: int | None = None) -> dict[str, Any]:
    env = {**os.environ, "BENCH_POOL_CONNECTIONS": str(pool)} if pool else None
    done = subprocess.run(
        [sys.executable, "-m", "bench.concurrency", name, str(n), str(interval)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{name} at {n} watches failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.splitlines()[-1]))


SIZES = ((100, 1.0), (300, 1.0), (1000, 3.0))
POOLS = (20, 50, 100, 300)  # connections: the survey that chose the default (100)


def pool_survey(n: int = 300, interval: float = 1.0) -> str:
    rows = []
    for pool in POOLS:
        r = _fresh("runsteps", n, interval, pool)
        rows.append((f"{pool}", f"{r['requests'] / n:.1f}", f"{r['cpu_per_request_ms']:.2f}",
                     f"{r['states_seen']}/{r['states']}", f"{r['p50']:.2f}", f"{r['p95']:.2f}"))  # fmt: skip
    return table(
        f"runsteps at {n} watches, {interval:g} s interval, by connection-pool size (one run each)",
        ("connections", "requests/watch", "CPU ms/request", "states seen", "p50 (intervals)", "p95 (intervals)"),
        rows,
    )


def run(repeats: int = 3) -> str:
    rows = []
    verdicts: list[str] = []
    failures: list[str] = []
    cpu_ratios: list[float] = []
    cpu_ms: list[float] = []
    for n, interval in SIZES:
        results: dict[str, list[dict[str, Any]]] = {name: [] for name in WATCHERS}
        for _ in range(repeats):
            for name in WATCHERS:  # interleaved: drift hits every watcher alike
                results[name].append(_fresh(name, n, interval))
        medians = {}
        for name, runs in results.items():
            med = {
                key: statistics.median(r[key] for r in runs) for key in ("requests", "cpu_per_request_ms", "p50", "p95")
            }
            worst_seen = min(r["states_seen"] for r in runs)
            medians[name] = med | {"seen": worst_seen, "states": runs[0]["states"]}
            failed = sum(1 for r in runs if r["failure"])
            failures += [f"  {name} at {n} watches: {r['failure']}" for r in runs if r["failure"]][:1]
            rows.append(
                (
                    f"{n}",
                    f"{interval:g} s",
                    name,
                    f"{med['requests'] / n:.1f}",
                    f"{med['cpu_per_request_ms']:.2f}",
                    f"{worst_seen}/{runs[0]['states']}",
                    f"{med['p50']:.2f}",
                    f"{med['p95']:.2f}",
                    f"{failed}/{repeats}",
                )
            )
        ours, peer = medians["runsteps"], medians["openai loop"]
        ratio = ours["cpu_per_request_ms"] / peer["cpu_per_request_ms"]
        all_seen = ours["seen"] == ours["states"]
        goals = [f"every state seen: {met(all_seen)}"]
        if n == 300:
            goals.append(f"detection p95 {ours['p95']:.2f} intervals (target <= 1.6: {met(ours['p95'] <= 1.6)})")
        goals.append(f"CPU per request {ratio:.2f}x the openai loop's (target <= 0.7x: {met(ratio <= 0.7)})")
        verdicts.append(f"{n} watches, {interval:g} s interval: " + "; ".join(goals))
        headline(
            f"{n} watches on one event loop, {interval:g} s interval, statuses lasting {scenario.LASTS} intervals: "
            "states seen (the worst run)",
            f"{ours['seen']:,}/{ours['states']:,}",
            f"openai loop: {peer['seen']:,}/{peer['states']:,}",
            "every one",
            all_seen,
        )
        if n == 300:
            headline(
                "detection p95 at 300 watches",
                f"{ours['p95']:.2f} intervals",
                f"openai loop: {peer['p95']:.2f}",
                "<= 1.6",
                ours["p95"] <= 1.6,
            )
        cpu_ratios.append(ratio)
        cpu_ms.append(ours["cpu_per_request_ms"])
    headline(
        "client CPU per request while watching",
        f"{min(cpu_ms):.2f}-{max(cpu_ms):.2f} ms",
        f"{min(cpu_ratios):.2f}-{max(cpu_ratios):.2f}x the openai loop's",
        "<= 0.7x",
        max(cpu_ratios) <= 0.7,
    )
    return "\n".join(
        [
            table(
                f"Concurrent watches on one event loop, runs of {scenario.STEPS} steps each in progress for "
                f"{scenario.LASTS} intervals; emulator in its own process; medians of {repeats} "
                "(states seen: the worst run)",
                (
                    "watches",
                    "interval",
                    "client",
                    "requests/watch",
                    "CPU ms/request",
                    "states seen",
                    "p50 (intervals)",
                    "p95 (intervals)",
                    "failed",
                ),
                rows,
            ),
            *(["failed runs (the first reason per watcher):", *failures] if failures else []),
            *verdicts,
            "",
            pool_survey(),
        ]
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHONHASHSEED", "0")
    print(json.dumps(one(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))))
