"""A finished Azure AI Agents run with every tool type Azure sends, field for field as azure-ai-agents reads them."""

from __future__ import annotations

import json
from typing import Any

from runsteps.emulator._scenario import RunScript, StepScript, activities, azure_tool_call, message_creation, tool_calls

AZURE_TOOLS_RUN = "run_azure_tools"

_QUERY = json.dumps({"query": "oslo weather"})

# Each tool's definition, as `run.tools` lists it.
AZURE_TOOLS: list[dict[str, Any]] = [
    {
        "type": "bing_grounding",
        "bing_grounding": {
            "search_configurations": [
                {"connection_id": "conn_bing", "market": "en-US", "set_lang": "en", "count": 5, "freshness": "Week"}
            ]
        },
    },
    {
        "type": "bing_custom_search",
        "bing_custom_search": {
            "search_configurations": [{"connection_id": "conn_bing_custom", "instance_name": "docs-only"}]
        },
    },
    {"type": "azure_ai_search"},
    {"type": "sharepoint_grounding", "sharepoint_grounding": {"connections": [{"connection_id": "conn_sharepoint"}]}},
    {"type": "fabric_dataagent", "fabric_dataagent": {"connections": [{"connection_id": "conn_fabric"}]}},
    {
        "type": "openapi",
        "openapi": {
            "name": "weather",
            "description": "Forecasts by city.",
            "spec": {"openapi": "3.0.0", "info": {"title": "Weather", "version": "1"}, "paths": {}},
            "auth": {"type": "anonymous"},
            "default_params": [],
            # Filled in by the service (read-only): a function per operation of the spec.
            "functions": [
                {
                    "name": "weather_forecast",
                    "description": "The forecast of a city.",
                    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
                }
            ],
        },
    },
    {
        "type": "azure_function",
        "azure_function": {
            "function": {
                "name": "lookup_order",
                "description": "An order by its number.",
                "parameters": {"type": "object", "properties": {"order": {"type": "string"}}, "required": ["order"]},
            },
            "input_binding": {
                "type": "storage_queue",
                "storage_queue": {"queue_service_endpoint": "https://queues.example", "queue_name": "orders-in"},
            },
            "output_binding": {
                "type": "storage_queue",
                "storage_queue": {"queue_service_endpoint": "https://queues.example", "queue_name": "orders-out"},
            },
        },
    },
    {
        "type": "connected_agent",
        "connected_agent": {"id": "asst_analyst", "name": "analyst", "description": "Reads the numbers."},
    },
    {
        "type": "deep_research",
        "deep_research": {
            "deep_research_model": "o3-deep-research",
            "bing_grounding_connections": [{"connection_id": "conn_bing"}],
        },
    },
    {"type": "mcp", "server_label": "docs", "server_url": "https://docs.example/mcp", "allowed_tools": ["search"]},
    {"type": "browser_automation", "browser_automation": {"connection": {"id": "conn_playwright"}}},
    {
        "type": "computer_use_preview",
        "computer_use_preview": {"display_width": 1024, "display_height": 768, "environment": "browser"},
    },
]

TOOL_RESOURCES: dict[str, Any] = {
    "code_interpreter": {"file_ids": ["file_data"]},
    "file_search": {"vector_store_ids": ["vs_docs"]},
    "azure_ai_search": {
        "indexes": [
            {
                "index_connection_id": "conn_search",
                "index_name": "reports",
                "query_type": "simple",
                "top_k": 5,
                "filter": "",
                "index_asset_id": "",
            }
        ]
    },
    "mcp": [{"server_label": "docs", "headers": {}, "require_approval": "never"}],
}

_SEARCH_TOOL = {
    "description": "Search the docs.",
    "parameters": {
        "type": "object",
        "properties": {"query": {"type": "string", "description": "What to look for."}},
        "required": ["query"],
        "additionalProperties": False,
    },
}


