"""A realistic mixed corpus of run steps, as api.openai.com sends them, seeded so every run is the same.

Mix: 40% message creation, 25% function calls (1-3 calls), 20% code interpreter (logs, images),
15% file search (1-5 results with content). About 1 in 10 steps is still in progress, 1 in 20 failed.
"""

from __future__ import annotations

import json
import random
from typing import Any

from runsteps.emulator import (
    RunScript,
    StepScript,
    code_interpreter_call,
    file_search_call,
    function_call,
    message_creation,
    tool_calls,
)
from runsteps.emulator._flavours import FLAVOUR_TABLE
from runsteps.emulator._render import render_step

WORDS = ["revenue", "churn", "forecast", "quarter", "region", "margin", "cohort", "retention", "pipeline", "latency"]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _details(rng: random.Random, i: int) -> dict[str, Any]:
    kind = rng.random()
    if kind < 0.40:
        return message_creation(f"msg_{i:06d}")
    if kind < 0.65:
        calls = [
            function_call(
                f"call_{i}_{k}",
                rng.choice(["get_weather", "lookup_order", "convert_currency"]),
                json.dumps({"query": _text(rng, 4), "limit": rng.randint(1, 50)}),
                json.dumps({"result": _text(rng, rng.randint(5, 40))}),
            )
            for k in range(rng.randint(1, 3))
        ]
        return tool_calls(*calls)
    if kind < 0.85:
        image = f"file_img_{i}" if rng.random() < 0.5 else None
        return tool_calls(
            code_interpreter_call(f"call_{i}", f"df.describe()  # {_text(rng, 6)}", _text(rng, 30), image)
        )
    results = [
        (f"file_{i}_{k}", f"{rng.choice(WORDS)}.pdf", round(rng.random(), 3), _text(rng, rng.randint(20, 80)))
        for k in range(rng.randint(1, 5))
    ]
    return tool_calls(file_search_call(f"call_{i}", results))


def run_script(n: int = 400, seed: int = 7) -> RunScript:
    """A run of `n` steps, one a second from t=0, for the emulator; render it at t=`n`."""
    rng = random.Random(seed)
    scripts = []
    for i in range(n):
        roll = rng.random()
        end = None if roll < 0.1 else float(i) + 0.5
        outcome = "failed" if roll > 0.95 else "completed"
        error = {"code": "server_error", "message": "The tool failed."} if outcome == "failed" else None
        scripts.append(StepScript(f"step_{i:06d}", _details(rng, i), float(i), end, outcome, last_error=error))
    return RunScript("run_bench", "thread_bench", [(0, "in_progress")], scripts)


def steps(n: int = 400, seed: int = 7) -> list[dict[str, Any]]:
    """`n` run steps as dicts (the objects `json.loads` gives for a server's bodies)."""
    run = run_script(n, seed)
    return [render_step(run, s, float(n), FLAVOUR_TABLE["openai"], True) for s in run.steps]


def pages(all_steps: list[dict[str, Any]], size: int = 20) -> list[dict[str, Any]]:
    """The steps as list responses of `size` steps each."""
    out = []
    for start in range(0, len(all_steps), size):
        data = all_steps[start : start + size]
        more = start + size < len(all_steps)
        out.append(
            {"object": "list", "data": data, "first_id": data[0]["id"], "last_id": data[-1]["id"], "has_more": more}
        )
    return out
