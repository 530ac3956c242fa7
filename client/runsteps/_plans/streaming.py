"""Following a run by its event stream, as a plan. No I/O here.

The stream is read as it comes: each event decoded (`_events.sse`), applied to the run's state
(`_events.accumulate`) and handed over. This API has no resume for its streams: when one ends
without `done` (a connection dropped), fails, or sends nothing for longer than `silence`, the run
and its steps are polled instead (the `watch` machinery) until the run settles or waits at
requires_action; each change is handed over as an event marked `polled`, so the caller still sees
every step's final state. The call's `timeout` bounds the whole: `PollTimeoutError` at its end.

Starting a run or submitting outputs by stream keeps the promise of the calls that do so without
one: after a lost answer the thread (or run) is read before anything is sent again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import attrs
import httpx

from runsteps._errors import APIConnectionError, PollTimeoutError, request_id_of
from runsteps._events.accumulate import RunAccumulator, RunStreamEvent
from runsteps._events.sse import SSEDecoder
from runsteps._generated.api.default import get_run
from runsteps._generated.models import Run
from runsteps._model_base import read_json
from runsteps._plans.acting import act
from runsteps._plans.actions import Answer, Emit, Outcome, Plan, ReadChunk
from runsteps._plans.deadline import Call, Deadline, DeadlineReached
from runsteps._plans.pagination import every_item
from runsteps._plans.polling import Watch, watch
from runsteps._plans.reading import list_messages_of
from runsteps._plans.responses import Reply
from runsteps._plans.starting import started_run, starting
from runsteps._sanitize import printable

logger = logging.getLogger("runsteps")


@attrs.frozen
class Opening:
    """How a stream starts: its request (a start or a submission), the thread, the run (None while it
    is being started), the assistant (a start's), and how a run read after a lost answer shows that a
    submission landed; the fields a start asked to include."""

    request: dict[str, Any]
    thread_id: str
    run_id: str | None
    assistant_id: str = ""
    landed: Callable[[Run], bool] | None = None
    include: list[Any] | None = None  # a start's: polling after a drop asks for the same fields


def follow(
    call: Call,
    opening: Opening,
    state: RunAccumulator,
    *,
    silence: float,
    interval: float | None,
    deadline: Deadline | None = None,
) -> Plan[None]:
    """Emits each `RunStreamEvent`; the run's state accumulates in `state` (see above). Within the
    call's deadline, or the `deadline` of a longer call this stream is part of."""
    deadline = deadline or call.deadline()
    where = f"{opening.request['method']} {call.config.base_url}{opening.request['url']}"
    if opening.run_id is None:
        opened = starting(call, deadline, opening.request, opening.thread_id, opening.assistant_id, silence)
    else:
        assert opening.landed is not None
        opened = act(
            call, deadline, opening.request, get_run.parse_body, opening.thread_id, opening.run_id,
            opening.landed, silence,
        )  # fmt: skip
    reply: Reply[Run] = yield from _or_timeout(opened, call, where, state)
    if reply.model is not None:  # the answer was lost and the run read instead: follow it by polling
        yield from _run_event(state, reply)
        why = "the answer was lost"
    else:
        ended = yield from _read(state, reply.answer)
        if ended is None and state.run is not None:
            return
        why = ended or "the stream said `done` without naming its run"
    run_id = str((state.run or {}).get("id") or opening.run_id or "")
    if not run_id:
        found = yield from _or_timeout(
            started_run(call, deadline, opening.thread_id, opening.assistant_id), call, where, state
        )
        if found is None:
            raise APIConnectionError(f"{why} before the stream named its run, and the thread shows no run of "
                                     f"{opening.assistant_id or 'this assistant'} going: {where}")  # fmt: skip
        yield from _run_event(state, found)
        run_id = found.model.id
    logger.warning("%s: %s; following run %s by polling", where, why, printable(run_id, 80))
    yield from _poll(call, deadline, state, opening, run_id, interval, where)


def _or_timeout(plan: Plan[Any], call: Call, where: str, state: RunAccumulator) -> Plan[Any]:
    """`plan`, within the stream's deadline: `PollTimeoutError` (with the run, once known) at its end."""
    try:
        return (yield from plan)
    except DeadlineReached as reached:
        raise PollTimeoutError(
            f"the stream's {call.options.timeout:g}s timeout ran out ({reached.reason}): {where}",
            last=Run.from_dict(state.run) if state.run is not None else None,
            last_json=state.run,
        ) from None


def _read(state: RunAccumulator, answer: Answer) -> Plan[str | None]:
    """The stream's events, emitted as they come; None when it said `done`, else why it stopped."""
    request_id = request_id_of(answer.headers)
    if "text/event-stream" not in answer.headers.get("content-type", ""):
        return (yield from _read_object(state, answer))
    decoder = SSEDecoder()
    while True:
        chunk: Outcome = yield ReadChunk()
        if isinstance(chunk, httpx.TimeoutException):
            return f"the stream sent nothing for too long ({printable(str(chunk), 100)})"
        if isinstance(chunk, httpx.TransportError):
            return f"the stream dropped ({type(chunk).__name__}: {printable(str(chunk), 100)})"
        assert isinstance(chunk, bytes)
        if not chunk:
            return "the stream ended without `done`" + ("" if decoder.close() else ", in the middle of an event")
        for sse in decoder.feed(chunk):
            event = state.apply(sse, request_id)
            if state.done:
                return None
            yield Emit(event)


def _read_object(state: RunAccumulator, answer: Answer) -> Plan[str]:
    """A server that answered with the run instead of a stream: the run, then polling."""
    body = b""
    while isinstance(chunk := (yield ReadChunk()), bytes) and chunk:
        body += chunk
    try:
        data = read_json(body)
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        yield from _run_event(state, Reply(Run.from_dict(data), answer, data))
    kind = answer.headers.get("content-type") or "no content type"
    return f"the server answered with {printable(kind, 60)}, not an event stream"


def _run_event(state: RunAccumulator, reply: Reply[Any]) -> Plan[None]:
    state.keep_run(reply.data)
    yield Emit(RunStreamEvent("thread.run." + str(reply.model.status), reply.model, reply.data, polled=True))


def _poll(
    call: Call,
    deadline: Deadline,
    state: RunAccumulator,
    opening: Opening,
    run_id: str,
    interval: float | None,
    where: str,
) -> Plan[None]:
    """The run and its steps polled until it settles, then its messages read: each change not already
    known, as an event. Steps are asked for the fields the start asked to include: a polled snapshot
    replaces what the stream built, and must not lose a file search's contents the stream carried."""
    watching = Watch()
    inner = watch(call, watching, opening.thread_id, run_id, interval=interval, deadline=deadline,
                  include=opening.include)  # fmt: skip
    outcome: Outcome = None
    seen = None
    while True:
        try:
            action = inner.send(outcome)
        except StopIteration:
            break
        reply = watching.run_reply
        if reply is not None and reply is not seen:
            seen = reply
            if (state.run or {}).get("status") != reply.data.get("status"):
                yield from _run_event(state, reply)
            else:
                state.keep_run(reply.data)
        if type(action) is Emit:
            outcome = None
            change = action.item
            if state.steps.get(change.step.id) != change.raw:
                state.keep_step(change.raw)
                kind = "thread.run.step." + str(change.step.status)
                yield Emit(RunStreamEvent(kind, change.step, change.raw, polled=True))
        else:
            outcome = yield action
    listing = list_messages_of(opening.thread_id, run_id, 100, "asc", None, None)
    messages = yield from _or_timeout(every_item(call, deadline, listing), call, where, state)
    for message, raw in messages:
        if state.messages.get(message.id) != raw:
            state.keep_message(raw)
            yield Emit(RunStreamEvent("thread.message." + str(message.status), message, raw, polled=True))
