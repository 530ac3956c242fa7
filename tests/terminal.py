"""Running a command on a pseudo-terminal of a given width, and reading the screen it leaves."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import termios
import time

CLEAR_LINE = "\r\x1b[2K"
_PIECES = re.compile(r"(\r\n|\n|\r\x1b\[2K|\r)")


def on_terminal(argv: list[str], columns: int, env: dict[str, str], timeout: float = 90) -> tuple[int, str]:
    """Run `argv` with stdout and stderr on one terminal `columns` wide; its exit code and raw output."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec at once
        os.execvpe(argv[0], argv, {**env, "COLUMNS": str(columns), "LINES": "40", "TERM": "xterm"})
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    out = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            if os.waitpid(pid, os.WNOHANG)[0]:
                break
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:  # the child is gone and the terminal closed
            break
        if not data:
            break
        out += data
    else:
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", errors="replace")


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
