"""`runsteps timeline` and `runsteps trace`: a run drawn on a time axis, and runs sent as OpenTelemetry spans."""

from __future__ import annotations

import argparse
import os
import socket
import time
from typing import Any
from urllib.parse import urlsplit

from runsteps._cli._draw import bars, headline, records
from runsteps._cli._log import log_to
from runsteps._cli._page import page
from runsteps._cli._sources import Source
from runsteps._cli._terminal import Terminal
from runsteps._sanitize import printable

HOME_AND_CLEAR = "\x1b[H\x1b[J"


def timeline(source: Source, args: argparse.Namespace, terminal: Terminal) -> int:
    """Draws the run; with --watch, again every interval until it ends (on a terminal, in place)."""
    interval = args.interval or 1.0
    deadline = time.monotonic() + args.timeout if args.timeout else None
    first = True
    while True:
        drawn = source.timeline(args.thread, args.run)
        last = not args.watch or not drawn.moving
        if args.html:
            with open(args.html, "w", encoding="utf-8") as file:
                file.write(page(drawn))
        if terminal.human:
            if args.watch and not first:
                terminal.out.write(HOME_AND_CLEAR)
            for line in bars(drawn, terminal.width):
                terminal.row(line)
        elif last:
            for record in records(drawn):
                terminal.record(record)
            terminal.say(headline(drawn))
        if last:
            break
        first = False
        if deadline is not None and time.monotonic() + interval > deadline:
            raise TimeoutError(f"the run was still going after --timeout {args.timeout:g}s")
        terminal.status(f"run {printable(str(drawn.run.status), 30)}: redrawing every {interval:g}s")
        time.sleep(interval)
    terminal.done()
    if args.html:
        terminal.say(f"wrote {printable(args.html, 200)}")
    return 0


def trace(source: Source, args: argparse.Namespace, terminal: Terminal) -> int:
    """Sends each run (every run of the thread, or of the archive, unless some are named) as spans to the
    OTLP/HTTP endpoint the standard variables name; exit 5 if the endpoint refused any."""
    with log_to(terminal, "opentelemetry"):  # the exporter's own log lines, as ours: --quiet silences them
        return _trace(source, args, terminal)


def _trace(source: Source, args: argparse.Namespace, terminal: Terminal) -> int:
    exporter = _exporter()
    where, default = _endpoint()
    if not _listening(where):
        terminal.say(
            f"runsteps: nothing listens at {printable(where, 200)}"
            + (" (the default endpoint: set OTEL_EXPORTER_OTLP_ENDPOINT to your collector)" if default else "")
            + "; no spans were sent"
        )
        return 5
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider

    from runsteps.tracing import record_run

    batches = _sync_batches(exporter)
    provider = TracerProvider(
        resource=Resource.create({"service.name": os.environ.get("OTEL_SERVICE_NAME", "runsteps")})
    )
    provider.add_span_processor(batches)
    runs = 0
    try:
        for run, steps in source.runs(args.thread, list(args.runs or [])):
            record_run(run, steps, tracer_provider=provider, record_content=args.record_content)
            runs += 1
            terminal.status(f"{runs} {'run' if runs == 1 else 'runs'}, {batches.sent:,} spans sent")
    finally:
        provider.shutdown()  # sends what is left
    terminal.done()
    if batches.failed:
        terminal.say(
            f"runsteps: {batches.failed:,} of {batches.failed + batches.sent:,} spans were not accepted by "
            f"{printable(where, 200)} (OTEL_EXPORTER_OTLP_ENDPOINT)"
        )
        return 5
    terminal.say(f"sent {batches.sent:,} spans of {runs} {'run' if runs == 1 else 'runs'} to {printable(where, 200)}")
    return 0


def _endpoint() -> tuple[str, bool]:
    """Where spans go, as the exporter reads the standard variables, and whether that is the default.
    A value without a scheme is a usage error: the exporter would take it for a path."""
    for name in ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"):
        value = os.environ.get(name)
        if value:
            if urlsplit(value).scheme not in ("http", "https"):
                raise ValueError(
                    f"{name} must be a URL starting with http:// or https://, got {printable(value, 200)!r}"
                )
            return value, False
    return "http://localhost:4318", True


def _listening(url: str) -> bool:
    """Whether anything accepts a connection at the endpoint, within a second: a missing collector is
    said at once, not after the exporter's retries."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname or "localhost", port), timeout=1.0).close()
    except OSError:
        return False
    return True


def _exporter() -> Any:
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    except ImportError:
        raise ValueError("runsteps trace needs OpenTelemetry: pip install 'runsteps-sdk[otel]'") from None
    return OTLPSpanExporter()  # endpoint, headers, timeout and compression from the OTEL_EXPORTER_OTLP_* variables


def _sync_batches(exporter: Any) -> Any:
    """A span processor that exports spans in batches of 512 as they end, in the caller's thread: memory
    stays flat however many steps an archive holds, and nothing is dropped (the SDK's background queue
    drops spans when it is full)."""
    from opentelemetry.sdk.trace import ReadableSpan, SpanProcessor
    from opentelemetry.sdk.trace.export import SpanExportResult

    class SyncBatches(SpanProcessor):
        SIZE = 512

        def __init__(self) -> None:
            self.batch: list[ReadableSpan] = []
            self.sent = self.failed = 0

        def on_end(self, span: ReadableSpan) -> None:
            self.batch.append(span)
            if len(self.batch) >= self.SIZE:
                self.flush()

        def flush(self) -> None:
            batch, self.batch = self.batch, []
            if not batch:
                return
            if exporter.export(batch) == SpanExportResult.SUCCESS:
                self.sent += len(batch)
            else:
                self.failed += len(batch)

        def shutdown(self) -> None:
            self.flush()
            exporter.shutdown()

        def force_flush(self, timeout_millis: int = 30000) -> bool:
            self.flush()
            return True

    return SyncBatches()
