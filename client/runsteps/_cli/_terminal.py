"""Where the command line writes: data on stdout, talk on stderr, and a live status line on a terminal.

Data is one JSON object per line, exactly as the server sent it (keys in its order), unless stdout
is a terminal (and `--json` was not given): then it is a readable table or summary. Talk goes to
stderr: a live line rewritten in place on a terminal, plain lines otherwise, nothing with `--quiet`.
Every text a server controls is shown without terminal control sequences.
"""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from typing import Any, TextIO

from runsteps._sanitize import printable

CLEAR = "\r\x1b[2K"


class Terminal:
    def __init__(self, *, json_lines: bool, quiet: bool, stdout: TextIO | None = None, stderr: TextIO | None = None):
        self.out = stdout or sys.stdout
        self.err = stderr or sys.stderr
        self.human = not json_lines and _isatty(self.out)  # tables and summaries on stdout
        self.quiet = quiet
        # One status line, rewritten in place; not when stdout is a pipe, whose reader may print to this
        # same terminal at any moment (`runsteps list | jq`): its lines would run into ours.
        self.live = not quiet and _isatty(self.err) and not _is_pipe(self.out)
        self._line = ""

    @property
    def width(self) -> int:
        import shutil  # here, not at start-up: it loads the archive modules, 5 ms of every command

        return max(20, shutil.get_terminal_size((80, 24)).columns)

    # ---- data (stdout) ----

    def record(self, raw: Any) -> None:
        """One JSON object per line, as the server sent it."""
        try:
            text = json.dumps(raw, ensure_ascii=False)
        except RecursionError:
            raise ValueError("an object is nested too deeply to write as JSON") from None
        try:
            self._write_out(text + "\n")
        except UnicodeEncodeError:  # a lone surrogate, or a terminal that cannot show a character
            self._write_out(json.dumps(raw) + "\n")

    def row(self, text: str) -> None:
        """A line of a table or summary, for a person: cut to the terminal's width."""
        self._write_out(fit(text, self.width) + "\n")

    def _write_out(self, text: str) -> None:
        self._hide_live()
        self.out.write(text)
        self.out.flush()
        self._show_live()

    # ---- talk (stderr) ----

    def say(self, text: str) -> None:
        """A line for the person at the terminal, or the log: what happened."""
        if self.quiet:
            return
        self._hide_live()
        self.err.write(text + "\n")
        self.err.flush()
        self._show_live()

    def status(self, text: str) -> None:
        """The live line (on a terminal only): replaced by the next status."""
        if self.live:
            self._line = fit(text, self.width - 1)
            self.err.write(CLEAR + self._line)
            self.err.flush()

    def interrupted(self) -> None:
        """Ctrl-C: keep the live line as it was, and end it, so that the shell's prompt starts below it.
        Drawn again whole: the interrupt may have come between hiding it and showing it again."""
        if self.live and self._line:
            self.err.write(CLEAR + self._line + "\n")
            self.err.flush()
            self._line = ""

    def done(self) -> None:
        """Clear the live line for good."""
        self._hide_live()
        self._line = ""

    def _hide_live(self) -> None:
        if self.live and self._line:
            self.err.write(CLEAR)
            self.err.flush()

    def _show_live(self) -> None:
        if self.live and self._line:
            self.err.write(self._line)
            self.err.flush()


def fit(text: str, width: int) -> str:
    """One line of at most `width` characters, control sequences shown escaped."""
    safe = printable(text, max(len(text), 1))
    return safe if len(safe) <= width else safe[: max(0, width - 1)] + "…"


def layout(
    rows: list[list[str]], headers: list[str], width: int, keep: list[int], least: list[int] | None = None
) -> tuple[list[int], list[int]]:
    """Which columns to show and how wide, for rows like these (and at least `least` wide) within
    `width`: columns not in `keep` are dropped right to left until it fits, then the widest is cut."""
    columns = list(range(len(headers)))
    cells = [[printable(c, 200) for c in row] for row in rows]
    floor = least or [0] * len(headers)

    def widths(cols: list[int]) -> list[int]:
        return [max([len(headers[c]), floor[c]] + [len(r[c]) for r in cells]) for c in cols]

    while sum(widths(columns)) + 2 * (len(columns) - 1) > width and any(c not in keep for c in columns):
        columns.remove(next(c for c in reversed(columns) if c not in keep))
    sizes = widths(columns)
    over = sum(sizes) + 2 * (len(columns) - 1) - width
    if over > 0:
        widest = sizes.index(max(sizes))
        sizes[widest] = max(4, sizes[widest] - over)
    return columns, sizes


def format_row(row: list[str], columns: list[int], sizes: list[int]) -> str:
    parts = [_cell(printable(row[c], 200), size) for c, size in zip(columns, sizes, strict=True)]
    return "  ".join(parts).rstrip()


def _cell(text: str, size: int) -> str:
    return text.ljust(size) if len(text) <= size else text[: max(1, size - 1)] + "…"


def _is_pipe(stream: TextIO) -> bool:
    try:
        return stat.S_ISFIFO(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
