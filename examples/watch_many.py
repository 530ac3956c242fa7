"""Watch many runs at once on one event loop, printing each step change, then a summary per run.

    python examples/watch_many.py THREAD RUN [RUN ...]

Uses OPENAI_API_KEY and OPENAI_BASE_URL. One AsyncClient serves every watch: they share its
connection pool, so hundreds of runs cost a handful of connections.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections import Counter

import runsteps


async def watch(client: runsteps.AsyncClient, thread: str, run_id: str) -> tuple[str, str, Counter[str]]:
    finals: dict[str, str] = {}
    watcher = client.steps.watch(run_id, thread_id=thread, interval=0.5)
    async for step in watcher:
        finals[step.id] = str(step.status)
        print(f"{run_id}  {step.id}  {step.status}", flush=True)
    status = str(watcher.run.status) if watcher.run else "unknown"
    return run_id, status, Counter(finals.values())


async def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("thread")
    parser.add_argument("runs", nargs="+")
    args = parser.parse_args()
    async with runsteps.AsyncClient() as client:
        results = await asyncio.gather(*(watch(client, args.thread, run_id) for run_id in args.runs))
    for run_id, status, counts in results:
        print(f"{run_id}: {status}; steps: {dict(sorted(counts.items()))}", file=sys.stderr)
    return 0 if all(status == "completed" for _, status, _ in results) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
