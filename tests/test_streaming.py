"""Following a run by its event stream: events typed, the run's steps accumulated right (the completed
snapshot is the truth), errors raised typed, and a stream that drops or goes silent followed by
polling to every step's final state. Where openai's or azure-ai-agents' streaming client goes wrong
on the same stream, the test shows what it does."""

from __future__ import annotations

import asyncio
import json
import socket
import time
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import openai
import pytest
import respx
from hypothesis import given
from hypothesis import strategies as st

import runsteps
from runsteps._events.accumulate import RunAccumulator
from runsteps._events.sse import SSEDecoder
from runsteps.emulator import Emulator, FaultPlan, ManualClock, RealClock, RunScript
from runsteps.emulator._flavours import FLAVOUR_TABLE
from runsteps.emulator._starting import started_run
from runsteps.emulator._streams import encode, run_events
from runsteps.emulator.demo_script import demo_run, long_run, tools_run

from .families import client_for, official
from .hostile import LOADED, Hostile, Request, json_answer, page, run_async, sync
from .hostile import run as hostile_run

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
THREAD = "thread_stream"
CONTENT = ["step_details.tool_calls[*].file_search.results[*].content"]


def later(script: RunScript, t: float) -> RunScript:
    """`script` started at `t`."""
    pause = None if script.pause is None else attrs.evolve(script.pause, at=script.pause.at + t)
    return attrs.evolve(
        script,
        timeline=[(at + t, status) for at, status in script.timeline],
        steps=[attrs.evolve(s, start=s.start + t, end=None if s.end is None else s.end + t) for s in script.steps],
        pause=pause,
    )


def starting(make: Callable[[str, str], RunScript]) -> Callable[[str, str, dict[str, Any], float], RunScript]:
    """What runs started on the emulator do: `make(thread, run)`, from the moment they start."""
    return lambda thread_id, run_id, body, t: attrs.evolve(
        later(make(thread_id, run_id), t), assistant_id=body["assistant_id"], instructions=body.get("instructions")
    )


@pytest.fixture
def emulator() -> Iterator[Callable[..., Emulator]]:
    made: list[Emulator] = []

    def make(script: Callable[[str, str], RunScript] = demo_run, **options: Any) -> Emulator:
        options.setdefault("clock", ManualClock(t=100))
        flavour = options.get("flavour", "openai")
        emu = Emulator(tls=flavour == "azure-agents", **options).start()
        emu.starts = starting(script)
        made.append(emu)
        return emu

    yield make
    for emu in made:
        emu.stop()


def streamed(emu: Emulator, **options: Any) -> runsteps.RunStream:
    """A run of the emulator's script, started and read to its end by runsteps."""
    with (
        client_for(emu) as client,
        client.runs.stream(THREAD, assistant_id="asst_1", include=CONTENT, **options) as stream,
    ):
        stream.until_done()
    return stream


def openai_final_steps(emu: Emulator) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        theirs = openai.OpenAI(base_url=emu.base_url, api_key=emu.api_key)
        with theirs.beta.threads.runs.stream(thread_id=THREAD, assistant_id="asst_1", include=CONTENT) as stream:
            stream.until_done()
            return stream.get_final_run_steps()


def listed_steps(emu: Emulator, run_id: str) -> list[dict[str, Any]]:
    with client_for(emu) as client:
        listed = client.steps.list(run_id, thread_id=THREAD, order="asc", include=CONTENT)
        return [step.to_dict() for step in listed]


# ---- the sans-I/O parts: any chunking, the same events and the same steps ----


def wire(script: RunScript, *, multiline: bool = False, newline: bytes = b"\n") -> bytes:
    spec = FLAVOUR_TABLE["openai"]
    events = run_events(script, spec, 0.0, started=True, include=True)
    return b"".join(encode(event, multiline=multiline) for _, event in events).replace(b"\n", newline)


def read(chunks: list[bytes]) -> tuple[list[tuple[str, Any]], dict[str, Any], bool]:
    decoder, state, seen = SSEDecoder(), RunAccumulator(), []
    for chunk in chunks:
        for sse in decoder.feed(chunk):
            event = state.apply(sse)
            seen.append((event.event, event.raw))
    return seen, {"run": state.run, "steps": state.steps, "messages": state.messages}, decoder.close()


