"""Listing 100,000 steps on loopback: runsteps (sync and async) and openai against bare httpx +
`json.loads`, and as Azure AI Agents over HTTPS: runsteps and azure-ai-agents' `AgentsClient` against
bare httpx over HTTPS.

The server sends pages made in advance (100 steps each) from its own process, so its cost is next to
nothing and the same for every client. Each listing runs in a fresh process with every import done
and its client made before the clock starts (bare httpx's `Client()` builds an SSL context even for
`http://`, which would flatter whoever is compared with it). The figures that meet the goal are
taken after the first page (a first page also pays for connecting and for the classes it first
uses); end-to-end figures are shown beside them. runsteps and the floor take their turns in each of
15 rounds, the peer client in the first 3 (it is far from any goal, and each of its listings costs a
round), garbage collector on; a ratio is the median of the ratios within each round, shown with their
range (on a shared 2-CPU machine one round can differ from the next by half). The
async client is compared with the same sync floor: the floor is the least work a listing can do.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import resource
import ssl
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

from ._measure import headline, met, spread, table

ROOT = Path(__file__).resolve().parent.parent
# The goal is judged on runsteps against bare httpx: those take every round. The peers, at 7-12x, take
# the first few only (each of their listings costs as much as a round of the others).
STEPS, REPEATS, PEER_REPEATS, PAGE = 100_000, 15, 3, 100
TARGET = 1.25
LISTERS = (
    "bare httpx + json.loads",
    "runsteps Client steps.list",
    "runsteps AsyncClient steps.list",
    "openai client.beta.threads.runs.steps.list",
)
AGENTS_LISTERS = (
    "bare httpx + json.loads over HTTPS",
    "runsteps Client.for_azure_agents steps.list",
    "runsteps AsyncClient.for_azure_agents steps.list",
    "azure-ai-agents AgentsClient.run_steps.list",
)
PATH = "/threads/thread_big/runs/run_big/steps"


def _now() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter(), usage.ru_utime + usage.ru_stime


class Marks:
    """Wall and CPU clocks read when the client is ready, after the first page, and at the end."""

    def __init__(self) -> None:
        self.at: list[tuple[float, float]] = []

    def __call__(self) -> None:
        self.at.append(_now())


def _drain(items: Iterator[object], mark: Marks) -> int:
    """Counts the items: the first page's, a mark, then the rest."""
    mark()
    n = sum(1 for _ in itertools.islice(items, PAGE))
    mark()
    return n + sum(1 for _ in items)


async def _adrain(items: object, mark: Marks) -> int:
    it = items.__aiter__()  # type: ignore[attr-defined]
    mark()
    n = 0
    for _ in range(PAGE):
        await it.__anext__()
        n += 1
    mark()
    async for _ in it:
        n += 1
    return n


def list_all(name: str, base_url: str, ca_file: str, mark: Marks) -> int:
    """Every step of the run, oldest first, 100 a page; how many there were."""
    if name in (LISTERS[0], AGENTS_LISTERS[0]):
        import httpx

        agents = name == AGENTS_LISTERS[0]
        headers = {"Authorization": "Bearer sk-bench", **({} if agents else {"OpenAI-Beta": "assistants=v2"})}
        verify = ssl.create_default_context(cafile=ca_file) if agents else True
        with httpx.Client(headers=headers, verify=verify) as http:

            def pages() -> Iterator[object]:
                params: dict[str, str | int] = {
                    "limit": PAGE,
                    "order": "asc",
                    **({"api-version": "v1"} if agents else {}),
                }
                while True:
                    page = json.loads(http.get(base_url + PATH, params=params).content)
                    yield from page["data"]
                    if not page["has_more"]:
                        return
                    params["after"] = page["last_id"]

            return _drain(pages(), mark)
    if name in (LISTERS[1], AGENTS_LISTERS[1]):
        import runsteps

        client = (
            runsteps.Client.for_azure_agents(base_url, token_provider=lambda: "sk-bench", verify=ca_file)
            if name == AGENTS_LISTERS[1]
            else runsteps.Client(api_key="sk-bench", base_url=base_url)
        )
        with client:
            return _drain(iter(client.steps.list("run_big", thread_id="thread_big", limit=PAGE, order="asc")), mark)
    if name in (LISTERS[2], AGENTS_LISTERS[2]):
        import runsteps

        async def go() -> int:
            client = (
                runsteps.AsyncClient.for_azure_agents(base_url, token_provider=lambda: "sk-bench", verify=ca_file)
                if name == AGENTS_LISTERS[2]
                else runsteps.AsyncClient(api_key="sk-bench", base_url=base_url)
            )
            async with client:
                return await _adrain(
                    client.steps.list("run_big", thread_id="thread_big", limit=PAGE, order="asc"), mark
                )

        return asyncio.run(go())
    if name == AGENTS_LISTERS[3]:
        from azure.ai.agents import AgentsClient
        from azure.core.credentials import AccessToken

        class Token:
            def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
                return AccessToken("sk-bench", int(time.time()) + 3600)

        with AgentsClient(endpoint=base_url, credential=Token(), connection_verify=ca_file) as agents:  # type: ignore[arg-type]
            return _drain(iter(agents.run_steps.list("thread_big", "run_big", limit=PAGE, order="asc")), mark)
    import openai

    warnings.simplefilter("ignore", DeprecationWarning)
    with openai.OpenAI(api_key="sk-bench", base_url=base_url) as theirs:
        listed = theirs.beta.threads.runs.steps.list("run_big", thread_id="thread_big", limit=PAGE, order="asc")
        return _drain(iter(listed), mark)