def _steps() -> list[StepScript]:
    def step(step_id: str, details: dict[str, Any], start: float, end: float) -> StepScript:
        return StepScript(
            step_id, details, start, end, usage={"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}
        )

    bing = {
        "requesturl": "https://api.bing.microsoft.com/v7.0/search?q=oslo",
        "response_metadata": "{'market': 'en-US'}",
    }
    grounding = {"input": "quarterly revenue", "output": "3 documents"}
    return [
        step(
            "step_az_01_tools",
            activities(
                {"type": "mcp_list_tools", "id": "act_docs", "server_label": "docs", "tools": {"search": _SEARCH_TOOL}}
            ),
            -10.0,
            -9.6,
        ),
        step(
            "step_az_02_bing",
            tool_calls(
                azure_tool_call("call_bing", "bing_grounding", bing),
                azure_tool_call("call_bing_custom", "bing_custom_search", dict(bing)),
            ),
            -9.6,
            -9.0,
        ),
        step(
            "step_az_03_grounding",
            tool_calls(
                azure_tool_call("call_search", "azure_ai_search", grounding),
                azure_tool_call(
                    "call_sharepoint", "sharepoint_grounding", {"input": "travel policy", "output": "2 pages"}
                ),
                azure_tool_call("call_fabric", "fabric_dataagent", {"input": "sales by region", "output": "4 rows"}),
            ),
            -9.0,
            -8.0,
        ),
        step(
            "step_az_04_services",
            tool_calls(
                azure_tool_call(
                    "call_openapi",
                    "openapi",
                    {"name": "weather_GetForecast", "arguments": _QUERY, "output": '{"temp_c": 4}'},
                ),
                azure_tool_call(
                    "call_function",
                    "azure_function",
                    {"name": "lookup_order", "arguments": '{"order": "A-17"}', "output": '{"status": "shipped"}'},
                ),
            ),
            -8.0,
            -7.0,
        ),
        step(
            "step_az_05_agents",
            tool_calls(
                azure_tool_call(
                    "call_agent",
                    "connected_agent",
                    {
                        "name": "analyst",
                        "arguments": '{"question": "growth?"}',
                        "output": "Revenue grew 12%.",
                        "run_id": "run_sub",
                        "thread_id": "thread_sub",
                        "assistant_id": "asst_analyst",
                    },
                ),
                azure_tool_call(
                    "call_research", "deep_research", {"input": "market size", "output": "About 4 billion, 3 sources."}
                ),
            ),
            -7.0,
            -5.0,
        ),
        step(
            "step_az_06_mcp",
            tool_calls(
                {
                    "id": "call_mcp",
                    "type": "mcp",
                    "server_label": "docs",
                    "name": "search",
                    "arguments": '{"query": "run steps"}',
                    "output": "3 pages",
                }
            ),
            -5.0,
            -4.5,
        ),
        step(
            "step_az_07_screen",
            tool_calls(
                azure_tool_call(
                    "call_browser",
                    "browser_automation",
                    {
                        "input": "Find the opening hours",
                        "output": "Open 9-17.",
                        "steps": [
                            {
                                "last_step_result": "Page loaded",
                                "current_state": "On the home page",
                                "next_step": "Open Contact",
                            }
                        ],
                    },
                ),
                azure_tool_call(
                    "call_computer",
                    "computer_use_preview",
                    {
                        "action": {"type": "click", "x": 120, "y": 48, "button": "left"},
                        "pending_safety_checks": [],
                        "output": {"type": "computer_screenshot", "file_id": "file_screen"},
                        "acknowledged_safety_checks": [],
                    },
                ),
            ),
            -4.5,
            -3.0,
        ),
        step("step_az_08_answer", message_creation("msg_az"), -3.0, -2.0),
    ]


def azure_tools_run(thread_id: str, run_id: str = AZURE_TOOLS_RUN, *, agents: bool = True) -> RunScript:
    """A finished run through every Azure tool type and an `activities` step, as Azure servers send them;
    with `agents`, its `tool_resources` too (Azure AI Agents' runs carry them)."""
    return RunScript(
        run_id,
        thread_id,
        [(-10.5, "in_progress"), (-1.5, "completed")],
        _steps(),
        tools=[dict(tool) for tool in AZURE_TOOLS],
        tool_resources=TOOL_RESOURCES if agents else None,
    )
