"""Start-up, in fresh interpreters with every package's bytecode compiled beforehand: `import runsteps`,
naming `runsteps.Client` (against `import httpx`: the client is httpx's, so that is its floor),
`runsteps --help`, and a first `steps.retrieve` from a local server (against httpx's first get and
`json.loads` of the same step).

Every figure is the median wall time of 15 fresh processes, taken in turns so that drift hits each
alike; a ratio is the median of the ratios within each turn, with their range.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from ._measure import headline, met, spread, table

RUNS = 15
BIN = Path(sys.executable).parent
KEY = "sk-bench"
STEP = "/threads/thread_big/runs/run_big/steps/step_000001"


def _wall(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def run() -> str:
    from .concurrency import EmulatorProcess

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    py = [sys.executable, "-c"]
    with EmulatorProcess("pages", "100") as server:
        url = server.base_url
        commands = {
            "python -c pass": [*py, "pass"],
            "import httpx": [*py, "import httpx"],
            "import runsteps": [*py, "import runsteps"],
            "import runsteps; runsteps.Client": [*py, "import runsteps; runsteps.Client"],
            "import openai": [*py, "import openai"],
            "import azure.ai.agents": [*py, "import azure.ai.agents"],
            "runsteps --help": [str(BIN / "runsteps"), "--help"],
            "httpx: first get + json.loads": [
                *py,
                "import httpx, json\n"
                f"with httpx.Client(headers={{'Authorization': 'Bearer {KEY}'}}) as c: "
                f"json.loads(c.get('{url}{STEP}').content)",
            ],
            "runsteps: first steps.retrieve": [
                *py,
                "import runsteps\n"
                f"with runsteps.Client(api_key='{KEY}', base_url='{url}') as c: "
                "c.steps.retrieve('step_000001', thread_id='thread_big', run_id='run_big')",
            ],
        }
        for argv in commands.values():  # warm the file cache
            _wall(argv, env)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):
            for name, argv in commands.items():
                samples[name].append(_wall(argv, env))

    def ratios(name: str, base: str) -> list[float]:
        return [a / b for a, b in zip(samples[name], samples[base], strict=True)]

    ms = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    rows = [
        (name, f"{value:.0f}", f"{value - ms['python -c pass']:.0f}", spread(ratios(name, "import httpx")))
        for name, value in ms.items()
    ]
    imported, help_ms = ms["import runsteps"], ms["runsteps --help"]
    naming = ratios("import runsteps; runsteps.Client", "import httpx")
    first = ratios("runsteps: first steps.retrieve", "httpx: first get + json.loads")
    naming_ok, first_ok = statistics.median(naming) <= 1.2, statistics.median(first) <= 1.3
    headline(
        "`import runsteps`",
        f"{imported:.0f} ms",
        f"{imported - ms['python -c pass']:.0f} ms over `python -c pass`",
        "<= 100 ms",
        imported <= 100,
    )
    headline(
        "`import runsteps; runsteps.Client`",
        f"{ms['import runsteps; runsteps.Client']:.0f} ms",
        f"{spread(naming)} `import httpx`",
        "<= 1.2x",
        naming_ok,
    )
    headline(
        "a first `steps.retrieve` from a local server, start-up included",
        f"{ms['runsteps: first steps.retrieve']:.0f} ms",
        f"{spread(first)} httpx's first get + `json.loads`",
        "<= 1.3x",
        first_ok,
    )
    headline("`runsteps --help`", f"{help_ms:.0f} ms", "", "<= 80 ms", help_ms <= 80)
    return "\n".join(
        [
            table(
                f"Start-up: wall ms, median of {RUNS} fresh processes, bytecode compiled and cached",
                ("command", "ms", "ms over python -c pass", "vs import httpx (range)"),
                rows,
            ),
            f"import runsteps: {imported:.0f} ms (target <= 100 ms: {met(imported <= 100)})",
            f"runsteps.Client named: {spread(naming)} import httpx (target <= 1.2x: {met(naming_ok)})",
            f"a first steps.retrieve: {spread(first)} httpx's first get + json.loads (target <= 1.3x: {met(first_ok)})",
            f"runsteps --help: {help_ms:.0f} ms (target <= 80 ms: {met(help_ms <= 80)})",
        ]
    )