WHOLE = {
    (multiline, newline): wire(demo_run(THREAD, "run_x"), multiline=multiline, newline=newline)
    for multiline in (False, True)
    for newline in (b"\n", b"\r\n", b"\r")
}


@given(
    st.sampled_from(sorted(WHOLE)),
    st.lists(st.integers(min_value=0, max_value=10**6), max_size=40),
)
def test_any_event_sequence_cut_into_any_chunks_reads_as_the_whole(form: tuple[bool, bytes], cuts: list[int]) -> None:
    data = WHOLE[form]
    points = sorted({cut % (len(data) + 1) for cut in cuts})
    chunks = [data[a:b] for a, b in zip([0, *points], [*points, len(data)], strict=True)]
    assert read(chunks) == read([data])


def test_a_stream_cut_at_every_byte_reads_as_the_whole() -> None:
    weather = {"type": "function", "function": {"name": "get_weather"}}
    data = wire(started_run(THREAD, "run_y", {"assistant_id": "a", "tools": [weather]}, 0.0), newline=b"\r\n")
    whole = read([data])
    assert whole[2] and len(whole[0]) == 9  # the run, its step, the call in two deltas, the run waiting
    for at in range(1, len(data)):
        assert read([data[:at], data[at:]]) == whole, at


def test_text_split_inside_a_character_and_a_byte_order_mark_are_read_right() -> None:
    data = '\ufeffevent: thread.created\ndata: {"id": "thread_é"}\n\n'.encode()
    for at in range(len(data) + 1):
        events, _, ended = read([data[:at], data[at:]])
        assert events == [("thread.created", {"id": "thread_é"})] and ended


def test_each_events_raw_stays_as_it_was_sent_while_the_steps_accumulate() -> None:
    data = wire(tools_run(THREAD, "run_raw"))
    decoder, state = SSEDecoder(), RunAccumulator()
    events = [state.apply(sse) for sse in decoder.feed(data)]
    sent = [json.loads(sse.data) for sse in SSEDecoder().feed(data) if sse.data != "[DONE]"]
    assert [e.raw for e in events if e.event != "done"] == sent  # no later delta reached into an earlier event
    created = next(e for e in events if e.event == "thread.run.step.created")
    assert created.raw["step_details"]["tool_calls"] == []
    assert len(state.steps[created.raw["id"]]["step_details"]["tool_calls"]) == 2


