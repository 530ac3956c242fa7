"""A scripted thread's messages and the thread itself, as its runs imply them: the user's turn before
each run, and the assistant's message that each `message_creation` step names (in progress while the
step is, then completed, or incomplete when the step did not complete). Pure functions of data."""

from __future__ import annotations

from typing import Any

import attrs

from runsteps.emulator._flavours import FlavourSpec
from runsteps.emulator._render import timestamp
from runsteps.emulator._scenario import RunScript, step_is_moving

_INCOMPLETE = {"failed": "run_failed", "cancelled": "run_cancelled", "expired": "run_expired"}


@attrs.frozen
class MessageAt:
    """A message of a thread at a moment: who wrote it, when, how far along, what it says."""

    id: str
    role: str
    created: float
    text: str
    run_id: str | None = None
    assistant_id: str | None = None
    status: str = "completed"
    ended: float | None = None
    incomplete_reason: str | None = None


def user_message_id(run: RunScript) -> str:
    return f"msg_{run.id}_user"


def messages_at(runs: list[RunScript], t: float) -> list[MessageAt]:
    """The messages that exist at `t`, oldest first (the user's turn before its run's first message)."""
    found: list[MessageAt] = []
    for run in runs:
        created = run.timeline[0][0]
        if created > t:
            continue
        prompt = run.prompt or f"Please go ahead with {run.id}."
        found.append(MessageAt(user_message_id(run), "user", created, prompt))
        for step in run.steps:
            if step.start > t or step.details.get("type") != "message_creation":
                continue
            message_id = str((step.details.get("message_creation") or {}).get("message_id"))
            moving = step_is_moving(step, t)
            status = "in_progress" if moving else ("completed" if step.outcome == "completed" else "incomplete")
            text = run.texts.get(message_id, f"The answer of {step.id}.")
            reason = _INCOMPLETE.get(step.outcome, "run_failed") if status == "incomplete" else None
            ended = None if moving else step.end
            found.append(
                MessageAt(message_id, "assistant", step.start, text, run.id, run.assistant_id, status, ended, reason)
            )
    found.sort(key=lambda m: m.created)  # stable: a user's turn stays before the answers of its run
    return found


def render_message(spec: FlavourSpec, thread_id: str, m: MessageAt) -> dict[str, Any]:
    incomplete = m.status == "incomplete"
    return {
        "id": m.id,
        "object": "thread.message",
        "created_at": timestamp(spec, m.created),
        "thread_id": thread_id,
        "status": m.status,
        "incomplete_details": {"reason": m.incomplete_reason} if incomplete else None,
        "completed_at": timestamp(spec, m.ended) if m.status == "completed" and m.role == "assistant" else None,
        "incomplete_at": timestamp(spec, m.ended) if incomplete else None,
        "role": m.role,
        "content": [{"type": "text", "text": {"value": m.text, "annotations": []}}],
        "assistant_id": m.assistant_id,
        "run_id": m.run_id,
        "attachments": [],
        "metadata": {},
    }


def render_thread(spec: FlavourSpec, thread_id: str, created: float) -> dict[str, Any]:
    return {
        "id": thread_id,
        "object": "thread",
        "created_at": timestamp(spec, created),
        "metadata": {},
        "tool_resources": {},
    }
