"""Azure AI Agents' run-step shapes are typed: every tool call, activity, required call, tool and resource.

The payloads are written from azure-ai-agents 1.2.0b6's models (JSON names), and the emulator's are read
back with those models themselves.
"""

from __future__ import annotations

import copy
from typing import Any

import attrs
import pytest
from azure.ai.agents import models as azure

import runsteps
from runsteps import models
from runsteps.emulator import Emulator
from runsteps.emulator.demo_script import add_demo_runs

from .azure_reading import problems
from .families import raw_client

SEARCH = {"requesturl": "https://api.bing.microsoft.com/v7.0/search?q=oslo", "response_metadata": "{'market': 'en-US'}"}

# (type, class, the call as Azure sends it, a field read through the class, its value)
CALLS: list[tuple[str, type, dict[str, Any], str, Any]] = [
    (
        "bing_grounding",
        runsteps.BingGroundingToolCall,
        {"bing_grounding": SEARCH},
        "bing_grounding.requesturl",
        SEARCH["requesturl"],
    ),
    (
        "bing_custom_search",
        runsteps.BingCustomSearchToolCall,
        {"bing_custom_search": SEARCH},
        "bing_custom_search.response_metadata",
        "{'market': 'en-US'}",
    ),
    (
        "azure_ai_search",
        runsteps.AzureAISearchToolCall,
        {"azure_ai_search": {"input": "revenue", "output": "3 documents"}},
        "azure_ai_search.output",
        "3 documents",
    ),
    (
        "sharepoint_grounding",
        runsteps.SharepointGroundingToolCall,
        {"sharepoint_grounding": {"input": "policy", "output": "2 pages"}},
        "sharepoint_grounding.input",
        "policy",
    ),
    (
        "fabric_dataagent",
        runsteps.FabricDataAgentToolCall,
        {"fabric_dataagent": {"input": "sales", "output": "4 rows"}},
        "fabric_dataagent.output",
        "4 rows",
    ),
    (
        "openapi",
        runsteps.OpenAPIToolCall,
        {"openapi": {"name": "weather_Get", "arguments": "{}", "output": "4"}},
        "openapi.name",
        "weather_Get",
    ),
    (
        "azure_function",
        runsteps.AzureFunctionToolCall,
        {"azure_function": {"name": "lookup", "arguments": "{}", "output": None}},
        "azure_function.name",
        "lookup",
    ),
    (
        "connected_agent",
        runsteps.ConnectedAgentToolCall,
        {
            "connected_agent": {
                "name": "analyst",
                "arguments": "{}",
                "output": "12%",
                "run_id": "run_sub",
                "thread_id": "thread_sub",
                "assistant_id": "asst_sub",
            }
        },
        "connected_agent.output",
        "12%",
    ),
    (
        "deep_research",
        runsteps.DeepResearchToolCall,
        {"deep_research": {"input": "market size", "output": None}},
        "deep_research.input",
        "market size",
    ),
    (
        "mcp",
        runsteps.MCPToolCall,
        {"server_label": "docs", "name": "search", "arguments": "{}", "output": "3 pages"},
        "server_label",
        "docs",
    ),
    (
        "browser_automation",
        runsteps.BrowserAutomationToolCall,
        {
            "browser_automation": {
                "input": "hours",
                "output": "9-17",
                "steps": [{"last_step_result": "loaded", "current_state": "home", "next_step": "Contact"}],
            }
        },
        "browser_automation.steps.0.next_step",
        "Contact",
    ),
    (
        "computer_use_preview",
        runsteps.ComputerUseToolCall,
        {
            "computer_use_preview": {
                "action": {"type": "click", "x": 120, "y": 48, "button": "left"},
                "pending_safety_checks": [{"id": "sc_1", "code": "malicious_instructions", "message": "Look again."}],
                "output": {"type": "computer_screenshot", "file_id": "file_screen", "image_url": None},
                "acknowledged_safety_checks": None,
            }
        },
        "computer_use_preview.action.x",
        120,
    ),
]

