"""The library's log, shown by the command line: retry warnings as lines on stderr."""

from __future__ import annotations

import logging

from .._sanitize import printable
from ._terminal import Terminal


class _ToTerminal(logging.Handler):
    """The library's warnings (retries) as `runsteps: ...` lines on stderr, beside the live line."""

    def __init__(self, terminal: Terminal) -> None:
        super().__init__(logging.WARNING)
        self.terminal = terminal

    def emit(self, record: logging.LogRecord) -> None:
        self.terminal.say(f"runsteps: {printable(record.getMessage(), 500)}")


def log_to(terminal: Terminal) -> None:
    logger = logging.getLogger("runsteps")
    logger.addHandler(_ToTerminal(terminal))
    logger.setLevel(logging.WARNING)
    logger.propagate = False
