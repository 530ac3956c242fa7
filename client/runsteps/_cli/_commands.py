"""The commands that read the API: list, runs, get, run, wait, watch, messages, threads. Each returns its
exit code."""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

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
    THREAD_HEADERS,
    THREAD_KEEP,
    THREAD_LEAST,
    WATCH_COLUMNS,
    kind,
    message_row,
    next_step,
    plural,
    run_row,
    run_summary,
    step_row,
    step_summary,
    thread_row,
)
from runsteps._cli._terminal import Terminal, format_row, layout
from runsteps._generated.models.include_field import IncludeFieldLiteral
from runsteps._generated.models.run import Run
from runsteps._generated.models.run_step import RunStep
from runsteps._sanitize import printable
from runsteps._sync.client import Client
from runsteps._sync.iterators import Pager

INCLUDE_CONTENT: list[IncludeFieldLiteral] = ["step_details.tool_calls[*].file_search.results[*].content"]
STATUS_EXIT = {"completed": 0, "failed": 1, "cancelled": 3, "expired": 4, "incomplete": 4, "requires_action": 6}


def exit_code(status: object) -> int:
    """A final status as an exit code (any other final status is 4)."""
    return STATUS_EXIT.get(str(status), 4)


class Rows:
    """Table rows for a person, printed as they come: the layout is chosen from the first batch."""

    def __init__(self, terminal: Terminal, headers: list[str], keep: list[int], least: list[int]) -> None:
        self.terminal, self.headers, self.keep, self.least = terminal, headers, keep, least
        self._layout: tuple[list[int], list[int]] | None = None

    def add(self, rows: list[list[str]]) -> None:
        if not rows:
            return
        if self._layout is None:
            self._layout = layout(rows, self.headers, self.terminal.width, self.keep, self.least)
            self.terminal.row(format_row(self.headers, *self._layout))
        for row in rows:
            self.terminal.row(format_row(row, *self._layout))