def _fresh(name: str, base_url: str, ca_file: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.listing", name, base_url, ca_file],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out))


def run() -> str:
    return "\n\n".join(
        [
            _compare("fast-pages", LISTERS, "HTTP", "openai"),
            _compare("fast-pages-agents", AGENTS_LISTERS, "Azure AI Agents, HTTPS", "azure-ai-agents"),
        ]
    )


def _compare(server_kind: str, listers: tuple[str, ...], family: str, peer: str) -> str:
    from .concurrency import EmulatorProcess

    samples: dict[str, list[dict[str, float]]] = {name: [] for name in listers}
    with EmulatorProcess(server_kind, str(STEPS)) as server:
        base_url, _, ca_file = server.base_url.partition(" ")
        for round_ in range(REPEATS):
            for name in listers if round_ < PEER_REPEATS else listers[:3]:
                samples[name].append(_fresh(name, base_url, ca_file))
    bare = listers[0]

    def ratios(name: str, key: str) -> list[float]:
        # Within each round the lister took part in (the peer's are the first ones).
        return [a[key] / b[key] for a, b in zip(samples[name], samples[bare], strict=False)]

    def median(name: str, key: str) -> float:
        return statistics.median(s[key] for s in samples[name])

    complete = all(s["steps"] == STEPS for runs in samples.values() for s in runs)
    rows = [
        (name, f"{median(name, 'wall'):.2f}", f"{(STEPS - PAGE) / median(name, 'wall'):,.0f}",
         spread(ratios(name, "wall")), spread(ratios(name, "cpu")), spread(ratios(name, "total_wall")))
        for name in listers
    ]  # fmt: skip
    verdicts = []
    for ours in listers[1:3]:
        wall, cpu = statistics.median(ratios(ours, "wall")), statistics.median(ratios(ours, "cpu"))
        ok = wall <= TARGET and cpu <= TARGET
        verdicts.append(
            f"{ours} after the first page: wall {wall:.2f}x, CPU {cpu:.2f}x (target <= {TARGET}x: {met(ok)})"
        )
        headline(
            f"listing {STEPS:,} steps ({family}), {ours.split()[1]}, after the first page",
            f"{median(ours, 'wall'):.2f} s",
            f"wall {spread(ratios(ours, 'wall'))}, CPU {spread(ratios(ours, 'cpu'))} bare httpx + `json.loads`; "
            f"{peer} {statistics.median(ratios(listers[3], 'wall')):.1f}x",
            f"<= {TARGET}x",
            ok,
        )
    return "\n".join(
        [
            table(
                f"Listing {STEPS:,} steps on loopback ({family}), {PAGE} a page, garbage collector on, client made "
                f"before timing: after the first page (medians of {REPEATS} rounds in fresh processes, "
                f"{listers[3].split()[0]} of the first {PEER_REPEATS}; ratios to bare, median and range)",
                ("client", "wall s", "steps/s", "wall vs bare", "CPU vs bare", "end to end wall vs bare"),
                rows,
            ),
            f"every listing yielded all {STEPS:,} steps: {'yes' if complete else 'NO'}",
            *verdicts,
        ]
    )


def main(lister: str, base_url: str, ca_file: str) -> None:
    marks = Marks()
    count = list_all(lister, base_url, ca_file, marks)
    marks()
    (ready_wall, ready_cpu), (first_wall, first_cpu), (end_wall, end_cpu) = marks.at
    print(json.dumps({
        "steps": count, "wall": end_wall - first_wall, "cpu": end_cpu - first_cpu,
        "total_wall": end_wall - ready_wall, "total_cpu": end_cpu - ready_cpu,
    }))  # fmt: skip


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    warnings.simplefilter("ignore", DeprecationWarning)
    # Each lister imports only its own client, as a program would (a heap full of another client's
    # modules would slow the garbage collector), and everything it will use before the clock starts.
    import httpx  # noqa: F401

    if sys.argv[1].startswith("runsteps"):
        import runsteps._async.steps
        import runsteps._sync.steps  # noqa: F401
    elif sys.argv[1].startswith("openai"):
        import openai  # noqa: F401
    elif sys.argv[1].startswith("azure"):
        import azure.ai.agents  # noqa: F401
    main(sys.argv[1], sys.argv[2], sys.argv[3])
