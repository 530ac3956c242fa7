"""Scripted threads, runs and steps, and how they look at a moment of the emulator's clock.

Plain data and pure functions: no I/O, so scripts and flavours are tested without a server.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, Literal, Protocol

import attrs

Flavour = Literal["openai", "azure", "spec"]
FLAVOURS: tuple[Flavour, ...] = ("openai", "azure", "spec")
EPOCH = 1_760_000_000  # what a script's t=0 is as a Unix timestamp
FINAL_RUN_STATUSES = frozenset({"completed", "failed", "cancelled", "expired", "incomplete"})
MOVING_RUN_STATUSES = frozenset({"queued", "in_progress", "cancelling"})


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the scenario started."""
        ...


@attrs.define
class ManualClock:
    """A clock that moves only when a test says so: deterministic scenarios."""

    t: float = 0.0
    _lock: threading.Lock = attrs.field(factory=threading.Lock, repr=False)

    def now(self) -> float:
        with self._lock:
            return self.t

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.t += seconds

    def set(self, t: float) -> None:
        with self._lock:
            self.t = t


@attrs.define
class RealClock:
    """Real time since the clock was made (or `speed` times it)."""

    speed: float = 1.0
    _start: float = attrs.field(factory=time.monotonic, repr=False)

    def now(self) -> float:
        return (time.monotonic() - self._start) * self.speed


@attrs.define
class StepScript:
    """A step that appears at `start`, is `in_progress` until `end`, then has status `outcome`.

    `details` is the `step_details` object; for a tool-calls step, each call's outputs are shown
    only once the step has ended (as real servers fill them in).
    """

    id: str
    details: dict[str, Any]
    start: float = 0.0
    end: float | None = 1.0
    outcome: str = "completed"
    usage: dict[str, Any] | None = attrs.field(
        factory=lambda: {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150}
    )
    last_error: dict[str, Any] | None = None


@attrs.define
class RunScript:
    """A run whose status follows `timeline`, a list of (time, status) in time order."""

    id: str
    thread_id: str
    timeline: list[tuple[float, str]]
    steps: list[StepScript] = attrs.field(factory=list)
    assistant_id: str = "asst_emulator"
    model: str = "gpt-4o"
    required_action: dict[str, Any] | None = None
    last_error: dict[str, Any] | None = None
    poll_after_ms: int | Callable[[float], int | None] | None = None

    def __attrs_post_init__(self) -> None:
        self.steps.sort(key=lambda s: s.start)


def message_creation(message_id: str) -> dict[str, Any]:
    return {"type": "message_creation", "message_creation": {"message_id": message_id}}


def tool_calls(*calls: dict[str, Any]) -> dict[str, Any]:
    return {"type": "tool_calls", "tool_calls": list(calls)}


def code_interpreter_call(
    call_id: str, code: str, logs: str | None = None, image_file_id: str | None = None
) -> dict[str, Any]:
    outputs: list[dict[str, Any]] = []
    if logs is not None:
        outputs.append({"type": "logs", "logs": logs})
    if image_file_id is not None:
        outputs.append({"type": "image", "image": {"file_id": image_file_id}})
    return {"id": call_id, "type": "code_interpreter", "code_interpreter": {"input": code, "outputs": outputs}}


def file_search_call(call_id: str, results: Sequence[tuple[str, str, float, str]]) -> dict[str, Any]:
    """`results` holds (file_id, file_name, score, text); text is served only with `include[]`."""
    return {
        "id": call_id,
        "type": "file_search",
        "file_search": {
            "ranking_options": {"ranker": "default_2024_08_21", "score_threshold": 0.0},
            "results": [
                {"file_id": f, "file_name": n, "score": s, "content": [{"type": "text", "text": t}]}
                for f, n, s, t in results
            ],
        },
    }


def function_call(call_id: str, name: str, arguments: str, output: str | None) -> dict[str, Any]:
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments, "output": output}}


def run_status(run: RunScript, t: float) -> str:
    status = run.timeline[0][1]
    for at, value in run.timeline:
        if at <= t:
            status = value
    return status


def run_is_moving(run: RunScript, t: float) -> bool:
    return run_status(run, t) in MOVING_RUN_STATUSES


def visible_steps(run: RunScript, t: float) -> list[StepScript]:
    """Steps that exist at `t`, oldest first."""
    return [s for s in run.steps if s.start <= t]


def step_is_moving(step: StepScript, t: float) -> bool:
    return step.end is None or t < step.end