def test_a_delta_after_the_final_snapshot_changes_nothing() -> None:
    state = RunAccumulator()
    done = {"id": "s", "status": "completed", "step_details": {"type": "tool_calls", "tool_calls": [
        {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}", "output": "1"}}]}}  # fmt: skip
    state.take("thread.run.step.completed", json.loads(json.dumps(done)))
    late = {"id": "s", "delta": {"step_details": {"tool_calls": [{"index": 0, "function": {"arguments": "{}"}}]}}}
    state.take("thread.run.step.delta", late)
    assert state.steps["s"] == done


def test_an_event_that_cannot_be_read_is_a_typed_error_naming_it() -> None:
    state = RunAccumulator()
    for data, said in ((b"not json", "not JSON"), (b'{"id": "s", "status": 7}', "cannot be read")):
        (sse,) = SSEDecoder().feed(b"event: thread.run.step.completed\ndata: " + data + b"\n\n")
        with pytest.raises(runsteps.StreamEventError, match=said) as raised:
            state.apply(sse, "req_1")
        assert raised.value.event == "thread.run.step.completed" and raised.value.request_id == "req_1"


def test_an_unknown_event_kind_is_kept_with_its_json_and_a_cut_event_is_seen() -> None:
    decoder, state = SSEDecoder(), RunAccumulator()
    events = decoder.feed(b': keep-alive\nevent: thread.run.step.future\ndata: {"id": "x", "n": 1}\n\nevent: thr')
    (sse,) = events
    event = state.apply(sse)
    assert event.event == "thread.run.step.future" and event.data == {"id": "x", "n": 1}
    assert decoder.close() is False  # the stream ended inside an event


# ---- accumulated right, where the official clients are not ----


def test_the_completed_snapshot_is_the_truth_where_openai_keeps_its_deltas(emulator: Callable[..., Emulator]) -> None:
    emu = emulator()
    stream = streamed(emu)
    run = stream.run
    assert run is not None and run.status == "completed"
    ours = [step.to_dict() for step in stream.steps]
    assert ours == listed_steps(emu, run.id)  # every step as the server keeps it: statuses, usage, results
    searched = next(s for s in ours if s["step_details"].get("tool_calls", [{}])[0].get("type") == "file_search")
    assert searched["status"] == "completed" and searched["usage"]["total_tokens"] == 650
    assert searched["step_details"]["tool_calls"][0]["file_search"]["results"][0]["content"]
    theirs = openai_final_steps(emulator())
    assert {step.status for step in theirs} == {"in_progress"}  # openai: every step still in progress
    assert {step.usage for step in theirs} == {None}
    found = next(
        s for s in theirs if s.step_details.type == "tool_calls" and s.step_details.tool_calls[0].type == "file_search"
    )
    assert found.step_details.tool_calls[0].file_search.results is None


def test_an_error_event_raises_typed_where_both_clients_let_it_pass(emulator: Callable[..., Emulator]) -> None:
    emu = emulator(tools_run, faults=FaultPlan(streams=["error"]))
    with (
        client_for(emu) as client,
        client.runs.stream(THREAD, assistant_id="asst_1") as stream,
        pytest.raises(runsteps.StreamEventError) as raised,
    ):
        stream.until_done()
    assert raised.value.code == "server_error" and "in the middle of the stream" in str(raised.value)
    assert raised.value.request_id and raised.value.data["type"] == "server_error"
    theirs = emulator(tools_run, faults=FaultPlan(streams=["error"]))
    openai_final_steps(theirs)  # openai: no exception, the message lost
    agents = emulator(tools_run, flavour="azure-agents", faults=FaultPlan(streams=["error"]))
    with official(agents, "AgentsClient").runs.stream(thread_id=THREAD, agent_id="asst_1") as azure:
        seen = list(azure)
    assert seen[-1][0] == "error" and isinstance(seen[-1][1], str)  # azure-ai-agents: a string, not raised


def test_deltas_out_of_index_order_stay_two_calls_where_openai_fails(emulator: Callable[..., Emulator]) -> None:
    emu = emulator(tools_run, faults=FaultPlan(streams=["out-of-order"]))
    stream = streamed(emu)
    (asking,) = stream.steps
    calls = asking.to_dict()["step_details"]["tool_calls"]
    assert [(c["id"], c["function"]["arguments"]) for c in calls] == [
        ("call_tools_weather", '{"city": "Oslo"}'),
        ("call_tools_fx", '{"amount": 100, "from": "NOK", "to": "EUR"}'),
    ]
    with pytest.raises(IndexError):  # openai: its accumulator indexes a call it has not seen
        openai_final_steps(emulator(tools_run, faults=FaultPlan(streams=["out-of-order"])))


def test_duplicated_events_leave_ids_and_arguments_whole_where_openai_doubles_them(
    emulator: Callable[..., Emulator],
) -> None:
    ours = streamed(emulator(faults=FaultPlan(streams=["duplicate"])))
    clean = streamed(emulator())
    assert [s.to_dict() for s in ours.steps] == [s.to_dict() for s in clean.steps]
    assert [m.to_dict() for m in ours.messages] == [m.to_dict() for m in clean.messages]
    asking = streamed(emulator(tools_run, faults=FaultPlan(streams=["duplicate"]))).steps[0].to_dict()
    assert asking["step_details"]["tool_calls"][0]["function"]["arguments"] == '{"city": "Oslo"}'
    theirs = openai_final_steps(emulator(faults=FaultPlan(streams=["duplicate"])))
    ids = [c.id for s in theirs if s.step_details.type == "tool_calls" for c in s.step_details.tool_calls]
    assert "call_codecall_code" in ids  # openai: each id written twice over


def test_data_over_several_lines_is_read_whole_where_azure_keeps_the_last_line(
    emulator: Callable[..., Emulator],
) -> None:
    ours = streamed(emulator(faults=FaultPlan(streams=["multiline"])))
    assert [s.to_dict() for s in ours.steps] == [s.to_dict() for s in streamed(emulator()).steps]
    agents = emulator(tools_run, flavour="azure-agents", faults=FaultPlan(streams=["multiline"]))
    with official(agents, "AgentsClient").runs.stream(thread_id=THREAD, agent_id="asst_1") as azure:
        kinds = {type(data).__name__ for event, data, _ in azure if event != "done"}
    assert kinds == {"str"}  # azure-ai-agents: the last line of each, as a string


def test_numbers_are_never_added_where_openais_accumulator_adds_them() -> None:
    from openai.lib.streaming._assistants import accumulate_delta

    state = RunAccumulator()
    delta = {"id": "step_1", "delta": {"step_details": {"type": "tool_calls", "tool_calls": [
        {"index": 0, "id": "call_A", "type": "code_interpreter", "code_interpreter": {"outputs": [
            {"index": 0, "type": "logs", "logs": "ok", "size": 5}]}}]}}}  # fmt: skip
    for _ in range(2):  # the same delta twice, as a server that repeats events sends it
        state.take("thread.run.step.delta", json.loads(json.dumps(delta)))
    (call,) = state.steps["step_1"]["step_details"]["tool_calls"]
    assert call["id"] == "call_A" and call["code_interpreter"]["outputs"][0]["size"] == 5
    theirs: dict[str, Any] = {"usage": {"total_tokens": 5}, "id": "call_A"}
    accumulate_delta(theirs, {"usage": {"total_tokens": 5}, "id": "call_A"})
    assert theirs == {"usage": {"total_tokens": 10}, "id": "call_Acall_A"}  # openai: added, concatenated


def test_an_exception_in_the_readers_code_stops_the_read_where_azure_logs_it_at_debug(
    emulator: Callable[..., Emulator], caplog: pytest.LogCaptureFixture
) -> None:
    from azure.ai.agents.models import AgentEventHandler

    emu = emulator(tools_run)
    with (
        client_for(emu) as client,
        client.runs.stream(THREAD, assistant_id="asst_1") as stream,
        pytest.raises(RuntimeError, match="mine"),
    ):
        for event in stream:
            if isinstance(event.data, runsteps.Run):
                raise RuntimeError("mine")

    class Failing(AgentEventHandler):  # type: ignore[type-arg]
        def on_thread_run(self, run: Any) -> None:
            raise RuntimeError("mine")

    agents = emulator(tools_run, flavour="azure-agents")
    azure = official(agents, "AgentsClient").runs.stream(thread_id=THREAD, agent_id="asst_1", event_handler=Failing())
    with caplog.at_level("DEBUG", logger="azure.ai.agents"), azure as handler:
        handler.until_done()  # azure-ai-agents: no exception, the stream read on
    assert any("Error in event handler" in r.getMessage() and r.levelname == "DEBUG" for r in caplog.records)


# ---- drops, silence, deadlines ----


def test_a_dropped_stream_is_followed_by_polling_to_every_steps_final_state(emulator: Callable[..., Emulator]) -> None:
    emu = emulator(clock=RealClock(speed=40), faults=FaultPlan(streams=["drop"]))
    with (
        client_for(emu) as client,
        client.runs.stream(THREAD, assistant_id="asst_1", include=CONTENT, interval=0.05, timeout=20) as stream,
    ):
        events = list(stream)
    run = stream.run
    assert run is not None and run.status == "completed"
    polled = [e for e in events if e.polled]
    assert polled and not any(e.polled for e in events[: events.index(polled[0])])
    # Every step whole as the server lists it, a file search's contents included: polling asked for them too.
    final = listed_steps(emu, run.id)
    assert [s.to_dict() for s in stream.steps] == final and len(final) == 8
    assert any("content" in str(s["step_details"]) for s in final)
    # And its messages, read once the run settled: those told after the drop too.
    with client_for(emu) as client:
        said = [m.to_dict() for m in client.messages.list(THREAD, run_id=run.id, order="asc")]
    assert [m.to_dict() for m in stream.messages] == said and said
    assert any(e.polled and e.event.startswith("thread.message.") for e in events)


def test_a_silent_stream_is_followed_by_polling(emulator: Callable[..., Emulator]) -> None:
    faults = FaultPlan(streams=["stall"], slow_seconds=3.0)
    emu = emulator(tools_run, clock=RealClock(speed=40), faults=faults)
    with (
        client_for(emu, timeout=0.3) as client,
        client.runs.stream(THREAD, assistant_id="asst_1", interval=0.05) as stream,
    ):
        events = list(stream)
    assert stream.run is not None and stream.run.status == "requires_action"  # where the run waits for its calls
    assert any(e.polled and e.event == "thread.run.requires_action" for e in events)
    assert [c["id"] for c in stream.steps[0].to_dict()["step_details"]["tool_calls"]] == [
        "call_tools_weather",
        "call_tools_fx",
    ]


def test_the_streams_timeout_bounds_the_whole_polling_included(emulator: Callable[..., Emulator]) -> None:
    emu = emulator(lambda thread, run: long_run(thread, run), clock=RealClock(), faults=FaultPlan(streams=["drop"]))
    with (
        client_for(emu) as client,
        client.runs.stream(THREAD, assistant_id="asst_1", timeout=0.5, interval=0.05) as stream,
        pytest.raises(runsteps.PollTimeoutError),
    ):
        stream.until_done()


def test_on_a_dropped_stream_both_official_clients_just_end(emulator: Callable[..., Emulator]) -> None:
    theirs = openai_final_steps(emulator(faults=FaultPlan(streams=["drop"])))
    assert len(theirs) < 8 and {step.status for step in theirs} == {"in_progress"}  # no error, steps missing
    agents = emulator(flavour="azure-agents", faults=FaultPlan(streams=["drop"]))
    with official(agents, "AgentsClient").runs.stream(thread_id=THREAD, agent_id="asst_1") as azure:
        names = [event for event, _, _ in azure]
    assert "thread.run.completed" not in names and names[-1] != "done"  # it ends, as if all was said


# ---- never applied twice ----


def test_a_start_whose_answer_is_lost_is_found_not_sent_again(emulator: Callable[..., Emulator]) -> None:
    emu = emulator(clock=RealClock(speed=40), faults=FaultPlan(actions=["lost-answer"]))
    with client_for(emu) as client:
        with client.runs.stream(THREAD, assistant_id="asst_1", interval=0.05, timeout=20) as stream:
            final = stream.until_done()
        runs = list(client.runs.list(THREAD))
    assert final.status == "completed" and [r.id for r in runs] == [final.id]
    starts = [r for r in emu.requests if r.method == "POST" and r.path.endswith("/runs")]
    assert len(starts) == 1


def test_outputs_submitted_by_stream_whose_answer_is_lost_are_not_sent_again(emulator: Callable[..., Emulator]) -> None:
    emu = emulator(tools_run, clock=RealClock(speed=40), faults=FaultPlan(actions=["none", "lost-answer"]))
    outputs = [
        {"tool_call_id": "call_tools_weather", "output": "4"},
        {"tool_call_id": "call_tools_fx", "output": "8.6"},
    ]
    with client_for(emu) as client:
        with client.runs.stream(THREAD, assistant_id="asst_1") as stream:
            waiting = stream.until_done()
        assert waiting.status == "requires_action"
        with client.runs.submit_tool_outputs_stream(
            waiting.id, thread_id=THREAD, tool_outputs=outputs, interval=0.05, timeout=20
        ) as going:
            final = going.until_done()
    assert final.status == "completed"
    submits = [r for r in emu.requests if r.path.endswith("/submit_tool_outputs")]
    assert len(submits) == 1 and submits[0].body["stream"] is True


def test_process_follows_the_run_by_its_stream_and_answers_once(emulator: Callable[..., Emulator]) -> None:
    emu = emulator(tools_run)
    calls: list[str] = []
    functions = {
        "get_weather": lambda city: calls.append(city) or "4 °C",
        "convert_currency": lambda amount, **_: str(amount * 0.086),
    }
    with client_for(emu) as client:
        started = client.runs.create(THREAD, assistant_id="asst_1")
        emu.clock.advance(2)  # type: ignore[attr-defined]
        done = client.runs.process(started.id, thread_id=THREAD, functions=functions, stream=True, interval=0.01)
        steps = [s.to_dict() for s in client.steps.list(started.id, thread_id=THREAD, order="asc")]
    assert done.status == "completed" and calls == ["Oslo"]
    submits = [r for r in emu.requests if r.path.endswith("/submit_tool_outputs")]
    assert len(submits) == 1 and submits[0].body["stream"] is True
    outputs = [c["function"]["output"] for c in steps[0]["step_details"]["tool_calls"]]
    assert outputs == ["4 °C", "8.6"]


def test_process_by_stream_after_a_lost_answer_submits_once(emulator: Callable[..., Emulator]) -> None:
    emu = emulator(tools_run, clock=RealClock(speed=40), faults=FaultPlan(actions=["none", "lost-answer"]))
    functions = {"get_weather": lambda city: "4 °C", "convert_currency": lambda amount, **_: "8.6"}
    with client_for(emu) as client:
        started = client.runs.create(THREAD, assistant_id="asst_1")
        done = client.runs.process(
            started.id, thread_id=THREAD, functions=functions, stream=True, interval=0.02, timeout=20
        )
    assert done.status == "completed"
    assert len([r for r in emu.requests if r.path.endswith("/submit_tool_outputs")]) == 1


# ---- the surface: every family, sync and async, checked arguments ----


@pytest.mark.parametrize("flavour", list(FLAVOUR_TABLE))
def test_every_family_streams_a_run_and_its_answer(flavour: str, emulator: Callable[..., Emulator]) -> None:
    emu = emulator(tools_run, flavour=flavour)
    with client_for(emu) as client:
        with client.runs.stream(THREAD, assistant_id="asst_1") as stream:
            waiting = stream.until_done()
        outputs = [
            {"tool_call_id": c.id, "output": "done"} for c in waiting.required_action.submit_tool_outputs.tool_calls
        ]  # type: ignore[union-attr]
        with client.runs.submit_tool_outputs_stream(waiting.id, thread_id=THREAD, tool_outputs=outputs) as going:
            final = going.until_done()
        assert [m.content[0].text.value for m in going.messages] == [  # type: ignore[union-attr]
            "It is 4 °C and cloudy in Oslo; 100 NOK are about 8.60 EUR."
        ]
    assert final.status == "completed"
    start = next(r for r in emu.requests if r.method == "POST" and r.path.endswith("/runs"))
    assert start.body == {"assistant_id": "asst_1", "stream": True}


def test_the_async_client_reads_the_same_stream(emulator: Callable[..., Emulator]) -> None:
    emu = emulator()

    async def main() -> tuple[list[str], list[dict[str, Any]]]:
        async with client_for(emu, cls=runsteps.AsyncClient) as client:
            async with client.runs.stream(THREAD, assistant_id="asst_1", include=CONTENT) as stream:
                names = [event.event async for event in stream]
            return names, [s.to_dict() for s in stream.steps]

    names, steps = asyncio.run(main())
    sync = streamed(emulator())
    assert steps == [s.to_dict() for s in sync.steps] and names[0] == "thread.run.created"


def test_create_starts_a_run_as_each_family_sends_it(emulator: Callable[..., Emulator]) -> None:
    agents = emulator(flavour="azure-agents")
    with client_for(agents) as client:
        run = client.runs.create(THREAD, assistant_id="asst_1", instructions="Be brief.", metadata={"k": "v"},
                                 additional_messages=[{"role": "user", "content": "Hi"}])  # fmt: skip
    assert run.status == "queued" and run.instructions == "Be brief."
    sent = next(r for r in agents.requests if r.method == "POST")
    assert sent.body == {"assistant_id": "asst_1", "instructions": "Be brief.", "metadata": {"k": "v"},
                         "additional_messages": [{"role": "user", "content": "Hi"}], "stream": False}  # fmt: skip


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"assistant_id": ""}, "assistant_id"),
        ({"assistant_id": "a", "tools": "code_interpreter"}, "tools must be a list"),
        ({"assistant_id": "a", "additional_messages": [{"role": "system", "content": "x"}]}, r"\['role'\] must be"),
        ({"assistant_id": "a", "metadata": {"k": 1}}, "metadata must map"),
        ({"assistant_id": "a", "model": 4}, "model must be a string"),
    ],
)
def test_bad_settings_are_refused_before_anything_is_sent(
    options: dict[str, Any], message: str, emulator: Callable[..., Emulator]
) -> None:
    emu = emulator()
    with client_for(emu) as client:
        with pytest.raises(ValueError, match=message):
            client.runs.create(THREAD, **options)
        with pytest.raises(ValueError, match=message):
            client.runs.stream(THREAD, **options)
    assert not emu.requests


