"""Realistic payloads for every deviation from the upstream spec that REALITY.md records.

Each entry is (name, model name, payload, expected class of the interesting part). Tests parse
them and check that nothing is lost and that each lands in the right class.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parent / "fixtures" / "payloads"


def step(**overrides: Any) -> dict[str, Any]:
    """A completed message-creation step in the wire shape api.openai.com sent in 2025."""
    base: dict[str, Any] = {
        "id": "step_abc123",
        "object": "thread.run.step",
        "created_at": 1735689600,
        "run_id": "run_abc123",
        "assistant_id": "asst_abc123",
        "thread_id": "thread_abc123",
        "type": "message_creation",
        "status": "completed",
        "cancelled_at": None,
        "completed_at": 1735689605,
        "expires_at": None,
        "failed_at": None,
        "last_error": None,
        "step_details": {"type": "message_creation", "message_creation": {"message_id": "msg_abc123"}},
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }
    base.update(overrides)
    return base


def tool_step(*tool_calls: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    return step(type="tool_calls", step_details={"type": "tool_calls", "tool_calls": list(tool_calls)}, **overrides)


CODE_CALL = {
    "id": "call_code",
    "type": "code_interpreter",
    "code_interpreter": {
        "input": "print(2 + 2)",
        "outputs": [{"type": "logs", "logs": "4\n"}, {"type": "image", "image": {"file_id": "file_img"}}],
    },
}
FILE_SEARCH_CALL = {
    "id": "call_fs",
    "type": "file_search",
    "file_search": {
        "ranking_options": {"ranker": "default_2024_08_21", "score_threshold": 0.0},
        "results": [{"file_id": "file_1", "file_name": "a.txt", "score": 0.9}],
    },
}
FUNCTION_CALL = {
    "id": "call_fn",
    "type": "function",
    "function": {"name": "get_weather", "arguments": '{"city": "Oslo"}', "output": None},
}

# (name, payload, path to the part to check as a tuple of keys/indexes, expected class name)
STEPS: list[tuple[str, dict[str, Any], tuple[Any, ...], str]] = [
    ("expires_at instead of expired_at", step(), ("step_details",), "MessageCreationDetails"),
    (
        "expires_at while running",
        step(status="in_progress", completed_at=None, expires_at=1735690200, usage=None),
        (),
        "RunStep",
    ),
    ("both expires_at and expired_at", step(expired_at=None), (), "RunStep"),
    (
        "upstream expired_at only",
        {k: v for k, v in step(expired_at=None).items() if k != "expires_at"},
        (),
        "RunStep",
    ),
    ("metadata missing", step(), (), "RunStep"),
    ("metadata empty", step(metadata={}), ("metadata",), "Metadata"),
    ("metadata null", step(metadata=None), (), "RunStep"),
    ("metadata with pairs", step(metadata={"user": "42", "purpose": "demo"}), ("metadata",), "Metadata"),
    ("usage missing", {k: v for k, v in step().items() if k != "usage"}, (), "RunStep"),
    ("usage null while running", step(status="in_progress", usage=None), (), "RunStep"),
    ("usage empty object", step(usage={}), ("usage",), "Usage"),
    (
        "usage with detail objects",
        step(
            usage={
                "prompt_tokens": 100,
                "completion_tokens": 20,
                "total_tokens": 120,
                "prompt_tokens_details": {"cached_tokens": 64, "audio_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 12, "accepted_prediction_tokens": 0},
            }
        ),
        ("usage", "prompt_tokens_details"),
        "PromptTokensDetails",
    ),
    ("status incomplete", step(status="incomplete"), (), "RunStep"),
    ("unknown status", step(status="paused_for_review"), (), "RunStep"),
    ("older object name", step(object="assistant.run.step"), (), "RunStep"),
    (
        "unknown step type",
        step(type="agent_handoff", step_details={"type": "agent_handoff", "agent_handoff": {"to": "asst_2"}}),
        ("step_details",),
        "UnknownStepDetails",
    ),
    (
        "step details without type",
        step(step_details={"vendor": {"x": 1}}),
        ("step_details",),
        "UnknownStepDetails",
    ),
    (
        "code interpreter call",
        tool_step(CODE_CALL),
        ("step_details", "tool_calls", 0),
        "CodeInterpreterToolCall",
    ),
    (
        "code interpreter logs output",
        tool_step(CODE_CALL),
        ("step_details", "tool_calls", 0, "code_interpreter", "outputs", 0),
        "CodeInterpreterLogsOutput",
    ),
    (
        "code interpreter image output",
        tool_step(CODE_CALL),
        ("step_details", "tool_calls", 0, "code_interpreter", "outputs", 1),
        "CodeInterpreterImageOutput",
    ),
    (
        "unknown code interpreter output",
        tool_step(
            {
                "id": "call_c2",
                "type": "code_interpreter",
                "code_interpreter": {
                    "input": "",
                    "outputs": [{"type": "files", "files": [{"file_id": "f"}]}],
                },
            }
        ),
        ("step_details", "tool_calls", 0, "code_interpreter", "outputs", 0),
        "UnknownCodeInterpreterOutput",
    ),
    (
        "file search call",
        tool_step(FILE_SEARCH_CALL),
        ("step_details", "tool_calls", 0),
        "FileSearchToolCall",
    ),
    (
        "file search empty object",
        tool_step({"id": "call_fs0", "type": "file_search", "file_search": {}}),
        ("step_details", "tool_calls", 0, "file_search"),
        "FileSearchCall",
    ),
    (
        "file search empty results",
        tool_step({"id": "call_fs1", "type": "file_search", "file_search": {"results": []}}),
        ("step_details", "tool_calls", 0),
        "FileSearchToolCall",
    ),
    (
        "file search duplicate results with attributes and content",
        tool_step(
            {
                "id": "call_fs2",
                "type": "file_search",
                "file_search": {
                    "ranking_options": {"ranker": "default-2024-08-21", "score_threshold": 0.5},
                    "results": [
                        {
                            "file_id": "file_1",
                            "file_name": "a.txt",
                            "score": 0.8,
                            "attributes": {"lang": "en"},
                            "content": [{"type": "text", "text": "hello"}],
                        },
                        {
                            "file_id": "file_1",
                            "file_name": "a.txt",
                            "score": 0.8,
                            "attributes": {"lang": "en"},
                            "content": [{"type": "text", "text": "hello"}],
                        },
                    ],
                },
            }
        ),
        ("step_details", "tool_calls", 0, "file_search", "results", 1),
        "FileSearchResult",
    ),
    ("function call", tool_step(FUNCTION_CALL), ("step_details", "tool_calls", 0), "FunctionToolCall"),
    (
        "function call without output key",
        tool_step({"id": "call_f2", "type": "function", "function": {"name": "f", "arguments": "{}"}}),
        ("step_details", "tool_calls", 0),
        "FunctionToolCall",
    ),
    (
        "older retrieval tool call",
        tool_step({"id": "call_r", "type": "retrieval", "retrieval": {}}),
        ("step_details", "tool_calls", 0),
        "UnknownToolCall",
    ),
    (
        "azure grounding tool call",
        tool_step(
            {
                "id": "call_bing",
                "type": "bing_grounding",
                "bing_grounding": {"requesturl": "https://example.invalid/search?q=x"},
            }
        ),
        ("step_details", "tool_calls", 0),
        "BingGroundingToolCall",
    ),
    (
        "azure agent tool call",
        tool_step(
            {
                "id": "call_agent",
                "type": "connected_agent",
                "connected_agent": {"name": "helper", "output": "ok"},
            }
        ),
        ("step_details", "tool_calls", 0),
        "ConnectedAgentToolCall",
    ),
    (
        "vendor tool call without id",
        tool_step({"type": "x_vendor_lookup", "x_vendor_lookup": [1, 2, 3]}),
        ("step_details", "tool_calls", 0),
        "UnknownToolCall",
    ),
    (
        "extra keys at every depth",
        tool_step(
            {
                **FUNCTION_CALL,
                "vendor_trace": {"span": "abc"},
                "function": {**FUNCTION_CALL["function"], "v": 1},
            },
            file_ids=[],
            x_vendor={"region": "eu"},
            usage={"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2, "cost": 0.01},
        ),
        ("step_details", "tool_calls", 0),
        "FunctionToolCall",
    ),
    ("millisecond timestamps", step(created_at=1735689600123, completed_at=1735689605123), (), "RunStep"),
    ("minus one for no timestamp", step(cancelled_at=-1, failed_at=-1, expires_at=-1), (), "RunStep"),
    ("empty string ids", step(assistant_id="", thread_id="", run_id=""), (), "RunStep"),
    (
        "empty error fields",
        step(status="failed", last_error={"code": "", "message": ""}),
        ("last_error",),
        "LastError",
    ),
    (
        "unknown error code",
        step(status="failed", last_error={"code": "content_filter", "message": "blocked", "inner": {"a": 1}}),
        ("last_error",),
        "LastError",
    ),
]

LISTS: list[tuple[str, dict[str, Any]]] = [
    (
        "empty page with null cursors",
        {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False},
    ),
    (
        "empty page claiming more",
        {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": True},
    ),
    ("page without cursors", {"object": "list", "data": [step()], "has_more": False}),
    (
        "mixed page",
        {
            "object": "list",
            "data": [
                step(id="step_1"),
                tool_step(CODE_CALL, id="step_2"),
                tool_step(FILE_SEARCH_CALL, id="step_3"),
            ],
            "first_id": "step_1",
            "last_id": "step_3",
            "has_more": True,
        },
    ),
]


def run(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = json.loads((EXAMPLES / "run_completed.json").read_text())
    base.update(overrides)
    return base


RUNS: list[tuple[str, dict[str, Any]]] = [
    ("full run with fields beyond polling", run()),
    ("run requires action", json.loads((EXAMPLES / "run_requires_action.json").read_text())),
    ("run incomplete", run(status="incomplete", incomplete_details={"reason": "max_prompt_tokens"})),
    ("run unknown status and reason", run(status="paused", incomplete_details={"reason": "content_filter"})),
    ("run without metadata or usage", {k: v for k, v in run().items() if k not in ("metadata", "usage")}),
    ("run failed", run(status="failed", last_error={"code": "invalid_prompt", "message": "no"})),
    (
        "azure agent run",
        run(agent_id="asst_abc123", response_format={"type": "json_object"}, tool_resources={}),
    ),
]


def dig(value: Any, path: tuple[Any, ...]) -> Any:
    """Follow `path` (JSON names and list indexes) through a parsed model: attributes carry the JSON names."""
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


def examples() -> list[tuple[str, dict[str, Any]]]:
    return [(p.name, json.loads(p.read_text())) for p in sorted(EXAMPLES.glob("*.json"))]


def fresh(payload: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(payload)