def poll_after_ms(run: RunScript, t: float) -> int | None:
    hint = run.poll_after_ms
    return hint(t) if callable(hint) else hint


def _ts(t: float | None) -> int | None:
    return None if t is None else EPOCH + int(t)


def render_step(run: RunScript, step: StepScript, t: float, flavour: Flavour, include_content: bool) -> dict[str, Any]:
    moving = step_is_moving(step, t)
    status = "in_progress" if moving else step.outcome
    ended = None if moving else step.end
    details = _render_details(step.details, moving, include_content)
    out: dict[str, Any] = {
        "id": step.id,
        "object": "thread.run.step",
        "created_at": _ts(step.start),
        "run_id": run.id,
        "assistant_id": run.assistant_id,
        "thread_id": run.thread_id,
        "type": details["type"],
        "status": status,
        "cancelled_at": _ts(ended) if status == "cancelled" else None,
        "completed_at": _ts(ended) if status == "completed" else None,
        "failed_at": _ts(ended) if status == "failed" else None,
        "last_error": step.last_error if status == "failed" else None,
        "step_details": details,
    }
    expired_at = _ts(ended) if status == "expired" else None
    usage = None if moving else step.usage
    if flavour == "openai":
        # The 2025 wire shape: expires_at while running, no metadata, usage with detail objects.
        out["expires_at"] = _ts(step.start + 600) if moving else None
        if usage is not None:
            usage = {
                **usage,
                "prompt_tokens_details": {"cached_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0},
            }
    elif flavour == "azure":
        out["expired_at"] = expired_at
        out["metadata"] = {}
    else:
        out["expired_at"] = expired_at
        out["metadata"] = {}
    out["usage"] = usage
    return out


def _render_details(details: dict[str, Any], moving: bool, include_content: bool) -> dict[str, Any]:
    if details.get("type") != "tool_calls":
        return details
    calls = []
    for call in details["tool_calls"]:
        call = dict(call)
        kind = call.get("type")
        if kind == "code_interpreter" and moving:
            call["code_interpreter"] = {**call["code_interpreter"], "outputs": []}
        elif kind == "function" and moving:
            call["function"] = {**call["function"], "output": None}
        elif kind == "file_search":
            body = dict(call["file_search"])
            if moving:
                body = {}
            elif not include_content and "results" in body:
                body["results"] = [{k: v for k, v in r.items() if k != "content"} for r in body["results"]]
            call["file_search"] = body
        calls.append(call)
    return {**details, "tool_calls": calls}


def render_run(run: RunScript, t: float, flavour: Flavour) -> dict[str, Any]:
    status = run_status(run, t)
    changed_at = max((at for at, value in run.timeline if at <= t and value == status), default=0.0)
    started = next((at for at, value in run.timeline if value == "in_progress" and at <= t), None)
    final = status in FINAL_RUN_STATUSES
    steps = [s for s in visible_steps(run, t) if not step_is_moving(s, t) and s.usage is not None]
    usage: dict[str, Any] | None = None
    if final:
        usage = {
            key: sum(int(s.usage[key]) for s in steps if s.usage and key in s.usage)
            for key in ("prompt_tokens", "completion_tokens", "total_tokens")
        }
    out: dict[str, Any] = {
        "id": run.id,
        "object": "thread.run",
        "created_at": _ts(run.timeline[0][0]),
        "assistant_id": run.assistant_id,
        "thread_id": run.thread_id,
        "status": status,
        "started_at": _ts(started),
        "expires_at": None if final else _ts(600),
        "cancelled_at": _ts(changed_at) if status == "cancelled" else None,
        "failed_at": _ts(changed_at) if status == "failed" else None,
        "completed_at": _ts(changed_at) if status == "completed" else None,
        "required_action": run.required_action if status == "requires_action" else None,
        "last_error": run.last_error if status == "failed" else None,
        "incomplete_details": {"reason": "max_completion_tokens"} if status == "incomplete" else None,
        "model": run.model,
        "instructions": None,
        "tools": [
            {"type": "code_interpreter"},
            {"type": "file_search"},
            {"type": "function", "function": {"name": "f"}},
        ],
        "usage": usage,
        "temperature": 1.0,
        "top_p": 1.0,
        "max_prompt_tokens": None,
        "max_completion_tokens": None,
        "truncation_strategy": {"type": "auto", "last_messages": None},
        "response_format": "auto",
        "tool_choice": "auto",
        "parallel_tool_calls": True,
    }
    if flavour != "openai":
        out["metadata"] = {}
    return out
