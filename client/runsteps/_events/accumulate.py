"""A run's state as its event stream tells it, accumulated right. No I/O.

Each event is typed (`Run`, `RunStep`, `RunStepDelta`, `Message`, `MessageDelta`, `Thread`; a kind
nobody knows yet keeps its JSON). Deltas are merged into what the stream said before: lists of
objects by their `index` (whatever order they come in), text fragments (`arguments`, `input`,
`logs`, `output`, `value`, `refusal`) concatenated, ids and types set once, any other value
replaced (numbers are never added). A full object (`created`, `in_progress`, `completed`, ...)
replaces what deltas built: the snapshot is the truth, and a delta after a final snapshot is ignored.
A run waiting at requires_action is the truth for the calls it waits for (their name and arguments),
which no step snapshot shows until they are answered.
"""

from __future__ import annotations

from typing import Any

import attrs

from runsteps._errors import StreamEventError
from runsteps._events.sse import ServerSentEvent
from runsteps._generated.models import Message, MessageDelta, Run, RunStep, RunStepDelta, Thread
from runsteps._model_base import PayloadError, read_json
from runsteps._sanitize import printable

FRAGMENTS = frozenset({"arguments", "input", "logs", "output", "value", "refusal"})
SET_ONCE = frozenset({"id", "type", "object"})
FINAL_STEP_STATUSES = frozenset({"completed", "failed", "cancelled", "expired"})
FINAL_MESSAGE_STATUSES = frozenset({"completed", "incomplete"})
STEP_SNAPSHOTS = frozenset(f"thread.run.step.{s}" for s in ("created", "in_progress", *FINAL_STEP_STATUSES))
MESSAGE_SNAPSHOTS = frozenset(f"thread.message.{s}" for s in ("created", "in_progress", *FINAL_MESSAGE_STATUSES))
RUN_SNAPSHOTS = frozenset(
    f"thread.run.{s}"
    for s in ("created", "queued", "in_progress", "requires_action", "completed", "incomplete", "failed",
              "cancelling", "cancelled", "expired")
)  # fmt: skip


@attrs.frozen
class RunStreamEvent:
    """An event of a run's stream: its SSE name, its typed data, and its JSON exactly as sent.
    `polled`: made from polling after the stream dropped or went silent (not sent by the stream)."""

    event: str
    data: Any
    raw: Any
    polled: bool = False


