"""Archives: memory of `runsteps export`, of replaying its file, and of tracing it, for 10,000 and
100,000 steps.

A thread of 10 runs is exported from the emulator (own process) by the `runsteps export` command;
the file is then served by `Emulator.from_archive` (own process) and exported again from it, which
must give the same bytes; and `runsteps trace --archive` sends it as spans to an OTLP/HTTP receiver
that counts them. Figures: the peak resident memory of the export and trace commands and of the
replaying emulator, and how they grow with the archive (flat: the file grows tenfold).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from ._measure import headline, met, table
from ._serve import LoopbackServer
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


class _SpanSink:
    """An OTLP/HTTP receiver on loopback that counts the spans it is sent and keeps none."""

    def __init__(self) -> None:
        from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

        sink = self
        self.spans = 0

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                request = ExportTraceServiceRequest.FromString(self.rfile.read(int(self.headers["Content-Length"])))
                sink.spans += sum(len(ss.spans) for rs in request.resource_spans for ss in rs.scope_spans)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = LoopbackServer(("127.0.0.1", 0), Handler)
        self.server.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.stop()


def _trace(archive: Path) -> tuple[int, int]:
    """`runsteps trace --archive` of the file; its peak resident memory in KiB and the spans received."""
    sink = _SpanSink()
    try:
        env = {**os.environ, "OTEL_EXPORTER_OTLP_ENDPOINT": sink.url}
        done = subprocess.run(
            [sys.executable, "-m", "bench._peak", "trace", "--archive", str(archive), "--quiet"],
            env=env, cwd=ROOT, capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"runsteps trace failed with exit code {done.returncode}: {done.stderr.strip()}")
        return int(done.stdout.split()[-1]), sink.spans
    finally:
        sink.close()


def run() -> str:
    rows = []
    peaks: dict[str, list[int]] = {"export": [], "replay": [], "trace": []}
    every_span = True
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
            trace_kib, spans = _trace(first)
            every_span = every_span and spans >= n + 10  # a span per step and per run, and per tool call
            peaks["export"].append(export_kib)
            peaks["replay"].append(replay_kib)
            peaks["trace"].append(trace_kib)
            size_mib = first.stat().st_size / 2**20
            rows.append(
                (f"{n:,}", f"{size_mib:.1f}", f"{export_kib / 1024:.1f}", f"{replay_kib / 1024:.1f}",
                 f"{trace_kib / 1024:.1f}", f"{spans:,}")
            )  # fmt: skip
    growth = {what: values[1] / values[0] for what, values in peaks.items()}
    headline(
        f"export and replay peak memory, {SIZES[1]:,} vs {SIZES[0]:,} steps",
        f"{growth['export']:.2f}x, {growth['replay']:.2f}x",
        "",
        f"<= {FLAT}x",
        growth["export"] <= FLAT and growth["replay"] <= FLAT and same,
    )
    headline(
        f"`runsteps trace --archive` peak memory, {SIZES[1]:,} vs {SIZES[0]:,} steps",
        f"{growth['trace']:.2f}x ({peaks['trace'][1] / 1024:.1f} MiB)",
        "every span received" if every_span else "SPANS MISSING",
        f"<= {FLAT}x",
        growth["trace"] <= FLAT and every_span,
    )
    verdicts = [
        f"{what} peak memory, {SIZES[1]:,} vs {SIZES[0]:,} steps: {g:.2f}x (flat, target <= {FLAT}x: {met(g <= FLAT)})"
        for what, g in growth.items()
    ]
    return "\n".join(
        [
            table(
                "Archives: a thread of 10 runs exported, replayed and exported again, and traced (peak resident MiB)",
                ("steps", "file MiB", "export MiB", "replaying emulator MiB", "trace MiB", "spans received"),
                rows,
            ),
            *verdicts,
            f"export -> replay -> export gives the same bytes: {'yes' if same else 'NO'}",
            f"every step and run of the file was received as a span: {'yes' if every_span else 'NO'}",
        ]
    )
