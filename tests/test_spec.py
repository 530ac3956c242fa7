"""openapi.yaml is valid and keeps the promises that make the generated client tolerant."""

from __future__ import annotations

from typing import Any

from .spec import load_spec, polymorphic_slots


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def test_spec_is_valid_openapi_3_1() -> None:
    from openapi_spec_validator import validate  # here: half a second to import, for this test only

    spec = load_spec()
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_operations_are_the_reads_and_the_three_actions_with_upstreams_names() -> None:
    ops = {op["operationId"] for path in load_spec()["paths"].values() for op in path.values()}
    runs = {"getRun", "listRuns", "listRunSteps", "getRunStep", "createRun", "cancelRun", "submitToolOuputsToRun"}
    threads = {"listThreads", "getThread", "listMessages", "getMessage"}
    assert ops == runs | threads
    spec = load_spec()
    submit = spec["paths"]["/threads/{thread_id}/runs/{run_id}/submit_tool_outputs"]["post"]
    body = submit["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/SubmitToolOutputsRunRequest"} and submit["requestBody"]["required"]
    assert "requestBody" not in spec["paths"]["/threads/{thread_id}/runs/{run_id}/cancel"]["post"]
    start = spec["paths"]["/threads/{thread_id}/runs"]["post"]
    assert start["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CreateRunRequest"
    }
    assert spec["components"]["schemas"]["CreateRunRequest"]["required"] == ["assistant_id"]


def test_every_operation_documents_the_errors_real_servers_send() -> None:
    for path in load_spec()["paths"].values():
        for op in path.values():
            assert set(op["responses"]) == {"200", "400", "401", "403", "404", "409", "422", "429", "5XX"}


def resolved_query_parameters(spec: dict[str, Any], path: str) -> dict[str, dict[str, Any]]:
    shared = spec["components"]["parameters"]
    params = [shared[ref_name(p["$ref"])] if "$ref" in p else p for p in spec["paths"][path]["get"]["parameters"]]
    return {p["name"]: p for p in params if p["in"] == "query"}


def test_query_parameters_are_one_each_as_upstream_declares_them_and_their_models_agree() -> None:
    spec = load_spec()
    schemas = spec["components"]["schemas"]
    for path, name, names in [
        (
            "/threads/{thread_id}/runs/{run_id}/steps",
            "ListRunStepsQuery",
            ["limit", "order", "after", "before", "include[]"],
        ),
        ("/threads/{thread_id}/runs", "ListRunsQuery", ["limit", "order", "after", "before"]),
        ("/threads/{thread_id}/runs/{run_id}/steps/{step_id}", "GetRunStepQuery", ["include[]"]),
        ("/threads/{thread_id}/messages", "ListMessagesQuery", ["limit", "order", "after", "before", "run_id"]),
        ("/threads", "ListThreadsQuery", ["limit", "order", "after", "before"]),
    ]:
        params = resolved_query_parameters(spec, path)
        assert list(params) == names
        # The request model that checks a query before it is sent declares exactly the same values.
        model = schemas[name]["properties"]
        assert list(model) == names
        for param_name, param in params.items():
            assert {k: v for k, v in param["schema"].items() if k != "description"} == {
                k: v for k, v in model[param_name].items() if k != "description"
            }, param_name
            assert param.get("style", "form") == "form" and param.get("explode", True) is True
    for name in ("ListRunStepsQuery", "ListRunsQuery", "ListMessagesQuery", "ListThreadsQuery"):
        limit = schemas[name]["properties"]["limit"]
        assert (limit["minimum"], limit["maximum"]) == (1, 100)
        assert "default" not in limit  # not sent unless given: the server's default applies
        assert schemas[name]["properties"]["order"] == {"$ref": "#/components/schemas/ListOrder"}


def test_every_polymorphic_slot_dispatches_on_type_with_a_catch_all() -> None:
    spec = load_spec()
    schemas = spec["components"]["schemas"]
    slots = polymorphic_slots(spec)
    assert set(slots) == {
        "StepDetails", "StepDeltaDetails", "ToolCall", "CodeInterpreterOutput", "AssistantTool", "RequiredToolCall",
        "ComputerAction", "Activity", "MessageContent", "TextAnnotation",
    }  # fmt: skip
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


def test_run_declares_every_field_of_the_upstream_run_and_requires_only_its_id() -> None:
    run = load_spec()["components"]["schemas"]["Run"]
    upstream = {
        "id", "object", "created_at", "thread_id", "assistant_id", "status", "required_action", "last_error",
        "expires_at", "started_at", "cancelled_at", "failed_at", "completed_at", "model", "instructions", "tools",
        "metadata", "usage", "incomplete_details", "max_prompt_tokens", "max_completion_tokens",
        "truncation_strategy", "tool_choice", "parallel_tool_calls", "response_format", "temperature", "top_p",
    }  # fmt: skip
    assert set(run["properties"]) == upstream | {"tool_resources"}  # Azure AI Agents adds tool_resources
    assert run["required"] == ["id"]
    assert {"type": "null"} in run["properties"]["instructions"]["anyOf"]
    assert run.get("additionalProperties", True) is not False


# What we send: the server requires these fields.
REQUEST_BODY_PARTS = {"ToolOutput", "ToolApproval", "CreateRunRequest", "RunMessageParam"}


def test_only_ids_types_and_page_data_are_required() -> None:
    for name, schema in load_spec()["components"]["schemas"].items():
        if name in REQUEST_BODY_PARTS:
            continue
        required = set(schema.get("required", []))
        assert required <= {"id", "type", "data"}, name
        if "id" in required:
            assert name in {"RunStep", "Run", "RunStepDelta", "Message", "MessageDelta", "Thread"}, name


def test_list_cursors_are_nullable_and_step_describes_expires_at() -> None:
    schemas = load_spec()["components"]["schemas"]
    for cursor in ("first_id", "last_id"):
        assert {"type": "null"} in schemas["RunStepList"]["properties"][cursor]["anyOf"]
    step = schemas["RunStep"]["properties"]
    assert "expires_at" in step and "expired_at" in step
    assert schemas["RunStep"]["required"] == ["id"]
