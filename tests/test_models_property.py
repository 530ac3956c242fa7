"""Property: any payload the spec allows, salted with what real servers add, round-trips exactly."""

from __future__ import annotations

import copy
import functools
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import runsteps
from runsteps import models
from runsteps._model_base import read_json

from .spec import load_spec

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SCHEMAS = load_spec()["components"]["schemas"]

json_leaf = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
# Keys a vendor could add; prefixed so they never collide with a declared field.
extra_keys = st.dictionaries(st.text(min_size=1, max_size=8).map(lambda k: "x_" + k), json_value, max_size=2)


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Payloads valid against a schema of openapi.yaml (the subset of JSON Schema it uses)."""
    if "$ref" in schema:
        return component(schema["$ref"].rsplit("/", 1)[-1])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([from_schema(s) for s in schema[key]])
    kind = schema.get("type")
    if kind == "string":
        text = st.text(max_size=12)
        if "not" in schema:
            excluded = set(schema["not"]["enum"])
            text = text.filter(lambda t: t not in excluded)
        return text
    if kind == "integer":
        return st.integers(schema.get("minimum", -(2**53)), schema.get("maximum", 2**53))
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(from_schema(schema["items"]), max_size=3)
    if kind == "object":
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        values = schema.get("additionalProperties")
        additional = (
            st.dictionaries(st.text(max_size=6).filter(lambda k: k not in properties), from_schema(values), max_size=2)
            if isinstance(values, dict)
            else st.just({})
        )
        if not properties and values is None:
            return st.dictionaries(st.text(max_size=6), json_value, max_size=3)  # a free-form object
        # Any field that is not required may also be missing or null, at every depth.
        declared = st.fixed_dictionaries(
            {k: from_schema(v) for k, v in properties.items() if k in required},
            optional={k: from_schema(v) | st.none() for k, v in properties.items() if k not in required},
        )
        return salted(declared, additional)
    raise AssertionError(f"schema construct the property test does not know: {schema}")


@functools.cache
def component(name: str) -> st.SearchStrategy[Any]:
    # One strategy per schema, shared by every reference to it: built once, not at each draw.
    return st.deferred(lambda: from_schema(SCHEMAS[name]))


def salted(
    declared: st.SearchStrategy[dict[str, Any]], additional: st.SearchStrategy[dict[str, Any]]
) -> st.SearchStrategy[dict[str, Any]]:
    """An object (its declared fields, and the additional ones its schema allows) with what real servers add:
    unknown keys and, now and then, a variant no spec names. All drawn as one tuple: a strategy made at each
    draw (a composite, a flatmap) costs more than the draw itself."""

    def salt(drawn: tuple[dict[str, Any], dict[str, Any], dict[str, Any], int, str]) -> dict[str, Any]:
        fields, more, unknown, dice, vendor = drawn
        out = {**more, **fields, **unknown}
        if isinstance(out.get("type"), str) and dice == 0:
            out["type"] = "vendor_" + vendor
        return out

    return st.tuples(declared, additional, extra_keys, st.integers(0, 9), st.text(min_size=1, max_size=6)).map(salt)


def check_round_trip(model: Any, payload: Any) -> None:
    before = copy.deepcopy(payload)
    parsed = model.from_dict(payload)
    assert payload == before, "parsing must not change its input"
    assert parsed.to_dict() == payload


@SETTINGS
@given(component("RunStep"))
def test_any_step_round_trips(payload: Any) -> None:
    check_round_trip(runsteps.RunStep, payload)


@SETTINGS
@given(component("Run"))
def test_any_run_round_trips(payload: Any) -> None:
    check_round_trip(runsteps.Run, payload)


@SETTINGS
@given(component("ToolCall"))
def test_any_tool_call_lands_in_the_class_its_type_names(payload: Any) -> None:
    details = runsteps.ToolCallsDetails.from_dict({"type": "tool_calls", "tool_calls": [payload]})
    named = SCHEMAS["ToolCall"]["discriminator"]["mapping"].get(payload.get("type"))
    expected = getattr(models, named.rsplit("/", 1)[-1]) if named else runsteps.UnknownToolCall
    assert type(details.tool_calls[0]) is expected
    assert details.tool_calls[0].to_dict() == payload


@SETTINGS
@given(component("RunStepList"))
def test_any_page_round_trips(payload: Any) -> None:
    check_round_trip(runsteps.RunStepList, payload)


@SETTINGS
@given(component("RunStepDelta"))
def test_any_delta_round_trips(payload: Any) -> None:
    check_round_trip(runsteps.RunStepDelta, payload)


@SETTINGS
@given(component("RunList"))
def test_any_page_of_runs_round_trips(payload: Any) -> None:
    check_round_trip(runsteps.RunList, payload)


def loads_outcome(read: Any, text: str | bytes) -> tuple[str, Any]:
    """What reading `text` gives: ("value", the value) or ("error", its type and message)."""
    try:
        return "value", read(text)
    except (ValueError, RecursionError) as exc:
        return "error", (type(exc), str(exc))


# Texts around a JSON value: what servers send, and what only `json.loads`'s own checks tell apart.
json_texts = st.tuples(
    json_value,
    st.sampled_from(["", " ", "\n", "\ufeff", "\r\n\t"]),
    st.sampled_from(["", "\n", " \r\n", "x", "}", " ]"]),
    st.sampled_from(["str", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32-be"]),
).map(
    lambda drawn: (
        (drawn[1] + json.dumps(drawn[0], ensure_ascii=False) + drawn[2])
        if drawn[3] == "str"
        else (drawn[1] + json.dumps(drawn[0], ensure_ascii=False) + drawn[2]).encode(drawn[3], "surrogatepass")
    )
)


@SETTINGS
@given(json_texts | st.binary(max_size=12))
def test_reading_json_gives_what_json_loads_gives_value_or_error(text: str | bytes) -> None:
    assert loads_outcome(read_json, text) == loads_outcome(json.loads, text)
