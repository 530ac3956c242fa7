"""Start-up: `import runsteps` and `runsteps --help`, each in fresh interpreters, against `python -c pass`.

Every figure is the median wall time of 15 fresh processes, taken in turns so that drift hits each alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from ._measure import met, table

RUNS = 15
BIN = Path(sys.executable).parent


def _wall(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def run() -> str:
    env_python = [sys.executable, "-c"]
    commands = {
        "python -c pass": [*env_python, "pass"],
        "import runsteps": [*env_python, "import runsteps"],
        "import runsteps; runsteps.Client": [*env_python, "import runsteps; runsteps.Client"],
        "import openai": [*env_python, "import openai"],
        "runsteps --help": [str(BIN / "runsteps"), "--help"],
    }
    for argv in commands.values():  # warm the file cache and the bytecode
        _wall(argv)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, argv in commands.items():
            samples[name].append(_wall(argv))
    ms = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    base = ms["python -c pass"]
    rows = [(name, f"{value:.0f}", f"{value - base:.0f}", f"{value / base:.2f}x") for name, value in ms.items()]
    imported, help_ms = ms["import runsteps"], ms["runsteps --help"]
    return "\n".join(
        [
            table(
                f"Start-up: wall ms, median of {RUNS} fresh processes (PYTHONDONTWRITEBYTECODE unset: bytecode cached)",
                ("command", "ms", "ms over python -c pass", "vs python -c pass"),
                rows,
            ),
            f"import runsteps: {imported:.0f} ms, {imported - base:.0f} ms of it the import "
            f"(target <= 100 ms: {met(imported <= 100)})",
            f"runsteps --help: {help_ms:.0f} ms, {help_ms / base:.2f}x python -c pass "
            f"(target <= 80 ms: {met(help_ms <= 80)})",
        ]
    )


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    print(run())
