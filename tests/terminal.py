"""Running a command on a pseudo-terminal of a given width, and reading the screen it leaves."""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import termios
import time
from typing import Any

CLEAR_LINE = "\r\x1b[2K"
_PIECES = re.compile(r"(\r\n|\n|\r\x1b\[2K|\r)")


def on_terminal(
    argv: list[str], columns: int, env: dict[str, str], timeout: float = 90, stdout: Any = None
) -> tuple[int, str]:
    """Run `argv` with stdout and stderr on one terminal `columns` wide (stdout elsewhere when given: a
    pipe, a file); its exit code and what the terminal showed."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    # Spawned by subprocess rather than by forking this process, which runs emulator threads.
    child = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave if stdout is None else stdout,
        stderr=slave,
        env={**env, "COLUMNS": str(columns), "LINES": "40", "TERM": "xterm"},
        start_new_session=True,
    )
    os.close(slave)  # the child's copy is the last: reading ends when the child is gone
    out = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            if child.poll() is not None:
                break
            continue
        try:
            data = os.read(master, 65536)
        except OSError:  # the child is gone and the terminal closed
            break
        if not data:
            break
        out += data
    else:
        child.kill()
    code = child.wait()
    os.close(master)
    return code, out.decode("utf-8", errors="replace")


def screen(raw: str) -> list[str]:
    """The lines a terminal keeps: a line rewritten in place leaves only its last text."""
    lines: list[str] = []
    current = ""
    for piece in _PIECES.split(raw):
        if piece in ("\r\n", "\n"):
            lines.append(current)
            current = ""
        elif piece in (CLEAR_LINE, "\r"):
            current = ""
        else:
            current += piece
    if current:
        lines.append(current)
    return lines
