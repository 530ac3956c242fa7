"""Models parse what real servers send, lose nothing, and pick variants by their `type`."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import typing
from typing import Any

import attrs
import pytest

import runsteps
from runsteps import models

from .corpus import CODE_CALL, FUNCTION_CALL, LISTS, RUNS, STEPS, dig, examples, fresh

PARSERS = {
    "list": runsteps.RunStepList,
    "thread.run": runsteps.Run,
    "thread.run.step": runsteps.RunStep,
    "thread.run.step.delta": runsteps.RunStepDelta,
}


@pytest.mark.parametrize(("name", "payload"), examples(), ids=[n for n, _ in examples()])
def test_every_upstream_shape_round_trips(name: str, payload: dict[str, Any]) -> None:
    model = PARSERS[payload["object"]].from_dict(fresh(payload))
    assert model.to_dict() == payload
    assert json.loads(model.to_json()) == payload


def test_upstream_shapes_land_in_their_classes() -> None:
    by_name = dict(examples())
    step = runsteps.RunStep.from_dict(by_name["step_function_call_completed.json"])
    assert isinstance(step.step_details, runsteps.ToolCallsDetails)
    call = (step.step_details.tool_calls or [])[0]
    assert isinstance(call, runsteps.FunctionToolCall)
    assert call.function is not None and call.function.output == "11.52"
    assert step.expires_at == 1718100611
    delta = runsteps.RunStepDelta.from_dict(by_name["step_delta_code_interpreter.json"])
    assert delta.object == "thread.run.step.delta" and delta.delta is not None
    details = delta.delta.step_details
    assert isinstance(details, runsteps.ToolCallsDetails)
    first = (details.tool_calls or [])[0]
    assert isinstance(first, runsteps.CodeInterpreterToolCall) and first.index == 0
    assert first.code_interpreter is not None and first.code_interpreter.input == ""
    run = runsteps.Run.from_dict(by_name["run_requires_action.json"])
    assert run.status == runsteps.RunStatus.REQUIRES_ACTION
    assert run.model == "gpt-4o" and run.instructions is None and run.tool_choice == "auto"
    tool = (run.tools or [])[0]
    assert isinstance(tool, models.FunctionTool) and tool.function is not None
    assert tool.function.name == "exchange_rate"


def test_attributes_carry_the_json_names() -> None:
    step = runsteps.RunStep.from_dict(STEPS[0][1])
    assert step.type == "message_creation" and step.object == "thread.run.step"
    call = runsteps.CodeInterpreterToolCall.from_dict(CODE_CALL)
    assert call.type == "code_interpreter"
    assert call.code_interpreter is not None and call.code_interpreter.input == "print(2 + 2)"
    assert {a.name for a in attrs.fields(runsteps.RunStep)} >= {"type", "object", "id", "status"}


def test_absent_fields_read_none_and_stay_absent() -> None:
    step = runsteps.RunStep.from_dict({"id": "step_legacy"})  # only the id is required
    assert step.metadata is None and step.usage is None and step.created_at is None and step.status is None
    assert step.to_dict() == {"id": "step_legacy"}
    assert "Unset" not in repr(step)


def test_null_stays_null_and_absent_stays_absent_at_every_depth() -> None:
    payload = {k: v for k, v in STEPS[0][1].items() if k not in ("usage", "last_error")}
    payload["metadata"] = None
    payload["step_details"] = {"type": "message_creation", "message_creation": {"message_id": None}}
    step = runsteps.RunStep.from_dict(payload)
    assert step.metadata is None and step.usage is None
    out = step.to_dict()
    assert "usage" not in out and "last_error" not in out
    assert out["metadata"] is None
    assert out["step_details"] == {"type": "message_creation", "message_creation": {"message_id": None}}
    assert out == payload


def test_a_model_built_in_code_writes_only_what_was_set() -> None:
    step = runsteps.RunStep(id="s1", status="completed", usage=runsteps.Usage(total_tokens=3))
    assert step.to_dict() == {"id": "s1", "status": "completed", "usage": {"total_tokens": 3}}


def test_models_compare_pickle_and_evolve_with_everything_kept() -> None:
    payload = dict(STEPS[0][1], vendor={"x": 1}, usage=None)
    step = runsteps.RunStep.from_dict(payload)
    assert step == runsteps.RunStep.from_dict(fresh(payload))
    assert pickle.loads(pickle.dumps(step)) == step
    assert pickle.loads(pickle.dumps(step)).to_dict() == payload
    changed = attrs.evolve(step, status="failed")
    assert changed.to_dict() == {**payload, "status": "failed"}
    assert step != runsteps.RunStep.from_dict({k: v for k, v in payload.items() if k != "vendor"})


@pytest.mark.parametrize(("name", "payload", "path", "cls"), STEPS, ids=[s[0] for s in STEPS])
def test_real_world_steps_round_trip_and_classify(
    name: str, payload: dict[str, Any], path: tuple[Any, ...], cls: str
) -> None:
    source = fresh(payload)
    parsed = runsteps.RunStep.from_dict(source)
    assert source == payload, "parsing must not change its input"
    assert parsed.to_dict() == payload
    assert type(dig(parsed, path)).__name__ == cls


@pytest.mark.parametrize(("name", "payload"), LISTS, ids=[n for n, _ in LISTS])
def test_real_world_pages_round_trip(name: str, payload: dict[str, Any]) -> None:
    assert runsteps.RunStepList.from_dict(fresh(payload)).to_dict() == payload


@pytest.mark.parametrize(("name", "payload"), RUNS, ids=[n for n, _ in RUNS])
def test_real_world_runs_round_trip(name: str, payload: dict[str, Any]) -> None:
    run = runsteps.Run.from_dict(fresh(payload))
    assert run.to_dict() == payload
    assert run.id == payload["id"]


def test_unknown_enum_values_are_kept_as_strings() -> None:
    step = runsteps.RunStep.from_dict(dict(STEPS[0][1], status="paused_for_review"))
    assert step.status == "paused_for_review"
    assert not isinstance(step.status, runsteps.RunStepStatus)
    known = runsteps.RunStep.from_dict(dict(STEPS[0][1], status="failed"))
    assert known.status is runsteps.RunStepStatus.FAILED


def test_unknown_variants_keep_every_key() -> None:
    call = {"id": "call_x", "type": "x_vendor_lookup", "x_vendor_lookup": {"url": "u"}, "extra": [1]}
    parsed = runsteps.UnknownToolCall.from_dict(call)
    assert parsed.type == "x_vendor_lookup"
    assert parsed["x_vendor_lookup"] == {"url": "u"}
    assert parsed.to_dict() == call


def test_variant_is_chosen_by_type_not_by_shape() -> None:
    # A function-shaped call labelled with another type must not be taken for a function call.
    call = {"id": "c", "type": "vendor_function", "function": {"name": "f", "arguments": "{}"}}
    details = runsteps.ToolCallsDetails.from_dict({"type": "tool_calls", "tool_calls": [call]})
    assert isinstance(details.tool_calls[0], runsteps.UnknownToolCall)


LOADED_BY_A_STEP = """
import json, sys
from runsteps import RunStep
step = RunStep.from_dict(json.loads(sys.argv[1]))
models = "runsteps._generated.models."
print(json.dumps({
    "call": type(step.step_details.tool_calls[0]).__name__,
    "loaded": sorted(m[len(models):] for m in sys.modules if m.startswith(models)),
}))
"""


def test_a_union_variant_is_imported_when_a_payload_first_names_it() -> None:
    # In a fresh interpreter: reading a step with one code interpreter call makes that call's classes,
    # not those of the other fourteen tools (each class costs start-up time to every command).
    step = dict(STEPS[0][1], step_details={"type": "tool_calls", "tool_calls": [CODE_CALL]})
    done = subprocess.run(
        [sys.executable, "-c", LOADED_BY_A_STEP, json.dumps(step)], capture_output=True, text=True, check=True
    )
    seen = json.loads(done.stdout)
    assert seen["call"] == "CodeInterpreterToolCall"
    assert "code_interpreter_tool_call" in seen["loaded"]
    others = {"function_tool_call", "file_search_tool_call", "mcp_tool_call", "bing_grounding_tool_call"}
    assert others.isdisjoint(seen["loaded"]), seen["loaded"]


HELD_MODELS_ON_FIRST_USE = """
import json, sys
from runsteps import RunStep
models = "runsteps._generated.models."
def loaded():
    return {m[len(models):] for m in sys.modules if m.startswith(models)}
