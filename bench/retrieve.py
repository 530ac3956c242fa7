"""Per-call cost of `steps.retrieve`: runsteps and openai against a bare httpx GET + json.loads.

Twice: on an in-process transport (no network: the client's own cost shows) and on the loopback
emulator (a real server: what a user sees). Every contender fetches the same corpus steps in turn.
"""

from __future__ import annotations

import itertools
import json
import warnings
from collections.abc import Callable

import httpx
import openai

import runsteps
from runsteps.emulator import Emulator, ManualClock

from . import corpus
from ._measure import per_call_us, table, verdict

KEY = "sk-bench"
THREAD, RUN = "thread_bench", "run_bench"


def _contenders(
    base_url: str, make_http: Callable[[], httpx.Client], ids: list[str]
) -> dict[str, Callable[[], object]]:
    headers = {"Authorization": f"Bearer {KEY}", "OpenAI-Beta": "assistants=v2", "Accept": "application/json"}
    bare_http = make_http()
    bare_http.headers.update(headers)
    ours = runsteps.Client(api_key=KEY, base_url=base_url, http_client=make_http())
    theirs = openai.OpenAI(api_key=KEY, base_url=base_url, http_client=make_http(), max_retries=0)
    bare_ids, our_ids, their_ids = itertools.cycle(ids), itertools.cycle(ids), itertools.cycle(ids)
    url = f"{base_url}/threads/{THREAD}/runs/{RUN}/steps/"
    return {
        "bare httpx GET + json.loads": lambda: json.loads(bare_http.get(url + next(bare_ids)).content),
        "runsteps client.steps.retrieve": lambda: ours.steps.retrieve(next(our_ids), thread_id=THREAD, run_id=RUN),
        "openai client.beta.threads.runs.steps.retrieve": lambda: theirs.beta.threads.runs.steps.retrieve(
            next(their_ids), thread_id=THREAD, run_id=RUN
        ),
    }


def _rows(figures: dict[str, float]) -> list[tuple[object, ...]]:
    base = figures["bare httpx GET + json.loads"]
    return [(name, f"{us:.1f}", f"{us / base:.2f}x") for name, us in figures.items()]


def run() -> str:
    warnings.simplefilter("ignore", DeprecationWarning)  # openai marks the Assistants API deprecated
    steps = corpus.steps()
    bodies = {s["id"]: json.dumps(s).encode() for s in steps}
    ids = list(bodies)

    def answer(request: httpx.Request) -> httpx.Response:
        body = bodies[request.url.path.rsplit("/", 1)[-1]]
        return httpx.Response(200, content=body, headers={"content-type": "application/json", "x-request-id": "req_1"})

    base = "http://127.0.0.1:9/v1"
    in_process = per_call_us(
        _contenders(base, lambda: httpx.Client(transport=httpx.MockTransport(answer)), ids), calls=1000
    )

    with Emulator(clock=ManualClock(t=len(ids)), api_key=KEY) as emu:
        emu.add_run(corpus.run_script())
        loopback = per_call_us(_contenders(emu.base_url, httpx.Client, ids), calls=300)

    ours = "runsteps client.steps.retrieve"
    bare = "bare httpx GET + json.loads"
    return "\n".join(
        [
            table(
                "steps.retrieve, in-process transport: us per call, median of 9",
                ("client", "us/call", "vs bare"),
                _rows(in_process),
            ),
            f"runsteps vs bare httpx (in-process): {verdict(in_process[ours] / in_process[bare], 1.3)}",
            "",
            table(
                "steps.retrieve, loopback emulator: us per call, median of 9",
                ("client", "us/call", "vs bare"),
                _rows(loopback),
            ),
            f"runsteps vs bare httpx (loopback):   {verdict(loopback[ours] / loopback[bare], 1.3)}",
        ]
    )
