"""The command line: data on stdout, talk on stderr, exit codes for scripts (see `runsteps --help`).

Only the grammar is loaded to parse arguments; the client, the emulator and the demo are loaded by
the command that needs them.
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

from runsteps._cli._args import parser
from runsteps._cli._terminal import Terminal
from runsteps._sanitize import printable

INTERNAL_ERROR = 70
CLOSED_PIPE = 141  # as a program ended by SIGPIPE: the reader stopped early, no outcome is claimed
INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    terminal: Terminal | None = None
    try:
        if args.command == "emulator":
            from runsteps.emulator.__main__ import serve

            return serve(args)
        if args.command == "demo":
            from runsteps._cli._demo import demo

            return demo()
        terminal = Terminal(json_lines=args.json, quiet=args.quiet)
        return _run(args, terminal)
    except BrokenPipeError:
        # The reader has what it wanted (`| head`): end quietly, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return CLOSED_PIPE
    except KeyboardInterrupt:
        if terminal is not None:
            terminal.interrupted()
        return INTERRUPTED


def _run(args: object, terminal: Terminal) -> int:
    from runsteps._errors import APITimeoutError, PollTimeoutError, RunStepsError

    try:
        with _warnings_said(terminal):
            return _command(args, terminal)
    except ValueError as exc:
        terminal.done()
        _error(terminal, str(exc))
        return 2
    except PollTimeoutError as exc:
        terminal.done()
        if exc.last is not None and getattr(args, "command", "") == "wait":
            from runsteps._cli._commands import show_step

            show_step(terminal, exc.last, exc.last_json)  # the last state seen, as a finished wait prints it
        _error(terminal, f"timed out: {exc}")
        return 124
    except APITimeoutError as exc:
        terminal.done()
        _error(terminal, f"timed out: {exc}" if exc.call_timeout else f"{type(exc).__name__}: {exc}")
        return 124 if exc.call_timeout else 5
    except TimeoutError as exc:  # --timeout of a command that polls by itself (timeline --watch)
        terminal.done()
        _error(terminal, f"timed out: {exc}")
        return 124
    except RunStepsError as exc:
        terminal.done()
        request_id = getattr(exc, "request_id", None)
        shown = f"request id {printable(request_id, 100)}" if request_id else ""  # as the message shows it
        where = f" ({shown})" if shown and shown not in str(exc) else ""
        exporting = getattr(args, "command", "") == "export" and getattr(args, "output", None)
        resume = "; run the same export again with --resume to continue" if exporting else ""
        if getattr(args, "command", "") == "migrate" and not getattr(args, "dry_run", False):
            resume = "; run the same migrate again to continue: the --state file says where it stopped"
        _error(terminal, f"{type(exc).__name__}: {exc}{where}{resume}")
        return 5
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bug of ours: one line, and a code no outcome uses
        terminal.done()
        _error(terminal, f"internal error, please report it: {type(exc).__name__}: {exc}")
        return INTERNAL_ERROR


def _command(args: object, terminal: Terminal) -> int:
    for flag in ("timeout", "interval"):  # checked here so that the message names the flag
        seconds = getattr(args, flag, None)
        if seconds is not None and (not math.isfinite(seconds) or seconds <= 0):
            raise ValueError(f"--{flag} must be a positive number of seconds, got {seconds:g}")
    command = getattr(args, "command", "")
    if command in ("timeline", "trace") or getattr(args, "archive", None):
        return _look(args, terminal)
    from runsteps._cli._act import ACTIONS
    from runsteps._cli._commands import COMMANDS
    from runsteps._cli._connect import connect
    from runsteps._cli._export import export
    from runsteps._cli._log import log_to

    with log_to(terminal), connect(args) as client:  # type: ignore[arg-type]
        if command == "export":
            return export(client, args, terminal)  # type: ignore[arg-type]
        if command == "migrate":
            from runsteps._cli._migrate import migrate

            return migrate(client, args, terminal)  # type: ignore[arg-type]
        return {**COMMANDS, **ACTIONS}[command](client, args, terminal)  # type: ignore[arg-type]


def _look(args: Any, terminal: Terminal) -> int:
    """timeline and trace read a server, or an export file with --archive (then nothing is sent); so do
    list, runs, get and run with --archive."""
    from runsteps._cli._archived import ARCHIVED
    from runsteps._cli._log import log_to
    from runsteps._cli._see import timeline, trace
    from runsteps._cli._sources import ArchiveSource, ServerSource

    see = timeline if args.command == "timeline" else trace
    if args.archive:
        if not os.path.exists(args.archive):
            raise ValueError(f"--archive {args.archive}: no such file")
        if os.path.isdir(args.archive):
            raise ValueError(f"--archive {args.archive}: a directory, not an export file")
        return ARCHIVED.get(args.command, see)(ArchiveSource(args.archive), args, terminal)
    from runsteps._cli._connect import connect

    with log_to(terminal), connect(args) as client:
        return see(ServerSource(client, args.timeout), args, terminal)


@contextlib.contextmanager
def _warnings_said(terminal: Terminal) -> Iterator[None]:
    """The library's warnings (plain http to a remote host, an unreadable NO_PROXY entry) in the
    command line's words, one line each on stderr (none with --quiet), not Python's with a file path."""
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.showwarning = lambda message, *_, **__: terminal.say(f"runsteps: warning: {printable(message, 500)}")
        yield


def _error(terminal: Terminal, message: str) -> None:
    # With --quiet nothing goes to stderr, errors included: the exit code says what happened.
    terminal.say(f"runsteps: {printable(message, 2000)}")