class RunAccumulator:
    """The run, its steps and its messages as the events so far tell them (JSON as sent, merged)."""

    def __init__(self) -> None:
        self.run: dict[str, Any] | None = None
        self.steps: dict[str, dict[str, Any]] = {}  # in the order first seen
        self.messages: dict[str, dict[str, Any]] = {}
        self.final: set[str] = set()  # steps and messages whose last snapshot is final
        # Those whose object here is a copy of ours: a snapshot is kept as it came (it is also its event's
        # `raw`), and copied before a delta or a run's pending calls change it.
        self._owned: dict[int, set[str]] = {id(self.steps): set(), id(self.messages): set()}
        self.done = False  # the stream said `done`

    def apply(self, sse: ServerSentEvent, request_id: str | None = None) -> RunStreamEvent:
        """The event, typed, after its effect on the state; `StreamEventError` for an `error` event."""
        kind = sse.event
        if kind == "done":
            self.done = True
            return RunStreamEvent(kind, sse.data, sse.data)
        try:
            payload = read_json(sse.data)
        except ValueError:
            raise StreamEventError(
                f"a {printable(kind, 60)} event whose data is not JSON: {printable(sse.data, 200)}",
                event=kind, data=sse.data, request_id=request_id,
            ) from None  # fmt: skip
        if kind == "error":
            raise _error(payload, request_id)
        if not isinstance(payload, dict):
            return RunStreamEvent(kind, payload, payload)
        try:
            return RunStreamEvent(kind, self.take(kind, payload), payload)
        except (PayloadError, RecursionError) as exc:
            raise StreamEventError(
                f"a {printable(kind, 60)} event that cannot be read: {printable(str(exc), 300)}",
                event=kind, data=payload, request_id=request_id,
            ) from None  # fmt: skip

    def take(self, kind: str, payload: dict[str, Any]) -> Any:
        """Apply one event's JSON object; its typed model."""
        object_id = payload.get("id")
        if kind == "thread.run.step.delta" and isinstance(object_id, str):
            self._merge_delta(self.steps, object_id, payload)
            return RunStepDelta.from_dict(payload)
        if kind == "thread.message.delta" and isinstance(object_id, str):
            self._merge_delta(self.messages, object_id, payload)
            return MessageDelta.from_dict(payload)
        if kind in STEP_SNAPSHOTS and isinstance(object_id, str):
            self.keep_step(payload)
            return RunStep.from_dict(payload)
        if kind in MESSAGE_SNAPSHOTS and isinstance(object_id, str):
            self.keep_message(payload)
            return Message.from_dict(payload)
        if kind in RUN_SNAPSHOTS:
            self.keep_run(payload)
            return Run.from_dict(payload)
        if kind == "thread.created":
            return Thread.from_dict(payload)
        return payload  # a kind nobody knows yet: kept as sent

    def keep_run(self, payload: dict[str, Any]) -> None:
        """The run's snapshot, as an event or a poll brought it."""
        self.run = payload
        self._pending_calls(payload)

    def keep_step(self, payload: dict[str, Any]) -> None:
        """A step's snapshot (with an `id`), as an event or a poll brought it."""
        self._snapshot(self.steps, str(payload["id"]), payload, FINAL_STEP_STATUSES)

    def keep_message(self, payload: dict[str, Any]) -> None:
        """A message's snapshot (with an `id`), as an event or a poll brought it."""
        self._snapshot(self.messages, str(payload["id"]), payload, FINAL_MESSAGE_STATUSES)

    def _pending_calls(self, run: dict[str, Any]) -> None:
        """A run waiting at requires_action lists its pending calls whole: the truth for the calls
        deltas built (a step waiting for them has no snapshot of them yet)."""
        action = run.get("required_action")
        waiting = (
            action.get(action.get("type")) if isinstance(action, dict) and isinstance(action.get("type"), str) else None
        )
        calls = waiting.get("tool_calls") if isinstance(waiting, dict) else None
        whole = {c.get("id"): c for c in calls or [] if isinstance(c, dict)}
        if not whole:
            return
        for step_id, step in list(self.steps.items()):
            details = step.get("step_details")
            listed = (details.get("tool_calls") if isinstance(details, dict) else None) or []
            if any(isinstance(call, dict) and call.get("id") in whole for call in listed):
                for call in self._own(self.steps, step_id)["step_details"]["tool_calls"]:
                    pending = whole.get(call.get("id")) if isinstance(call, dict) else None
                    if pending is not None and isinstance(pending.get("function"), dict):
                        call["function"] = {**(call.get("function") or {}), **pending["function"]}

    def _snapshot(self, into: dict[str, Any], object_id: str, payload: dict[str, Any], final: frozenset[str]) -> None:
        into[object_id] = payload
        self._owned[id(into)].discard(object_id)
        if payload.get("status") in final:
            self.final.add(object_id)
        else:
            self.final.discard(object_id)

    def _own(self, into: dict[str, Any], object_id: str) -> dict[str, Any]:
        """The object to change in place: a copy of ours, made from the snapshot the first time."""
        owned = self._owned[id(into)]
        if object_id not in owned:
            into[object_id] = _fresh(into.get(object_id) or {"id": object_id})
            owned.add(object_id)
        target: dict[str, Any] = into[object_id]
        return target

    def _merge_delta(self, into: dict[str, Any], object_id: str, payload: dict[str, Any]) -> None:
        if object_id in self.final:
            return  # the final snapshot is the truth
        target = self._own(into, object_id)
        delta = payload.get("delta")
        if isinstance(delta, dict):
            merge(target, delta)


def merge(target: dict[str, Any], delta: dict[str, Any]) -> None:
    """`delta` merged into `target` in place (see the module's description)."""
    for key, value in delta.items():
        old = target.get(key)
        if old is None:
            target[key] = _fresh(value)
        elif isinstance(old, dict) and isinstance(value, dict):
            merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            _merge_list(old, value)
        elif key in FRAGMENTS and isinstance(old, str) and isinstance(value, str):
            target[key] = old + value
        elif key not in SET_ONCE:
            target[key] = _fresh(value)


def _fresh(value: Any) -> Any:
    """A value to keep, copied so that later merges never reach into the event it came in."""
    if isinstance(value, dict):
        copy: dict[str, Any] = {}
        merge(copy, value)
        return copy
    if isinstance(value, list):
        items: list[Any] = []
        _merge_list(items, value)
        return items
    return value


def _merge_list(items: list[Any], delta: list[Any]) -> None:
    """Objects with an `index` merged into the one of the same index (inserted in index order when
    new); anything else appended."""
    for value in delta:
        index = value.get("index") if isinstance(value, dict) else None
        if not isinstance(index, int) or isinstance(index, bool):
            items.append(_fresh(value))
            continue
        at = 0
        for at, item in enumerate(items):
            there = item.get("index", at) if isinstance(item, dict) else at  # a snapshot's items: by place
            if there == index:
                merge(item, value)
                break
            if isinstance(there, int) and there > index:
                items.insert(at, _fresh(value))
                break
        else:
            items.append(_fresh(value))


def _error(payload: Any, request_id: str | None) -> StreamEventError:
    """An `error` event's data, plain (`{code, message, ...}`, as servers send it) or nested in `error`."""
    body = payload.get("error") if isinstance(payload, dict) and isinstance(payload.get("error"), dict) else payload
    if not isinstance(body, dict):
        return StreamEventError(f"the stream sent an error: {printable(str(payload), 300)}", data=payload,
                                request_id=request_id)  # fmt: skip
    code = body.get("code")
    message = body.get("message")
    text = printable(str(message), 500) if message is not None else "no message"
    shown = f" ({printable(str(code), 80)})" if code is not None else ""
    return StreamEventError(
        f"the stream sent an error{shown}: {text}", code=None if code is None else str(code), data=payload,
        request_id=request_id,
    )  # fmt: skip
