"""Steps, runs, messages and threads in words, for a person at a terminal: table rows and short summaries."""

from __future__ import annotations

import datetime
import json
from typing import Any

from runsteps._generated.models import (
    CodeInterpreterImageOutput,
    CodeInterpreterLogsOutput,
    CodeInterpreterToolCall,
    FileSearchToolCall,
    FunctionToolCall,
    Message,
    MessageCreationDetails,
    RequiredFunctionToolCall,
    RequiredMCPToolCall,
    Run,
    RunStep,
    TextContent,
    Thread,
    ToolCallsDetails,
    Usage,
)
from runsteps._plans.acting import pending_calls
from runsteps._sanitize import printable
from runsteps._seeing.timeline import seconds, step_kind
from runsteps._seeing.timeline import tokens as counts

STEP_HEADERS = ["step", "kind", "status", "created", "tokens"]
STEP_KEEP = [0, 2]  # at any width: which step, and where it stands
STEP_LEAST = [16, 16, 11, 19, 6]
RUN_HEADERS = ["run", "status", "created", "model", "tokens"]
RUN_KEEP = [0, 1]
RUN_LEAST = [16, 11, 19, 8, 6]
MESSAGE_HEADERS = ["message", "role", "status", "created", "run", "text"]
MESSAGE_KEEP = [0, 1, 5]
MESSAGE_LEAST = [16, 9, 11, 19, 12, 20]
THREAD_HEADERS = ["thread", "created", "metadata"]
THREAD_KEEP = [0]
THREAD_LEAST = [16, 19, 8]
# A watch's rows: seconds since it started, the step, what it does, its status.
WATCH_COLUMNS = (["time", "step", "kind", "status"], [0, 1, 3], [6, 16, 16, 11])


