"""Acting on runs, as plans: cancel, submit tool outputs and approvals, and `process`. No I/O here.

A cancel or a submission is never applied twice. When its answer is lost (the connection dropped
after the request was sent, a read timed out, a gateway failed), the run is read again: a run that
has moved on (out of `requires_action` for those calls; `cancelling` or `cancelled`) means the
request landed, and that run is the answer. Only a run still waiting exactly as before is asked
again, within `max_retries`. Refusals that act on nothing (408, 409, 429, 503) and connections that
never opened are retried as any request is (_sending).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from runsteps._errors import PollTimeoutError, RunStepsError
from runsteps._generated.api.default import cancel_run, get_run, submit_tool_ouputs_to_run
from runsteps._generated.models import (
    RequiredFunctionToolCall,
    RequiredMCPToolCall,
    Run,
    SubmitToolOutputsRunRequest,
    ToolApproval,
    ToolApprovalHeaders,
    ToolOutput,
)
from runsteps._plans.actions import Emit, Invoke, Plan, Sleep
from runsteps._plans.deadline import Call, Deadline, DeadlineReached
from runsteps._plans.polling import poll, run_is_settled
from runsteps._plans.responses import Reply
from runsteps._plans.retry import MAX_SERVER_DELAY, backoff
from runsteps._plans.sending import AnswerLost, call_timed_out, send
from runsteps._sanitize import printable
from runsteps._validation import check_id

logger = logging.getLogger("runsteps")
CANCELLED = frozenset({"cancelling", "cancelled"})

Functions = Mapping[str, Callable[..., Any]]
Approve = Callable[[RequiredMCPToolCall], Any]


# ---- arguments, checked before anything is sent ----


def check_tool_outputs(tool_outputs: Any) -> list[ToolOutput]:
    """`[{"tool_call_id": str, "output": str}, ...]` as models; a ValueError naming what is wrong."""
    items = _items("tool_outputs", tool_outputs, "the output of every pending call")
    outputs = []
    for i, item in enumerate(items):
        where = f"tool_outputs[{i}]"
        _keys(where, item, required=("tool_call_id", "output"), optional=())
        output = item["output"]
        if not isinstance(output, str):
            raise ValueError(
                f"{where}['output'] must be a string, got {type(output).__name__}: encode it first (json.dumps)"
            )
        outputs.append(ToolOutput(check_id(f"{where}['tool_call_id']", item["tool_call_id"]), output))
    _unique("tool_outputs", [o.tool_call_id for o in outputs])
    return outputs


def check_tool_approvals(tool_approvals: Any) -> list[ToolApproval]:
    """`[{"tool_call_id": str, "approve": bool, "headers": {str: str}?}, ...]` as models."""
    items = _items("tool_approvals", tool_approvals, "an answer for every pending approval")
    approvals = []
    for i, item in enumerate(items):
        where = f"tool_approvals[{i}]"
        _keys(where, item, required=("tool_call_id", "approve"), optional=("headers",))
        approve = item["approve"]
        if not isinstance(approve, bool):
            raise ValueError(f"{where}['approve'] must be True or False, got {type(approve).__name__}")
        headers = item.get("headers")
        if headers is not None and (
            not isinstance(headers, Mapping)
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items())
        ):
            raise ValueError(f"{where}['headers'] must map strings to strings")
        call_id = check_id(f"{where}['tool_call_id']", item["tool_call_id"])
        extra = None if headers is None else ToolApprovalHeaders.from_dict(dict(headers))
        approvals.append(ToolApproval(call_id, approve, extra))
    _unique("tool_approvals", [a.tool_call_id for a in approvals])
    return approvals


def _items(name: str, value: Any, what: str) -> list[Any]:
    if isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, Sequence):
        raise ValueError(f"{name} must be a list of objects, got {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must not be empty: submit {what} in one request")
    return list(value)


def _keys(where: str, item: Any, *, required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    if not isinstance(item, Mapping):
        raise ValueError(f"{where} must be an object with {', '.join(required)}, got {type(item).__name__}")
    for key in required:
        if key not in item:
            raise ValueError(f"{where} has no {key!r}")
    unknown = [str(k) for k in item if k not in required + optional]
    if unknown:
        raise ValueError(f"{where} has unknown keys {', '.join(map(repr, unknown))}")


def _unique(name: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for call_id in ids:
        if call_id in seen:
            raise ValueError(f"{name} names call {call_id!r} twice: one answer per call")
        seen.add(call_id)


# ---- the plans ----


def cancel(call: Call, run_id: Any, thread_id: Any) -> Plan[Reply[Run]]:
    thread, run = check_id("thread_id", thread_id), check_id("run_id", run_id)
    request = cancel_run.build_request(thread, run)
    return _act_alone(call, request, cancel_run.parse_body, thread, run, _was_cancelled)


def submit(
    call: Call,
    run_id: Any,
    thread_id: Any,
    *,
    tool_outputs: list[ToolOutput] | None = None,
    tool_approvals: list[ToolApproval] | None = None,
    deadline: Deadline | None = None,
) -> Plan[Reply[Run]]:
    """Submit checked outputs or approvals as the family's official client does (`submission`)."""
    thread, run = check_id("thread_id", thread_id), check_id("run_id", run_id)
    request, landed = submission(call, thread, run, tool_outputs, tool_approvals, stream=False)
    parse = submit_tool_ouputs_to_run.parse_body
    if deadline is None:
        return _act_alone(call, request, parse, thread, run, landed)
    return act(call, deadline, request, parse, thread, run, landed)