ACTIONS: list[tuple[dict[str, Any], type, str, Any]] = [
    ({"type": "click", "x": 1, "y": 2, "button": "right"}, models.ClickAction, "button", "right"),
    ({"type": "double_click", "x": 3, "y": 4}, models.DoubleClickAction, "y", 4),
    ({"type": "drag", "path": [{"x": 1, "y": 1}, {"x": 9, "y": 9}]}, models.DragAction, "path.1.x", 9),
    ({"type": "keypress", "keys": ["CTRL", "L"]}, models.KeypressAction, "keys", ["CTRL", "L"]),
    ({"type": "move", "x": 5, "y": 6}, models.MoveAction, "x", 5),
    ({"type": "screenshot"}, models.ScreenshotAction, "type", "screenshot"),
    ({"type": "scroll", "x": 0, "y": 0, "scroll_x": 0, "scroll_y": 300}, models.ScrollAction, "scroll_y", 300),
    ({"type": "type", "text": "hello"}, models.TypeAction, "text", "hello"),
    ({"type": "wait"}, models.WaitAction, "type", "wait"),
    ({"type": "zoom", "factor": 2}, models.UnknownComputerAction, "type", "zoom"),
]

TOOLS: list[tuple[dict[str, Any], type, str, Any]] = [
    (
        {"type": "mcp", "server_label": "docs", "server_url": "https://docs.example/mcp", "allowed_tools": ["search"]},
        models.MCPTool,
        "server_url",
        "https://docs.example/mcp",
    ),
    (
        {"type": "bing_grounding", "bing_grounding": {"search_configurations": [{"connection_id": "c", "count": 5}]}},
        models.BingGroundingTool,
        "bing_grounding.search_configurations.0.count",
        5,
    ),
    (
        {
            "type": "bing_custom_search",
            "bing_custom_search": {"search_configurations": [{"connection_id": "c", "instance_name": "i"}]},
        },
        models.BingCustomSearchTool,
        "bing_custom_search.search_configurations.0.instance_name",
        "i",
    ),
    ({"type": "azure_ai_search"}, models.AzureAISearchTool, "type", "azure_ai_search"),
    (
        {"type": "sharepoint_grounding", "sharepoint_grounding": {"connections": [{"connection_id": "sp"}]}},
        models.SharepointGroundingTool,
        "sharepoint_grounding.connections.0.connection_id",
        "sp",
    ),
    (
        {"type": "fabric_dataagent", "fabric_dataagent": {"connections": [{"connection_id": "fb"}]}},
        models.FabricDataAgentTool,
        "fabric_dataagent.connections.0.connection_id",
        "fb",
    ),
    (
        {
            "type": "openapi",
            "openapi": {
                "name": "weather",
                "spec": {"openapi": "3.0.0"},
                "auth": {"type": "connection", "security_scheme": {"connection_id": "k"}},
            },
        },
        models.OpenAPITool,
        "openapi.auth.security_scheme.connection_id",
        "k",
    ),
    (
        {
            "type": "azure_function",
            "azure_function": {
                "function": {"name": "f"},
                "input_binding": {
                    "type": "storage_queue",
                    "storage_queue": {"queue_service_endpoint": "https://q", "queue_name": "in"},
                },
            },
        },
        models.AzureFunctionTool,
        "azure_function.input_binding.storage_queue.queue_name",
        "in",
    ),
    (
        {"type": "connected_agent", "connected_agent": {"id": "asst_a", "name": "analyst", "description": "d"}},
        models.ConnectedAgentTool,
        "connected_agent.name",
        "analyst",
    ),
    (
        {
            "type": "deep_research",
            "deep_research": {
                "deep_research_model": "o3-deep-research",
                "bing_grounding_connections": [{"connection_id": "b"}],
            },
        },
        models.DeepResearchTool,
        "deep_research.deep_research_model",
        "o3-deep-research",
    ),
    (
        {"type": "browser_automation", "browser_automation": {"connection": {"id": "pw"}}},
        models.BrowserAutomationTool,
        "browser_automation.connection.id",
        "pw",
    ),
    (
        {
            "type": "computer_use_preview",
            "computer_use_preview": {"display_width": 1024, "display_height": 768, "environment": "browser"},
        },
        models.ComputerUseTool,
        "computer_use_preview.environment",
        "browser",
    ),
    ({"type": "x_vendor_tool", "x": 1}, models.UnknownTool, "type", "x_vendor_tool"),
]


