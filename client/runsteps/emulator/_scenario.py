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
CANCEL_SECONDS = 0.5  # how long a cancelled run stays `cancelling`, as servers take a moment
FINAL_RUN_STATUSES = frozenset({"completed", "failed", "cancelled", "expired", "incomplete"})
MOVING_RUN_STATUSES = frozenset({"queued", "in_progress", "cancelling"})
PARAMETERS: dict[str, Any] = {"type": "object", "properties": {"key": {"type": "string"}}, "required": ["key"]}
DEFAULT_TOOLS: tuple[dict[str, Any], ...] = (
    {"type": "code_interpreter"},
    {"type": "file_search"},
    {
        "type": "function",
        "function": {"name": "lookup", "description": "A record by its key.", "parameters": PARAMETERS},
    },
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
class Continuation:
    """What a run does once a pause is answered; times are seconds after the answer."""

    timeline: list[tuple[float, str]]
    steps: list[StepScript] = attrs.field(factory=list)
    pause: Pause | None = None


@attrs.define
class Pause:
    """A run waits at `requires_action` from `at` until every call in `calls` is answered.

    `kind` is `submit_tool_outputs` (function calls) or `submit_tool_approval` (Azure AI Agents' MCP
    approvals); `step_id` names the tool-calls step that stays `in_progress` until the answer, and
    whose function outputs are the ones submitted; `then` is what follows the answer.
    """

    at: float
    step_id: str
    calls: list[dict[str, Any]]
    then: Continuation
    kind: str = "submit_tool_outputs"

    def required_action(self) -> dict[str, Any]:
        return {"type": self.kind, self.kind: {"tool_calls": [dict(c) for c in self.calls]}}


@attrs.define
class RunScript:
    """A run whose status follows `timeline`, a list of (time, status) in time order.

    With a `pause`, the run reaches `requires_action` at `pause.at` and waits there until `answer`
    is called (the emulator calls it for a submission); `cancel` ends it as servers do. Both change
    the script from that moment on, so what was served before stays as it was.
    """

    id: str
    thread_id: str
    timeline: list[tuple[float, str]]
    steps: list[StepScript] = attrs.field(factory=list)
    assistant_id: str = "asst_emulator"
    model: str = "gpt-4o"
    instructions: str | None = None  # the run's, as servers send them (null when none were set)
    required_action: dict[str, Any] | None = None
    last_error: dict[str, Any] | None = None
    poll_after_ms: int | Callable[[float], int | None] | None = None
    tools: list[dict[str, Any]] = attrs.field(factory=lambda: [dict(t) for t in DEFAULT_TOOLS])
    tool_resources: dict[str, Any] | None = None  # sent only when set, as Azure AI Agents does
    pause: Pause | None = None
    answers: list[tuple[float, list[dict[str, Any]]]] = attrs.field(factory=list)  # what was submitted, when
    prompt: str = ""  # the user's turn before the run (a sentence naming the run when empty)
    texts: dict[str, str] = attrs.field(factory=dict)  # what each assistant message says, by message id

    _index: tuple[int, list[float], dict[str, int]] | None = attrs.field(default=None, init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        self.steps.sort(key=lambda s: s.start)
        if self.pause is not None:
            self._wait_at(self.pause)

    def _wait_at(self, pause: Pause) -> None:
        self.timeline = [(at, status) for at, status in self.timeline if at < pause.at]
        self.timeline.append((pause.at, "requires_action"))
        self.required_action = pause.required_action()

    def answer(self, t: float, items: list[dict[str, Any]]) -> None:
        """The pending calls are answered at `t`: the waiting step ends (its function outputs are the
        submitted ones) and the continuation plays from `t`."""
        pause = self.pause
        assert pause is not None, "answer() needs a run waiting at a pause"
        self.answers.append((t, items))
        outputs = {str(i.get("tool_call_id")): i.get("output") for i in items}
        for step in self.steps:
            if step.id == pause.step_id:
                step.end = t
                if pause.kind == "submit_tool_outputs":
                    step.details = _with_outputs(step.details, outputs)
        then = pause.then
        self.timeline.append((t, "queued"))
        self.timeline.extend((t + dt, status) for dt, status in then.timeline)
        self.steps.extend(
            attrs.evolve(s, start=s.start + t, end=None if s.end is None else s.end + t) for s in then.steps
        )
        self.required_action, self.pause = None, None
        if then.pause is not None:
            self.pause = attrs.evolve(then.pause, at=then.pause.at + t)
            self._wait_at(self.pause)
        self._index = None

    def cancel(self, t: float) -> None:
        """Cancelled at `t`: `cancelling` for a moment, then `cancelled`; steps still moving are cancelled
        with it, and steps not yet begun never are."""
        self.timeline = [(at, status) for at, status in self.timeline if at <= t]
        self.timeline += [(t, "cancelling"), (t + CANCEL_SECONDS, "cancelled")]
        self.steps = [s for s in self.steps if s.start <= t]
        for step in self.steps:
            if step.end is None or step.end > t:
                step.end, step.outcome = t + CANCEL_SECONDS, "cancelled"
        self.required_action, self.pause = None, None
        self._index = None

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


def _with_outputs(details: dict[str, Any], outputs: dict[str, Any]) -> dict[str, Any]:
    calls = []
    for call in details.get("tool_calls", []):
        if call.get("type") == "function" and call.get("id") in outputs:
            call = {**call, "function": {**call["function"], "output": outputs[call["id"]]}}
        calls.append(call)
    return {**details, "tool_calls": calls}


def required_function_call(call_id: str, name: str, arguments: str) -> dict[str, Any]:
    """A call as a run's `required_action` lists it."""
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


def required_mcp_call(call_id: str, server_label: str, name: str, arguments: str) -> dict[str, Any]:
    """An MCP call waiting for approval, as Azure AI Agents lists it."""
    return {"id": call_id, "type": "mcp", "server_label": server_label, "name": name, "arguments": arguments}


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