def submission(
    call: Call,
    thread: str,
    run: str,
    tool_outputs: list[ToolOutput] | None,
    tool_approvals: list[ToolApproval] | None,
    *,
    stream: bool,
) -> tuple[dict[str, Any], Callable[[Run], bool]]:
    """The request submitting outputs or approvals, and how a run read after a lost answer shows it
    landed (it no longer waits for those calls). As the family's official client sends it: to Azure
    AI Agents with `stream: false` (or true), and on its preview API versions each output typed
    `function_call_output` (azure-ai-agents 1.1 with `v1` sends no type; 1.2 with
    `2025-05-15-preview` does); elsewhere `stream` only when true."""
    agents = call.config.family == "azure-agents"
    flag = True if stream else (False if agents else None)
    if agents and tool_outputs and (call.config.query or {}).get("api-version") != "v1":
        tool_outputs = [attrs.evolve(o, type="function_call_output") for o in tool_outputs]
    body = SubmitToolOutputsRunRequest(tool_outputs=tool_outputs, tool_approvals=tool_approvals, stream=flag)
    submitted = {a.tool_call_id for a in tool_outputs or tool_approvals or []}
    request = submit_tool_ouputs_to_run.build_request(thread, run, body)
    return request, lambda r: pending_ids(r) != submitted


def _was_cancelled(run: Run) -> bool:
    return str(run.status) in CANCELLED


def pending_ids(run: Run) -> set[str]:
    """The ids of the calls a run waits for (outputs or approvals); empty unless it is at requires_action."""
    return {str(call.id) for call in pending_calls(run)}


def pending_calls(run: Run) -> list[Any]:
    action = run.required_action
    if str(run.status) != "requires_action" or action is None:
        return []
    waiting = action.submit_tool_outputs or action.submit_tool_approval
    return list(waiting.tool_calls or []) if waiting is not None else []


def _act_alone(
    call: Call,
    request: dict[str, Any],
    parse: Callable[[Any], Run],
    thread: str,
    run: str,
    landed: Callable[[Run], bool],
) -> Plan[Reply[Run]]:
    """A call that acts on a run: `APITimeoutError` when the call's own `timeout` runs out."""
    try:
        return (yield from act(call, call.deadline(), request, parse, thread, run, landed))
    except DeadlineReached as reached:
        error = call_timed_out(call, request, reached)
        error.args = (f"{error}; the run may have changed: read it to know",)
        raise error from None


