"""openapi.yaml is valid and keeps the promises that make the generated client tolerant."""

from __future__ import annotations

from typing import Any

from openapi_spec_validator import validate

from .spec import load_spec, polymorphic_slots


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def test_spec_is_valid_openapi_3_1() -> None:
    spec = load_spec()
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_operations_are_the_three_we_serve() -> None:
    ops = {op["operationId"] for path in load_spec()["paths"].values() for op in path.values()}
    assert ops == {"getRun", "listRunSteps", "getRunStep"}


def test_every_operation_documents_the_errors_real_servers_send() -> None:
    for path in load_spec()["paths"].values():
        for op in path.values():
            assert set(op["responses"]) == {"200", "400", "401", "403", "404", "409", "422", "429", "5XX"}


def test_limit_is_bounded_with_a_default() -> None:
    params = load_spec()["paths"]["/threads/{thread_id}/runs/{run_id}/steps"]["get"]["parameters"]
    limit = next(p for p in params if p.get("name") == "limit")
    assert limit["schema"] == {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}


def test_every_polymorphic_slot_dispatches_on_type_with_a_catch_all() -> None:
    spec = load_spec()
    schemas = spec["components"]["schemas"]
    slots = polymorphic_slots(spec)
    assert set(slots) == {"StepDetails", "ToolCall", "CodeInterpreterOutput"}
    for name, slot in slots.items():
        assert slot["discriminator"]["propertyName"] == "type", name
        mapping = {k: ref_name(v) for k, v in slot["discriminator"]["mapping"].items()}
        variants = [ref_name(v["$ref"]) for v in slot["oneOf"]]
        unknown = [v for v in variants if v.startswith("Unknown")]
        assert len(unknown) == 1, f"{name} needs exactly one catch-all variant"
        assert sorted(mapping.values()) == sorted(v for v in variants if v not in unknown)
        for type_value, variant in mapping.items():
            assert schemas[variant]["properties"]["type"]["const"] == type_value
            assert "type" in schemas[variant]["required"]
        # The catch-all takes every type the mapping does not name, so `oneOf` stays exclusive.
        assert sorted(schemas[unknown[0]]["properties"]["type"]["not"]["enum"]) == sorted(mapping)


def test_response_enums_are_open() -> None:
    spec = load_spec()
    schemas = spec["components"]["schemas"]
    closed_for_requests = {"ListOrder", "IncludeField"}
    enum_names = {n for n, s in schemas.items() if "enum" in s} - closed_for_requests

    uses: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if any(isinstance(v, dict) and ref_name(v.get("$ref", "")) in enum_names for v in node.get("anyOf", [])):
                uses.append(node)
                return
            if ref_name(node.get("$ref", "")) in enum_names:
                raise AssertionError(f"enum {node['$ref']} used without accepting other strings")
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schemas)
    assert uses, "expected open enums"
    for use in uses:
        assert {"type": "string"} in use["anyOf"]


def test_run_is_trimmed_to_what_polling_needs() -> None:
    run = load_spec()["components"]["schemas"]["Run"]
    assert set(run["properties"]) == {
        "id",
        "object",
        "created_at",
        "thread_id",
        "assistant_id",
        "status",
        "required_action",
        "last_error",
        "incomplete_details",
        "expires_at",
        "started_at",
        "cancelled_at",
        "failed_at",
        "completed_at",
        "usage",
    }
    assert run.get("additionalProperties", True) is not False


def test_list_cursors_are_nullable_and_step_describes_expires_at() -> None:
    schemas = load_spec()["components"]["schemas"]
    for cursor in ("first_id", "last_id"):
        assert {"type": "null"} in schemas["RunStepList"]["properties"][cursor]["anyOf"]
    step = schemas["RunStep"]["properties"]
    assert "expires_at" in step and "expired_at" in step
    assert "metadata" not in schemas["RunStep"]["required"]
    assert "usage" not in schemas["RunStep"]["required"]
