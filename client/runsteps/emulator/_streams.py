"""A scripted run as the event stream its server sends (`stream: true` on create-run and on
submit-tool-outputs), and the faults a stream can have. Pure functions of data.

From a moment on: the run's `created`/`queued`/`in_progress` (when it starts there), then each step
`created` (in progress), its deltas cut as servers cut them (a tool call's id and type first, then
its arguments or code in fragments, each carrying its `index`; a message's text in fragments), and
its `completed` (or `failed`, ...) snapshot; a step that names a message brings the message's
`created`, deltas and `completed`. The stream ends with the run waiting at `requires_action` or
final, then `done` with data `[DONE]`.
"""

from __future__ import annotations

import json
from typing import Any

from runsteps.emulator._flavours import FlavourSpec
from runsteps.emulator._names import StreamFault
from runsteps.emulator._render import render_run, render_step
from runsteps.emulator._scenario import RunScript, StepScript
from runsteps.emulator._threads import messages_at, render_message

Event = tuple[str, Any]  # an SSE name and its data (a JSON object, or text)
Timed = tuple[float, Event]  # an event and the script time it happens at
FRAGMENT = 8  # characters of text a delta carries


def run_events(run: RunScript, spec: FlavourSpec, since: float, *, started: bool, include: bool) -> list[Timed]:
    """The events of `run` from `since` (its creation when `started`), each with its time, to where the
    stream ends."""
    events: list[Timed] = []
    opened = render_run(run, since, spec)
    names = ("created", "queued", "in_progress") if started else ("queued", "in_progress")
    for status in names:
        events.append(
            (since, (f"thread.run.{status}", {**opened, "status": "queued" if status == "created" else status}))
        )
    for step in run.steps:
        if step.end is not None and step.end == since and step.start < since:  # the step the answer ended
            events.append((since, _step_event(run, step, spec, include)))
        elif step.start >= since:
            events.extend(_step_events(run, step, spec, include))
    end = _end(run)
    final = render_run(run, end, spec)
    events.append((end, (f"thread.run.{final['status']}", final)))
    events.append((end, ("done", "[DONE]")))
    return events


def _end(run: RunScript) -> float:
    """When the stream's last run event is: the pause, or the run's last status (after its steps)."""
    if run.pause is not None:
        return run.pause.at
    return max([run.timeline[-1][0]] + [s.end for s in run.steps if s.end is not None])


def _step_events(run: RunScript, step: StepScript, spec: FlavourSpec, include: bool) -> list[Timed]:
    opened = render_step(run, step, step.start, spec, include)
    details = step.details
    shell = opened["step_details"]
    if details.get("type") == "tool_calls":
        shell = {"type": "tool_calls", "tool_calls": []}
    events: list[Event] = [
        ("thread.run.step.created", {**opened, "step_details": shell}),
        ("thread.run.step.in_progress", {**opened, "step_details": shell}),
    ]
    if details.get("type") == "tool_calls":
        for index, call in enumerate(opened["step_details"].get("tool_calls", [])):
            events.extend(_call_deltas(step.id, index, call))
    elif details.get("type") == "message_creation":
        events.extend(_message_events(run, step, spec))
    timed = [(step.start, event) for event in events]
    if step.end is not None and (run.pause is None or run.pause.step_id != step.id):
        timed.append((step.end, _step_event(run, step, spec, include)))
    return timed


def _step_event(run: RunScript, step: StepScript, spec: FlavourSpec, include: bool) -> Event:
    assert step.end is not None
    snapshot = render_step(run, step, step.end, spec, include)
    return f"thread.run.step.{snapshot['status']}", snapshot


def _delta(step_id: str, call: dict[str, Any]) -> Event:
    return "thread.run.step.delta", {
        "id": step_id,
        "object": "thread.run.step.delta",
        "delta": {"step_details": {"type": "tool_calls", "tool_calls": [call]}},
    }


