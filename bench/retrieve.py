"""1,000 concurrent `steps.retrieve` calls: one `AsyncClient` on one event loop against one `Client`
shared by 100 threads, with openai's `AsyncOpenAI` beside them. The emulator runs in its own process;
every contender fetches the same 1,000 steps. Wall time, medians of 5 rounds taken in turns.
"""

from __future__ import annotations

import asyncio
import statistics
import time
import warnings
from concurrent.futures import ThreadPoolExecutor

import openai

import runsteps

from ._measure import headline, table, verdict
from .concurrency import EmulatorProcess

CALLS, THREADS, ROUNDS = 1000, 100, 5
KEY = "sk-bench"
THREAD, RUN = "thread_big", "run_big"
IDS = [f"step_{i:06d}" for i in range(CALLS)]


def _threads(base_url: str) -> None:
    with runsteps.Client(api_key=KEY, base_url=base_url) as client, ThreadPoolExecutor(THREADS) as pool:
        steps = list(pool.map(lambda i: client.steps.retrieve(i, thread_id=THREAD, run_id=RUN), IDS))
    assert [s.id for s in steps] == IDS


async def _async(base_url: str) -> None:
    async with runsteps.AsyncClient(api_key=KEY, base_url=base_url) as client:
        steps = await asyncio.gather(*(client.steps.retrieve(i, thread_id=THREAD, run_id=RUN) for i in IDS))
    assert [s.id for s in steps] == IDS


async def _openai(base_url: str) -> None:
    async with openai.AsyncOpenAI(api_key=KEY, base_url=base_url) as client:
        steps = await asyncio.gather(
            *(client.beta.threads.runs.steps.retrieve(i, thread_id=THREAD, run_id=RUN) for i in IDS)
        )
    assert [s.id for s in steps] == IDS


def run() -> str:
    warnings.simplefilter("ignore", DeprecationWarning)
    contenders = {
        f"runsteps Client, {THREADS} threads": _threads,
        "runsteps AsyncClient, one event loop": lambda url: asyncio.run(_async(url)),
        "openai AsyncOpenAI, one event loop": lambda url: asyncio.run(_openai(url)),
    }
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    with EmulatorProcess("pages", str(CALLS)) as emu:
        for _ in range(ROUNDS):
            for name, call in contenders.items():
                started = time.perf_counter()
                call(emu.base_url)  # each round opens its connections afresh, as a new client would
                samples[name].append(time.perf_counter() - started)
    wall = {name: statistics.median(values) for name, values in samples.items()}
    base = wall[f"runsteps Client, {THREADS} threads"]
    rows = [(name, f"{seconds:.2f}", f"{seconds / base:.2f}x") for name, seconds in wall.items()]
    ratio = wall["runsteps AsyncClient, one event loop"] / base
    headline(
        f"{CALLS:,} concurrent `steps.retrieve`, one `AsyncClient`",
        f"{wall['runsteps AsyncClient, one event loop']:.2f} s",
        f"{ratio:.2f}x {THREADS} threads on one `Client`; openai's `AsyncOpenAI` "
        f"{wall['openai AsyncOpenAI, one event loop'] / base:.2f}x",
        "<= 2x",
        ratio <= 2.0,
    )
    return "\n".join(
        [
            table(
                f"{CALLS:,} concurrent steps.retrieve on the emulator (own process): wall s, median of {ROUNDS}",
                ("client", "wall s", f"vs {THREADS} threads"),
                rows,
            ),
            f"one AsyncClient vs {THREADS} threads on one Client: {verdict(ratio, 2.0)}",
        ]
    )
