"""The command line's grammar and help. Importing this loads nothing heavy: `runsteps --help` is fast."""

from __future__ import annotations

import argparse
import difflib
import re
from typing import Any, NoReturn

from runsteps._version import __version__


class _Parser(argparse.ArgumentParser):
    """Suggests the command meant for a misspelt one (`lst`: did you mean 'list'?) on every Python."""

    def error(self, message: str) -> NoReturn:
        wrong = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if wrong is not None:
            choices = re.findall(r"'([^']*)'", wrong.group(2))
            close = difflib.get_close_matches(wrong.group(1), choices, n=1, cutoff=0.6)
            if close and "did you mean" not in message:
                message = f"{message.split(' (choose from')[0]} (did you mean {close[0]!r}?)"
        super().error(message)


ENVIRONMENT = """servers (--server, or RUNSTEPS_SERVER; each family reads its own variables):
  openai        OPENAI_API_KEY, OPENAI_BASE_URL (a compatible server's
                http://host/v1; there is no default)
  azure         AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY, OPENAI_API_VERSION,
                AZURE_OPENAI_AD_TOKEN (an endpoint ending in /openai/v1: the v1
                surface)
  azure-agents  PROJECT_ENDPOINT, and a token from --token-command
                (RUNSTEPS_TOKEN_COMMAND), e.g. "az account get-access-token
                --resource https://ai.azure.com --query accessToken -o tsv"
  flags override the environment; prefer variables to --api-key (others can
  read command lines); common options go before or after the command

output: piped or redirected, stdout carries one JSON object per line, exactly
as the server sent it; on a terminal a readable table or summary (--json
forces JSON lines). Progress and messages go to stderr (a live line on a
terminal); --quiet silences them.

exit codes (wait: by the step's status; watch and --wait: by the run's):
  0 completed   1 failed   3 cancelled   4 expired, incomplete or other final
  5 API or connection error (the message and request id on stderr)
  6 run paused at requires_action (watch, --wait)   124 timed out (--timeout)
  2 usage error (nothing sent)   70 internal error   130 interrupted
  141 the reader closed the pipe (| head): no outcome is claimed"""


def _common(parser: argparse.ArgumentParser, *, defaults: bool, json_flag: bool = True) -> argparse.ArgumentParser:
    """The options every API command takes, before or after the command's name (as in git): the top
    parser sets their defaults, and a command's parser only what is given after its name."""
    keep: dict[str, Any] = {} if defaults else {"default": argparse.SUPPRESS}
    where = parser.add_argument_group("server")
    where.add_argument(
        "--server", choices=["openai", "azure", "azure-agents"], help="server family (RUNSTEPS_SERVER)", **keep
    )
    where.add_argument(
        "--base-url", "--endpoint", dest="url", help="base URL (openai) or endpoint (azure families)", **keep
    )
    where.add_argument("--api-key", help="API key (prefer the family's environment variable)", **keep)
    where.add_argument("--api-version", help="api-version (azure: OPENAI_API_VERSION; azure-agents: v1)", **keep)
    where.add_argument("--token-command", help="a command printing a bearer token (RUNSTEPS_TOKEN_COMMAND)", **keep)
    where.add_argument("--header", action="append", metavar="'NAME: VALUE'", help="a header for every request", **keep)
    where.add_argument(
        "--query", action="append", metavar="NAME=VALUE", help="a query parameter for every request", **keep
    )
    shown = parser.add_argument_group("output")
    if json_flag:  # not where output is JSON lines anyway (export)
        shown.add_argument("--json", action="store_true", help="JSON lines even on a terminal", **keep)
    shown.add_argument("--quiet", action="store_true", help="nothing on stderr", **keep)
    shown.add_argument("--timeout", type=float, help="seconds the command may take (exit 124 after)", **keep)
    return parser


