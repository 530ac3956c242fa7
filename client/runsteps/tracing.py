"""Runs as OpenTelemetry traces, named and described by the GenAI semantic conventions.

Needs the `otel` extra (`pip install 'runsteps-sdk[otel]'`); `import runsteps` never loads it.

A run is one `invoke_agent {agent}` span; each step a `step {type}` span under it; each tool call an
`execute_tool {tool}` span under its step. Every time is the API's own timestamp (the API gives no
finer times, so a tool call's span covers its step's). A failed run or step, and the tool calls of a
failed step, have ERROR status and `error.type` from `last_error.code`. Tool arguments and outputs are
recorded only with `record_content=True`, as the conventions' opt-in says.

    from runsteps.tracing import record_run
    record_run(client.runs.retrieve(run_id, thread_id=t), client.steps.list(run_id, thread_id=t))

`record_watch(watcher)` does the same live: each step becomes spans as it settles.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from typing import Any

try:
    from opentelemetry import trace
    from opentelemetry.context import Context
    from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer, TracerProvider
except ImportError:  # the `otel` extra is not installed
    raise ImportError("runsteps.tracing needs OpenTelemetry: pip install 'runsteps-sdk[otel]'") from None

from runsteps._generated.models.run import Run
from runsteps._generated.models.run_step import RunStep
from runsteps._generated.models.tool_calls_details import ToolCallsDetails
from runsteps._seeing.timeline import run_end, seconds, step_end, tokens, tool_name
from runsteps._sync.iterators import Watcher
from runsteps._version import __version__

__all__ = ["RunTrace", "record_run", "record_watch", "tool_type"]

# What kind of tool each call is, in the conventions' words: a function the caller runs, a store of
# data searched, or an extension the server runs.
DATASTORES = frozenset({"file_search", "azure_ai_search", "sharepoint_grounding", "fabric_dataagent"})


def tool_type(call: Any) -> str:
    kind = str(getattr(call, "type", ""))
    return "function" if kind == "function" else "datastore" if kind in DATASTORES else "extension"


def _ns(timestamp: float) -> int:
    return round(timestamp * 1_000_000_000)


def _content(call: Any) -> tuple[str | None, str | None]:
    """A call's arguments and output as text, where its type has them."""
    body = call.to_dict()
    inner = body.get(str(getattr(call, "type", "")))
    source = inner if isinstance(inner, dict) else body
    arguments = source.get("arguments", source.get("input"))
    output = source.get("output", source.get("outputs"))

    def text(value: Any) -> str | None:
        return value if isinstance(value, str) or value is None else json.dumps(value)

    return text(arguments), text(output)


