"""Models parse what real servers send, lose nothing, and pick variants by their `type`."""

from __future__ import annotations

from typing import Any

import pytest

import runsteps
from runsteps import models

from .corpus import LISTS, RUNS, STEPS, dig, examples, fresh


def parse_example(name: str, payload: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    if payload.get("object") == "list":
        return runsteps.RunStepList.from_dict(payload), payload
    if payload.get("object") == "thread.run":
        return runsteps.Run.from_dict(payload), payload
    if payload.get("object") == "thread.run.step":
        return runsteps.RunStep.from_dict(payload), payload
    # A streaming delta carries step details that are parsed on their own.
    details = payload["delta"]["step_details"]
    return runsteps.ToolCallsDetails.from_dict(details), details


@pytest.mark.parametrize(("name", "payload"), examples(), ids=[n for n, _ in examples()])
def test_every_reference_example_round_trips(name: str, payload: dict[str, Any]) -> None:
    model, source = parse_example(name, fresh(payload))
    assert model.to_dict() == source


def test_reference_examples_land_in_their_classes() -> None:
    by_name = dict(examples())
    step = runsteps.RunStep.from_dict(by_name["sse_run_step_completed_function_tool_call.json"])
    assert isinstance(step.step_details, runsteps.ToolCallsDetails)
    assert isinstance(step.step_details.tool_calls[0], runsteps.FunctionToolCall)
    assert step.step_details.tool_calls[0].function.output == "70 degrees and sunny."
    assert step.expires_at == 1710353047
    delta = runsteps.ToolCallsDetails.from_dict(
        by_name["run_step_delta_code_interpreter.json"]["delta"]["step_details"]
    )
    call = delta.tool_calls[0]
    assert isinstance(call, runsteps.CodeInterpreterToolCall)
    assert call["index"] == 0  # a key the schema does not declare is kept
    run = runsteps.Run.from_dict(by_name["sse_run_requires_action.json"])
    assert run.status == runsteps.RunStatus.REQUIRES_ACTION
    assert run["model"] == "gpt-4o"


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


def test_absent_stays_absent_and_null_stays_null() -> None:
    payload = {k: v for k, v in STEPS[0][1].items() if k not in ("usage", "last_error")}
    payload["metadata"] = None
    out = runsteps.RunStep.from_dict(payload).to_dict()
    assert "usage" not in out and "last_error" not in out
    assert out["metadata"] is None


def test_unknown_enum_values_are_kept_as_strings() -> None:
    step = runsteps.RunStep.from_dict(dict(STEPS[0][1], status="paused_for_review"))
    assert step.status == "paused_for_review"
    assert not isinstance(step.status, runsteps.RunStepStatus)
    known = runsteps.RunStep.from_dict(dict(STEPS[0][1], status="failed"))
    assert known.status is runsteps.RunStepStatus.FAILED


def test_unknown_variants_keep_every_key() -> None:
    call = {"id": "call_x", "type": "bing_grounding", "bing_grounding": {"requesturl": "u"}, "extra": [1]}
    parsed = runsteps.UnknownToolCall.from_dict(call)
    assert parsed.type_ == "bing_grounding"
    assert parsed["bing_grounding"] == {"requesturl": "u"}
    assert parsed.to_dict() == call


def test_variant_is_chosen_by_type_not_by_shape() -> None:
    # A function-shaped call labelled with another type must not be taken for a function call.
    call = {"id": "c", "type": "vendor_function", "function": {"name": "f", "arguments": "{}"}}
    details = runsteps.ToolCallsDetails.from_dict({"type": "tool_calls", "tool_calls": [call]})
    assert isinstance(details.tool_calls[0], runsteps.UnknownToolCall)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([], "expected an object, got array"),
        ("step", "expected an object, got string"),
        ({k: v for k, v in STEPS[0][1].items() if k != "id"}, "id: required field is missing"),
        (dict(STEPS[0][1], step_details=[]), "step_details: expected an object, got array"),
        (dict(STEPS[0][1], status=3), "status: expected a string, got number"),
        (dict(STEPS[0][1], usage="lots"), "usage: expected an object or null, got string"),
        (
            dict(
                STEPS[0][1],
                step_details={"type": "tool_calls", "tool_calls": [{"type": "function", "id": "c"}]},
            ),
            "step_details.tool_calls[0].function: required field is missing",
        ),
        (
            dict(STEPS[0][1], step_details={"type": "tool_calls", "tool_calls": [None]}),
            "step_details.tool_calls[0]: expected an object, got null",
        ),
        (
            dict(STEPS[0][1], step_details={"type": "tool_calls", "tool_calls": {"0": {}}}),
            "step_details.tool_calls: expected an array, got object",
        ),
    ],
)
def test_unusable_payloads_are_clear_errors_naming_the_path(payload: Any, message: str) -> None:
    with pytest.raises(runsteps.PayloadError) as caught:
        runsteps.RunStep.from_dict(payload)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


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
