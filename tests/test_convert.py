"""A thread carried to the successor API: input items the successor's own schema accepts, in the order
things happened, and every thing that cannot go named, never dropped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openai.types.responses import ResponseInputItemParam
from pydantic import TypeAdapter

import runsteps
from runsteps.convert import Loss, ThreadHistory, to_items
from runsteps.convert._items import iter_items
from runsteps.emulator import Emulator, ManualClock
from runsteps.emulator._azure_run import azure_tools_run
from runsteps.emulator.demo_script import demo_run, tools_run

from .cli import reaching, run

SUCCESSOR = TypeAdapter(ResponseInputItemParam)


def accepted(item: dict[str, Any]) -> Any:
    """The item as openai's `ResponseInputItemParam` reads it: validated, then written back as JSON
    (its iterables are lazy), so that a key the matching member does not know would be missing."""
    return json.loads(SUCCESSOR.dump_json(SUCCESSOR.validate_python(item), exclude_unset=True))


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    """A thread with a run of every OpenAI tool, a run through every Azure tool type and an activities
    step, and a run whose function calls were never answered."""
    with Emulator(clock=ManualClock(t=60)) as emu:
        emu.add_run(demo_run("thread_x", "run_demo"))
        emu.add_run(azure_tools_run("thread_x"))
        emu.add_run(tools_run("thread_x", "run_waiting"))
        yield emu


@pytest.fixture(scope="module")
def history(emu: Emulator) -> ThreadHistory:
    with runsteps.Client(api_key=emu.api_key, base_url=emu.base_url) as client:
        return client.threads.read("thread_x")


def test_every_item_is_one_the_successors_own_schema_accepts_whole(history: ThreadHistory) -> None:
    items = to_items(history).items
    assert len(items) > 10
    for item in items:
        # Validated as openai's ResponseInputItemParam, and nothing of it ignored by the member it matched.
        assert accepted(item) == item, item
    kinds = {item["type"] for item in items}
    assert kinds == {
        "message",
        "function_call",
        "function_call_output",
        "file_search_call",
        "code_interpreter_call",
        "mcp_call",
    }


def test_the_loss_report_names_exactly_what_has_no_successor_item(history: ThreadHistory) -> None:
    losses = to_items(history).losses
    azure = {(loss.call_id, loss.type) for loss in losses if loss.run_id == "run_azure_tools"}
    steps = {s.id: s for s in history.steps["run_azure_tools"]}
    expected = set()
    for step in steps.values():
        details = step.to_dict()["step_details"]
        if details["type"] == "activities":
            expected.add((None, "activities"))
        for call in details.get("tool_calls", []):
            if call["type"] not in ("function", "file_search", "code_interpreter", "mcp"):
                expected.add((call["id"], call["type"]))
    assert azure == expected and len(expected) >= 8
    unanswered = [loss for loss in losses if loss.run_id == "run_waiting"]
    assert {loss.call_id for loss in unanswered} == {"call_tools_weather", "call_tools_fx"}
    assert all("no output was submitted" in loss.why for loss in unanswered)
    images = [loss for loss in losses if loss.type == "code_interpreter"]
    assert {loss.call_id for loss in images} == {"call_code", "call_code3"}  # their charts are files, not URLs
    for loss in losses:
        assert loss.why and str(loss).startswith(f"run {loss.run_id} step {loss.step_id}")


def test_items_come_in_the_order_things_happened(history: ThreadHistory) -> None:
    demo = to_items(history.only_runs(["run_demo"])).items
    assert demo[0] == {
        "type": "message",
        "role": "user",
        "content": [{"type": "input_text", "text": "How did revenue develop this quarter? Please plot it."}],
    }
    answers = [i["id"] for i in demo if i["type"] == "message" and i["role"] == "assistant"]
    assert answers == ["msg_plan", "msg_answer"] and demo[-1]["id"] == "msg_answer"
    assert demo.index(next(i for i in demo if i.get("id") == "msg_plan")) < demo.index(
        next(i for i in demo if i["type"] == "function_call")
    )
    calls = [i for i in demo if i["type"] in ("function_call", "function_call_output")]
    assert [(c["type"], c["call_id"]) for c in calls] == [
        ("function_call", "call_weather"), ("function_call_output", "call_weather"),
        ("function_call", "call_fx"), ("function_call_output", "call_fx"),
    ]  # fmt: skip
    arguments = [
        call["function"]["arguments"]
        for step in history.steps["run_demo"]
        for call in step.to_dict()["step_details"].get("tool_calls", [])
        if call["type"] == "function"
    ]
    assert [c["arguments"] for c in calls if c["type"] == "function_call"] == arguments  # exact
    searched = next(i for i in demo if i["type"] == "file_search_call")
    assert searched["results"][0]["text"] == "Revenue grew 12%."


def test_an_archive_converts_as_the_server_does(emu: Emulator, history: ThreadHistory, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    assert run(["export", "thread_x", "-o", str(out), "--include-content"], reaching(emu)).returncode == 0
    assert to_items(ThreadHistory.from_archive(out)) == to_items(history)
    with pytest.raises(ValueError, match="holds no thread 'thread_y'"):
        ThreadHistory.from_archive(out, "thread_y")


def test_an_archive_without_messages_converts_from_the_command_line_saying_what_is_missing(
    emu: Emulator, tmp_path: Path
) -> None:
    full, old = tmp_path / "full.jsonl", tmp_path / "old.jsonl"
    assert run(["export", "thread_x", "-o", str(full), "--include-content"], reaching(emu)).returncode == 0
    lines = full.read_text().splitlines()
    old.write_text("".join(line + "\n" for line in lines if json.loads(line)["object"] != "thread.message"))
    whole = run(["export", "--archive", str(full), "--format", "items"], {})
    assert [json.loads(line) for line in whole.stdout.splitlines()] == to_items(ThreadHistory.from_archive(full)).items
    done = run(["export", "--archive", str(old), "thread_x", "--format", "items"], {})
    assert done.returncode == 0, done.stderr
    assert "runsteps: not carried: thread (thread): it holds no messages" in done.stderr
    assert "the user's turns cannot be carried" in done.stderr


def test_a_message_a_step_names_but_the_thread_lacks_is_a_loss_not_a_gap(history: ThreadHistory) -> None:
    without = ThreadHistory(history.thread_id, None, [], history.runs, history.steps)
    losses = [loss for loss in to_items(without).losses if loss.type == "message_creation"]
    assert {loss.step_id for loss in losses} >= {"step_01_plan", "step_08_answer"}
    assert all("is not in the thread" in loss.why for loss in losses)


def test_items_are_made_as_the_thread_is_read_a_run_at_a_time(history: ThreadHistory) -> None:
    """What a migration relies on for flat memory: the messages and each run's steps are read only as
    far as the items made so far need, and the items are those of the whole thread read at once."""
    read: list[str] = []

    def listed(kind: str, things: list[Any]) -> Iterator[Any]:
        for thing in things:
            read.append(f"{kind} {thing.id}")
            yield thing

    runs = ((run, listed("step", history.steps[run.id])) for run in listed("run", history.runs))
    losses: list[Loss] = []
    made = iter_items(listed("message", history.messages), runs, losses)
    first = next(made)
    assert first["type"] == "message" and first["role"] == "user"
    one = history.runs[0].id
    # The first run, its first step and the first message: nothing more is read for the first item.
    assert read == [f"run {one}", f"step {history.steps[one][0].id}", f"message {history.messages[0].id}"]
    assert [first, *made] == to_items(history).items
    assert losses == to_items(history).losses


MESSAGE: dict[str, Any] = {
    "id": "msg_1",
    "role": "assistant",
    "status": "completed",
    "created_at": 5,
    "content": [
        {
            "type": "text",
            "text": {
                "value": "See 【4:0†report.pdf】 and chart.",
                "annotations": [
                    {"type": "file_citation", "text": "【4:0†report.pdf】", "start_index": 4, "end_index": 20,
                     "file_citation": {"file_id": "file_r"}},
                    {"type": "url_citation", "text": "[1]", "start_index": 0, "end_index": 3,
                     "url_citation": {"url": "https://example.com", "title": "Example"}},
                    {"type": "file_path", "text": "sandbox:/x.png", "start_index": 25, "end_index": 30,
                     "file_path": {"file_id": "file_x"}},
                    {"type": "file_citation", "text": "[2]", "start_index": 1, "end_index": 2,
                     "file_citation": {"file_id": "file_q"}},
                ],
            },
        },
        {"type": "refusal", "refusal": "Not that."},
        {"type": "image_file", "image_file": {"file_id": "file_img"}},
    ],
    "attachments": [{"file_id": "file_csv", "tools": [{"type": "code_interpreter"}]}],
}  # fmt: skip


def test_annotations_refusals_and_images_are_carried_or_named() -> None:
    user = {"id": "msg_0", "role": "user", "created_at": 1, "content": [
        {"type": "text", "text": {"value": "Look", "annotations": []}},
        {"type": "image_url", "image_url": {"url": "https://example.com/a.png", "detail": "low"}},
        {"type": "image_file", "image_file": {"file_id": "file_in"}},
    ]}  # fmt: skip
    history = ThreadHistory("t", None, [runsteps.Message.from_dict(user), runsteps.Message.from_dict(MESSAGE)], [], {})
    conversion = to_items(history)
    for item in conversion.items:
        assert accepted(item) == item
    asked, answered = conversion.items
    assert [p["type"] for p in asked["content"]] == ["input_text", "input_image", "input_image"]
    text = answered["content"][0]
    assert [a["type"] for a in text["annotations"]] == ["file_citation", "url_citation", "file_path"]
    assert text["annotations"][0] == {
        "type": "file_citation",
        "file_id": "file_r",
        "filename": "report.pdf",
        "index": 4,
    }
    assert answered["content"][1] == {"type": "refusal", "refusal": "Not that."}
    assert sorted(loss.type for loss in conversion.losses) == ["attachment", "file_citation", "image_file"]
    assert all(isinstance(loss, Loss) and "msg_1" in loss.why for loss in conversion.losses)


def test_export_format_items_writes_items_and_names_each_loss_on_stderr(emu: Emulator, history: ThreadHistory) -> None:
    done = run(["export", "thread_x", "--format", "items"], reaching(emu))
    assert done.returncode == 0, done.stderr
    items = [json.loads(line) for line in done.stdout.splitlines()]
    expected = to_items(history)
    assert items == expected.items
    named = [line for line in done.stderr.splitlines() if line.startswith("runsteps: not carried: ")]
    assert named == [f"runsteps: not carried: {loss}" for loss in expected.losses]
    assert f"wrote {len(items)} items of thread thread_x" in done.stderr
    one = run(["export", "thread_x", "run_demo", "--format", "items"], reaching(emu))
    assert [json.loads(line) for line in one.stdout.splitlines()] == to_items(history.only_runs(["run_demo"])).items
    resumed = run(["export", "thread_x", "--format", "items", "-o", "/dev/null", "--resume"], reaching(emu))
    assert resumed.returncode == 2 and "--format items is written whole" in resumed.stderr
