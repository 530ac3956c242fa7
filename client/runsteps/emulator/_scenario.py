"""Scripted threads, runs and steps, and where they are at a moment of the emulator's clock.

Plain data and pure functions: no I/O, so scripts are tested without a server. How they look on
the wire, per flavour, is _render's concern.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import attrs

EPOCH = 1_760_000_000  # what a script's t=0 is as a Unix timestamp
FINAL_RUN_STATUSES = frozenset({"completed", "failed", "cancelled", "expired", "incomplete"})
MOVING_RUN_STATUSES = frozenset({"queued", "in_progress", "cancelling"})
DEFAULT_TOOLS: tuple[dict[str, Any], ...] = (
    {"type": "code_interpreter"},
    {"type": "file_search"},
    {"type": "function", "function": {"name": "lookup"}},
)


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
    tools: list[dict[str, Any]] = attrs.field(factory=lambda: [dict(t) for t in DEFAULT_TOOLS])

    _index: tuple[int, list[float], dict[str, int]] | None = attrs.field(default=None, init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        self.steps.sort(key=lambda s: s.start)

    def visible(self, t: float) -> int:
        """How many steps exist at `t`: they are the first ones, oldest first."""
        return bisect.bisect_right(self._indexed()[1], t)

    def position(self, step_id: str) -> int | None:
        """Where a step is among the steps, oldest first (None for no such step)."""
        return self._indexed()[2].get(step_id)

    def _indexed(self) -> tuple[int, list[float], dict[str, int]]:
        # Built once (and again if a test adds steps): a page is answered without scanning the run.
        if self._index is None or self._index[0] != len(self.steps):
            self.steps.sort(key=lambda s: s.start)
            positions = {s.id: i for i, s in enumerate(self.steps)}
            self._index = (len(self.steps), [s.start for s in self.steps], positions)
        return self._index


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
    return run.steps[: run.visible(t)]


def step_is_moving(step: StepScript, t: float) -> bool:
    return step.end is None or t < step.end


def poll_after_ms(run: RunScript, t: float) -> int | None:
    hint = run.poll_after_ms
    return hint(t) if callable(hint) else hint


def azure_tool_call(call_id: str, kind: str, body: dict[str, Any]) -> dict[str, Any]:
    """A tool call of one of Azure's types (`bing_grounding`, `azure_ai_search`, `connected_agent`, ...)."""
    return {"id": call_id, "type": kind, kind: body}


def activities(*items: dict[str, Any]) -> dict[str, Any]:
    """Azure AI Agents' `activities` step details, a type no OpenAI spec has."""
    return {"type": "activities", "activities": list(items)}