before = loaded()
bare = RunStep.from_dict({"id": "s"})
after_bare = loaded()
full = RunStep.from_dict(json.loads(sys.argv[1]))
again = RunStep.from_dict(json.loads(sys.argv[1]))
print(json.dumps({
    "before": sorted(before), "after_bare": sorted(after_bare), "after_full": sorted(loaded()),
    "call": type(full.step_details.tool_calls[0]).__qualname__,
    "same_class": type(full.step_details.tool_calls[0]) is type(again.step_details.tool_calls[0]),
    "equal": full == again, "round_trip": again.to_dict() == json.loads(sys.argv[1]),
}))
"""


def test_the_models_a_model_reads_by_a_call_are_imported_when_a_payload_first_holds_them() -> None:
    # Importing RunStep makes no class for what it reads by calling another model (an error, the
    # details of a tool-calls step and its calls) until a step holding them is read: each class costs
    # start-up time to a first call. The small models it reads in its own code (usage and its token
    # details, metadata, a message creation) come with it; then all are the real classes.
    step = dict(
        STEPS[0][1],
        type="tool_calls",
        last_error={"code": "server_error", "message": "x"},
        step_details={"type": "tool_calls", "tool_calls": [FUNCTION_CALL]},
    )
    done = subprocess.run(
        [sys.executable, "-c", HELD_MODELS_ON_FIRST_USE, json.dumps(step)], capture_output=True, text=True, check=True
    )
    seen = json.loads(done.stdout)
    written_out = {"usage", "prompt_tokens_details", "metadata", "message_creation_details", "message_creation"}
    called = {"last_error", "tool_calls_details", "function_tool_call"}
    assert {"run_step", *written_out} <= set(seen["before"]), seen["before"]
    assert called.isdisjoint(seen["before"]), seen["before"]
    assert seen["after_bare"] == seen["before"]
    assert called <= set(seen["after_full"])
    assert seen["call"] == "FunctionToolCall"
    assert seen["same_class"] and seen["equal"] and seen["round_trip"]


def test_annotations_resolve_with_the_models_module_as_the_docstring_says() -> None:
    everything: dict[str, Any] = {}
    exec("from runsteps.models import *", everything)
    hints = typing.get_type_hints(runsteps.ToolCallsDetails, localns=vars(models))
    calls = typing.get_args(hints["tool_calls"])[0]  # list[...] of list[...] | None
    assert runsteps.MCPToolCall in typing.get_args(typing.get_args(calls)[0])


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([], "expected an object, got array"),
        ("step", "expected an object, got string"),
        ({k: v for k, v in STEPS[0][1].items() if k != "id"}, "id: required field is missing"),
        (dict(STEPS[0][1], step_details=[]), "step_details: expected an object or null, got array"),
        (dict(STEPS[0][1], status=3), "status: expected a string or null, got number"),
        (dict(STEPS[0][1], usage="lots"), "usage: expected an object or null, got string"),
        # Read in RunStep's own code, not by a call: the same errors, naming the same paths.
        (
            dict(STEPS[0][1], usage={"prompt_tokens_details": 5}),
            "usage.prompt_tokens_details: expected an object, got number",
        ),
        (
            dict(STEPS[0][1], step_details={"type": "message_creation", "message_creation": "m"}),
            "step_details.message_creation: expected an object, got string",
        ),
        (
            dict(
                STEPS[0][1],
                step_details={"type": "tool_calls", "tool_calls": [{"type": "function", "id": "c", "function": 7}]},
            ),
            "step_details.tool_calls[0].function: expected an object, got number",
        ),
        (dict(STEPS[0][1], id={"not": "a string"}), "id: expected a string, got object"),
        (dict(STEPS[0][1], status=3), "status: expected a string or null, got number"),
        (dict(STEPS[0][1], status={"not": "hashable"}), "status: expected a string or null, got object"),
        (dict(STEPS[0][1], type=["tool_calls"]), "type: expected a string or null, got array"),
        (
            dict(STEPS[0][1], step_details={"type": "tool_calls", "tool_calls": [None]}),
            "step_details.tool_calls[0]: expected an object, got null",
        ),
        (
            dict(STEPS[0][1], step_details={"type": "tool_calls", "tool_calls": {"0": {}}}),
            "step_details.tool_calls: expected an array or null, got object",
        ),
    ],
)
def test_unusable_payloads_are_clear_errors_naming_the_path(payload: Any, message: str) -> None:
    with pytest.raises(runsteps.PayloadError) as caught:
        runsteps.RunStep.from_dict(payload)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


def test_run_is_typed_in_full_and_tolerant() -> None:
    run = runsteps.Run.from_dict(
        {
            "id": "run_1",
            "instructions": None,
            "tools": [{"type": "mcp", "server_label": "x"}, {"type": "retrieval"}],
            "response_format": {"type": "json_schema", "json_schema": {"name": "out", "schema": {"type": "object"}}},
            "tool_choice": {"type": "function", "function": {"name": "f"}},
        }
    )
    assert run.parallel_tool_calls is None and run.instructions is None
    assert [type(t).__name__ for t in run.tools or []] == ["MCPTool", "UnknownTool"]
    assert isinstance(run.response_format, models.ResponseFormat)
    assert run.response_format.json_schema is not None and run.response_format.json_schema.name == "out"
    assert isinstance(run.tool_choice, models.ToolChoice)
    assert runsteps.Run.from_dict({"id": "r", "response_format": "auto"}).response_format == "auto"
    assert runsteps.Run.from_dict({"id": "r", "tool_choice": "required"}).tool_choice == models.ToolChoiceMode.REQUIRED


def test_error_path_crosses_lists_of_models() -> None:
    page = {"object": "list", "data": [STEPS[0][1], {"object": "x"}], "has_more": False}
    with pytest.raises(runsteps.PayloadError, match=r"^data\[1\]\.id: required field is missing$") as caught:
        runsteps.RunStepList.from_dict(page)
    assert caught.value.path == ("data", 1, "id")


def test_every_generated_model_is_public() -> None:
    for name in models.__all__:
        assert hasattr(models, name)
    for name in [
        "RunStep",
        "RunStepList",
        "Run",
        "MessageCreationDetails",
        "ToolCallsDetails",
        "UnknownStepDetails",
        "CodeInterpreterToolCall",
        "FileSearchToolCall",
        "FunctionToolCall",
        "UnknownToolCall",
        "CodeInterpreterLogsOutput",
        "CodeInterpreterImageOutput",
        "UnknownCodeInterpreterOutput",
    ]:
        cls = getattr(runsteps, name)
        assert hasattr(cls, "from_dict") and hasattr(cls, "to_dict")
        assert hasattr(cls, "__slots__"), f"{name} should be a slotted attrs class"


@pytest.mark.parametrize("payload", [s[1] for s in STEPS], ids=[s[0] for s in STEPS])
def test_a_parsed_step_is_the_one_its_constructor_makes(payload: dict[str, Any]) -> None:
    # from_dict sets slots directly, skipping __init__: what it makes must be what __init__ makes.
    parsed = runsteps.RunStep.from_dict(payload)
    remade = attrs.evolve(parsed)  # through __init__, field by field
    assert remade == parsed and repr(remade) == repr(parsed)
    assert remade.to_dict() == parsed.to_dict() == payload
    assert pickle.loads(pickle.dumps(parsed)) == parsed


def test_a_subclass_with_fields_of_its_own_is_made_by_its_own_init() -> None:
    @attrs.define
    class Tagged(runsteps.RunStep):
        tag: str = "untagged"

    payload = STEPS[0][1]
    step = Tagged.from_dict(payload)
    assert type(step) is Tagged and step.tag == "untagged"
    assert step.to_dict() == payload


def test_a_model_reads_json_text_as_the_client_reads_a_body() -> None:
    step = STEPS[0][1]
    body = json.dumps(step, ensure_ascii=False).encode()
    assert runsteps.RunStep.from_json(body) == runsteps.RunStep.from_dict(step)
    assert runsteps.RunStep.from_json(body.decode() + "\n").to_dict() == step
    assert runsteps.RunStep.from_json(json.dumps(step).encode("utf-16")).to_dict() == step  # as json.loads does


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"", "not JSON (JSONDecodeError: Expecting value: line 1 column 1 (char 0))"),
        (b'{"id": "s"} {}', "not JSON (JSONDecodeError: Extra data: line 1 column 13 (char 12))"),
        (
            b"\xff{}",
            "not JSON (UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte)",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "JSON nested too deeply to read"),
        (b"[]", "expected an object, got array"),
        (b'{"id": 7}', "id: expected a string, got number"),
    ],
)
def test_text_that_is_not_the_model_s_json_is_a_payload_error_saying_what_it_is(text: bytes, message: str) -> None:
    with pytest.raises(runsteps.PayloadError) as caught:
        runsteps.RunStep.from_json(text)
    assert str(caught.value) == message