def list_steps(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    pager = client.steps.list(
        args.run,
        thread_id=args.thread,
        order=args.order,
        limit=args.limit,
        include=INCLUDE_CONTENT if args.include_content else None,
        timeout=args.timeout,
    )
    rows = Rows(terminal, STEP_HEADERS, STEP_KEEP, STEP_LEAST)
    count = _show_pages(pager, rows, step_row, terminal, "step")
    terminal.say(f"{count} {plural(count, 'step')} of run {printable(args.run, 80)}")
    return 0


def list_runs(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    pager = client.runs.list(args.thread, order=args.order, limit=args.limit, timeout=args.timeout)
    count = _show_pages(pager, Rows(terminal, RUN_HEADERS, RUN_KEEP, RUN_LEAST), run_row, terminal, "run")
    terminal.say(f"{count} {plural(count, 'run')} of thread {printable(args.thread, 80)}")
    return 0


def list_messages(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    pager = client.messages.list(args.thread, run_id=args.run, order=args.order, limit=args.limit, timeout=args.timeout)
    rows = Rows(terminal, MESSAGE_HEADERS, MESSAGE_KEEP, MESSAGE_LEAST)
    count = _show_pages(pager, rows, message_row, terminal, "message")
    of = f"run {printable(args.run, 80)} of " if args.run else ""
    terminal.say(f"{count} {plural(count, 'message')} of {of}thread {printable(args.thread, 80)}")
    return 0


def list_threads(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    pager = client.threads.list(order=args.order, limit=args.limit, timeout=args.timeout)
    count = _show_pages(
        pager, Rows(terminal, THREAD_HEADERS, THREAD_KEEP, THREAD_LEAST), thread_row, terminal, "thread"
    )
    terminal.say(f"{count} {plural(count, 'thread')}")
    return 0


def _show_pages(
    pager: Pager[Any, Any], rows: Rows, row: Callable[[Any], list[str]], terminal: Terminal, noun: str
) -> int:
    """Every item of a listing, page by page: table rows for a person, or each item as the server sent it."""
    count = 0
    for page in pager._walk():
        items = page.model().data  # every item read before any is shown: a malformed one is an error
        if terminal.human:
            rows.add([row(item) for item in items])
        else:
            for raw in page.raw:
                terminal.record(raw)
        count += len(items)
        terminal.status(f"{count} {plural(count, noun)}")
    terminal.done()
    return count


def get_step(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    include = INCLUDE_CONTENT if args.include_content else None
    raw = client.steps.with_raw_response.retrieve(
        args.step, thread_id=args.thread, run_id=args.run, include=include, timeout=args.timeout
    )
    show_step(terminal, raw.parse(), raw.json())
    return 0


def get_run(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    raw = client.runs.with_raw_response.retrieve(args.run, thread_id=args.thread, timeout=args.timeout)
    if terminal.human:
        for line in run_summary(raw.parse()):
            terminal.row(line)
    else:
        terminal.record(raw.json())
    return 0


def wait_step(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    limit = f" (up to {args.timeout:g}s)" if args.timeout else ""
    terminal.status(f"waiting for step {printable(args.step, 60)} to end{limit}")
    raw = client.steps.with_raw_response.wait(
        args.step, thread_id=args.thread, run_id=args.run, timeout=args.timeout, interval=args.interval
    )
    terminal.done()
    step = raw.parse()
    show_step(terminal, step, raw.json())
    terminal.say(f"step {printable(step.id, 80)}: {printable(str(step.status), 40)}")
    return exit_code(step.status)


def show_step(terminal: Terminal, step: RunStep, raw: object) -> None:
    if terminal.human:
        for line in step_summary(step):
            terminal.row(line)
    else:
        terminal.record(raw)


def watch_run(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    watcher = client.steps.watch(args.run, thread_id=args.thread, timeout=args.timeout, interval=args.interval)
    changes = ((change.step, change.raw) for change in watcher._changes())
    return show_changes(changes, lambda: watcher.run, args.thread, terminal, run_id=args.run)


def show_changes(
    changes: Iterable[tuple[RunStep, Any]],
    current: Callable[[], Run | None],
    thread_id: str,
    terminal: Terminal,
    run_id: str | None = None,
) -> int:
    """What `watch` shows of each step that appeared or changed status (a table row on a terminal, its
    JSON piped), then the run's end; the exit code of the run's status. `current()` is the run as
    last seen (its id names it when `run_id` is not known beforehand)."""
    started = time.monotonic()
    statuses: dict[str, str] = {}
    rows = Rows(terminal, *WATCH_COLUMNS)
    for step, raw in changes:
        statuses[step.id] = str(step.status)
        if terminal.human:
            rows.add([[f"{time.monotonic() - started:5.1f}s", step.id, kind(step), str(step.status)]])
        else:
            terminal.record(raw)
        tally = ", ".join(f"{n} {status}" for status, n in sorted(Counter(statuses.values()).items()))
        run = current()
        terminal.status(f"run {run.status if run is not None else '?'} | {len(statuses)} steps: {tally}")
        if not terminal.live and not terminal.human:
            terminal.say(f"{printable(step.id, 80)}: {printable(str(step.status), 40)}")
    terminal.done()
    run = current()
    status = str(run.status) if run is not None else "unknown"
    named = run_id or (run.id if run is not None else "?")
    terminal.say(
        f"run {printable(named, 80)}: {printable(status, 40)}, {len(statuses)} {plural(len(statuses), 'step')}"
    )
    hint = next_step(run, thread_id) if run is not None else None
    if hint:
        terminal.say(hint)
    return exit_code(status)


COMMANDS: dict[str, Callable[[Client, argparse.Namespace, Terminal], int]] = {
    "list": list_steps,
    "runs": list_runs,
    "get": get_step,
    "run": get_run,
    "wait": wait_step,
    "watch": watch_run,
    "messages": list_messages,
    "threads": list_threads,
}
