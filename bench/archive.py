"""Archives: memory of `runsteps export` and of replaying its file, for 10,000 and 100,000 steps.

A thread of 10 runs is exported from the emulator (own process) by the `runsteps export` command;
the file is then served by `Emulator.from_archive` (own process) and exported again from it, which
must give the same bytes. Figures: the peak resident memory of the export command and of the
replaying emulator, and how they grow with the archive (flat: the file grows tenfold).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ._measure import met, table
from .concurrency import EmulatorProcess

ROOT = Path(__file__).resolve().parent.parent

SIZES = (10_000, 100_000)
FLAT = 1.25  # at most this growth of peak memory from the smaller archive to the ten times larger one


def _export(base_url: str, out: Path) -> int:
    """Run `runsteps export` into `out`; its peak resident memory in KiB."""
    env = {**os.environ, "OPENAI_API_KEY": "sk-bench", "OPENAI_BASE_URL": base_url}
    done = subprocess.run(
        [sys.executable, "-m", "bench._peak", "export", "thread_big", "-o", str(out), "--quiet"],
        env=env, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"runsteps export failed with exit code {done.returncode}: {done.stderr.strip()}")
    return int(done.stdout.split()[-1])


def run() -> str:
    rows = []
    peaks: dict[str, list[int]] = {"export": [], "replay": []}
    same = True
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            first, second = Path(folder) / f"export-{n}.jsonl", Path(folder) / f"again-{n}.jsonl"
            with EmulatorProcess("thread", str(n)) as emu:
                export_kib = _export(emu.base_url, first)
            with EmulatorProcess("replay", "0", str(first)) as replay:
                _export(replay.base_url, second)
                replay_kib = replay.stats()["peak_rss_kb"]
            same = same and first.read_bytes() == second.read_bytes()
            peaks["export"].append(export_kib)
            peaks["replay"].append(replay_kib)
            size_mib = first.stat().st_size / 2**20
            rows.append((f"{n:,}", f"{size_mib:.1f}", f"{export_kib / 1024:.1f}", f"{replay_kib / 1024:.1f}"))
    growth = {what: values[1] / values[0] for what, values in peaks.items()}
    verdicts = [
        f"{what} peak memory, {SIZES[1]:,} vs {SIZES[0]:,} steps: {g:.2f}x (flat, target <= {FLAT}x: {met(g <= FLAT)})"
        for what, g in growth.items()
    ]
    return "\n".join(
        [
            table(
                "Archives: a thread of 10 runs exported, then replayed and exported again (peak resident MiB)",
                ("steps", "file MiB", "export MiB", "replaying emulator MiB"),
                rows,
            ),
            *verdicts,
            f"export -> replay -> export gives the same bytes: {'yes' if same else 'NO'}",
        ]
    )
