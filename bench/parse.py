"""From response bytes to models, as a client does it (`json.loads` included, garbage collector on),
and the memory each parsed step keeps, for runsteps, openai and azure-ai-agents.

The corpus is a realistic mix of run steps (see `corpus`). runsteps reads a body as its client does,
`RunStep.from_json` (the JSON decoded by `json.loads`'s own C scanner, without its Python wrappers, then
`from_dict`); `from_dict(json.loads(b))` is shown too. openai's client builds its models with
`construct_type` (no validation) from `json.loads`; `model_validate_json` is pydantic's fastest
validated path from bytes. Both are shown. azure-ai-agents' models wrap the decoded JSON and read each
field when it is asked for (its client's path, `_deserialize`), so nothing is checked until then.
"""

from __future__ import annotations

import gc
import json
import statistics
import tracemalloc
from collections.abc import Callable
from typing import Any

from azure.ai.agents._utils.model_base import _deserialize
from azure.ai.agents.models import RunStep as AgentsRunStep
from openai._models import construct_type
from openai.types.beta.threads.runs import RunStep as OpenAIRunStep

import runsteps
from runsteps._model_base import read_json

from . import corpus
from ._measure import headline, met, per_call_us, spread, table, verdict

COPIES = 5  # the corpus, five times over: 2,000 steps retained at once
ROUNDS, CALLS = 25, 2  # rounds of the corpus parsed twice by each contender in turn
OURS = "runsteps: RunStep.from_json(b) (as its client reads a body)"


def _retained_bytes(parse: Callable[[bytes], Any], bodies: list[bytes]) -> float:
    """Bytes held per step by a list of parsed steps, once the parse's temporaries are gone."""
    parse(bodies[0])  # warm up: first-use caches are not per step
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [parse(b) for b in bodies]
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(kept) == len(bodies)
    return (after - before) / len(bodies)


def run() -> str:
    steps = corpus.steps()
    bodies = [json.dumps(s).encode() for s in steps]
    n = len(bodies)
    loads = json.loads
    from_dict = runsteps.RunStep.from_dict
    parsers: dict[str, Callable[[bytes], Any]] = {
        "json.loads (floor)": loads,
        "runsteps: its decoding alone (read_json, as from_json decodes)": read_json,
        OURS: runsteps.RunStep.from_json,
        "runsteps: RunStep.from_dict(json.loads(b))": lambda b: from_dict(loads(b)),
        "openai: construct_type(json.loads(b)) (its client's path)": lambda b: construct_type(
            type_=OpenAIRunStep, value=loads(b)
        ),
        "openai: RunStep.model_validate_json(b)": OpenAIRunStep.model_validate_json,
        "azure-ai-agents: _deserialize(RunStep, json.loads(b)) (lazy)": lambda b: _deserialize(AgentsRunStep, loads(b)),
    }
    samples = per_call_us(
        {name: (lambda p=p: [p(b) for b in bodies]) for name, p in parsers.items()},
        calls=CALLS,
        repeats=ROUNDS,
        gc_on=True,
    )
    floor = samples["json.loads (floor)"]

    def ratios(name: str, to: list[float] = floor) -> list[float]:
        return [us / base for us, base in zip(samples[name], to, strict=True)]

    rows = [(name, f"{statistics.median(us) / n:.2f}", spread(ratios(name))) for name, us in samples.items()]
    fastest = min((name for name in samples if name.startswith("openai")), key=lambda k: statistics.median(samples[k]))
    fastest_peer = statistics.median(ratios(OURS, samples[fastest]))

    models = {name: p for name, p in parsers.items() if not name.startswith(("json.loads", "runsteps: its decoding"))}
    memory = {name: _retained_bytes(p, bodies * COPIES) for name, p in models.items()}
    ours = memory[OURS]
    theirs = min(v for k, v in memory.items() if k.startswith("openai"))
    lossless = all(from_dict(s).to_dict() == s for s in steps)
    parse_ratio = statistics.median(ratios(OURS))
    ours_us = statistics.median(samples[OURS]) / n
    headline(
        "bytes to model, a mixed corpus of real steps",
        f"{ours_us:.1f} µs a step",
        f"{spread(ratios(OURS))} `json.loads` alone; {fastest_peer:.2f}x openai's fastest (`model_validate_json`)",
        "<= 1.5x",
        parse_ratio <= 1.5,
    )
    headline("memory each parsed step keeps", f"{ours:,.0f} B", f"{ours / theirs:.2f}x openai's smallest; "
             f"azure-ai-agents {memory['azure-ai-agents: _deserialize(RunStep, json.loads(b)) (lazy)']:,.0f} B",
             "<= 2,000 B", ours <= 2000)  # fmt: skip
    mem_rows = [(name, f"{b:,.0f}", f"{b / theirs:.2f}x") for name, b in memory.items()]
    return "\n".join(
        [
            table(
                f"Bytes to model, {n} run steps (garbage collector on): us per step, median of {ROUNDS} "
                "interleaved rounds; ratios to json.loads within each round, median and range",
                ("parser", "us/step", "vs json.loads"),
                rows,
            ),
            f"runsteps vs openai's fastest path: {fastest_peer:.2f}x the time",
            f"runsteps vs json.loads alone: {verdict(parse_ratio, 1.5)}",
            "",
            table(
                f"Memory each parsed step keeps ({n * COPIES:,} steps held at once, tracemalloc)",
                ("parser", "bytes/step", "vs openai's smallest"),
                mem_rows,
            ),
            f"runsteps bytes per step: {ours:,.0f} (target <= 2,000: {met(ours <= 2000)}); "
            f"vs openai {verdict(ours / theirs, 0.35)}",
            f"lossless round trip (to_dict() == the JSON, every corpus step): {'yes' if lossless else 'NO'}",
        ]
    )
