"""The command line: data on stdout (one JSON object per line), progress on stderr, exit codes for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ._client import Client
from ._errors import PollTimeoutError, RunStepsError
from ._generated.models.include_field import IncludeFieldLiteral

INCLUDE_CONTENT: list[IncludeFieldLiteral] = ["step_details.tool_calls[*].file_search.results[*].content"]

EXIT_CODES = """environment:
  OPENAI_API_KEY    the API key (preferred to --api-key, which other users can see in the process list)
  OPENAI_BASE_URL   the API base URL (default https://api.openai.com/v1)

output: stdout carries one JSON object per line, the object the server sent (unknown fields
included), for jq; progress goes to stderr (a live status line on a terminal).

exit codes (wait by the step's status, watch by the run's):
  0 completed   1 failed   3 cancelled   4 expired, incomplete or another final status
  5 API or connection error (the message and request id on stderr)
  6 run paused at requires_action (watch)   124 timed out   2 usage error"""
STATUS_EXIT = {"completed": 0, "failed": 1, "cancelled": 3, "expired": 4, "incomplete": 4, "requires_action": 6}


def _emit(model: Any) -> None:
    print(json.dumps(model.to_dict()), flush=True)


class _Progress:
    """Human progress on stderr: one live line rewritten in place on a terminal, plain lines otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.live = not quiet and sys.stderr.isatty()

    def update(self, text: str) -> None:
        """A change worth a line of its own when not on a terminal."""
        if self.live:
            self.tick(text)
        elif not self.quiet:
            print(text, file=sys.stderr, flush=True)

    def tick(self, text: str) -> None:
        """A change shown only on a terminal's live line."""
        if self.live:
            sys.stderr.write("\r\x1b[2K" + text)
            sys.stderr.flush()

    def done(self, text: str) -> None:
        if self.live:
            sys.stderr.write("\r\x1b[2K")
        if not self.quiet:
            print(text, file=sys.stderr, flush=True)


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

    def command(name: str, help: str, *ids: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            parents=[common],
            help=help,
            description=help,
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        for id_name in ids:
            p.add_argument(id_name, help=f"{id_name} id")
        return p

    p = command("list", "print every step of a run, one JSON object per line", "thread", "run")
    p.add_argument("--order", choices=["asc", "desc"], default="asc", help="creation order (default asc)")
    p.add_argument("--limit", type=int, default=None, help="page size 1..100 (not a cap on steps)")
    p.add_argument("--include-content", action="store_true", help="include file-search result content")
    command("get", "print one step", "thread", "run", "step")
    command("run", "print the run", "thread", "run")
    command("wait", "poll a step until it ends; print it; exit by its status", "thread", "run", "step")
    command(
        "watch",
        "print each step as it appears or changes until the run ends; exit by the run's status",
        "thread",
        "run",
    )
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
        where = f" (request id {request_id})" if request_id and request_id not in str(exc) else ""
        print(f"runsteps: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return 5
    except KeyboardInterrupt:
        return 130


def _run(client: Client, args: argparse.Namespace) -> int:
    progress = _Progress(args.quiet)
    if args.command == "list":
        include = INCLUDE_CONTENT if args.include_content else None
        pager = client.steps.list(args.run, thread_id=args.thread, order=args.order, limit=args.limit, include=include)
        count = 0
        for step in pager:
            _emit(step)
            count += 1
            progress.tick(f"{count} steps")
        progress.done(f"{count} steps")
        return 0
    if args.command == "get":
        _emit(client.steps.retrieve(args.step, thread_id=args.thread, run_id=args.run))
        return 0
    if args.command == "run":
        _emit(client.runs.retrieve(args.run, thread_id=args.thread))
        return 0
    if args.command == "wait":
        progress.tick(f"waiting for step {args.step}")
        step = client.steps.wait(
            args.step, thread_id=args.thread, run_id=args.run, timeout=args.timeout, interval=args.interval
        )
        _emit(step)
        progress.done(f"step {step.id}: {step.status}")
        return STATUS_EXIT.get(str(step.status), 4)
    watcher = client.steps.watch(args.run, thread_id=args.thread, timeout=args.timeout, interval=args.interval)
    statuses: dict[str, str] = {}
    for step in watcher:
        _emit(step)
        statuses[step.id] = str(step.status)
        if progress.live:
            tally = ", ".join(f"{n} {status}" for status, n in sorted(Counter(statuses.values()).items()))
            run_status = watcher.run.status if watcher.run is not None else "?"
            progress.tick(f"run {run_status} | {len(statuses)} steps: {tally} | {step.id} {step.status}")
        else:
            progress.update(f"{step.id}: {step.status}")
    status = str(watcher.run.status) if watcher.run is not None else "unknown"
    progress.done(f"run {args.run}: {status}, {len(statuses)} steps")
    return STATUS_EXIT.get(status, 4)
