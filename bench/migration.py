"""Carrying a thread across, against the emulator in its own process: a thread's messages listed by
runsteps and by openai, and `runsteps migrate` of a thread of 1,000 and of 10,000 items into
Conversations served by the same emulator (items/s, requests, the migrating process's peak memory).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from ._measure import headline, met, table

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1_000, 10_000)
KEY = "sk-bench"


def _list_messages(base_url: str) -> dict[str, float]:
    import openai

    import runsteps

    rates = {}
    with runsteps.Client(api_key=KEY, base_url=base_url) as client:
        started = time.perf_counter()
        n = sum(1 for _ in client.messages.list("thread_big", order="asc", limit=100))
        rates["runsteps client.messages.list"] = n / (time.perf_counter() - started)
    warnings.simplefilter("ignore", DeprecationWarning)
    with openai.OpenAI(api_key=KEY, base_url=base_url) as theirs:
        started = time.perf_counter()
        m = sum(1 for _ in theirs.beta.threads.messages.list("thread_big", order="asc", limit=100))
        rates["openai client.beta.threads.messages.list"] = m / (time.perf_counter() - started)
    assert n == m
    return rates


def _migrate(base_url: str, folder: str) -> tuple[float, int]:
    """Wall seconds and peak KiB of `runsteps migrate thread_big` into the same emulator's Conversations."""
    env = {**os.environ, "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": KEY, "RUNSTEPS_TO_API_KEY": KEY}
    state = os.path.join(folder, "state.json")
    argv = [sys.executable, "-m", "bench._peak", "migrate", "thread_big", "--to", base_url, "--state", state, "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"runsteps migrate failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return took, int(done.stdout.splitlines()[-1])


def run() -> str:
    from .concurrency import EmulatorProcess

    rows, peaks, rates = [], {}, {}
    listing: dict[str, float] = {}
    for n in SIZES:
        with EmulatorProcess("thread", str(n)) as server, tempfile.TemporaryDirectory() as folder:
            if n == SIZES[-1]:
                listing = _list_messages(server.base_url)
            before = server.stats()["requests"]
            took, peaks[n] = _migrate(server.base_url, folder)
            requests = server.stats()["requests"] - before
        items = n + n // 1000  # a user's turn a run (10 runs of n/10 steps), an answer a step
        rates[n] = items / took
        rows.append((f"{items:,}", f"{took:.2f}", f"{rates[n]:,.0f}", f"{requests:,}", f"{peaks[n] / 1024:.1f}"))
    growth = peaks[SIZES[1]] / peaks[SIZES[0]]
    flat = growth <= 1.25
    ours = listing["runsteps client.messages.list"]
    theirs = listing["openai client.beta.threads.messages.list"]
    headline(
        f"`runsteps migrate` peak memory, {SIZES[1]:,} vs {SIZES[0]:,} items",
        f"{growth:.2f}x ({peaks[SIZES[1]] / 1024:.1f} MiB), {rates[SIZES[1]]:,.0f} items/s",
        "the thread converted as it is read, a page at a time",
        "flat (<= 1.25x)",
        flat,
    )
    headline(
        f"listing {SIZES[1]:,} messages from the emulator",
        f"{ours:,.0f} messages/s",
        f"openai {theirs:,.0f}/s",
        "",
        None,
    )
    return "\n".join(
        [
            table(
                "runsteps migrate into the emulator's Conversations (source and target in one emulator process; "
                "10 runs a thread)",
                ("items", "wall s", "items/s", "requests (both sides)", "peak MiB"),
                rows,
            ),
            f"peak memory {SIZES[1]:,} vs {SIZES[0]:,} items: {growth:.2f}x (flat, target <= 1.25x: {met(flat)}); "
            "the thread is converted as it is read, a page at a time",
            f"messages listed: runsteps {ours:,.0f}/s, openai {theirs:,.0f}/s ({ours / theirs:.1f}x)",
        ]
    )