def read(obj: Any, path: str) -> Any:
    """`a.b.0.c`: attributes, and list items by position."""
    for part in path.split("."):
        obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
    return obj


def step_with(*calls: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "step_az",
        "object": "thread.run.step",
        "type": "tool_calls",
        "status": "completed",
        "step_details": {"type": "tool_calls", "tool_calls": list(calls)},
    }


@pytest.mark.parametrize(("kind", "cls", "body", "path", "value"), CALLS, ids=[c[0] for c in CALLS])
def test_each_azure_tool_call_is_its_own_class_with_its_fields(
    kind: str, cls: type, body: dict[str, Any], path: str, value: Any
) -> None:
    payload = step_with({"id": f"call_{kind}", "type": kind, **body, "x_new": {"kept": True}})
    step = runsteps.RunStep.from_dict(copy.deepcopy(payload))
    assert isinstance(step.step_details, runsteps.ToolCallsDetails)
    (call,) = step.step_details.tool_calls or []
    assert type(call) is cls and call.id == f"call_{kind}"
    assert read(call, path) == value
    assert call["x_new"] == {"kept": True}
    assert step.to_dict() == payload


@pytest.mark.parametrize(("kind", "cls", "body", "path", "value"), CALLS, ids=[c[0] for c in CALLS])
def test_each_azure_tool_call_is_typed_in_a_delta_too(
    kind: str, cls: type, body: dict[str, Any], path: str, value: Any
) -> None:
    delta = {
        "id": "step_az",
        "object": "thread.run.step.delta",
        "delta": {
            "step_details": {"type": "tool_calls", "tool_calls": [{"index": 0, "id": "c", "type": kind, **body}]}
        },
    }
    parsed = runsteps.RunStepDelta.from_dict(copy.deepcopy(delta))
    details = parsed.delta.step_details if parsed.delta else None
    assert isinstance(details, runsteps.ToolCallsDetails)
    (call,) = details.tool_calls or []
    assert type(call) is cls and read(call, "index") == 0 and read(call, path) == value
    assert parsed.to_dict() == delta


def test_keys_of_an_open_string_map_beyond_the_typed_ones_are_kept_and_readable() -> None:
    body = {**SEARCH, "market": "en-US"}
    call = runsteps.BingGroundingToolCall.from_dict({"id": "c", "type": "bing_grounding", "bing_grounding": body})
    assert call.bing_grounding is not None and call.bing_grounding["market"] == "en-US"
    assert call.bing_grounding.requesturl == SEARCH["requesturl"] and call.bing_grounding.additional_keys == ["market"]
    assert call.to_dict()["bing_grounding"] == body


def test_mcp_and_openapi_deltas_have_step_details_of_their_own() -> None:
    for kind, cls in (("mcp", models.MCPDeltaDetails), ("openapi", models.OpenAPIDeltaDetails)):
        calls = [{"index": 0, "id": "c", "type": kind, "arguments": '{"q": 1}'}]
        delta = {"id": "s", "delta": {"step_details": {"type": kind, "tool_calls": calls}}}
        parsed = runsteps.RunStepDelta.from_dict(copy.deepcopy(delta))
        details = parsed.delta.step_details if parsed.delta else None
        assert type(details) is cls and parsed.to_dict() == delta
    assert isinstance(details.tool_calls[0], runsteps.OpenAPIToolCall)  # type: ignore[union-attr]
    vendor = runsteps.RunStepDelta.from_dict({"id": "s", "delta": {"step_details": {"type": "x_vendor"}}})
    assert isinstance(vendor.delta.step_details, models.UnknownStepDeltaDetails)  # type: ignore[union-attr]


@pytest.mark.parametrize(("payload", "cls", "path", "value"), ACTIONS, ids=[a[0]["type"] for a in ACTIONS])
def test_each_computer_action_is_chosen_by_its_type(payload: dict[str, Any], cls: type, path: str, value: Any) -> None:
    call = {"id": "c", "type": "computer_use_preview", "computer_use_preview": {"action": payload}}
    parsed = runsteps.ComputerUseToolCall.from_dict(copy.deepcopy(call))
    assert parsed.computer_use_preview is not None
    action = parsed.computer_use_preview.action
    assert type(action) is cls and read(action, path) == value
    assert parsed.to_dict() == call


