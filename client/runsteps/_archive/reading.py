"""Archives: the JSON-lines files `runsteps export` writes, one object per line exactly as the server sent it.

The thread first, then its runs and their steps (each run before its steps, oldest first), then the
thread's messages, oldest first. Archives written before threads and messages were exported hold runs
and steps only, and read the same. Reading one is streaming: memory does not grow with the file.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from typing import IO, Any

from runsteps._generated.models import Message, Run, RunStep, Thread
from runsteps._model_base import PayloadError, read_json

KINDS: dict[str, type[Run | RunStep | Thread | Message]] = {
    "thread": Thread,
    "message": Message,
    "run": Run,
    "step": RunStep,
}
_BY_OBJECT = {"thread": "thread", "thread.message": "message", "thread.run": "run", "thread.run.step": "step"}


def kind_of(obj: dict[str, Any]) -> str:
    """ "thread", "message", "run" or "step": by `object`, else by shape (a message has a role, a step
    names its run; what names neither is a run)."""
    kind = _BY_OBJECT.get(obj.get("object"))  # type: ignore[arg-type]
    if kind is not None:
        return kind
    if "role" in obj and "content" in obj:
        return "message"
    return "step" if "run_id" in obj or "step_details" in obj else "run"


def archive_objects(lines: IO[bytes], name: str = "archive") -> Iterator[tuple[int, dict[str, Any]]]:
    """Each complete line's number and JSON object. A last line cut short (an export interrupted
    mid-write) is not one. Anything else that is not a JSON object in UTF-8 is a `PayloadError`
    naming the file and line."""
    for number, raw in enumerate(lines, start=1):
        obj = line_object(raw, number, name)
        if obj is not None:
            yield number, obj


def line_object(raw: bytes, number: int, name: str) -> dict[str, Any] | None:
    """The object a line of an export holds; None for a blank line or an unfinished last one."""
    where = (f"{name} line {number}",)
    try:
        text = raw.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        raise PayloadError("not UTF-8 text: is this a runsteps export (JSON lines)?", where) from None
    if not text.endswith("\n"):
        try:
            obj = read_json(text)
        except ValueError:
            return None  # the unfinished end of an interrupted export
    elif not text.strip():
        return None
    else:
        try:
            obj = read_json(text)
        except (ValueError, RecursionError) as exc:
            raise PayloadError(
                f"not a JSON object ({type(exc).__name__}): is this a runsteps export (JSON lines)?", where
            ) from None
    if not isinstance(obj, dict):
        raise PayloadError("not a JSON object: is this a runsteps export (JSON lines)?", where)
    return obj


def open_archive(name: str) -> IO[bytes]:
    """An export file opened for reading; an `OSError` saying what is wrong (a directory, no such file)
    with its name."""
    if os.path.isdir(name):
        raise IsADirectoryError(errno.EISDIR, "a directory, not an export file", name)
    return open(name, "rb")


def read_archive(path: str | os.PathLike[str]) -> Iterator[Run | RunStep | Thread | Message]:
    """The thread, runs, steps and messages of a `runsteps export` file, as models, in the order they
    were written (an archive from before messages were exported holds runs and steps only).

    A line that is not a JSON object, or not an object a model can hold, is a `PayloadError` naming the
    line. The file is read as it is iterated.
    """
    for model, _ in read_archive_records(path):
        yield model


def read_archive_records(
    path: str | os.PathLike[str],
) -> Iterator[tuple[Run | RunStep | Thread | Message, dict[str, Any]]]:
    """`read_archive`'s models, each with its object exactly as the file holds it (keys in order)."""
    name = os.fspath(path)
    with open_archive(name) as lines:
        for number, obj in archive_objects(lines, os.path.basename(name)):
            try:
                yield KINDS[kind_of(obj)].from_dict(obj), obj
            except PayloadError as exc:
                raise exc.within(f"{os.path.basename(name)} line {number}") from None