def act(
    call: Call,
    deadline: Deadline,
    request: dict[str, Any],
    parse: Callable[[Any], Run],
    thread: str,
    run: str,
    landed: Callable[[Run], bool],
    silence: float | None = None,
) -> Plan[Reply[Run]]:
    """Send a request that acts on a run; after a lost answer, read the run to know whether it landed.
    With `silence` the answer is an event stream (`send`): the reply has no model, unless the answer
    was lost and the run shows it landed (then the reply is the run read)."""
    attempt = 0
    while True:
        try:
            return (yield from send(call, deadline, request, parse, acting=True, attempt=attempt, silence=silence))
        except AnswerLost as lost:
            try:
                reply = yield from send(call, deadline, get_run.build_request(thread, run), get_run.parse_body)
            except RunStepsError as unread:  # the error is the request's, not the read's
                lost.error.args = (f"{lost.error}; reading the run to learn whether it landed failed too: {unread}",)
                raise lost.error from None
            if landed(reply.model):
                logger.info(
                    "%s %s: the answer was lost, but the run shows it landed", request["method"], request["url"]
                )
                return reply
            attempt = yield from resend_after(lost, call, deadline, request, "the run shows it did not land")


def resend_after(lost: AnswerLost, call: Call, deadline: Deadline, request: dict[str, Any], shows: str) -> Plan[int]:
    """After a lost answer that did not land: the next attempt's number, once its wait is over, or
    the request's error when no attempt is left. `shows` says how it is known not to have landed."""
    delay = backoff(lost.attempt) if lost.delay is None else lost.delay
    if lost.attempt >= call.config.max_retries or delay > MAX_SERVER_DELAY:
        raise lost.error from None
    attempt = lost.attempt + 1
    logger.warning(
        "resending %s %s in %.2fs (attempt %d): the answer was lost and %s",
        request["method"], request["url"], delay, attempt + 1, shows,
    )  # fmt: skip
    yield Sleep(deadline.cut(delay))
    return attempt


def process(
    call: Call,
    run_id: Any,
    thread_id: Any,
    functions: Any,
    approve: Any,
    interval: float | None,
    on_error: Any = "submit",
    stream: bool = False,
) -> Plan[Reply[Run]]:
    """Poll a run; at requires_action, run the caller's functions (or `approve`) and submit what they
    give; with `stream`, submit outputs by stream and follow the run by it until it ends."""
    thread, run = check_id("thread_id", thread_id), check_id("run_id", run_id)
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be 'submit' or 'raise', got {on_error!r}")
    if functions is not None and (
        not isinstance(functions, Mapping) or not all(isinstance(k, str) and callable(f) for k, f in functions.items())
    ):
        raise ValueError("functions must map function names to callables")
    if approve is not None and not callable(approve):
        raise ValueError(f"approve must be a callable taking the call and returning True or False, got {approve!r}")
    table: Mapping[str, Callable[..., Any]] = functions or {}
    deadline = call.deadline()
    run_request = get_run.build_request(thread, run)
    while True:
        reply = yield from poll(
            call, run_request, get_run.parse_body, run_is_settled, interval=interval, deadline=deadline
        )
        calls = pending_calls(reply.model)
        if not calls:
            return reply
        action = reply.model.required_action
        try:
            if action is not None and action.submit_tool_outputs is not None:
                jobs = _function_jobs(run, calls, table)
                if jobs is None:
                    return reply  # a call nothing here can answer: the caller decides
                outcomes = yield Invoke(tuple(job for job in jobs if job is not None))
                assert isinstance(outcomes, list)
                outputs = _outputs(run, calls, jobs, outcomes, on_error)
                if stream:
                    yield from _submit_streamed(call, deadline, thread, run, outputs, interval)
                else:
                    yield from submit(call, run, thread, tool_outputs=outputs, deadline=deadline)
            else:
                if approve is None or not all(isinstance(c, RequiredMCPToolCall) for c in calls):
                    return reply
                answers = yield Invoke(tuple((approve, {"call": pending}) for pending in calls))
                approvals = []
                assert isinstance(answers, list)
                for pending, answer in zip(calls, answers, strict=True):
                    if isinstance(answer, Exception):
                        raise answer
                    approvals.append(ToolApproval(str(pending.id), bool(answer)))
                yield from submit(call, run, thread, tool_approvals=approvals, deadline=deadline)
        except DeadlineReached as reached:
            raise PollTimeoutError(
                f"still requires_action when the {deadline.timeout:g}s timeout ran out ({reached.reason})",
                last=reply.model,
                last_json=reply.data,
            ) from None