def test_an_activities_step_lists_each_mcp_tool_with_its_description_and_parameters() -> None:
    parameters = {
        "type": "object",
        "properties": {"q": {"type": "string"}},
        "required": ["q"],
        "additionalProperties": False,
    }
    tools = {"search": {"description": "Search the docs.", "parameters": parameters}, "fetch": {"description": None}}
    payload = {
        "id": "step_act",
        "type": "activities",
        "step_details": {
            "type": "activities",
            "activities": [
                {"type": "mcp_list_tools", "id": "act_1", "server_label": "docs", "tools": tools},
                {"type": "x_vendor_activity", "note": 1},
            ],
        },
    }
    step = runsteps.RunStep.from_dict(copy.deepcopy(payload))
    assert step.type == "activities" and isinstance(step.step_details, runsteps.ActivitiesDetails)
    listing, vendor = step.step_details.activities or []
    assert isinstance(listing, runsteps.MCPListToolsActivity) and isinstance(vendor, runsteps.UnknownActivity)
    assert listing.tools is not None and listing.tools.additional_keys == ["search", "fetch"]
    search = listing.tools["search"]
    assert isinstance(search, models.MCPToolDescription) and search.description == "Search the docs."
    assert search.parameters is not None and search.parameters["required"] == ["q"]
    assert step.to_dict() == payload


def test_a_tool_map_entry_that_is_not_an_object_is_an_error_naming_it() -> None:
    payload = {"type": "mcp_list_tools", "tools": {"search": "not an object"}}
    with pytest.raises(runsteps.PayloadError, match=r"^tools\.search: expected an object, got string$"):
        runsteps.MCPListToolsActivity.from_dict(payload)


@pytest.mark.parametrize(("payload", "cls", "path", "value"), TOOLS, ids=[t[0]["type"] for t in TOOLS])
def test_each_azure_tool_definition_in_a_run_is_typed(
    payload: dict[str, Any], cls: type, path: str, value: Any
) -> None:
    run = {"id": "run_1", "tools": [payload]}
    parsed = runsteps.Run.from_dict(copy.deepcopy(run))
    (tool,) = parsed.tools or []
    assert type(tool) is cls and read(tool, path) == value
    assert parsed.to_dict() == run


def test_a_run_carries_its_tool_resources_and_waits_for_approvals_and_screenshots() -> None:
    resources = {
        "code_interpreter": {"file_ids": ["file_1"], "data_sources": [{"uri": "azureml://x", "type": "uri_asset"}]},
        "file_search": {"vector_store_ids": ["vs_1"]},
        "azure_ai_search": {"indexes": [{"index_connection_id": "conn", "index_name": "reports", "top_k": 5}]},
        "mcp": [
            {"server_label": "docs", "headers": {"X-Key": "k"}, "require_approval": "always"},
            {"server_label": "crm", "headers": {}, "require_approval": {"never": {"tool_names": ["read"]}}},
        ],
    }
    approval = {"id": "call_m", "type": "mcp", "server_label": "docs", "name": "search", "arguments": "{}"}
    screen = {
        "id": "call_c",
        "type": "computer_use_preview",
        "computer_use_preview": {"action": {"type": "screenshot"}, "pending_safety_checks": []},
    }
    run = {
        "id": "run_1",
        "status": "requires_action",
        "required_action": {"type": "submit_tool_approval", "submit_tool_approval": {"tool_calls": [approval, screen]}},
        "tool_resources": resources,
    }
    parsed = runsteps.Run.from_dict(copy.deepcopy(run))
    assert parsed.tool_resources is not None and isinstance(parsed.tool_resources, runsteps.ToolResources)
    assert read(parsed, "tool_resources.azure_ai_search.indexes.0.index_name") == "reports"
    assert read(parsed, "tool_resources.code_interpreter.data_sources.0.uri") == "azureml://x"
    docs, crm = parsed.tool_resources.mcp or []
    assert docs.require_approval == "always" and docs.headers is not None and docs.headers["X-Key"] == "k"
    assert isinstance(crm.require_approval, models.MCPApprovalPerTool)
    assert read(crm, "require_approval.never.tool_names") == ["read"]
    assert parsed.required_action is not None and parsed.required_action.submit_tool_approval is not None
    mcp, computer = parsed.required_action.submit_tool_approval.tool_calls or []
    assert isinstance(mcp, runsteps.RequiredMCPToolCall) and mcp.server_label == "docs"
    assert isinstance(computer, runsteps.RequiredComputerUseToolCall)
    assert isinstance(read(computer, "computer_use_preview.action"), models.ScreenshotAction)
    assert parsed.to_dict() == run


