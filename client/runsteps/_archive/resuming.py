"""Resuming an export: where the file's last complete line leaves off, after cutting off a line
half written when the export stopped. Nothing is written twice, nothing is skipped."""

from __future__ import annotations

import json
import os
from typing import IO

import attrs

from runsteps._archive.reading import kind_of


@attrs.frozen
class Position:
    """Where an export stopped: the last run written and the last of its steps (None: none yet); or,
    every run written, the last message; or (all None) the thread's line alone. `thread`: the thread
    the last line belongs to (an export of every thread goes on from there)."""

    run: str | None
    step: str | None
    message: str | None = None
    thread: str | None = None


def last_position(path: str) -> Position | None:
    """The position of a file's last complete line, after cutting off an incomplete one."""
    if not os.path.exists(path):
        return None
    with open(path, "rb+") as file:
        size = file.seek(0, os.SEEK_END)
        end = _end_of_last_line(file, size)
        if end < size:
            file.truncate(end)
        last = _last_line(file, end)
    if last is None:
        return None
    obj = json.loads(last)
    kind = kind_of(obj)
    thread = obj.get("id") if kind == "thread" else obj.get("thread_id")
    if kind == "thread":
        return Position(None, None, thread=thread)
    if kind == "message":
        return Position(None, None, obj["id"], thread=thread)
    if kind == "step":
        return Position(obj["run_id"], obj["id"], thread=thread)
    return Position(obj["id"], None, thread=thread)


def _end_of_last_line(file: IO[bytes], size: int) -> int:
    """The offset just after the last newline (0 when there is none)."""
    position = size
    while position > 0:
        start = max(0, position - 65536)
        file.seek(start)
        chunk = file.read(position - start)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            return start + newline + 1
        position = start
    return 0


def _last_line(file: IO[bytes], end: int) -> bytes | None:
    if end == 0:
        return None
    start = _end_of_last_line(file, end - 1)
    file.seek(start)
    line = file.read(end - start).strip()
    return line or None
