"""`runsteps export`: a thread, its runs and their steps, and its messages as JSON lines, resumable
after an interruption.

The thread's line comes first; then each run's line before its steps' lines, runs oldest first and
each run's steps oldest first; then every message of the thread, oldest first (the user's turns and
the answers: all of them, also when only some runs are named). Every line is one object exactly as
the server sent it. `--resume` reads the file's last complete line, cuts off anything after it (a
line half written when the export stopped), and carries on from there: nothing is written twice,
nothing is skipped.

A run still going when it is exported is written as it was then, and named on stderr; with `--wait`
each run is first followed until it settles, so that the file holds every run whole.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any, TypeVar

from runsteps._archive.resuming import Position, last_position
from runsteps._cli._commands import INCLUDE_CONTENT
from runsteps._cli._describe import plural
from runsteps._cli._terminal import Terminal
from runsteps._errors import NotFoundError
from runsteps._plans.polling import MOVING_RUN_STATUSES
from runsteps._sanitize import printable
from runsteps._sync.client import Client

if TYPE_CHECKING:
    from runsteps.convert import ThreadHistory

PAGE = 100
T = TypeVar("T")


def export(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    if args.all_threads == bool(args.thread):
        raise ValueError("give a thread, or --all-threads for every thread (Azure AI Agents)")
    if args.format != "runsteps":
        if args.all_threads:
            raise ValueError(f"--all-threads writes a runsteps export; --format {args.format} takes one thread")
        return export_converted(client, args, terminal)
    if args.all_threads and (args.runs or not args.output):
        raise ValueError("--all-threads takes no runs, and writes to -o FILE (which --resume continues)")
    resume_at = None
    if args.resume:
        if not args.output:
            raise ValueError("--resume needs -o FILE: it continues that file")
        resume_at = last_position(args.output)
    progress = Progress(terminal)
    lines = (
        _every_thread(client, args, resume_at, progress)
        if args.all_threads
        else _lines(client, args, resume_at, progress)
    )
    with _destination(args) as out:
        try:
            for line in lines:
                out.write(line)
        finally:
            out.flush()  # every complete line written so far stays: --resume carries on after it
    terminal.done()
    terminal.say(progress.summary())
    for missing in progress.missing:
        terminal.say(f"runsteps: written without it: {printable(missing, 300)}")
    if progress.unsettled:
        names = ", ".join(f"{printable(run, 80)} ({printable(status, 40)})" for run, status in progress.unsettled)
        count = len(progress.unsettled)
        # With --wait only runs waiting at requires_action are left: waiting longer would not end them.
        advice = (
            "; they wait for their calls to be answered"
            if getattr(args, "wait", False)
            else "; export with --wait to follow each run to its end first"
        )
        terminal.say(
            f"runsteps: {count} {plural(count, 'run')} had not settled and {'is' if count == 1 else 'are'} "
            f"exported as {'it was' if count == 1 else 'they were'}: {names}{advice}"
        )
    return 0


def _every_thread(
    client: Client, args: argparse.Namespace, resume_at: Position | None, progress: Progress
) -> Iterator[str]:
    """Each thread of the project, oldest first, exported whole in turn: from the thread an interrupted
    export stopped in (finished first), then the threads after it. One thread is held at a time."""
    stopped_in = resume_at.thread if resume_at is not None else None
    if stopped_in is not None:
        yield from _lines(client, _for_thread(args, stopped_in), resume_at, progress)
    for page in client.threads.list(order="asc", limit=PAGE, after=stopped_in, timeout=args.timeout)._walk():
        for thread in page.items():
            yield from _lines(client, _for_thread(args, thread.id), None, progress)
            progress.threads += 1


def _for_thread(args: argparse.Namespace, thread_id: str) -> argparse.Namespace:
    return argparse.Namespace(**{**vars(args), "thread": thread_id, "runs": []})


def export_converted(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    """`--format items` or `eval`, read from the server."""
    terminal.status(f"reading thread {printable(args.thread, 60)}")
    return write_converted(client.threads.read(args.thread, timeout=args.timeout), args, terminal)


def write_converted(history: ThreadHistory, args: argparse.Namespace, terminal: Terminal) -> int:
    """`--format items`: the thread as the successor's input items; `--format eval`: as evaluation rows,
    one a run. A JSON object a line; each thing that cannot go is a line on stderr (run, step, call,
    type and why)."""
    from runsteps.convert import to_eval_rows, to_items

    if args.resume:
        raise ValueError(f"--resume continues a runsteps export; --format {args.format} is written whole")
    if args.runs:
        history = history.only_runs(list(args.runs))
    if args.format == "eval":
        rows = to_eval_rows(history)
        written_out, losses = list(rows), rows.losses
    else:
        conversion = to_items(history)
        written_out, losses = conversion.items, conversion.losses
    with _destination(args) as out:
        out.write("".join(_line(item) for item in written_out))
    terminal.done()
    for loss in losses:
        terminal.say(f"runsteps: not carried: {printable(str(loss), 400)}")
    written, lost = len(written_out), len(losses)
    what = "evaluation row" if args.format == "eval" else "item"
    terminal.say(
        f"wrote {written:,} {plural(written, what)} of thread {printable(history.thread_id, 80)} "
        f"({len(history.messages):,} {plural(len(history.messages), 'message')}, {len(history.runs):,} "
        f"{plural(len(history.runs), 'run')}); {lost:,} {'thing' if lost == 1 else 'things'} not carried"
    )
    return 0


@contextlib.contextmanager
def _destination(args: argparse.Namespace) -> Iterator[IO[str]]:
    if not args.output:
        yield sys.stdout
        return
    with open(args.output, "a" if args.resume else "w", encoding="utf-8", errors="surrogatepass") as file:
        yield file


def _lines(client: Client, args: argparse.Namespace, resume_at: Position | None, progress: Progress) -> Iterator[str]:
    if resume_at is None:
        thread = _unless_missing(lambda: client.threads.with_raw_response.retrieve(args.thread).json(), progress)
        if thread is not None:
            yield _line(thread)
    if resume_at is None or resume_at.message is None:
        yield from _run_lines(client, args, resume_at if resume_at is not None and resume_at.run else None, progress)
    after = resume_at.message if resume_at is not None else None
    pager = client.messages.list(args.thread, order="asc", limit=PAGE, after=after)
    try:
        for page in pager._walk():
            page.model()  # as for steps: every message is read first
            yield "".join(_line(raw) for raw in page.raw)
            progress.messages(len(page.raw))
    except NotFoundError as exc:
        if progress.done_messages:
            raise
        progress.missing.append(str(exc))


def _unless_missing(read: Callable[[], T], progress: Progress) -> T | None:
    """What `read` gives, or None where the server has no thread object or messages (a replayed archive
    from before they were exported): the export goes on without them and says so."""
    try:
        return read()
    except NotFoundError as exc:
        progress.missing.append(str(exc))
        return None


def _run_lines(
    client: Client, args: argparse.Namespace, resume_at: Position | None, progress: Progress
) -> Iterator[str]:
    include = INCLUDE_CONTENT if args.include_content else None
    for run_id, raw_run in _runs(client, args, resume_at):
        resuming = resume_at is not None and resume_at.run == run_id
        if raw_run is not None and getattr(args, "wait", False) and _moving(raw_run):
            progress.terminal.status(f"waiting for run {printable(run_id, 60)} to settle")
            raw_run = client.runs.with_raw_response.wait(run_id, thread_id=args.thread, timeout=args.timeout).json()
        if raw_run is not None and _unsettled(raw_run):
            progress.unsettled.append((run_id, str(raw_run.get("status"))))
        if raw_run is not None and not resuming:
            yield _line(raw_run)
        after = resume_at.step if resuming and resume_at is not None else None
        pager = client.steps.list(run_id, thread_id=args.thread, order="asc", limit=PAGE, after=after, include=include)
        for page in pager._walk():
            page.model()  # every step is read first: an export holds only what the client can read back
            yield "".join(_line(raw) for raw in page.raw)
            progress.steps(len(page.raw))
        progress.run_done()


def _runs(client: Client, args: argparse.Namespace, resume_at: Position | None) -> Iterator[tuple[str, Any]]:
    """The runs to export, from the one the export stopped in: (id, the run's JSON, None if written)."""
    stopped_in = resume_at.run if resume_at is not None else None
    if args.runs:
        names = list(args.runs)
        if stopped_in is not None:
            if stopped_in not in names:
                raise ValueError(
                    f"the file's last line belongs to run {stopped_in!r}, which is not among the runs named"
                )
            names = names[names.index(stopped_in) :]
        for run_id in names:
            if run_id == stopped_in:
                yield run_id, None
            else:
                yield run_id, client.runs.with_raw_response.retrieve(run_id, thread_id=args.thread).json()
        return
    if stopped_in is not None:
        yield stopped_in, None
    pager = client.runs.list(args.thread, order="asc", limit=PAGE, after=stopped_in)
    for page in pager._walk():
        for run, raw in zip(page.items(), page.raw, strict=True):
            yield run.id, raw


def _moving(raw_run: Any) -> bool:
    return isinstance(raw_run, dict) and raw_run.get("status") in MOVING_RUN_STATUSES


def _unsettled(raw_run: Any) -> bool:
    """Still going, or waiting at requires_action: what is written of it may change."""
    return _moving(raw_run) or (isinstance(raw_run, dict) and raw_run.get("status") == "requires_action")


def _line(raw: Any) -> str:
    try:
        return json.dumps(raw, ensure_ascii=False) + "\n"
    except RecursionError:
        raise ValueError("an object is nested too deeply to write as JSON") from None


class Progress:
    """Runs and steps done, and the rate: a live line on a terminal, a line per run otherwise."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self.started = time.monotonic()
        self.threads = 0
        self.runs = 0
        self.done_steps = 0
        self.done_messages = 0
        self.unsettled: list[tuple[str, str]] = []  # (run id, status) of runs exported before they settled
        self.missing: list[str] = []  # what the server had no thread object or messages for

    def messages(self, count: int) -> None:
        self.done_messages += count
        self._show()

    def run_done(self) -> None:
        self.runs += 1
        self._show()

    def steps(self, count: int) -> None:
        self.done_steps += count
        self._show()

    def _show(self) -> None:
        self.terminal.status(self.summary())

    def summary(self) -> str:
        rate = self.done_steps / max(1e-9, time.monotonic() - self.started)
        runs, steps = self.runs, self.done_steps
        messages = self.done_messages
        threads = f"{self.threads:,} {plural(self.threads, 'thread')}, " if self.threads else ""
        return (
            f"exported {threads}{runs} {plural(runs, 'run')}, {steps:,} {plural(steps, 'step')}, "
            f"{messages:,} {plural(messages, 'message')} ({rate:,.0f} steps/s)"
        )
