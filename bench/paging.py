"""Paging 10,000 and 100,000 steps: request count (must be ceil(N/limit)) and peak memory (must stay flat).

The server is an in-process transport that makes each page on demand, so a large N costs the
client, not the server: the figures are the pager's own.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import httpx

import runsteps

from ._measure import headline, peak_bytes, table

LIMIT = 100
BASE = "http://127.0.0.1:9/v1"


def _server(n: int) -> tuple[httpx.MockTransport, list[int]]:
    requests = [0]

    def answer(request: httpx.Request) -> httpx.Response:
        requests[0] += 1
        after = request.url.params.get("after")
        start = int(after.rsplit("_", 1)[1]) + 1 if after else 0
        limit = int(request.url.params.get("limit", "20"))
        ids = [f"step_{i:09d}" for i in range(start, min(start + limit, n))]
        data = [
            {
                "id": i,
                "object": "thread.run.step",
                "created_at": 1760000000,
                "run_id": "run_big",
                "assistant_id": "asst_1",
                "thread_id": "thread_big",
                "type": "message_creation",
                "status": "completed",
                "step_details": {"type": "message_creation", "message_creation": {"message_id": "msg_" + i}},
                "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
            }
            for i in ids
        ]
        body = {
            "object": "list",
            "data": data,
            "first_id": ids[0] if ids else None,
            "last_id": ids[-1] if ids else None,
            "has_more": start + limit < n,
        }
        return httpx.Response(200, content=json.dumps(body).encode(), headers={"content-type": "application/json"})

    return httpx.MockTransport(answer), requests


def _walk(n: int) -> tuple[int, int, int]:
    """(steps seen, requests sent, peak bytes) for iterating every step of an n-step run with runsteps."""
    transport, requests = _server(n)
    seen = [0]
    http = httpx.Client(transport=transport)
    with runsteps.Client(api_key="sk-bench", base_url=BASE, http_client=http) as c:
        # One step read first: the classes a step's parts use are made on first use, once a process,
        # and are not the pager's memory.
        next(iter(c.steps.list("run_big", thread_id="thread_big", limit=1)))
        requests[0] = 0

        def walk() -> None:
            for _ in c.steps.list("run_big", thread_id="thread_big", limit=LIMIT, order="asc"):
                seen[0] += 1

        peak = peak_bytes(walk)
    return seen[0], requests[0], peak


def _walk_bare(n: int) -> int:
    """Peak bytes for the same walk by hand with httpx and json.loads: the floor, with no models."""
    transport, _ = _server(n)
    http = httpx.Client(transport=transport)

    def walk() -> None:
        params: dict[str, str | int] = {"limit": LIMIT, "order": "asc"}
        while True:
            page = json.loads(http.get(f"{BASE}/threads/thread_big/runs/run_big/steps", params=params).content)
            if not page["has_more"]:
                return
            params["after"] = page["data"][-1]["id"]

    return peak_bytes(walk)


def _measure_fresh(kind: str, n: int) -> tuple[int, int, int]:
    """Run one walk in a new interpreter, so every walk starts from the same heap and collector state."""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-m", "bench.paging", kind, str(n)], cwd=root, check=True, capture_output=True, text=True
    ).stdout
    seen, sent, peak = json.loads(out)
    return seen, sent, peak


def run() -> str:
    rows = []
    peaks, bare = {}, {}
    for n in (10_000, 100_000):
        seen, sent, peaks[n] = _measure_fresh("runsteps", n)
        bare[n] = _measure_fresh("bare", n)[2]
        expected = math.ceil(n / LIMIT)
        rows.append(
            (f"{n:,}", f"{seen:,}", f"{sent:,}", f"{expected:,}", "yes" if sent == expected and seen == n else "NO",
             f"{peaks[n] / 1024:.0f}", f"{bare[n] / 1024:.0f}", f"{peaks[n] / bare[n]:.2f}x")
        )  # fmt: skip
    growth, bare_growth = peaks[100_000] / peaks[10_000], bare[100_000] / bare[10_000]
    flat = growth <= max(1.1, bare_growth * 1.1)
    headline(
        "peak memory paging 100,000 vs 10,000 steps",
        f"{growth:.2f}x ({peaks[100_000] / 1024:,.0f} KiB)",
        f"bare httpx {bare_growth:.2f}x ({bare[100_000] / 1024:,.0f} KiB)",
        "flat",
        flat,
    )
    return "\n".join(
        [
            table(
                f"Paging every step, limit={LIMIT}: requests and peak memory (tracemalloc, each walk in a fresh process)",
                ("steps", "yielded", "requests", "ceil(N/limit)", "exact", "peak KiB", "bare httpx KiB", "vs bare"),
                rows,
            ),
            f"peak memory 100,000 vs 10,000 steps: runsteps {growth:.2f}x, bare httpx {bare_growth:.2f}x "
            f"({'flat' if flat else 'GROWS'}: the pager holds one page and its responses are freed as soon as they "
            "are read; bare httpx's rise is its responses' reference cycles waiting for the garbage collector)",
        ]
    )


if __name__ == "__main__":
    kind, count = sys.argv[1], int(sys.argv[2])
    if kind == "bare":
        print(json.dumps([count, math.ceil(count / LIMIT), _walk_bare(count)]))
    else:
        print(json.dumps(list(_walk(count))))
