"""Starting a run, as plans: the request checked before anything is sent, and a start never made twice.
No I/O here.

When the answer to a start is lost (the connection dropped after the request went, a gateway
failed), the thread's newest runs are read: a thread runs one run at a time, so a run of this
assistant that is still going (or waiting at requires_action) is the one the request started, and
it is the answer. Only when there is none is the request sent again, within `max_retries`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from runsteps._errors import RunStepsError
from runsteps._generated.api.default import create_run, list_runs
from runsteps._generated.models import CreateRunRequest, Run
from runsteps._model_base import PayloadError
from runsteps._plans.acting import resend_after
from runsteps._plans.actions import Plan
from runsteps._plans.deadline import Call, Deadline, DeadlineReached
from runsteps._plans.polling import MOVING_RUN_STATUSES
from runsteps._plans.responses import Reply
from runsteps._plans.sending import AnswerLost, call_timed_out, send
from runsteps._validation import check_id

logger = logging.getLogger("runsteps")
NEWEST = 5  # runs read after a lost answer to find the one it started


def check_start(
    thread_id: Any,
    assistant_id: Any,
    *,
    model: Any = None,
    instructions: Any = None,
    additional_instructions: Any = None,
    additional_messages: Any = None,
    tools: Any = None,
    metadata: Any = None,
    include: Any = None,
    options: Mapping[str, Any] | None = None,
) -> tuple[str, CreateRunRequest, Any]:
    """The thread id, the request body and `include`, checked; a ValueError naming what is wrong."""
    thread, assistant = check_id("thread_id", thread_id), check_id("assistant_id", assistant_id)
    body: dict[str, Any] = {"assistant_id": assistant}
    for name, value in (("model", model), ("instructions", instructions),
                        ("additional_instructions", additional_instructions)):  # fmt: skip
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{name} must be a string, got {type(value).__name__}")
        if value is not None:
            body[name] = value
    if metadata is not None:
        if (
            not isinstance(metadata, Mapping)
            or len(metadata) > 16
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.items())
        ):
            raise ValueError("metadata must map at most 16 strings to strings")
        body["metadata"] = metadata
    if additional_messages is not None:
        body["additional_messages"] = [
            _message(i, m) for i, m in enumerate(_listed("additional_messages", additional_messages))
        ]
    if tools is not None:
        body["tools"] = [_tool(i, t) for i, t in enumerate(_listed("tools", tools))]
    for name, value in (options or {}).items():
        if value is not None:
            body[name] = value
    try:
        request = CreateRunRequest.from_dict(body)
    except PayloadError as exc:
        raise ValueError(f"the run's settings cannot be sent: {exc}") from None
    if include is not None and (isinstance(include, str) or not isinstance(include, Sequence)):
        raise ValueError(f"include must be a list of field names, got {type(include).__name__}")
    return thread, request, None if include is None else list(include)


def _listed(name: str, value: Any) -> list[Any]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
        raise ValueError(f"{name} must be a list of objects, got {type(value).__name__}")
    return list(value)


def _message(i: int, value: Any) -> dict[str, Any]:
    where = f"additional_messages[{i}]"
    if not isinstance(value, Mapping):
        raise ValueError(f"{where} must be an object with role and content, got {type(value).__name__}")
    if value.get("role") not in ("user", "assistant"):
        raise ValueError(f"{where}['role'] must be 'user' or 'assistant', got {value.get('role')!r}")
    content = value.get("content")
    if not isinstance(content, str) and not (
        isinstance(content, list) and all(isinstance(p, Mapping) for p in content)
    ):
        raise ValueError(f"{where}['content'] must be text or a list of content parts")
    return dict(value)  # its shape read, with the rest of the body, by CreateRunRequest


def _tool(i: int, value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping) or not isinstance(value.get("type"), str):
        raise ValueError(f"tools[{i}] must be a tool definition with a 'type', got {value!r}"[:300])
    return dict(value)  # read as a tool definition (known types typed, others kept) by CreateRunRequest


def start_request(call: Call, thread: str, body: CreateRunRequest, include: Any, *, stream: bool) -> dict[str, Any]:
    """The request starting a run, as the family's official client sends it: Azure AI Agents' with
    `stream: false` (or true); elsewhere `stream` only when true."""
    flag = True if stream else (False if call.config.family == "azure-agents" else None)
    if flag is not None:
        body = attrs.evolve(body, stream=flag)
    return create_run.build_request(thread, body, include=include)


def start(call: Call, thread: str, body: CreateRunRequest, include: Any) -> Plan[Reply[Run]]:
    """Start a run and return it (queued): `APITimeoutError` when the call's own `timeout` runs out."""
    request = start_request(call, thread, body, include, stream=False)
    try:
        return (yield from starting(call, call.deadline(), request, thread, body.assistant_id, None))
    except DeadlineReached as reached:
        error = call_timed_out(call, request, reached)
        error.args = (f"{error}; a run may have started: list the thread's runs to know",)
        raise error from None


def starting(
    call: Call, deadline: Deadline, request: dict[str, Any], thread: str, assistant: str, silence: float | None
) -> Plan[Reply[Run]]:
    """Send a start; after a lost answer, the run it started if the thread shows one (see above). With
    `silence`, the answer is an event stream (`send`): the reply has no model, unless the run was
    found after a lost answer (then it is that run)."""
    attempt = 0
    while True:
        try:
            return (
                yield from send(
                    call, deadline, request, create_run.parse_body, acting=True, attempt=attempt, silence=silence
                )
            )
        except AnswerLost as lost:
            try:
                found = yield from started_run(call, deadline, thread, assistant)
            except RunStepsError as unread:
                lost.error.args = (
                    f"{lost.error}; reading the thread's runs to learn whether it started failed too: {unread}",
                )
                raise lost.error from None
            if found is not None:
                logger.info(
                    "%s %s: the answer was lost, but the thread shows the run started",
                    request["method"],
                    request["url"],
                )
                return found
            attempt = yield from resend_after(lost, call, deadline, request, "the thread shows no run started")


def started_run(call: Call, deadline: Deadline, thread: str, assistant: str) -> Plan[Reply[Run] | None]:
    """The thread's newest run of this assistant that is still going or waiting (None: there is none)."""
    request = list_runs.build_request(thread, limit=NEWEST, order="desc")
    reply = yield from send(call, deadline, request, list_runs.parse_body)
    for raw, run in zip(reply.data.get("data") or [], reply.model.data or [], strict=False):
        going = str(run.status) in MOVING_RUN_STATUSES | {"requires_action"}
        if going and run.assistant_id in (assistant, "", None):
            return Reply(run, reply.answer, raw, reply.retries)
    return None