def when(timestamp: Any) -> str:
    """A Unix timestamp (seconds, or milliseconds as some servers send) as UTC time; "-" for none."""
    at = seconds(timestamp)
    if at is None:
        return "-"
    try:
        return datetime.datetime.fromtimestamp(at, datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
    except (OverflowError, ValueError, OSError):
        return str(timestamp)[:20]


kind = step_kind  # the commands' name for it


def tokens(usage: Usage | None) -> int:
    return counts(usage)[2]


def step_row(step: RunStep) -> list[str]:
    used = tokens(step.usage)
    return [step.id, kind(step), str(step.status), when(step.created_at), str(used) if used else "-"]


def plural(n: int, word: str) -> str:
    """`1 step`, `2 steps`: the word for a count."""
    return word if n == 1 else word + "s"


def run_row(run: Run) -> list[str]:
    used = tokens(run.usage)
    return [run.id, str(run.status), when(run.created_at), str(run.model or "-"), str(used) if used else "-"]


def message_text(message: Message) -> str:
    """What a message says, on one line: its text parts, and the other parts by their type."""
    parts = []
    for part in message.content or []:
        if isinstance(part, TextContent):
            parts.append(part.text.value or "" if part.text is not None else "")
        else:
            parts.append(f"[{part.type}]")
    return " ".join(" ".join(parts).split())


def message_row(message: Message) -> list[str]:
    return [
        message.id,
        str(message.role or "-"),
        str(message.status or "-"),
        when(message.created_at),
        message.run_id or "-",
        printable(message_text(message), 400),
    ]


def thread_row(thread: Thread) -> list[str]:
    metadata = thread.metadata.to_dict() if thread.metadata is not None else {}
    shown = ", ".join(f"{k}={v}" for k, v in metadata.items()) or "-"
    return [thread.id, when(thread.created_at), printable(shown, 200)]


def step_summary(step: RunStep) -> list[str]:
    lines = [
        f"step     {step.id}",
        f"run      {step.run_id} (thread {step.thread_id})",
        f"kind     {kind(step)}",
        f"status   {step.status}",
        f"created  {when(step.created_at)}",
    ]
    ended = step.completed_at or step.failed_at or step.cancelled_at or step.expired_at
    if when(ended) != "-":
        lines.append(f"ended    {when(ended)}")
    if step.usage is not None:
        lines.append(f"tokens   {tokens(step.usage)}")
    if step.last_error is not None and (step.last_error.message or step.last_error.code):
        lines.append(f"error    {step.last_error.code}: {step.last_error.message}")
    details = step.step_details
    if isinstance(details, ToolCallsDetails):
        for call in details.tool_calls or []:
            lines += describe_call(call)
    elif isinstance(details, MessageCreationDetails) and details.message_creation is not None:
        lines.append(f"message  {details.message_creation.message_id}")
    return lines


def describe_call(call: Any) -> list[str]:
    """What a tool call did, a line a part (a terminal cuts each to its width): the function, its
    arguments and output; the code and its outputs; the search results; another type's own body."""
    lines = [f"call     {getattr(call, 'id', None) or '-'} {getattr(call, 'type', '?')}"]
    if isinstance(call, FunctionToolCall) and call.function is not None:
        function = call.function
        lines.append(f"  {function.name}({function.arguments or ''})")
        lines.append(f"  output {function.output if function.output is not None else '(none yet)'}")
    elif isinstance(call, CodeInterpreterToolCall) and call.code_interpreter is not None:
        lines += _block("input", call.code_interpreter.input or "")
        for output in call.code_interpreter.outputs or []:
            if isinstance(output, CodeInterpreterLogsOutput):
                lines += _block("logs", str(output.logs))
            elif isinstance(output, CodeInterpreterImageOutput) and output.image is not None:
                lines.append(f"  image  {output.image.file_id}")
            else:
                lines.append(f"  output {json.dumps(output.to_dict())}")
    elif isinstance(call, FileSearchToolCall) and call.file_search is not None:
        for result in call.file_search.results or []:
            lines.append(f"  result {result.file_name or result.file_id} (score {result.score})")
    else:
        body = {k: v for k, v in call.to_dict().items() if k not in ("id", "type", "index")}
        nested = body.get(str(getattr(call, "type", "")))
        lines += describe_body(nested if isinstance(nested, dict) and len(body) == 1 else body)
    return lines


def _block(label: str, text: str) -> list[str]:
    """Code or logs as they read: a line each, under the label (each still cut to the terminal)."""
    first, *rest = text.splitlines() or [""]
    return [f"  {label:<6} {first}", *(f"         {line}" for line in rest)]


def describe_body(body: dict[str, Any]) -> list[str]:
    """Another tool's call, whatever its type: what it was asked (`name(arguments)`, `input`, the search
    URL), anything else as JSON, then its output. Azure's tools nest these under a key named like the type;
    MCP calls carry them beside `id`, with the server's label."""
    shown = dict(body)
    lines = []
    server, name, arguments = shown.pop("server_label", None), shown.pop("name", None), shown.pop("arguments", None)
    if name is not None or arguments is not None:
        lines.append(f"  {server + '/' if server else ''}{name or ''}({arguments or ''})")
    elif server is not None:
        shown["server_label"] = server
    for key in ("input", "requesturl"):
        if key in shown:
            lines.append(f"  {key:<6} {shown.pop(key)}")
    answered = "output" in shown
    output = shown.pop("output", None)
    if shown:
        lines.append(f"  {json.dumps(shown, ensure_ascii=False)}")
    if answered:
        text = output if isinstance(output, str) else "(none yet)" if output is None else json.dumps(output)
        lines.append(f"  output {text}")
    return lines


def describe_required(call: object) -> str:
    """A pending call on one line: its id, then what it asks (the function or MCP tool and its arguments)."""
    if isinstance(call, RequiredFunctionToolCall) and call.function is not None:
        what = f"{call.function.name}({call.function.arguments or ''})"
    elif isinstance(call, RequiredMCPToolCall):
        what = f"mcp {call.server_label}/{call.name}({call.arguments or ''})"
    else:
        what = str(getattr(call, "type", "?"))
    return printable(f"{getattr(call, 'id', '?')}  {what}", 200)


def next_step(run: Run, thread: str) -> str | None:
    """For a run waiting at requires_action: the calls it waits for, and the command that answers them."""
    calls = pending_calls(run)
    action = run.required_action
    if not calls or action is None:
        return None
    where = f"{printable(thread, 80)} {printable(run.id, 80)}"
    listed = "; ".join(describe_required(call) for call in calls[:5]) + ("; ..." if len(calls) > 5 else "")
    if action.submit_tool_approval is not None:
        first = printable(getattr(calls[0], "id", "CALL_ID"), 80)
        command = f"runsteps approve {where} {first} (or --deny {first})"
        return f"run {printable(run.id, 80)} waits for {len(calls)} {plural(len(calls), 'approval')}: {listed}; answer with: {command}"
    outputs = " ".join(f"--output {printable(getattr(c, 'id', 'CALL_ID'), 80)}=TEXT" for c in calls[:5])
    command = f"runsteps submit {where} {outputs}"
    return f"run {printable(run.id, 80)} waits for {len(calls)} tool {plural(len(calls), 'output')}: {listed}; answer with: {command}"


def run_summary(run: Run, steps: int | None = None) -> list[str]:
    lines = [
        f"run      {run.id} (thread {run.thread_id})",
        f"status   {run.status}",
        f"model    {run.model or '-'}",
        f"created  {when(run.created_at)}",
    ]
    ended = run.completed_at or run.failed_at or run.cancelled_at
    if when(ended) != "-":
        lines.append(f"ended    {when(ended)}")
    if run.usage is not None:
        lines.append(f"tokens   {tokens(run.usage)}")
    if run.last_error is not None and (run.last_error.message or run.last_error.code):
        lines.append(f"error    {run.last_error.code}: {run.last_error.message}")
    if run.required_action is not None:
        approvals = run.required_action.submit_tool_approval is not None
        lines.append(f"waiting  for {'tool approvals' if approvals else 'tool outputs'} (requires_action)")
        lines += [f"call     {describe_required(call)}" for call in pending_calls(run)]
    if steps is not None:
        lines.append(f"steps    {steps}")
    return lines
