"""Reading a run's event stream: a 10,000-step run (a function call a step, and a message every tenth
step) recorded as its server streams it, read by runsteps (events typed, steps accumulated), openai's
`AssistantEventHandler` and azure-ai-agents' `AgentEventHandler`, each in a fresh process, rounds
interleaved: events per CPU second, CPU per event, peak memory while reading.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from ._measure import headline, met, spread, table

ROOT = Path(__file__).resolve().parent.parent
STEPS = 10_000
ROUNDS = 2  # openai takes most of a minute a round
CONTENDERS = ("runsteps", "openai", "azure-ai-agents")


def recorded(path: Path) -> int:
    """The stream of a run of STEPS steps, as the emulator streams it; its size in bytes."""
    from runsteps.emulator import RunScript, StepScript, function_call, message_creation, tool_calls
    from runsteps.emulator._flavours import FLAVOUR_TABLE
    from runsteps.emulator._streams import encode, run_events

    steps = []
    for i in range(STEPS):
        if i % 10 == 9:
            details = message_creation(f"msg_{i:05d}")
        else:
            details = tool_calls(
                function_call(f"call_{i:05d}", "lookup", json.dumps({"row": i, "q": "x" * 20}), str(i))
            )
        steps.append(StepScript(f"step_{i:05d}", details, start=float(i), end=i + 0.5))
    script = RunScript(
        "run_bench", "thread_bench", [(0.0, "queued"), (0.1, "in_progress"), (STEPS + 1.0, "completed")], steps
    )
    events = run_events(script, FLAVOUR_TABLE["openai"], 0.0, started=True, include=False)
    data = b"".join(encode(event) for _, event in events)
    path.write_bytes(data)
    return len(data)


def _read(name: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "bench._streamparse", name, str(path)], cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"{name} failed reading the stream: {done.stderr.strip()[-800:]}")
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def run() -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stream.sse"
        size = recorded(path)
        samples: dict[str, list[dict[str, float]]] = {name: [] for name in CONTENDERS}
        for _ in range(ROUNDS):
            for name in CONTENDERS:
                samples[name].append(_read(name, path))
    events = int(samples["runsteps"][0]["events"])
    rows, cpu = [], {}
    for name in CONTENDERS:
        cpu[name] = statistics.median(s["cpu"] for s in samples[name])
        peak = statistics.median(s["peak_kib"] for s in samples[name]) / 1024
        n = samples[name][0]["events"]
        rows.append((name, f"{n:,.0f}", f"{n / cpu[name]:,.0f}", f"{cpu[name] / n * 1e6:.1f}", f"{peak:.1f}"))
    ratios = [a["cpu"] / b["cpu"] for a, b in zip(samples["runsteps"], samples["openai"], strict=True)]
    ratio = cpu["runsteps"] / cpu["openai"]
    ok = ratio <= 0.5
    headline(
        f"reading a {STEPS:,}-step run's event stream, CPU",
        f"{ratio:.2f}x openai's ({cpu['runsteps'] / events * 1e6:.1f} µs an event)",
        f"openai {cpu['openai'] / events * 1e6:.1f} µs, azure-ai-agents {cpu['azure-ai-agents'] / events * 1e6:.1f} µs",
        "<= 0.5x openai",
        ok,
    )
    return "\n".join([
        table(
            f"Reading a {STEPS:,}-step run's event stream ({size / 2**20:.1f} MiB, {events:,} events), each client in "
            f"a fresh process, median of {ROUNDS} interleaved rounds",
            ("client", "events", "events/CPU s", "CPU µs/event", "peak MiB while reading"),
            rows,
        ),
        f"runsteps CPU vs openai's: {ratio:.2f}x (rounds {spread(ratios)}; target <= 0.5x: {met(ok)})",
    ])  # fmt: skip
