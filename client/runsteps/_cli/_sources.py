"""Where the reading commands get a run and its steps: a server, or a `runsteps export` file (`--archive`).

An archive is read as a stream, line by line, keeping only what the command asked for.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator
from typing import Any, Protocol

from runsteps._archive.reading import read_archive_records
from runsteps._generated.models.message import Message
from runsteps._generated.models.run import Run
from runsteps._generated.models.run_step import RunStep
from runsteps._generated.models.thread import Thread
from runsteps._seeing.timeline import Timeline, seconds
from runsteps._sync.client import Client


class Source(Protocol):
    def timeline(self, thread: str, run: str) -> Timeline: ...

    def runs(self, thread: str | None, run_ids: list[str]) -> Iterator[tuple[Run, Iterator[RunStep]]]: ...


class ServerSource:
    """Runs and steps as the server has them now; "now" is the server's `Date`, so a clock skewed
    between the two does not stretch or cut the bars of steps still going."""

    def __init__(self, client: Client, timeout: float | None) -> None:
        self.client, self.timeout = client, timeout

    def timeline(self, thread: str, run: str) -> Timeline:
        raw = self.client.runs.with_raw_response.retrieve(run, thread_id=thread, timeout=self.timeout)
        steps = list(self.client.steps.list(run, thread_id=thread, order="asc", limit=100, timeout=self.timeout))
        return Timeline.build(raw.parse(), steps, server_now(raw.headers.get("date")))

    def runs(self, thread: str | None, run_ids: list[str]) -> Iterator[tuple[Run, Iterator[RunStep]]]:
        if thread is None:
            raise ValueError("a thread is needed to read runs from a server (or give --archive FILE)")
        runs = (
            (self.client.runs.retrieve(r, thread_id=thread, timeout=self.timeout) for r in run_ids)
            if run_ids
            else iter(self.client.runs.list(thread, order="asc", limit=100, timeout=self.timeout))
        )
        for run in runs:
            yield run, iter(self.client.steps.list(run.id, thread_id=thread, order="asc", limit=100))


def server_now(date: str | None) -> float:
    if date:
        try:
            return email.utils.parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError):
            pass
    return time.time()


class ArchiveSource:
    """The runs and steps of an export file: each run's line comes before its steps' lines."""

    def __init__(self, path: str) -> None:
        self.path = path

    def timeline(self, thread: str, run: str) -> Timeline:
        for found, steps in self.runs(thread, [run]):
            kept = list(steps)
            times = [seconds(found.completed_at), seconds(found.failed_at), seconds(found.cancelled_at)]
            times += [t for s in kept for t in (seconds(s.created_at), seconds(s.completed_at))]
            stamps = [t for t in times if t is not None]
            # An archived run still going is drawn as it was when it was written: up to its last time.
            return Timeline.build(found, kept, max(stamps, default=time.time()))
        raise ValueError(f"run {run!r} of thread {thread!r} is not in {self.path}")

    def runs(self, thread: str | None, run_ids: list[str]) -> Iterator[tuple[Run, Iterator[RunStep]]]:
        """Each run wanted (every run of `thread`, or of the file) with an iterator of its steps, read
        from the file as they are asked for: a run of 100,000 steps is never held whole. Steps a caller
        leaves unread are skipped when it asks for the next run."""
        for (run, _), steps in self.records(thread, run_ids):
            yield run, (step for step, _ in steps)

    def records(self, thread: str | None, run_ids: list[str]) -> Iterator[tuple[RunRecord, Iterator[StepRecord]]]:
        """`runs`, each model with its object exactly as the file holds it."""
        items = _Lookahead(read_archive_records(self.path))
        while (item := items.take()) is not None:
            run, raw = item
            if not isinstance(run, Run):
                continue  # a step whose run line is not in the file
            steps = _steps_of(items, run.id)
            if (thread is None or run.thread_id == thread) and (not run_ids or run.id in run_ids):
                yield (run, raw), steps
            for _ in steps:
                pass


Record = tuple[Run | RunStep | Thread | Message, dict[str, Any]]
RunRecord = tuple[Run, dict[str, Any]]
StepRecord = tuple[RunStep, dict[str, Any]]


def _steps_of(items: _Lookahead, run_id: str) -> Iterator[StepRecord]:
    while (item := items.peek()) is not None and isinstance(step := item[0], RunStep):
        items.take()
        if step.run_id == run_id:
            yield step, item[1]


class _Lookahead:
    """An iterator of an archive's records that can look at the next one without taking it."""

    def __init__(self, items: Iterator[Record]) -> None:
        self._items = items
        self._next: Record | None = next(items, None)

    def peek(self) -> Record | None:
        return self._next

    def take(self) -> Record | None:
        item, self._next = self._next, next(self._items, None)
        return item