class RunTrace:
    """One run's spans, begun when the run is first seen and ended when it is final. Steps are recorded
    as they settle (`add`), each once."""

    def __init__(self, run: Run, *, tracer: Tracer, record_content: bool = False) -> None:
        self.tracer: Tracer = tracer
        self.record_content: bool = record_content
        self.run: Run = run
        self.recorded: set[str] = set()
        start = seconds(run.created_at) or seconds(run.started_at) or time.time()
        agent = run.assistant_id or "agent"
        self.span: Span = tracer.start_span(
            f"invoke_agent {agent}", kind=SpanKind.CLIENT, start_time=_ns(start), attributes=self._run_attributes(run)
        )
        self.context: Context = trace.set_span_in_context(self.span)

    def _run_attributes(self, run: Run) -> dict[str, Any]:
        attributes: dict[str, Any] = {"gen_ai.operation.name": "invoke_agent", "runsteps.run.id": run.id}
        for key, value in (
            ("gen_ai.agent.id", run.assistant_id),
            ("gen_ai.conversation.id", run.thread_id),
            ("gen_ai.request.model", run.model),
            ("runsteps.run.status", str(run.status) if run.status is not None else None),
        ):
            if value:
                attributes[key] = value
        return attributes

    def add(self, step: RunStep, now: float | None = None) -> bool:
        """Records a step that has ended (or, with `now`, one still going, ended at `now`); False if it
        is still going or was recorded before."""
        end = step_end(step)
        if step.id in self.recorded or (end is None and now is None):
            return False
        start = seconds(step.created_at)
        if start is None:
            return False
        end = end if end is not None else now
        assert end is not None
        self.recorded.add(step.id)
        failed = str(step.status) == "failed"
        error = step.last_error.code if failed and step.last_error is not None else None
        prompt, completion, _ = tokens(step.usage)
        attributes: dict[str, Any] = {"runsteps.step.id": step.id, "runsteps.step.status": str(step.status)}
        if step.type is not None:
            attributes["runsteps.step.type"] = str(step.type)
        if step.usage is not None:
            attributes.update({"gen_ai.usage.input_tokens": prompt, "gen_ai.usage.output_tokens": completion})
        span = self.tracer.start_span(
            f"step {step.type or getattr(step.step_details, 'type', 'step')}",
            context=self.context,
            start_time=_ns(start),
            attributes=attributes,
        )
        self._fail(span, failed, error)
        step_context = trace.set_span_in_context(span)
        details = step.step_details
        for call in details.tool_calls or [] if isinstance(details, ToolCallsDetails) else []:
            name = tool_name(call)
            tool: dict[str, Any] = {
                "gen_ai.operation.name": "execute_tool",
                "gen_ai.tool.name": name,
                "gen_ai.tool.type": tool_type(call),
            }
            if getattr(call, "id", None):
                tool["gen_ai.tool.call.id"] = call.id
            if self.record_content:
                arguments, output = _content(call)
                if arguments is not None:
                    tool["gen_ai.tool.call.arguments"] = arguments
                if output is not None:
                    tool["gen_ai.tool.call.result"] = output
            tool_span = self.tracer.start_span(
                f"execute_tool {name}", context=step_context, start_time=_ns(start), attributes=tool
            )
            self._fail(tool_span, failed, error)
            tool_span.end(end_time=_ns(end))
        span.end(end_time=_ns(end))
        return True

    @staticmethod
    def _fail(span: Span, failed: bool, code: str | None) -> None:
        if failed:
            span.set_status(Status(StatusCode.ERROR, code or "failed"))
            span.set_attribute("error.type", code or "failed")

    def finish(self, run: Run, now: float | None = None) -> None:
        """Ends the run's span at the run's final time (or `now` for a run still going), with its usage."""
        self.run = run
        for key, value in self._run_attributes(run).items():
            self.span.set_attribute(key, value)
        if run.usage is not None:
            prompt, completion, _ = tokens(run.usage)
            self.span.set_attribute("gen_ai.usage.input_tokens", prompt)
            self.span.set_attribute("gen_ai.usage.output_tokens", completion)
        if str(run.status) == "failed":
            self._fail(self.span, True, run.last_error.code if run.last_error is not None else None)
        end = run_end(run) or now or time.time()
        self.span.end(end_time=_ns(end))


def _tracer(tracer_provider: TracerProvider | None) -> Tracer:
    return trace.get_tracer("runsteps", __version__, tracer_provider=tracer_provider)


def record_run(
    run: Run,
    steps: Iterable[RunStep],
    *,
    tracer_provider: TracerProvider | None = None,
    record_content: bool = False,
    now: float | None = None,
) -> None:
    """Emits a run's spans: the run, each step, each tool call. Steps still going end at `now` (default:
    the run's end, or the time it is now). `steps` is read once, as it comes: an archive's 100,000 steps
    are never held at once."""
    recorder = RunTrace(run, tracer=_tracer(tracer_provider), record_content=record_content)
    close_at = now if now is not None else (run_end(run) or time.time())
    for step in steps:
        if not recorder.add(step):
            recorder.add(step, now=close_at)
    recorder.finish(run, now=close_at)


def record_watch(
    watcher: Watcher, *, tracer_provider: TracerProvider | None = None, record_content: bool = False
) -> Iterator[RunStep]:
    """Follows a watch (`client.steps.watch(...)`), yielding each step as the watch does; each step
    becomes spans once it has ended, and the run's span ends when the watch does."""
    recorder: RunTrace | None = None
    waiting: dict[str, RunStep] = {}
    for step in watcher:
        if recorder is None and watcher.run is not None:
            recorder = RunTrace(watcher.run, tracer=_tracer(tracer_provider), record_content=record_content)
        waiting[step.id] = step
        if recorder is not None:
            for pending in list(waiting.values()):
                if recorder.add(pending):
                    del waiting[pending.id]
        yield step
    if watcher.run is not None:
        if recorder is None:
            recorder = RunTrace(watcher.run, tracer=_tracer(tracer_provider), record_content=record_content)
        for pending in waiting.values():
            recorder.add(pending, now=run_end(watcher.run) or time.time())
        recorder.finish(watcher.run)