def test_the_official_clients_read_the_emulators_streams_unchanged(emulator: Callable[..., Emulator]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        emu = emulator()
        theirs = openai.OpenAI(base_url=emu.base_url, api_key=emu.api_key)
        with theirs.beta.threads.runs.stream(thread_id=THREAD, assistant_id="asst_1") as stream:
            openai_names = [event.event for event in stream]
    agents = emulator(flavour="azure-agents")
    with official(agents, "AgentsClient").runs.stream(thread_id=THREAD, agent_id="asst_1") as azure:
        azure_names = [event for event, _, _ in azure if event != "done"]
    with client_for(emulator()) as client, client.runs.stream(THREAD, assistant_id="asst_1") as ours:
        names = [event.event for event in ours]
    assert openai_names == names == azure_names and len(names) > 40
    assert json.loads(json.dumps(names))[-1] == "thread.run.completed"


def test_a_stream_that_says_done_without_naming_its_run_is_followed_by_polling_the_run_it_started() -> None:
    run = {"id": "run_1", "object": "thread.run", "thread_id": THREAD, "assistant_id": "asst_1", "created_at": 1}
    with respx.mock(using="httpx", base_url="http://127.0.0.1:9/v1") as server:
        server.post(f"/threads/{THREAD}/runs").respond(
            200, content=b"event: done\ndata: [DONE]\n\n", headers={"content-type": "text/event-stream"}
        )
        server.get(f"/threads/{THREAD}/runs").respond(
            json={"object": "list", "data": [{**run, "status": "in_progress"}], "has_more": False}
        )
        server.get(f"/threads/{THREAD}/runs/run_1").respond(json={**run, "status": "completed"})
        for listed in ("runs/run_1/steps", "messages"):
            server.get(f"/threads/{THREAD}/{listed}").respond(json={"object": "list", "data": [], "has_more": False})
        with runsteps.Client(api_key="sk-k", base_url="http://127.0.0.1:9/v1") as client:
            stream = client.runs.stream(THREAD, assistant_id="asst_1", interval=0.01, timeout=5)
            with stream:
                final = stream.until_done()
    assert final.id == "run_1" and final.status == "completed"


def head_never_comes(server: Hostile, request: Request, sock: socket.socket) -> None:
    """A start whose answer never comes; the thread then shows the run it started, which completes."""
    if request.method == "POST":
        server.wait(3600)
    elif request.path.endswith("/threads/t/runs"):
        json_answer(sock, {"object": "list", "data": [hostile_run("in_progress")], "has_more": False})
    elif request.path.endswith(("/steps", "/messages")):
        json_answer(sock, page([], False))
    else:
        json_answer(sock, hostile_run("completed"))


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_a_streams_head_must_come_within_the_silence_limit_too(driver: str) -> None:
    with Hostile(head_never_comes) as server:

        def follow(client: Any) -> Any:
            return client.runs.stream("t", assistant_id="asst_1", interval=0.05, timeout=30)

        started = time.monotonic()
        if driver == "sync":
            with sync(server, timeout=0.5) as client, follow(client) as stream:
                final = stream.until_done()
        else:

            async def go(client: runsteps.AsyncClient) -> Any:
                async with follow(client) as stream:
                    return await stream.until_done()

            final = run_async(server, go, timeout=0.5)
        took = time.monotonic() - started
        # Not sent again: the thread showed the run the start made, followed by polling to its end.
        assert [r.method for r in server.requests].count("POST") == 1
    assert final.status == "completed" and took < 0.5 + LOADED, took
