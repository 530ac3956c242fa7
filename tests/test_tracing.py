"""Runs as OpenTelemetry traces: spans named and described by the GenAI conventions, times from the API's
own timestamps, sent over OTLP/HTTP to a receiver on loopback and decoded there."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

import runsteps
from runsteps._seeing.timeline import seconds
from runsteps.emulator import Emulator, ManualClock
from runsteps.emulator._serving import StoppableServer
from runsteps.emulator.demo_script import add_demo_runs, demo_run
from runsteps.tracing import record_run, record_watch

from .cli import reaching, run, shell
from .clock import moving_on_each_look
from .corpus import STEPS
from .families import client_for

NS = 1_000_000_000


def traced() -> tuple[TracerProvider, InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider, exporter


def spans_of(emu: Emulator, run_id: str, **options: Any) -> list[ReadableSpan]:
    provider, exporter = traced()
    with client_for(emu) as client:
        run = client.runs.retrieve(run_id, thread_id="thread_demo")
        record_run(run, client.steps.list(run_id, thread_id="thread_demo"), tracer_provider=provider, **options)
    return list(exporter.get_finished_spans())


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(flavour="azure-agents", clock=ManualClock(t=12)) as emulator:
        add_demo_runs(emulator)
        yield emulator


def tree(spans: list[ReadableSpan]) -> dict[str, list[str]]:
    """Each span's name under its parent's name."""
    by_id = {s.context.span_id: s for s in spans}
    out: dict[str, list[str]] = {}
    for s in spans:
        parent = by_id[s.parent.span_id].name if s.parent is not None else "(root)"
        out.setdefault(parent, []).append(s.name)
    return out


def test_a_run_is_an_invoke_agent_span_over_its_steps_and_their_tool_calls(emu: Emulator) -> None:
    spans = spans_of(emu, "run_demo")
    shape = tree(spans)
    assert shape["(root)"] == ["invoke_agent asst_emulator"]
    assert shape["invoke_agent asst_emulator"] == ["step message_creation"] + ["step tool_calls"] * 6 + [
        "step message_creation"
    ]
    tools = sorted(n for parent, names in shape.items() if parent == "step tool_calls" for n in names)
    assert tools == sorted(
        ["execute_tool code_interpreter"] * 3
        + ["execute_tool file_search", "execute_tool get_weather", "execute_tool convert_currency"]
    )
    root = next(s for s in spans if s.parent is None)
    assert root.start_time == 1_760_000_000 * NS and root.end_time == 1_760_000_010 * NS
    assert dict(root.attributes or {}) == {
        "gen_ai.operation.name": "invoke_agent",
        "runsteps.run.id": "run_demo",
        "gen_ai.agent.id": "asst_emulator",
        "gen_ai.conversation.id": "thread_demo",
        "gen_ai.request.model": "gpt-4o",
        "runsteps.run.status": "completed",
        "gen_ai.usage.input_tokens": 3412,
        "gen_ai.usage.output_tokens": 550,
    }
    weather = next(s for s in spans if s.name == "execute_tool get_weather")
    step = next(s for s in spans if s.context.span_id == weather.parent.span_id)  # type: ignore[union-attr]
    assert (
        (weather.start_time, weather.end_time)
        == (step.start_time, step.end_time)
        == (1_760_000_005 * NS, 1_760_000_006 * NS)
    )
    assert dict(weather.attributes or {}) == {
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.tool.name": "get_weather",
        "gen_ai.tool.type": "function",
        "gen_ai.tool.call.id": "call_weather",
    }
    assert dict(step.attributes or {})["gen_ai.usage.input_tokens"] == 300


def test_a_failed_step_and_its_tool_calls_carry_error_status_and_type(emu: Emulator) -> None:
    spans = spans_of(emu, "run_demo")
    failed = [s for s in spans if s.status.status_code is StatusCode.ERROR]
    assert sorted(s.name for s in failed) == ["execute_tool code_interpreter", "step tool_calls"]
    assert all(dict(s.attributes or {})["error.type"] == "server_error" for s in failed)
    assert next(s for s in spans if s.parent is None).status.status_code is StatusCode.UNSET


@pytest.mark.parametrize(("name", "payload"), [(s[0], s[1]) for s in STEPS], ids=[s[0] for s in STEPS])
def test_every_real_world_step_shape_becomes_spans_at_its_own_times(name: str, payload: dict[str, Any]) -> None:
    provider, exporter = traced()
    step = runsteps.RunStep.from_dict(payload)
    run = runsteps.Run.from_dict({"id": "run_x", "status": "completed", "created_at": 1_700_000_000})
    record_run(run, [step], tracer_provider=provider, now=1_800_000_000)
    spans = exporter.get_finished_spans()
    start = seconds(payload.get("created_at"))
    steps = [s for s in spans if s.name.startswith("step ")]
    if start is None:  # no time to place it at: the run alone
        assert steps == [] and len(spans) == 1
        return
    (span,) = steps
    assert span.start_time == round(start * NS)  # milliseconds read as such
    calls = getattr(step.step_details, "tool_calls", None) or []
    tools = [s for s in spans if s.name.startswith("execute_tool ")]
    assert len(tools) == len(calls) and all(t.parent.span_id == span.context.span_id for t in tools)  # type: ignore[union-attr]
    assert (span.status.status_code is StatusCode.ERROR) == (payload.get("status") == "failed")


def test_a_failed_run_carries_error_status() -> None:
    provider, exporter = traced()
    run = runsteps.Run.from_dict(
        {
            "id": "run_f",
            "status": "failed",
            "created_at": 10,
            "failed_at": 20,
            "last_error": {"code": "rate_limit_exceeded"},
        }
    )
    record_run(run, [], tracer_provider=provider)
    (span,) = exporter.get_finished_spans()
    assert span.name == "invoke_agent agent" and span.status.status_code is StatusCode.ERROR
    assert dict(span.attributes or {})["error.type"] == "rate_limit_exceeded" and span.end_time == 20 * NS


def test_azure_tools_are_named_by_their_type_and_mcp_calls_by_server_and_tool(emu: Emulator) -> None:
    spans = spans_of(emu, "run_azure_tools")
    tools = {s.name: dict(s.attributes or {}) for s in spans if s.name.startswith("execute_tool")}
    assert tools["execute_tool docs.search"]["gen_ai.tool.type"] == "extension"
    assert tools["execute_tool azure_ai_search"]["gen_ai.tool.type"] == "datastore"
    assert tools["execute_tool connected_agent"]["gen_ai.tool.call.id"] == "call_agent"
    assert len(tools) == 12
    assert "step activities" in {s.name for s in spans}


def test_tool_arguments_and_outputs_only_when_asked(emu: Emulator) -> None:
    plain = spans_of(emu, "run_azure_tools")
    assert not any("gen_ai.tool.call.arguments" in (s.attributes or {}) for s in plain)
    content = {s.name: dict(s.attributes or {}) for s in spans_of(emu, "run_azure_tools", record_content=True)}
    mcp = content["execute_tool docs.search"]
    assert mcp["gen_ai.tool.call.arguments"] == '{"query": "run steps"}' and mcp["gen_ai.tool.call.result"] == "3 pages"
    assert content["execute_tool deep_research"]["gen_ai.tool.call.arguments"] == "market size"


def test_a_run_still_going_ends_its_open_spans_at_now() -> None:
    with Emulator(clock=ManualClock(t=5.5)) as going:
        add_demo_runs(going)
        provider, exporter = traced()
        with client_for(going) as client:
            run = client.runs.retrieve("run_demo", thread_id="thread_demo")
            record_run(
                run,
                client.steps.list("run_demo", thread_id="thread_demo"),
                tracer_provider=provider,
                now=1_760_000_005.5,
            )
    spans = exporter.get_finished_spans()
    assert len([s for s in spans if s.name.startswith("step")]) == 4
    assert {s.end_time for s in spans if s.parent is None} == {1_760_000_005_500_000_000}
    open_step = next(s for s in spans if s.name == "execute_tool get_weather")
    assert open_step.end_time == 1_760_000_005_500_000_000


def test_a_watch_turns_each_step_into_spans_as_it_settles() -> None:
    with Emulator(clock=ManualClock(t=1)) as live, moving_on_each_look(live, "run_demo", 2):
        live.add_run(demo_run())
        provider, exporter = traced()
        seen_before_end: list[int] = []
        with client_for(live) as client:
            watcher = client.steps.watch("run_demo", thread_id="thread_demo", interval=0.01, timeout=30)
            for _ in record_watch(watcher, tracer_provider=provider):
                seen_before_end.append(len(exporter.get_finished_spans()))
    spans = exporter.get_finished_spans()
    assert len([s for s in spans if s.name.startswith("step")]) == 8 and spans[-1].name == "invoke_agent asst_emulator"
    assert 0 < max(seen_before_end) < len(spans)  # spans were made while the run went on, not all at the end


# ---- over OTLP/HTTP ----


class _Server(StoppableServer, ThreadingHTTPServer):
    pass


class Receiver:
    """An OTLP/HTTP traces endpoint on loopback: keeps each request it decodes; answers `status`."""

    def __init__(self, status: int = 200) -> None:
        self.requests: list[ExportTraceServiceRequest] = []
        self.paths: list[str] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.paths.append(self.path)
                receiver.requests.append(ExportTraceServiceRequest.FromString(body))
                receiver.headers = dict(self.headers)
                self.send_response(status)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.headers: dict[str, str] = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def spans(self) -> list[Any]:
        return [s for r in self.requests for rs in r.resource_spans for ss in rs.scope_spans for s in ss.spans]

    def __enter__(self) -> Receiver:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()


def test_runsteps_trace_sends_a_threads_runs_over_otlp_http(emu: Emulator) -> None:
    with Receiver() as receiver:
        env = {
            **reaching(emu),
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url,
            "OTEL_EXPORTER_OTLP_HEADERS": "x-team=runs",
        }
        out = run(["trace", "thread_demo", "run_demo", "run_azure_tools"], env)
    assert out.returncode == 0, out.stderr
    spans = receiver.spans()
    assert receiver.paths == ["/v1/traces"] and receiver.headers.get("x-team") == "runs"
    names = [s.name for s in spans]
    assert names.count("invoke_agent asst_emulator") == 2 and "execute_tool docs.search" in names
    root = next(
        s
        for s in spans
        if s.name.startswith("invoke_agent") and not s.parent_span_id and s.end_time_unix_nano == 1_760_000_010 * NS
    )
    assert root.start_time_unix_nano == 1_760_000_000 * NS
    service = receiver.requests[0].resource_spans[0].resource.attributes
    assert any(a.key == "service.name" and a.value.string_value == "runsteps" for a in service)
    assert f"sent {len(spans)} spans of 2 runs to {receiver.url}" in out.stderr


def test_runsteps_trace_reads_an_export_file_and_says_when_the_endpoint_refuses(emu: Emulator, tmp_path: Path) -> None:
    archive = tmp_path / "runs.jsonl"
    assert run(["export", "thread_demo", "-o", str(archive)], reaching(emu)).returncode == 0
    with Receiver() as receiver:
        out = run(["trace", "--archive", str(archive)], shell(OTEL_EXPORTER_OTLP_ENDPOINT=receiver.url))
    assert out.returncode == 0, out.stderr
    runs = {s.name for s in receiver.spans() if not s.parent_span_id}
    assert runs == {"invoke_agent asst_emulator"} and len([s for s in receiver.spans() if not s.parent_span_id]) == 5
    with Receiver(status=400) as refusing:
        out = run(["trace", "thread_demo", "--archive", str(archive)], shell(OTEL_EXPORTER_OTLP_ENDPOINT=refusing.url))
    assert out.returncode == 5 and "spans were not accepted by" in out.stderr


def test_import_runsteps_loads_no_opentelemetry() -> None:
    code = "import sys, runsteps; runsteps.Client; runsteps.RunStep; print(sorted(m for m in sys.modules if m.startswith('opentelemetry')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_runsteps_trace_without_opentelemetry_says_which_extra_to_install(
    emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "opentelemetry.exporter.otlp.proto.http.trace_exporter", None)  # not installed
    out = run(["trace", "thread_demo", "run_demo"], reaching(emu))
    assert out.returncode == 2 and "runsteps trace needs OpenTelemetry: pip install 'runsteps-sdk[otel]'" in out.stderr


def test_the_traces_endpoint_variable_is_the_whole_url(emu: Emulator) -> None:
    with Receiver() as receiver:
        env = {**reaching(emu), "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": receiver.url + "/collector/traces"}
        out = run(["trace", "thread_demo", "run_tools"], env)
    assert out.returncode == 0 and receiver.paths == ["/collector/traces"], out.stderr
    assert f"to {receiver.url}/collector/traces" in out.stderr


def test_runsteps_trace_without_a_collector_says_so_in_one_line_at_once(emu: Emulator) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    started = time.monotonic()
    out = run(["trace", "thread_demo", "run_demo"], {**reaching(emu), "OTEL_EXPORTER_OTLP_ENDPOINT": dead})
    assert out.returncode == 5 and time.monotonic() - started < 3
    assert out.stderr == f"runsteps: nothing listens at {dead}; no spans were sent\n"
    default = run(["trace", "thread_demo", "run_demo"], reaching(emu))  # nothing at localhost:4318 here
    if default.returncode == 5:  # (a collector on this machine would make it 0)
        assert "nothing listens at http://localhost:4318 (the default endpoint: set OTEL_EXPORTER_OTLP_ENDPOINT" in (
            default.stderr
        )
    quiet = run(["trace", "thread_demo", "run_demo", "--quiet"], {**reaching(emu), "OTEL_EXPORTER_OTLP_ENDPOINT": dead})
    assert quiet.returncode == 5 and quiet.stderr == ""


def test_an_endpoint_without_a_scheme_is_a_usage_error(emu: Emulator) -> None:
    out = run(["trace", "thread_demo", "run_demo"], {**reaching(emu), "OTEL_EXPORTER_OTLP_ENDPOINT": "localhost:4318"})
    assert out.returncode == 2
    assert (
        "OTEL_EXPORTER_OTLP_ENDPOINT must be a URL starting with http:// or https://, got 'localhost:4318'"
        in out.stderr
    )


def test_import_runsteps_tracing_without_opentelemetry_says_which_extra_to_install() -> None:
    code = "import sys; sys.modules['opentelemetry'] = None\nimport runsteps.tracing"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (
        out.returncode == 1 and "runsteps.tracing needs OpenTelemetry: pip install 'runsteps-sdk[otel]'" in out.stderr
    )
