"""Listing 100,000 steps end to end on loopback: runsteps and openai against bare httpx + `json.loads`,
and as Azure AI Agents over HTTPS: runsteps and azure-ai-agents' `AgentsClient` against bare httpx.

The server sends pages made in advance (100 steps each) from its own process, so its cost is next to
nothing and the same for every client. Each listing runs in a fresh process, garbage collector on,
and takes turns with the others; figures are medians of wall and CPU time, and each ratio is the
median of the ratios within a round (rounds drift on a busy machine; a round's turns drift alike).
"""

from __future__ import annotations

import json
import resource
import ssl
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

from ._measure import table, verdict

ROOT = Path(__file__).resolve().parent.parent
STEPS, REPEATS = 100_000, 5
LISTERS = ("bare httpx + json.loads", "runsteps client.steps.list", "openai client.beta.threads.runs.steps.list")
AGENTS_LISTERS = (
    "bare httpx + json.loads over HTTPS",
    "runsteps Client.for_azure_agents steps.list",
    "azure-ai-agents AgentsClient.run_steps.list",
)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def list_all(name: str, base_url: str, ca_file: str) -> int:
    """Every step of the run, oldest first, 100 a page; how many there were."""
    n = 0
    if name in (LISTERS[0], AGENTS_LISTERS[0]):
        import httpx

        agents = name == AGENTS_LISTERS[0]
        headers = {"Authorization": "Bearer sk-bench", **({} if agents else {"OpenAI-Beta": "assistants=v2"})}
        with httpx.Client(
            headers=headers, verify=ssl.create_default_context(cafile=ca_file) if agents else True
        ) as http:
            params: dict[str, str | int] = {"limit": 100, "order": "asc", **({"api-version": "v1"} if agents else {})}
            while True:
                url = f"{base_url}/threads/thread_big/runs/run_big/steps"
                page = json.loads(http.get(url, params=params).content)
                n += len(page["data"])
                if not page["has_more"]:
                    return n
                params["after"] = page["last_id"]
    if name == LISTERS[1]:
        import runsteps

        with runsteps.Client(api_key="sk-bench", base_url=base_url) as client:
            for _ in client.steps.list("run_big", thread_id="thread_big", limit=100, order="asc"):
                n += 1
        return n
    if name == AGENTS_LISTERS[1]:
        import runsteps

        with runsteps.Client.for_azure_agents(base_url, token_provider=lambda: "sk-bench", verify=ca_file) as client:
            for _ in client.steps.list("run_big", thread_id="thread_big", limit=100, order="asc"):
                n += 1
        return n
    if name == AGENTS_LISTERS[2]:
        from azure.ai.agents import AgentsClient
        from azure.core.credentials import AccessToken

        class Token:
            def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
                return AccessToken("sk-bench", int(time.time()) + 3600)

        with AgentsClient(endpoint=base_url, credential=Token(), connection_verify=ca_file) as agents:  # type: ignore[arg-type]
            for _ in agents.run_steps.list("thread_big", "run_big", limit=100, order="asc"):
                n += 1
        return n
    import openai

    warnings.simplefilter("ignore", DeprecationWarning)
    with openai.OpenAI(api_key="sk-bench", base_url=base_url) as theirs:
        for _ in theirs.beta.threads.runs.steps.list("run_big", thread_id="thread_big", limit=100, order="asc"):
            n += 1
    return n


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
            _compare("fast-pages", LISTERS, "openai"),
            _compare("fast-pages-agents", AGENTS_LISTERS, "Azure AI Agents, HTTPS"),
        ]
    )


def _compare(server_kind: str, listers: tuple[str, ...], family: str) -> str:
    from .concurrency import EmulatorProcess

    samples: dict[str, list[dict[str, float]]] = {name: [] for name in listers}
    with EmulatorProcess(server_kind, str(STEPS)) as server:
        base_url, _, ca_file = server.base_url.partition(" ")
        for _ in range(REPEATS):
            for name in listers:
                samples[name].append(_fresh(name, base_url, ca_file))
    wall = {name: statistics.median(s["wall"] for s in runs) for name, runs in samples.items()}
    cpu = {name: statistics.median(s["cpu"] for s in runs) for name, runs in samples.items()}

    def ratio(name: str, key: str) -> float:
        return statistics.median(a[key] / b[key] for a, b in zip(samples[name], samples[listers[0]], strict=True))

    complete = all(s["steps"] == STEPS for runs in samples.values() for s in runs)
    rows = [
        (name, f"{wall[name]:.2f}", f"{STEPS / wall[name]:,.0f}", f"{ratio(name, 'wall'):.2f}x",
         f"{cpu[name]:.2f}", f"{ratio(name, 'cpu'):.2f}x")
        for name in listers
    ]  # fmt: skip
    ours, peer = listers[1], listers[2]
    return "\n".join(
        [
            table(
                f"Listing {STEPS:,} steps on loopback ({family}), 100 a page, garbage collector on: "
                f"medians of {REPEATS} fresh processes",
                ("client", "wall s", "steps/s", "wall vs bare", "CPU s", "CPU vs bare"),
                rows,
            ),
            f"every listing yielded all {STEPS:,} steps: {'yes' if complete else 'NO'}",
            f"runsteps end to end vs bare httpx + json.loads: {verdict(ratio(ours, 'wall'), 1.5)}",
            f"runsteps vs {peer.split()[0]}: {ratio(ours, 'wall') / ratio(peer, 'wall'):.2f}x the wall time, "
            f"{ratio(ours, 'cpu') / ratio(peer, 'cpu'):.2f}x the CPU",
        ]
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    warnings.simplefilter("ignore", DeprecationWarning)
    # Imports are start-up, measured on their own; each lister imports only its own client, as a
    # program would (a heap full of another client's modules would slow the garbage collector).
    import httpx  # noqa: F401

    if sys.argv[1] in (LISTERS[1], AGENTS_LISTERS[1]):
        from runsteps._plans import pagination  # noqa: F401
        from runsteps._sync import client  # noqa: F401
    elif sys.argv[1] == LISTERS[2]:
        import openai  # noqa: F401
    elif sys.argv[1] == AGENTS_LISTERS[2]:
        import azure.ai.agents  # noqa: F401

    wall0, cpu0 = time.perf_counter(), _cpu()
    count = list_all(sys.argv[1], sys.argv[2], sys.argv[3])
    print(json.dumps({"steps": count, "wall": time.perf_counter() - wall0, "cpu": _cpu() - cpu0}))
