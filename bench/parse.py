"""Parsing run steps: runsteps `from_dict` against openai's validated and unvalidated parses, and json.loads."""

from __future__ import annotations

import json

from openai._models import construct_type
from openai.pagination import SyncCursorPage
from openai.types.beta.threads.runs import RunStep as OpenAIRunStep

import runsteps

from . import corpus
from ._measure import per_call_us, table, verdict

OpenAIPage = SyncCursorPage[OpenAIRunStep]


def run() -> str:
    steps = corpus.steps()
    texts = [json.dumps(s) for s in steps]
    pages = corpus.pages(steps)
    page_texts = [json.dumps(p) for p in pages]
    n = len(steps)

    # Each contender parses the whole corpus once per call; figures are per step.
    single = per_call_us(
        {
            "json.loads (floor)": lambda: [json.loads(t) for t in texts],
            "runsteps RunStep.from_dict": lambda: [runsteps.RunStep.from_dict(s) for s in steps],
            "openai RunStep.model_validate": lambda: [OpenAIRunStep.model_validate(s) for s in steps],
            "openai construct_type (its default, no validation)": lambda: [
                construct_type(type_=OpenAIRunStep, value=s) for s in steps
            ],
        },
        calls=10,
    )
    listed = per_call_us(
        {
            "json.loads (floor)": lambda: [json.loads(t) for t in page_texts],
            "runsteps RunStepList.from_dict": lambda: [runsteps.RunStepList.from_dict(p) for p in pages],
            "openai SyncCursorPage[RunStep].model_validate": lambda: [OpenAIPage.model_validate(p) for p in pages],
        },
        calls=10,
    )
    ours, theirs, floor = (
        single["runsteps RunStep.from_dict"],
        single["openai RunStep.model_validate"],
        single["json.loads (floor)"],
    )
    rows = [(name, f"{us / n:.2f}", f"{us / floor:.2f}x") for name, us in single.items()]
    rows += [
        (f"lists: {name}", f"{us / n:.2f}", f"{us / listed['json.loads (floor)']:.2f}x") for name, us in listed.items()
    ]
    return "\n".join(
        [
            table(
                f"Parsing {n} run steps ({len(pages)} lists of 20): us per step, median of 9",
                ("parser", "us/step", "vs json.loads"),
                rows,
            ),
            f"runsteps vs openai validated parse: {verdict(ours / theirs, 0.8)}",
            f"runsteps vs json.loads floor:       {verdict(ours / floor, 3.0)}",
        ]
    )
