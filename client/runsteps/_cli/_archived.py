"""`list`, `get`, `run`, `runs` and `messages` with `--archive FILE`: the same output, read from an export file;
`export --archive FILE --format items|eval`: a thread of it, converted.

Piped, each object is written exactly as the file holds it (keys in the same order); on a terminal,
the same tables and summaries as from a server. The file is read as a stream.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from typing import Any

from runsteps._cli._commands import Rows, show_step
from runsteps._cli._describe import (
    MESSAGE_HEADERS,
    MESSAGE_KEEP,
    MESSAGE_LEAST,
    RUN_HEADERS,
    RUN_KEEP,
    RUN_LEAST,
    STEP_HEADERS,
    STEP_KEEP,
    STEP_LEAST,
    message_row,
    plural,
    run_row,
    run_summary,
    step_row,
)
from runsteps._cli._sources import ArchiveSource, RunRecord, StepRecord
from runsteps._cli._terminal import Terminal
from runsteps._sanitize import printable

BATCH = 100  # a table's layout is chosen from its first hundred rows, as from a server's first page


def _show(
    records: Iterable[RunRecord | StepRecord | tuple[Any, dict[str, Any]]],
    rows: Rows,
    row: Callable[[Any], list[str]],
    terminal: Terminal,
) -> int:
    count, batch = 0, []
    for model, raw in records:
        count += 1
        if terminal.human:
            batch.append(row(model))
            if len(batch) == BATCH:
                rows.add(batch)
                batch = []
        else:
            terminal.record(raw)
    rows.add(batch)
    return count


def _missing(what: str, source: ArchiveSource) -> ValueError:
    return ValueError(f"{what} is not in {source.path}")


def list_steps(source: ArchiveSource, args: argparse.Namespace, terminal: Terminal) -> int:
    for _, steps in source.records(args.thread, [args.run]):
        ordered = steps if args.order == "asc" else reversed(list(steps))  # an export holds them oldest first
        count = _show(ordered, Rows(terminal, STEP_HEADERS, STEP_KEEP, STEP_LEAST), step_row, terminal)
        terminal.say(f"{count} {plural(count, 'step')} of run {printable(args.run, 80)}")
        return 0
    raise _missing(f"run {args.run!r} of thread {args.thread!r}", source)


def list_runs(source: ArchiveSource, args: argparse.Namespace, terminal: Terminal) -> int:
    runs = (run for run, _ in source.records(args.thread, []))
    ordered = runs if args.order == "asc" else reversed(list(runs))
    count = _show(ordered, Rows(terminal, RUN_HEADERS, RUN_KEEP, RUN_LEAST), run_row, terminal)
    terminal.say(f"{count} {plural(count, 'run')} of thread {printable(args.thread, 80)}")
    return 0


def get_step(source: ArchiveSource, args: argparse.Namespace, terminal: Terminal) -> int:
    for _, steps in source.records(args.thread, [args.run]):
        for step, raw in steps:
            if step.id == args.step:
                show_step(terminal, step, raw)
                return 0
    raise _missing(f"step {args.step!r} of run {args.run!r}", source)


def get_run(source: ArchiveSource, args: argparse.Namespace, terminal: Terminal) -> int:
    for (run, raw), _ in source.records(args.thread, [args.run]):
        if terminal.human:
            for line in run_summary(run):
                terminal.row(line)
        else:
            terminal.record(raw)
        return 0
    raise _missing(f"run {args.run!r} of thread {args.thread!r}", source)


def list_messages(source: ArchiveSource, args: argparse.Namespace, terminal: Terminal) -> int:
    """`messages --archive FILE`: the thread's messages as the file holds them (oldest first)."""
    from runsteps._archive.reading import read_archive_records
    from runsteps._generated.models import Message

    found = (
        (model, raw)
        for model, raw in read_archive_records(source.path)
        if isinstance(model, Message) and model.thread_id == args.thread and args.run in (None, model.run_id)
    )
    ordered = found if args.order == "asc" else reversed(list(found))
    count = _show(ordered, Rows(terminal, MESSAGE_HEADERS, MESSAGE_KEEP, MESSAGE_LEAST), message_row, terminal)
    if not count and not any(isinstance(m, Message) for m, _ in read_archive_records(source.path)):
        raise ValueError(f"{source.path} holds no messages (an export written before messages were)")
    of = f"run {printable(args.run, 80)} of " if args.run else ""
    terminal.say(f"{count} {plural(count, 'message')} of {of}thread {printable(args.thread, 80)}")
    return 0


def export_converted(source: ArchiveSource, args: argparse.Namespace, terminal: Terminal) -> int:
    """`export --archive FILE --format items|eval`: a thread of an export file, converted."""
    from runsteps._cli._export import write_converted
    from runsteps.convert import ThreadHistory

    if args.format == "runsteps" or args.all_threads:
        raise ValueError("with --archive, export converts one thread of the file: give --format items or eval")
    return write_converted(ThreadHistory.from_archive(source.path, args.thread), args, terminal)


ARCHIVED: dict[str, Callable[[ArchiveSource, argparse.Namespace, Terminal], int]] = {
    "list": list_steps,
    "runs": list_runs,
    "get": get_step,
    "run": get_run,
    "export": export_converted,
    "messages": list_messages,
}