def parser() -> argparse.ArgumentParser:
    common = _common(argparse.ArgumentParser(add_help=False), defaults=False)
    # For commands whose output --json would not change (export: JSON lines always; trace: none).
    without_json_flag = _common(argparse.ArgumentParser(add_help=False), defaults=False, json_flag=False)
    polling = argparse.ArgumentParser(add_help=False)
    polling.add_argument("--interval", type=float, default=None, help="seconds between polls (default 1)")

    top = _common(
        _Parser(
            prog="runsteps",
            description="Read, wait for, watch and act on the runs of OpenAI-style Assistants servers.",
            epilog=ENVIRONMENT,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        ),
        defaults=True,
    )
    top.add_argument("--version", action="version", version=f"runsteps {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, text: str, *ids: str, parents: tuple[argparse.ArgumentParser, ...] = (common,)
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            parents=list(parents),
            help=text,
            description=text,
            epilog=ENVIRONMENT,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        for id_name in ids:
            sub.add_argument(id_name, help=f"the {id_name} id")
        return sub

    archive = argparse.ArgumentParser(add_help=False)
    archive.add_argument("--archive", metavar="FILE", help="read a `runsteps export` file instead of a server")
    listing = command("list", "every step of a run", "thread", "run", parents=(common, archive))
    listing.add_argument("--order", choices=["asc", "desc"], default="asc", help="creation order (default asc)")
    listing.add_argument("--limit", type=int, default=None, help="page size 1..100 (not a cap on steps)")
    listing.add_argument("--include-content", action="store_true", help="include file-search result content")
    runs = command("runs", "every run of a thread", "thread", parents=(common, archive))
    runs.add_argument("--order", choices=["asc", "desc"], default="asc", help="creation order (default asc)")
    runs.add_argument("--limit", type=int, default=None, help="page size 1..100 (not a cap on runs)")
    messages = command(
        "messages", "the messages of a thread: the user's turns and the answers", "thread", parents=(common, archive)
    )
    messages.add_argument("--run", metavar="RUN", help="only the messages this run made")
    messages.add_argument("--order", choices=["asc", "desc"], default="asc", help="creation order (default asc)")
    messages.add_argument("--limit", type=int, default=None, help="page size 1..100 (not a cap on messages)")
    threads = command("threads", "every thread of an Azure AI Agents project")
    threads.add_argument("--order", choices=["asc", "desc"], default="asc", help="creation order (default asc)")
    threads.add_argument("--limit", type=int, default=None, help="page size 1..100 (not a cap on threads)")
    get = command("get", "one step", "thread", "run", "step", parents=(common, archive))
    get.add_argument("--include-content", action="store_true", help="include file-search result content")
    command("run", "the run", "thread", "run", parents=(common, archive))
    command("wait", "poll a step until it ends; exit by its status", "thread", "run", "step", parents=(common, polling))
    command(
        "watch",
        "each step as it appears or changes, until the run ends; exit by the run's status",
        "thread",
        "run",
        parents=(common, polling),
    )
    seen = command(
        "timeline",
        "the run's steps as bars on a time axis (piped: a JSON object per step)",
        "thread",
        "run",
        parents=(common, polling, archive),  # bars on a terminal; JSON lines piped or with --json
    )
    seen.add_argument("--html", metavar="FILE", help="also write the chart as one self-contained HTML page")
    seen.add_argument("--watch", action="store_true", help="redraw every interval until the run ends")
    traced = command(
        "trace",
        "send runs as OpenTelemetry spans over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT, ..._HEADERS)",
        parents=(without_json_flag, archive),
    )
    traced.add_argument("thread", nargs="?", help="the thread id (with --archive: default every thread)")
    traced.add_argument("runs", nargs="*", metavar="RUN", help="runs to send (default: every run of the thread)")
    traced.add_argument(
        "--record-content", action="store_true", help="include tool arguments and outputs (they may be sensitive)"
    )
    export = command(
        "export",
        "a thread, its runs and steps, its messages as JSON lines (all runs unless named)",
        parents=(without_json_flag, archive),
    )
    export.add_argument("thread", nargs="?", help="the thread id (or --all-threads)")
    export.add_argument("runs", nargs="*", metavar="RUN", help="runs to export (default: every run of the thread)")
    export.add_argument(
        "--all-threads", action="store_true", help="every thread of an Azure AI Agents project, one after another"
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default stdout)")
    export.add_argument("--resume", action="store_true", help="continue FILE after its last complete line")
    export.add_argument("--include-content", action="store_true", help="include file-search result content")
    export.add_argument("--wait", action="store_true", help="follow each run until it settles before writing it")
    export.add_argument(
        "--format",
        choices=["runsteps", "items", "eval"],
        default="runsteps",
        help="runsteps: objects as the server sent them (default); items: the successor API's input items; "
        "eval: azure-ai-evaluation's rows, one a run (what cannot go named on stderr)",
    )

    migrating = commands.add_parser(
        "migrate",
        parents=[without_json_flag],
        help="write threads into Conversations of the successor API, resumably, never twice",
        description="Write each thread into one Conversation of the successor API, its items in\n"
        "order, at most 20 a request. Progress is kept in the --state file: run the same\n"
        "command again to continue after an interruption. What cannot be carried is named\n"
        "on stderr.",
        epilog=ENVIRONMENT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    migrating.add_argument("threads", nargs="+", metavar="THREAD", help="the threads to migrate")
    migrating.add_argument(
        "--to", required=True, metavar="BASE_URL", help="the successor's base URL (or Azure endpoint)"
    )
    migrating.add_argument(
        "--to-server", choices=["openai", "azure"], default="openai", help="the target's family (default openai)"
    )
    migrating.add_argument("--to-api-key", metavar="KEY", help="the target's key (prefer RUNSTEPS_TO_API_KEY)")
    migrating.add_argument("--to-token-command", metavar="CMD", help="a command printing a bearer token for the target")
    migrating.add_argument("--state", metavar="FILE", help="where progress is kept (default runsteps-migration.json)")
    migrating.add_argument("--dry-run", action="store_true", help="send nothing; print the items that would be written")

    waiting = argparse.ArgumentParser(add_help=False)
    waiting.add_argument("--wait", action="store_true", help="then follow the run until it settles; exit by its status")
    command(
        "cancel",
        "cancel a run (queued, in progress or at requires_action)",
        "thread",
        "run",
        parents=(common, polling, waiting),
    )
    starting = command(
        "start",
        "start a run and show it as watch does, followed by its event stream; exit by the run's status",
        "thread",
        parents=(common, polling),
    )
    starting.add_argument("--assistant", required=True, metavar="ID", help="the assistant (agent) to run")
    starting.add_argument("--message", metavar="TEXT", help="a user message added to the thread first")
    starting.add_argument("--instructions", metavar="TEXT", help="instead of the assistant's instructions")
    starting.add_argument(
        "--no-stream", action="store_true", help="start it, then watch it by polling (no event stream)"
    )
    submit = command(
        "submit",
        "submit the outputs of a run's pending tool calls, all in one request",
        "thread",
        "run",
        parents=(common, polling, waiting),
    )
    submit.add_argument("--output", action="append", metavar="CALL_ID=TEXT", help="one call's output (repeat per call)")
    submit.add_argument("--outputs", metavar="FILE|-", help='a JSON list of {"tool_call_id", "output"} objects')
    approve = command(
        "approve",
        "answer Azure AI Agents' MCP tool approvals, all in one request",
        "thread",
        "run",
        parents=(common, polling, waiting),
    )
    approve.add_argument("calls", nargs="*", metavar="CALL_ID", help="calls to approve")
    approve.add_argument("--deny", action="append", metavar="CALL_ID", help="a call to deny (repeatable)")

    emulator = commands.add_parser(
        "emulator",
        help="serve the emulator with demo runs on loopback",
        description="Serve the emulator on loopback. Its demo runs play once, in real time from the start: "
        "run_demo ends after about 10 s; run_tools waits at requires_action from 1 s until its outputs are "
        "submitted; thread_acting holds run_to_cancel and run_to_answer to act on. Restart the emulator to "
        "replay them.",
    )
    from runsteps.emulator._options import add_arguments  # stdlib only: cheap

    add_arguments(emulator)
    commands.add_parser("demo", help="watch a scripted run on the embedded emulator", description="Run the demo.")
    return top
