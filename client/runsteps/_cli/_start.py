"""`runsteps start`: a run started on a thread and shown as `watch` shows one (the same lines piped,
the same table on a terminal, the same exit codes), followed by its event stream, by polling when
the stream drops; `--no-stream` starts it and watches it by polling alone."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

from runsteps._cli._commands import show_changes
from runsteps._cli._terminal import Terminal
from runsteps._generated.models import RunStep
from runsteps._sync.client import Client
from runsteps._sync.streams import RunStream


def start_run(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    settings: dict[str, Any] = {"assistant_id": args.assistant, "instructions": args.instructions}
    if args.message is not None:
        settings["additional_messages"] = [{"role": "user", "content": args.message}]
    if args.no_stream:
        run = client.runs.create(args.thread, **settings, timeout=args.timeout)
        terminal.say(f"started run {run.id}")
        watcher = client.steps.watch(run.id, thread_id=args.thread, timeout=args.timeout, interval=args.interval)
        changes = ((change.step, change.raw) for change in watcher._changes())
        return show_changes(changes, lambda: watcher.run or run, args.thread, terminal, run_id=run.id)
    with client.runs.stream(args.thread, **settings, timeout=args.timeout, interval=args.interval) as stream:
        return show_changes(_changes(stream), lambda: stream.run, args.thread, terminal)


def _changes(stream: RunStream) -> Iterator[tuple[RunStep, Any]]:
    """Each step as it first appears and whenever its status changes, from the stream's snapshots."""
    statuses: dict[str, str] = {}
    for event in stream:
        if isinstance(event.data, RunStep) and statuses.get(event.data.id) != str(event.data.status):
            statuses[event.data.id] = str(event.data.status)
            yield event.data, event.raw
