"""The commands that act on a run: cancel, submit, approve. Each returns its exit code.

Without `--wait` a command exits 0 once the server has taken the request, printing the run it
answered with; with `--wait` it follows the run until it is final (or waits at requires_action
again) and exits by its status, as `watch` does.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

from runsteps._cli._commands import exit_code
from runsteps._cli._describe import next_step, plural, run_summary
from runsteps._cli._terminal import Terminal
from runsteps._errors import BadRequestError, RunStepsError
from runsteps._raw import RawResponse
from runsteps._sanitize import printable
from runsteps._sync.client import Client


def cancel_run(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    raw = client.runs.with_raw_response.cancel(args.run, thread_id=args.thread, timeout=_step_timeout(args))
    return _settle(client, args, terminal, raw, "cancel sent")


def submit_outputs(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    outputs = _outputs(args)
    with _naming_the_other_command(client, args, "approvals"):
        raw = client.runs.with_raw_response.submit_tool_outputs(
            args.run, thread_id=args.thread, tool_outputs=outputs, timeout=_step_timeout(args)
        )
    return _settle(client, args, terminal, raw, f"{len(outputs)} {plural(len(outputs), 'output')} submitted")


def approve_calls(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    approved, denied = list(args.calls or []), list(args.deny or [])
    if not approved and not denied:
        raise ValueError("name the calls to approve (CALL_ID ...) or to deny (--deny CALL_ID)")
    both = sorted(set(approved) & set(denied))
    if both:
        raise ValueError(f"a call cannot be both approved and denied: {', '.join(both)}")
    approvals: list[Any] = [{"tool_call_id": c, "approve": True} for c in approved]
    approvals += [{"tool_call_id": c, "approve": False} for c in denied]
    with _naming_the_other_command(client, args, "outputs"):
        raw = client.runs.with_raw_response.submit_tool_approvals(
            args.run, thread_id=args.thread, tool_approvals=approvals, timeout=_step_timeout(args)
        )
    return _settle(client, args, terminal, raw, f"{len(approved)} approved, {len(denied)} denied")


def _settle(client: Client, args: argparse.Namespace, terminal: Terminal, raw: RawResponse[Any], what: str) -> int:
    """Show the run the action left (or, with --wait, the run once it has settled) and choose the exit code."""
    run = raw.parse()
    terminal.say(f"run {printable(run.id, 80)}: {printable(str(run.status), 40)} ({what})")
    if args.wait:
        terminal.status(f"waiting for run {printable(args.run, 60)} to settle")
        raw = client.runs.with_raw_response.wait(
            args.run, thread_id=args.thread, timeout=args.timeout, interval=args.interval
        )
        terminal.done()
        run = raw.parse()
        terminal.say(f"run {printable(run.id, 80)}: {printable(str(run.status), 40)}")
    if terminal.human:
        for line in run_summary(run):
            terminal.row(line)
    else:
        terminal.record(raw.json())
    return exit_code(run.status) if args.wait else 0


@contextlib.contextmanager
def _naming_the_other_command(client: Client, args: argparse.Namespace, other: str) -> Iterator[None]:
    """A refused submission to a run that waits for the other kind of answer (approvals for `submit`,
    outputs for `approve`) says which command answers it, not the server's "missing parameter"."""
    try:
        yield
    except BadRequestError as refused:
        try:
            run = client.runs.retrieve(args.run, thread_id=args.thread)
        except RunStepsError:
            raise refused from None  # the refusal is the error to show
        action = run.required_action if str(run.status) == "requires_action" else None
        wanted = None if action is None else "approvals" if action.submit_tool_approval is not None else "outputs"
        if wanted != other:
            raise
        hint = next_step(run, args.thread)
        raise ValueError(
            f"this run asks for tool {wanted}, not {'outputs' if wanted == 'approvals' else 'approvals'}: {hint}"
        ) from None


def _step_timeout(args: argparse.Namespace) -> float | None:
    # With --wait, --timeout is the whole command's deadline (the wait's); the request itself keeps the client's.
    return None if args.wait else args.timeout


def _outputs(args: argparse.Namespace) -> list[Any]:
    """The tool outputs from --output CALL_ID=TEXT (repeated) or --outputs FILE|- (the JSON list the API takes)."""
    if args.outputs is not None:
        if args.output:
            raise ValueError("give --output CALL_ID=TEXT or --outputs FILE, not both")
        text = _read(args.outputs)
        try:
            outputs = json.loads(text)
        except ValueError as exc:
            raise ValueError(f"--outputs {args.outputs}: not JSON ({exc})") from None
        if not isinstance(outputs, list):
            raise ValueError(f"--outputs {args.outputs}: expected a JSON list of {{tool_call_id, output}} objects")
        # An output the API takes as text: a JSON object or number is written as JSON for you.
        return [
            {**item, "output": json.dumps(item["output"])}
            if isinstance(item, dict) and "output" in item and not isinstance(item["output"], str | None)
            else item
            for item in outputs
        ]
    if not args.output:
        raise ValueError("give the outputs: --output CALL_ID=TEXT (once per call) or --outputs FILE|-")
    outputs = []
    for item in args.output:
        call_id, sep, text = item.partition("=")
        if not sep or not call_id:
            raise ValueError(f"--output takes CALL_ID=TEXT, got {item!r}")
        outputs.append({"tool_call_id": call_id, "output": text})
    return outputs


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        with open(source, encoding="utf-8") as file:
            return file.read()
    except OSError as exc:
        raise ValueError(f"--outputs {source}: cannot read it ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ValueError(f"--outputs {source}: not UTF-8 text") from None


def start(client: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    from runsteps._cli._start import start_run  # the stream's modules load for this command only

    return start_run(client, args, terminal)


ACTIONS: dict[str, Callable[[Client, argparse.Namespace, Terminal], int]] = {
    "start": start,
    "cancel": cancel_run,
    "submit": submit_outputs,
    "approve": approve_calls,
}