# ---- the emulator's Azure AI Agents flavour, read by azure-ai-agents' models and by ours ----


def served(at: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every run of the azure-agents demo and every step of each, as served at script time `at`."""
    with Emulator(flavour="azure-agents") as emu, raw_client(emu) as client:
        runs = add_demo_runs(emu)
        emu.clock.set(at)  # type: ignore[attr-defined]
        run_payloads = [client.get(f"/threads/{r.thread_id}/runs/{r.id}").json() for r in runs]
        steps = [
            step
            for r in runs
            for step in client.get(f"/threads/{r.thread_id}/runs/{r.id}/steps", params={"limit": 100}).json()["data"]
        ]
    return run_payloads, steps


def test_the_reading_check_finds_a_missing_required_field_and_an_unreadable_key() -> None:
    call = {"id": "c", "type": "mcp", "name": "n", "arguments": "{}", "x_unread": 1}  # `output` is required
    assert problems(azure.RunStepToolCall, call) == [
        "$.x_unread: RunStepMcpToolCall cannot read it",
        "$.output: required by RunStepMcpToolCall, missing",
    ]
    assert problems(azure.RunStepToolCall, {"id": "c", "type": "x_vendor"}) == [
        "$: RunStepToolCall has no class for 'x_vendor'"
    ]


@pytest.mark.parametrize("at", [0.6, 1.2, 12.0])
def test_azure_ai_agents_models_read_every_emulator_payload_whole(at: float) -> None:
    runs, steps = served(at)
    assert {r["id"] for r in runs} >= {"run_demo", "run_tools", "run_azure_tools", "run_approval"}
    found = [f"{r['id']} {p}" for r in runs for p in problems(azure.ThreadRun, r)]
    found += [f"{s['id']} {p}" for s in steps for p in problems(azure.RunStep, s)]
    # A function call's `output` is sent though the models do not declare it: azure-ai-evaluation's
    # converter reads it from Azure AI Agents' steps (and fails without it).
    assert [p for p in found if not p.endswith(".function.output: RunStepFunctionToolCallDetails cannot read it")] == []


def unknown_models(obj: Any) -> list[str]:
    """The names of `Unknown*` models anywhere in a parsed model."""
    found: list[str] = []
    if attrs.has(type(obj)):
        if type(obj).__name__.startswith("Unknown"):
            found.append(type(obj).__name__)
        for field in attrs.fields(type(obj)):
            found += unknown_models(getattr(obj, field.name))
        extra = getattr(obj, "_extra", None)
        found += unknown_models(list(extra.values()) if isinstance(extra, dict) else None)
    elif isinstance(obj, list):
        for item in obj:
            found += unknown_models(item)
    return found


def test_the_emulators_azure_run_is_typed_throughout_by_runsteps() -> None:
    runs, steps = served(12.0)
    (run,) = [runsteps.Run.from_dict(r) for r in runs if r["id"] == "run_azure_tools"]
    ours = [runsteps.RunStep.from_dict(s) for s in steps if s["run_id"] == "run_azure_tools"]
    kinds = sorted(
        type(call).__name__
        for step in ours
        if isinstance(step.step_details, runsteps.ToolCallsDetails)
        for call in step.step_details.tool_calls or []
    )
    assert kinds == sorted(c[1].__name__ for c in CALLS)
    assert sorted(type(t).__name__ for t in run.tools or []) == sorted(t[1].__name__ for t in TOOLS[:-1])
    assert unknown_models(run) == [] and [unknown_models(s) for s in ours] == [[]] * len(ours)
    (listing,) = [s for s in ours if s.type == "activities"]
    assert isinstance(listing.step_details, runsteps.ActivitiesDetails)
    assert [r.to_dict() for r in [run]] == [r for r in runs if r["id"] == "run_azure_tools"]
