"""The command line: data on stdout (one JSON object per line), progress on stderr, exit codes for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from ._client import Client
from ._errors import PollTimeoutError, RunStepsError
from ._validation import INCLUDE_VALUES

EXIT_CODES = """exit codes (wait, and watch by the run's outcome):
  0 completed   1 failed   3 cancelled   4 expired or incomplete
  5 API or connection error   6 run paused at requires_action (watch)
  124 timed out   2 usage error"""
STATUS_EXIT = {"completed": 0, "failed": 1, "cancelled": 3, "expired": 4, "incomplete": 4, "requires_action": 6}


def _emit(model: Any) -> None:
    print(json.dumps(model.to_dict()), flush=True)


def _status_line(text: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[2K" + text)
    else:
        sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--base-url", help="API base URL (default: $OPENAI_BASE_URL, else https://api.openai.com/v1)")
    common.add_argument("--api-key", help="API key (prefer the OPENAI_API_KEY environment variable)")
    common.add_argument("--timeout", type=float, default=None, help="overall seconds to wait (wait, watch)")
    common.add_argument("--interval", type=float, default=None, help="seconds between polls (default 1)")
    common.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser = argparse.ArgumentParser(
        prog="runsteps",
        description="Read and poll run steps of OpenAI-style Assistants servers.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            parents=[common],
            help=help,
            description=help,
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    p = command("list", "print every step of a run, one JSON object per line")
    p.add_argument("thread"), p.add_argument("run")
    p.add_argument("--order", choices=["asc", "desc"], default="asc")
    p.add_argument("--limit", type=int, default=None, help="page size 1..100 (not a cap on steps)")
    p.add_argument("--include-content", action="store_true", help="include file-search result content")
    p = command("get", "print one step")
    p.add_argument("thread"), p.add_argument("run"), p.add_argument("step")
    p = command("run", "print the run")
    p.add_argument("thread"), p.add_argument("run")
    p = command("wait", "poll a step until it ends; print it; exit by its status")
    p.add_argument("thread"), p.add_argument("run"), p.add_argument("step")
    p = command("watch", "print each step as it appears or changes until the run ends; exit by the run's status")
    p.add_argument("thread"), p.add_argument("run")
    from .emulator.__main__ import add_arguments

    p = sub.add_parser(
        "emulator", help="serve the emulator with demo runs on loopback", description="Serve the emulator."
    )
    add_arguments(p)
    sub.add_parser("demo", help="watch a scripted run on the embedded emulator", description="Run the demo.")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "emulator":
        from .emulator.__main__ import serve

        return serve(args)
    if args.command == "demo":
        from ._demo import demo

        return demo()
    try:
        client = Client(args.api_key, base_url=args.base_url)
    except ValueError as exc:
        print(f"runsteps: {exc}", file=sys.stderr)
        return 2
    try:
        with client:
            return _run(client, args)
    except ValueError as exc:
        print(f"runsteps: {exc}", file=sys.stderr)
        return 2
    except PollTimeoutError as exc:
        if exc.last is not None:
            _emit(exc.last)
        print(f"runsteps: timed out: {exc}", file=sys.stderr)
        return 124
    except RunStepsError as exc:
        request_id = getattr(exc, "request_id", None)
        print(
            f"runsteps: {type(exc).__name__}: {exc}" + (f" [request id {request_id}]" if request_id else ""),
            file=sys.stderr,
        )
        return 5
    except KeyboardInterrupt:
        return 130


def _run(client: Client, args: argparse.Namespace) -> int:
    quiet = args.quiet
    if args.command == "list":
        include = list(INCLUDE_VALUES) if args.include_content else None
        pager = client.steps.list(args.run, thread_id=args.thread, order=args.order, limit=args.limit, include=include)
        count = 0
        for step in pager:
            _emit(step)
            count += 1
        if not quiet:
            print(f"{count} steps", file=sys.stderr)
        return 0
    if args.command == "get":
        _emit(client.steps.retrieve(args.step, thread_id=args.thread, run_id=args.run))
        return 0
    if args.command == "run":
        _emit(client.runs.retrieve(args.run, thread_id=args.thread))
        return 0
    if args.command == "wait":
        step = client.steps.wait(
            args.step, thread_id=args.thread, run_id=args.run, timeout=args.timeout, interval=args.interval
        )
        _emit(step)
        if not quiet:
            print(f"step {step.id}: {step.status}", file=sys.stderr)
        return STATUS_EXIT.get(str(step.status), 4)
    watcher = client.steps.watch(args.run, thread_id=args.thread, timeout=args.timeout, interval=args.interval)
    for step in watcher:
        _emit(step)
        if not quiet:
            _status_line(f"{step.id}: {step.status}")
    if sys.stderr.isatty() and not quiet:
        sys.stderr.write("\n")
    status = str(watcher.run.status) if watcher.run is not None else "unknown"
    if not quiet:
        print(f"run {args.run}: {status}", file=sys.stderr)
    return STATUS_EXIT.get(status, 4)
