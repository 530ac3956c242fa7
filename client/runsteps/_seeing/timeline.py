"""A run's steps on a time axis, as plain data: what the timeline command draws and the tracer records.

Times are the API's own timestamps, in seconds (servers that send milliseconds are read as such; -1 and
0 mean none). A step that has not ended is open: it ends at `now`, which the caller gives.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from runsteps._generated.models.run import Run
from runsteps._generated.models.run_step import RunStep
from runsteps._generated.models.tool_calls_details import ToolCallsDetails
from runsteps._generated.models.usage import Usage


def seconds(timestamp: object) -> float | None:
    """A timestamp in seconds, or None for none (missing, null, -1, 0, or not a number)."""
    if isinstance(timestamp, bool) or not isinstance(timestamp, (int, float)) or timestamp <= 0:
        return None
    return timestamp / 1000 if timestamp > 10**11 else float(timestamp)


def tokens(usage: Usage | None) -> tuple[int, int, int]:
    """(prompt, completion, total) tokens; 0 for any count missing."""

    def count(value: object) -> int:
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    if usage is None:
        return 0, 0, 0
    return count(usage.prompt_tokens), count(usage.completion_tokens), count(usage.total_tokens)


def tool_name(call: object) -> str:
    """A tool call's name: the function's for function calls, the server's and tool's for MCP calls,
    the tool's type otherwise."""
    kind = str(getattr(call, "type", None) or "tool")
    function = getattr(call, "function", None)
    if kind == "function" and function is not None and getattr(function, "name", None):
        return str(function.name)
    name = getattr(call, "name", None)
    if kind == "mcp" and name:
        server = getattr(call, "server_label", None)
        return f"{server}.{name}" if server else str(name)
    return kind


def step_kind(step: RunStep) -> str:
    """What a step did, as every command names it: `message`, or its tool calls' types
    (`code_interpreter+file_search`)."""
    details = step.step_details
    if isinstance(details, ToolCallsDetails):
        types = [str(getattr(call, "type", "?")) for call in details.tool_calls or []]
        return "+".join(dict.fromkeys(types)) or "tool_calls"
    if details is not None and details.type == "message_creation":
        return "message"
    return str(step.type if step.type is not None else getattr(details, "type", "?"))


@attrs.frozen
class Bar:
    """One step: when it started and ended (None: still open), what it did, what it cost."""

    step: RunStep
    start: float
    end: float | None
    tools: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.step.id

    @property
    def kind(self) -> str:
        return step_kind(self.step)

    @property
    def status(self) -> str:
        return str(self.step.status or "?")

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    @property
    def tokens(self) -> int:
        return tokens(self.step.usage)[2]

    def duration(self, now: float) -> float:
        return max(0.0, (self.end if self.end is not None else now) - self.start)


def step_end(step: RunStep) -> float | None:
    for stamp in (step.completed_at, step.failed_at, step.cancelled_at, step.expired_at):
        if (value := seconds(stamp)) is not None:
            return value
    return None


def run_end(run: Run) -> float | None:
    for stamp in (run.completed_at, run.failed_at, run.cancelled_at):
        if (value := seconds(stamp)) is not None:
            return value
    return None


@attrs.frozen
class Timeline:
    """A run and its steps in time order; `now` closes what is still open."""

    run: Run
    bars: tuple[Bar, ...]
    now: float

    @classmethod
    def build(cls, run: Run, steps: Iterable[RunStep], now: float) -> Timeline:
        bars = []
        for step in steps:
            start = seconds(step.created_at)
            if start is None:
                continue  # a step with no time cannot be placed (it is still counted in the table's total)
            details = step.step_details
            calls = details.tool_calls or [] if isinstance(details, ToolCallsDetails) else []
            bars.append(Bar(step, start, step_end(step), tuple(tool_name(c) for c in calls)))
        bars.sort(key=lambda b: (b.start, b.id))
        return cls(run, tuple(bars), now)

    @property
    def start(self) -> float:
        starts = [s for s in (seconds(self.run.created_at), *(b.start for b in self.bars)) if s is not None]
        return min(starts) if starts else self.now

    @property
    def end(self) -> float:
        ends = [run_end(self.run), *((b.end if b.end is not None else self.now) for b in self.bars)]
        known = [e for e in ends if e is not None]
        end = max(known) if known else self.now
        return max(end, self.now) if self.moving else end

    @property
    def moving(self) -> bool:
        return run_end(self.run) is None and str(self.run.status) not in ("expired", "incomplete")

    def totals(self) -> tuple[int, int, int]:
        if self.run.usage is not None:
            return tokens(self.run.usage)
        sums = [tokens(b.step.usage) for b in self.bars]
        return sum(s[0] for s in sums), sum(s[1] for s in sums), sum(s[2] for s in sums)
