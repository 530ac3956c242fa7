"""Serving a `runsteps export` file: every object exactly as recorded, read from the file when asked for.

Indexing reads the file once and keeps, per run, where each of its steps' lines lies (two arrays of
integers: 16 bytes a step), so memory stays small however long the archive is. A page is read with
`os.pread`; a cursor is found from the ids recently served (a few thousand, for the whole archive),
else by reading the list's lines.
"""

from __future__ import annotations

import collections
import os
import threading
from array import array
from typing import Any

from runsteps._archive.reading import kind_of, line_object, open_archive
from runsteps._model_base import read_json

RECENT_IDS = 8192  # ids to remember, archive-wide: a client paging asks for the last one served


class Lines:
    """The lines of one list (a thread's runs, or a run's steps), oldest first, as offsets in the file."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive
        self.offsets: array[int] = array("q")
        self.lengths: array[int] = array("l")

    def __len__(self) -> int:
        return len(self.offsets)

    def add(self, offset: int, length: int) -> None:
        self.offsets.append(offset)
        self.lengths.append(length)

    def read(self, i: int) -> dict[str, Any]:
        obj: dict[str, Any] = read_json(os.pread(self._archive.fd(), self.lengths[i], self.offsets[i]))
        self._archive.remember(self, obj.get("id"), i)
        return obj

    def position(self, object_id: str) -> int | None:
        known = self._archive.recalled(self, object_id)
        if known is not None:
            return known
        for i in range(len(self)):  # not served recently: read the ids in turn
            if self.read(i).get("id") == object_id:
                return i
        return None


class Archive:
    """The threads, runs, steps and messages of an export file, by thread and run."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path: str = os.fspath(path)
        self._fd: int | None = None
        self.runs: dict[str, Lines] = {}  # thread id -> its runs
        self.steps: dict[tuple[str, str], Lines] = {}  # (thread id, run id) -> its steps
        self.threads: dict[str, tuple[int, int]] = {}  # thread id -> where its line is
        self.messages: dict[str, Lines] = {}  # thread id -> its messages
        self._thread_of: dict[str, str] = {}  # run id -> its thread
        # (list, id) -> position, for the ids read most recently, whatever list they are in.
        self._recent: collections.OrderedDict[tuple[Lines, str], int] = collections.OrderedDict()
        self._lock = threading.Lock()
        self._index()

    def _index(self) -> None:
        offset = 0
        name = os.path.basename(self.path)
        with open_archive(self.path) as lines:
            for number, line in enumerate(lines, start=1):
                obj = line_object(line, number, name)
                if obj is not None:
                    if not line.endswith(b"\n"):
                        break  # an export interrupted mid-line: what it wrote whole is the archive
                    self._add(obj, offset, len(line), number)
                offset += len(line)

    def _add(self, obj: Any, offset: int, length: int, number: int) -> None:
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
            raise ValueError(f"{self.path} line {number}: not a thread, run, step or message with an id")
        kind = kind_of(obj)
        if kind == "thread":
            self.threads[obj["id"]] = (offset, length)
        elif kind == "message":
            self.messages.setdefault(str(obj.get("thread_id") or ""), Lines(self)).add(offset, length)
        elif kind == "run":
            thread = str(obj.get("thread_id") or "")
            self._thread_of[obj["id"]] = thread
            self.runs.setdefault(thread, Lines(self)).add(offset, length)
            self.steps.setdefault((thread, obj["id"]), Lines(self))
        else:
            run = str(obj.get("run_id") or "")
            thread = self._thread_of.get(run, str(obj.get("thread_id") or ""))
            self.steps.setdefault((thread, run), Lines(self)).add(offset, length)

    def remember(self, lines: Lines, object_id: Any, i: int) -> None:
        if not isinstance(object_id, str):
            return
        with self._lock:
            self._recent[(lines, object_id)] = i
            self._recent.move_to_end((lines, object_id))
            if len(self._recent) > RECENT_IDS:
                self._recent.popitem(last=False)

    def recalled(self, lines: Lines, object_id: str) -> int | None:
        with self._lock:
            return self._recent.get((lines, object_id))

    def run(self, thread_id: str, run_id: str) -> dict[str, Any] | None:
        runs = self.runs.get(thread_id)
        at = runs.position(run_id) if runs is not None else None
        return runs.read(at) if runs is not None and at is not None else None

    def holds(self, thread_id: str) -> bool:
        return thread_id in self.runs or thread_id in self.threads or thread_id in self.messages

    def thread(self, thread_id: str) -> dict[str, Any] | None:
        where = self.threads.get(thread_id)
        if where is None:
            return None
        found: dict[str, Any] = read_json(os.pread(self.fd(), where[1], where[0]))
        return found

    def fd(self) -> int:
        """The file, opened when first read after the emulator started."""
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDONLY)
        return self._fd

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
