"""What a run started on the emulator (`POST /threads/{t}/runs`) does, unless a test says otherwise
(`Emulator.starts`): with a function among its tools, it asks for that function (`requires_action`)
and answers once the output is submitted; otherwise it writes its answer and completes."""

from __future__ import annotations

from typing import Any

import attrs

from runsteps.emulator._scenario import (
    Continuation,
    Pause,
    RunScript,
    StepScript,
    function_call,
    message_creation,
    required_function_call,
    tool_calls,
)


def started_run(thread_id: str, run_id: str, body: dict[str, Any], t: float) -> RunScript:
    """The run `body` starts at `t` (times below are seconds after it)."""
    tools = body.get("tools")
    functions = [
        tool["function"]["name"]
        for tool in tools or []
        if isinstance(tool, dict) and tool.get("type") == "function" and isinstance(tool.get("function"), dict)
    ]
    asked = next((m.get("content") for m in body.get("additional_messages") or [] if isinstance(m, dict)), None)
    prompt = asked if isinstance(asked, str) else ""
    answer_id = f"msg_{run_id.removeprefix('run_')}_answer"
    texts = {answer_id: f"Here is the answer to: {prompt or 'your question'}."}
    answering = StepScript(f"step_{run_id.removeprefix('run_')}_answer", message_creation(answer_id), 0.2, 0.6)
    extra: dict[str, Any] = {"tools": tools} if tools is not None else {}
    common = {"assistant_id": str(body.get("assistant_id")), "instructions": body.get("instructions"),
              "prompt": prompt, "texts": texts, **extra}  # fmt: skip
    if not functions:
        step = attrs.evolve(answering, start=t + answering.start, end=t + 0.6)
        timeline = [(t, "queued"), (t + 0.1, "in_progress"), (t + 0.7, "completed")]
        return RunScript(run_id, thread_id, timeline, [step], **common)
    call_id = f"call_{run_id.removeprefix('run_')}_1"
    asking = StepScript(
        f"step_{run_id.removeprefix('run_')}_call", tool_calls(function_call(call_id, functions[0], "{}", None)),
        t + 0.2, None,
    )  # fmt: skip
    then = Continuation([(0.1, "in_progress"), (0.7, "completed")], [answering])
    pause = Pause(t + 0.5, asking.id, [required_function_call(call_id, functions[0], "{}")], then)
    return RunScript(run_id, thread_id, [(t, "queued"), (t + 0.1, "in_progress")], [asking], pause=pause, **common)
