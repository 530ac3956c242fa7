"""The library's log, shown by the command line: retry warnings as lines on stderr."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from runsteps._cli._terminal import Terminal
from runsteps._sanitize import printable


class _ToTerminal(logging.Handler):
    """The library's warnings (retries) as `runsteps: ...` lines on stderr, beside the live line."""

    def __init__(self, terminal: Terminal) -> None:
        super().__init__(logging.WARNING)
        self.terminal = terminal

    def emit(self, record: logging.LogRecord) -> None:
        self.terminal.say(f"runsteps: {printable(record.getMessage(), 500)}")


@contextmanager
def log_to(terminal: Terminal, name: str = "runsteps") -> Iterator[None]:
    """For one command: `main()` may be called again in the same process (scripts, tests), and each
    call's warnings belong to its own terminal, once. `name`: the logger (`opentelemetry` for the
    exporter's, which would otherwise print its retries as Python's log lines)."""
    logger = logging.getLogger(name)
    handler = _ToTerminal(terminal)
    saved = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