def _submit_streamed(
    call: Call, deadline: Deadline, thread: str, run: str, outputs: list[ToolOutput], interval: float | None
) -> Plan[None]:
    """Submit by stream and follow the run by it (its events are not needed: the run is read next)."""
    from runsteps._events.accumulate import RunAccumulator  # here: streaming builds on this module
    from runsteps._plans.streaming import Opening, follow

    request, landed = submission(call, thread, run, outputs, None, stream=True)
    opening = Opening(request, thread, run, landed=landed)
    followed = follow(
        call, opening, RunAccumulator(), silence=call.config.timeout, interval=interval, deadline=deadline
    )
    outcome: Any = None
    while True:
        try:
            action = followed.send(outcome)
        except StopIteration:
            return
        outcome = None if isinstance(action, Emit) else (yield action)


def _function_jobs(
    run: str, calls: list[Any], functions: Mapping[str, Callable[..., Any]]
) -> list[tuple[Callable[..., Any], Mapping[str, Any]] | None] | None:
    """A job per call (None where its arguments cannot be read: that call's output says why), or None
    when some call is not a function this table has (a WARNING says which)."""
    jobs: list[tuple[Callable[..., Any], Mapping[str, Any]] | None] = []
    for call in calls:
        if not isinstance(call, RequiredFunctionToolCall) or call.function is None:
            logger.warning(
                "process stops: run %s waits for call %s (%s), which is not a function call", run, call.id, call.type
            )
            return None
        function = functions.get(str(call.function.name))
        if function is None:
            logger.warning(
                "process stops: run %s waits for call %s to function %r, which functions= has no entry for",
                run,
                call.id,
                printable(call.function.name, 80),
            )
            return None
        arguments = _arguments(call.function.arguments)
        jobs.append((function, arguments) if isinstance(arguments, dict) else None)
    return jobs


def _arguments(text: Any) -> dict[str, Any] | None:
    if text is None or text == "":
        return {}
    try:
        value = json.loads(text) if isinstance(text, str) else None
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _outputs(run: str, calls: list[Any], jobs: list[Any], outcomes: list[Any], on_error: str) -> list[ToolOutput]:
    """The outputs to submit; with `on_error="raise"`, the first exception a function raised instead."""
    results = iter(outcomes)
    outputs = []
    for call, job in zip(calls, jobs, strict=True):
        name = printable(call.function.name, 80)
        if job is None:
            logger.warning("run %s: the arguments of call %s to %r are not a JSON object", run, call.id, name)
            text = json.dumps({"error": "ArgumentsError", "message": "the arguments are not a JSON object"})
        else:
            result = next(results)
            if isinstance(result, Exception):
                logger.warning(
                    "run %s: function %r raised %s for call %s: %s%s",
                    run,
                    name,
                    type(result).__name__,
                    call.id,
                    printable(result, 300),
                    "" if on_error == "raise" else " (submitted as its output)",
                )
                if on_error == "raise":
                    raise result
            text = output_text(result)
        outputs.append(ToolOutput(str(call.id), text))
    return outputs


ON_ERROR = ("submit", "raise")


def output_text(value: Any) -> str:
    """A function's result as a tool output: text as it is, an exception as a JSON object naming it,
    anything else as JSON (or its `str` when JSON cannot hold it)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Exception):
        return json.dumps({"error": type(value).__name__, "message": str(value)})
    try:
        return json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return str(value)
