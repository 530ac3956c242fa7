"""A thread as evaluation rows: exactly the rows azure-ai-evaluation's AIAgentConverter makes (it runs
here as a peer, through an azure-ai-projects 1.x client, against the emulator), from every family and
from archives, with what the converter would skip or raise on named instead."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import runsteps
from runsteps.convert import ThreadHistory, to_eval_rows
from runsteps.emulator import FLAVOURS, Emulator, ManualClock, RunScript
from runsteps.emulator._azure_run import azure_tools_run
from runsteps.emulator.demo_script import demo_run

from .cli import reaching, run
from .families import client_for

THREAD = "thread_eval"
INSTRUCTIONS = "Answer briefly, and cite the report."


def later(script: RunScript, seconds: float) -> RunScript:
    """The same run, started `seconds` later (runs of a thread follow each other)."""
    return attrs.evolve(
        script,
        timeline=[(at + seconds, status) for at, status in script.timeline],
        steps=[
            attrs.evolve(s, start=s.start + seconds, end=None if s.end is None else s.end + seconds)
            for s in script.steps
        ],
    )


def scripted(emu: Emulator) -> Emulator:
    """A thread of three runs: functions, file search and code interpreter (every step completed); every
    Azure tool type; and the first again with a failed step, under instructions."""
    first = demo_run(THREAD, "run_eval_1")
    emu.add_run(attrs.evolve(first, steps=[s for s in first.steps if s.outcome == "completed"]))
    emu.add_run(later(azure_tools_run(THREAD, "run_eval_2"), 100))
    emu.add_run(attrs.evolve(later(demo_run(THREAD, "run_eval_3"), 200), instructions=INSTRUCTIONS))
    return emu


@pytest.fixture(scope="module")
def agents() -> Iterator[Emulator]:
    with scripted(Emulator(flavour="azure-agents", tls=True, clock=ManualClock(t=600))) as emu:
        yield emu


@pytest.fixture(scope="module")
def converters_rows(agents: Emulator) -> list[dict[str, Any]]:
    """The rows azure-ai-evaluation makes for the thread, reading it through its project client."""
    from azure.ai.evaluation import AIAgentConverter
    from azure.ai.projects import AIProjectClient

    logging.getLogger("azure.ai.evaluation").setLevel(logging.ERROR)  # "an experimental class" notices
    project = AIProjectClient(endpoint=agents.endpoint, credential=agents.credential, connection_verify=agents.ca_file)
    rows: list[dict[str, Any]] = AIAgentConverter(project).prepare_evaluation_data(THREAD)
    return rows


@pytest.fixture(scope="module")
def history(agents: Emulator) -> ThreadHistory:
    with client_for(agents) as client:
        return client.threads.read(THREAD)


def test_the_rows_are_the_converters_row_for_row(history: ThreadHistory, converters_rows: list[Any]) -> None:
    rows = to_eval_rows(history)
    assert [json.dumps(row) for row in rows] == [json.dumps(row) for row in converters_rows]  # keys in order too
    called = {c["name"] for row in rows for m in row["response"] for c in m["content"] if c["type"] == "tool_call"}
    assert {"get_weather", "convert_currency", "file_search", "code_interpreter"} <= called  # the first run
    assert {"azure_ai_search", "bing_grounding", "fabric_dataagent"} <= called  # the Azure run
    assert rows[0]["query"][0] == {"role": "system", "content": INSTRUCTIONS}  # the newest run's, in every row
    results = [c for m in rows[0]["response"] for c in m["content"] if c["type"] == "tool_result"]
    assert {"temp_c": 4} in [r["tool_result"] for r in results]  # a function's output, as JSON


def test_what_the_converter_skips_is_named_not_dropped(history: ThreadHistory) -> None:
    losses = to_eval_rows(history).losses
    skipped = {(loss.call_id, loss.type) for loss in losses if loss.run_id == "run_eval_2" and loss.call_id}
    for kind in ("bing_custom_search", "sharepoint_grounding", "openapi", "azure_function", "connected_agent",
                 "deep_research", "mcp", "browser_automation", "computer_use_preview"):  # fmt: skip
        assert any(found == kind for _, found in skipped), kind
    assert ("call_bing", "bing_grounding") in skipped  # its answer: the row carries the request URL alone
    # The third run's failed step has no end, so its result sorts first and cuts the run's calls short:
    # the converter leaves them out of the row; each is named.
    cut = {loss.call_id for loss in losses if loss.run_id == "run_eval_3" and "not in its run's row" in loss.why}
    assert cut == {"call_code", "call_search", "call_weather", "call_fx", "call_code2", "call_code3"}
    assert not [loss for loss in losses if loss.run_id == "run_eval_1"]  # nothing of the first run is lost


def as_served_without_code_outputs(rows: list[Any]) -> list[Any]:
    """The rows of a server that completes code-interpreter calls with no outputs (Azure OpenAI)."""
    rows = json.loads(json.dumps(rows))
    messages = [m for row in rows for m in row["query"] + row["response"] if isinstance(m["content"], list)]
    code = {"call_code", "call_code2", "call_code3"}  # the demo run's code-interpreter calls
    for message in messages:
        if message.get("tool_call_id") in code:
            message["content"][0]["tool_result"] = []
    return rows


@pytest.mark.parametrize("flavour", [f for f in FLAVOURS if f != "azure-agents"])
def test_every_family_gives_the_same_rows(flavour: str, converters_rows: list[Any]) -> None:
    with scripted(Emulator(flavour=flavour, clock=ManualClock(t=600))) as emu, client_for(emu) as client:  # type: ignore[arg-type]
        rows = to_eval_rows(client.threads.read(THREAD))
        expected = converters_rows if emu.spec.code_outputs else as_served_without_code_outputs(converters_rows)
        assert rows == expected


def test_an_archive_gives_the_same_rows_and_the_command_line_writes_them(
    agents: Emulator, converters_rows: list[Any], tmp_path: Path
) -> None:
    archive = tmp_path / "thread.jsonl"
    exported = run(["export", THREAD, "--include-content", "-o", str(archive)], reaching(agents))
    assert exported.returncode == 0, exported.stderr
    assert to_eval_rows(ThreadHistory.from_archive(archive)) == converters_rows
    from_file = run(["export", "--archive", str(archive), "--format", "eval"], {})
    from_server = run(["export", THREAD, "--format", "eval"], reaching(agents))
    for done in (from_file, from_server):
        assert done.returncode == 0, done.stderr
        assert [json.loads(line) for line in done.stdout.splitlines()] == converters_rows
        named = [line for line in done.stderr.splitlines() if line.startswith("runsteps: not carried: ")]
        assert len(named) == len(to_eval_rows(ThreadHistory.from_archive(archive)).losses) > 10
        assert f"wrote 3 evaluation rows of thread {THREAD}" in done.stderr
    one = run(["export", "--archive", str(archive), THREAD, "run_eval_2", "--format", "eval"], {})
    assert [json.loads(line)["response"][-1]["run_id"] for line in one.stdout.splitlines()] == ["run_eval_2"]
    plain = run(["export", "--archive", str(archive)], {})
    assert plain.returncode == 2 and "give --format items or eval" in plain.stderr


def test_where_the_converter_raises_a_row_is_still_made_and_the_gap_named() -> None:
    """A function call never answered (KeyError in the converter), an assistant's message of no run
    (a validation error), a file search without ranking options (KeyError): rows all the same."""
    thread = runsteps.Thread.from_dict({"id": "t", "object": "thread", "created_at": 100})
    messages = [
        runsteps.Message.from_dict(m)
        for m in (
            {"id": "m1", "role": "user", "created_at": 100, "content": [
                {"type": "text", "text": {"value": "Hi", "annotations": []}},
                {"type": "image_file", "image_file": {"file_id": "file_img"}}]},
            {"id": "m2", "role": "assistant", "created_at": 101, "run_id": None, "content": [
                {"type": "text", "text": {"value": "Earlier answer", "annotations": []}}]},
        )
    ]  # fmt: skip
    run_ = runsteps.Run.from_dict({"id": "r", "thread_id": "t", "created_at": 102, "status": "requires_action",
                                   "instructions": None, "tools": [{"type": "mystery"}]})  # fmt: skip
    calls = [
        {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}", "output": None}},
        {"id": "c2", "type": "file_search", "file_search": {"results": []}},
    ]
    step = runsteps.RunStep.from_dict({"id": "s", "run_id": "r", "type": "tool_calls", "created_at": 103, "completed_at": 104,
                                       "step_details": {"type": "tool_calls", "tool_calls": calls}})  # fmt: skip
    conversion = to_eval_rows(ThreadHistory("t", thread, messages, [run_], {"r": [step]}))
    (row,) = conversion
    assert [m["role"] for m in row["query"]] == ["user", "assistant"]
    assert row["query"][0]["content"] == [{"type": "text", "text": "Hi"}]
    assert [m["role"] for m in row["response"]] == ["assistant", "assistant", "tool"]
    assert row["response"][1]["content"][0]["arguments"] == {
        "ranking_options": {"ranker": None, "score_threshold": None}
    }
    assert row["tool_definitions"] == []
    named = {(loss.call_id, loss.type) for loss in conversion.losses}
    assert named >= {("c1", "function"), (None, "image_file"), (None, "assistant"), (None, "mystery")}