def _call_deltas(step_id: str, index: int, call: dict[str, Any]) -> list[Event]:
    kind = call.get("type")
    head = {"index": index, "id": call.get("id"), "type": kind}
    if kind == "function":
        function = call.get("function") or {}
        arguments = str(function.get("arguments") or "")
        first = {**head, "function": {"name": function.get("name"), "arguments": "", "output": None}}
        rest = [{"index": index, "function": {"arguments": part}} for part in _fragments(arguments)]
        return [_delta(step_id, first), *(_delta(step_id, r) for r in rest)]
    if kind == "code_interpreter":
        body = call.get("code_interpreter") or {}
        first = {**head, "code_interpreter": {"input": "", "outputs": []}}
        rest = [
            {"index": index, "code_interpreter": {"input": part}} for part in _fragments(str(body.get("input") or ""))
        ]
        return [_delta(step_id, first), *(_delta(step_id, r) for r in rest)]
    if kind == "file_search":
        return [_delta(step_id, {**head, "file_search": {}})]  # results come in the completed snapshot only
    return [_delta(step_id, {**call, "index": index})]  # Azure's tools: the call whole


def _message_events(run: RunScript, step: StepScript, spec: FlavourSpec) -> list[Event]:
    message_id = str((step.details.get("message_creation") or {}).get("message_id"))
    moving = [m for m in messages_at([run], step.start) if m.id == message_id]
    if not moving:
        return []
    opened = render_message(spec, run.thread_id, moving[0])
    events: list[Event] = [
        ("thread.message.created", {**opened, "content": []}),
        ("thread.message.in_progress", {**opened, "content": []}),
    ]
    text = moving[0].text
    for n, part in enumerate(_fragments(text)):
        value: dict[str, Any] = {"value": part}
        if n == 0:
            value["annotations"] = []
        events.append(("thread.message.delta", {
            "id": message_id, "object": "thread.message.delta",
            "delta": {"role": "assistant", "content": [{"index": 0, "type": "text", "text": value}]} if n == 0
            else {"content": [{"index": 0, "type": "text", "text": value}]},
        }))  # fmt: skip
    if step.end is not None:
        ended = [m for m in messages_at([run], step.end) if m.id == message_id]
        if ended:
            done = render_message(spec, run.thread_id, ended[0])
            events.append((f"thread.message.{done['status']}", done))
    return events


def _fragments(text: str) -> list[str]:
    return [text[i : i + FRAGMENT] for i in range(0, len(text), FRAGMENT)]


def with_fault(events: list[Timed], fault: StreamFault) -> list[Timed]:
    """The events as a faulty stream sends them (`drop` and `stall` are the server's doing, not here)."""
    if fault == "duplicate":
        return [event for event in events for _ in (0, 1)]
    if fault == "out-of-order":  # a step's calls' deltas come last index first
        out: list[Timed] = []
        held: list[Timed] = []
        for event in events:
            if event[1][0] == "thread.run.step.delta":
                held.append(event)
                continue
            out.extend(_by_index_descending(held))
            held = []
            out.append(event)
        return out + _by_index_descending(held)
    if fault == "error":
        at = len(events) // 2
        error = {"code": "server_error", "message": "The run failed in the middle of the stream.", "param": None,
                 "type": "server_error"}  # fmt: skip
        return [*events[:at], (events[at][0], ("error", error))]
    return events


def _by_index_descending(deltas: list[Timed]) -> list[Timed]:
    def index(event: Timed) -> int:
        calls = event[1][1]["delta"]["step_details"].get("tool_calls") or [{}]
        return int(calls[0].get("index", 0))

    return sorted(deltas, key=index, reverse=True)  # stable: each call's fragments stay in order


def encode(event: Event, *, multiline: bool = False) -> bytes:
    """One event on the wire: `event:` and `data:` lines, then a blank line. With `multiline`, a JSON
    object's data is spread over several `data:` lines (as the SSE format allows)."""
    name, data = event
    text = data if isinstance(data, str) else json.dumps(data)
    lines = json.dumps(data, indent=1).splitlines() if multiline and not isinstance(data, str) else [text]
    return (f"event: {name}\n" + "".join(f"data: {line}\n" for line in lines) + "\n").encode()
