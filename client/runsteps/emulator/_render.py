"""How scripted steps and runs look on the wire at a moment, in each flavour. Pure functions of data."""

from __future__ import annotations

from typing import Any

from runsteps.emulator._flavours import FlavourSpec
from runsteps.emulator._scenario import (
    EPOCH,
    FINAL_RUN_STATUSES,
    RunScript,
    StepScript,
    run_status,
    step_is_moving,
    visible_steps,
)

INCLUDE_CONTENT = "step_details.tool_calls[*].file_search.results[*].content"
EXPIRY_SECONDS = 600


def timestamp(spec: FlavourSpec, t: float | None) -> int | None:
    """A script time as the flavour writes a Unix timestamp (seconds, or milliseconds), or its "none"."""
    if t is None:
        return spec.missing_timestamp
    return (EPOCH + int(t)) * spec.timestamp_scale


def render_step(run: RunScript, step: StepScript, t: float, spec: FlavourSpec, include_content: bool) -> dict[str, Any]:
    moving = step_is_moving(step, t)
    status = "in_progress" if moving else step.outcome
    ended = None if moving else step.end
    details = _render_details(step.details, moving, include_content, spec)
    failed = status == "failed"
    out: dict[str, Any] = {
        "id": step.id,
        "object": "thread.run.step",
        "created_at": timestamp(spec, step.start),
        "run_id": run.id,
        "assistant_id": "" if spec.empty_strings else run.assistant_id,
        "thread_id": run.thread_id,
        "type": details.get("type"),
        "status": status,
        "cancelled_at": timestamp(spec, ended if status == "cancelled" else None),
        "completed_at": timestamp(spec, ended if status == "completed" else None),
        "failed_at": timestamp(spec, ended if failed else None),
        "last_error": step.last_error if failed else ({"code": "", "message": ""} if spec.empty_strings else None),
        "step_details": details,
    }
    for key in spec.step_expiry:
        if key == "expires_at":  # what api.openai.com sent: when a running step expires, null once ended
            out[key] = timestamp(spec, step.start + EXPIRY_SECONDS) if moving else None
        else:
            out[key] = timestamp(spec, ended if status == "expired" else None)
    if spec.metadata:
        out["metadata"] = {}
    if spec.usage != "absent":
        out["usage"] = None if moving or step.usage is None else _usage(spec, step.usage)
    return out


def _usage(spec: FlavourSpec, usage: dict[str, Any]) -> dict[str, Any]:
    if spec.usage == "empty":
        return {}
    if spec.usage == "details":
        return {
            **usage,
            "prompt_tokens_details": {"cached_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0},
        }
    return dict(usage)


def _render_details(details: dict[str, Any], moving: bool, include_content: bool, spec: FlavourSpec) -> dict[str, Any]:
    if details.get("type") != "tool_calls":
        return details
    calls = []
    for call in details.get("tool_calls", []):
        call = dict(call)
        kind = call.get("type")
        if kind == "code_interpreter" and (moving or not spec.code_outputs):
            call["code_interpreter"] = {**call["code_interpreter"], "outputs": []}
        elif kind == "function" and moving:
            call["function"] = {**call["function"], "output": None}
        elif kind == "file_search":
            call["file_search"] = {} if moving else strip_content(call["file_search"], include_content)
        calls.append(call)
    return {**details, "tool_calls": calls}


def strip_content(file_search: dict[str, Any], include_content: bool) -> dict[str, Any]:
    """File-search results carry their `content` only when asked for with `include[]`."""
    if include_content or not isinstance(file_search.get("results"), list):
        return file_search
    results = [
        {k: v for k, v in r.items() if k != "content"} if isinstance(r, dict) else r for r in file_search["results"]
    ]
    return {**file_search, "results": results}


def render_run(run: RunScript, t: float, spec: FlavourSpec) -> dict[str, Any]:
    status = run_status(run, t)
    changed_at = max((at for at, value in run.timeline if at <= t and value == status), default=0.0)
    started = next((at for at, value in run.timeline if value == "in_progress" and at <= t), None)
    final = status in FINAL_RUN_STATUSES
    usage: dict[str, Any] | None = None
    if final:
        ended = [s for s in visible_steps(run, t) if not step_is_moving(s, t) and s.usage is not None]
        usage = {
            key: sum(int(s.usage[key]) for s in ended if s.usage and key in s.usage)
            for key in ("prompt_tokens", "completion_tokens", "total_tokens")
        }
    out: dict[str, Any] = {
        "id": run.id,
        "object": "thread.run",
        "created_at": timestamp(spec, run.timeline[0][0]),
        "assistant_id": "" if spec.empty_strings else run.assistant_id,
        "thread_id": run.thread_id,
        "status": status,
        "started_at": timestamp(spec, started),
        "expires_at": None if final else timestamp(spec, EXPIRY_SECONDS),
        "cancelled_at": timestamp(spec, changed_at if status == "cancelled" else None),
        "failed_at": timestamp(spec, changed_at if status == "failed" else None),
        "completed_at": timestamp(spec, changed_at if status == "completed" else None),
        "required_action": run.required_action if status == "requires_action" else None,
        "last_error": run.last_error if status == "failed" else None,
        "incomplete_details": {"reason": "max_completion_tokens"} if status == "incomplete" else None,
        "model": run.model,
        "instructions": run.instructions,
        "tools": run.tools,
        "usage": usage,
        "temperature": 1.0,
        "top_p": 1.0,
        "max_prompt_tokens": None,
        "max_completion_tokens": None,
        "truncation_strategy": {"type": "auto", "last_messages": None},
        "response_format": "auto",
        "tool_choice": "auto",
    }
    if spec.run_extras:
        out["parallel_tool_calls"] = True
    if run.tool_resources is not None:
        out["tool_resources"] = run.tool_resources
    if spec.metadata:
        out["metadata"] = {}
    return out


def render_page(spec: FlavourSpec, data: list[dict[str, Any]], has_more: bool) -> dict[str, Any]:
    first = data[0]["id"] if data else None
    last = data[-1]["id"] if data else None
    if spec.list_shape == "agents":
        return {"data": data, "last_id": last, "has_more": has_more}
    return {"object": "list", "data": data, "first_id": first, "last_id": last, "has_more": has_more}


def render_error(
    shape: str,
    status: int,
    message: str,
    *,
    type_: str = "invalid_request_error",
    code: str | None = None,
    param: str | None = None,
) -> dict[str, Any]:
    """An error body in a family's shape: OpenAI's nested error, Azure's (string codes), or a gateway's flat one."""
    if shape == "gateway":
        return {"statusCode": status, "message": message}
    if shape == "azure":
        error: dict[str, Any] = {"code": code or str(status), "message": message}
        if param:
            error["inner_error"] = {"code": "InvalidParameter", "param": param}
        return {"error": error}
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}
