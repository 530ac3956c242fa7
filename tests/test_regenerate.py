"""Adding a variant to the spec and regenerating is all it takes for the SDK to parse it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .spec import ROOT, load_spec

sys.path.insert(0, str(ROOT / "scripts"))
import generate

PARSE = """
import json, sys, runsteps
from runsteps.models import WebSearchToolCall
step = runsteps.RunStep.from_dict(json.loads(sys.argv[1]))
call = step.step_details.tool_calls[0]
other = step.step_details.tool_calls[1]
print(json.dumps({
    "class": type(call).__name__,
    "is_new_class": isinstance(call, WebSearchToolCall),
    "query": call.web_search.query,
    "other": type(other).__name__,
    "round_trip": step.to_dict() == json.loads(sys.argv[1]),
}))
"""


def add_web_search_variant(spec: dict) -> None:
    schemas = spec["components"]["schemas"]
    schemas["WebSearchToolCall"] = {
        "type": "object",
        "required": ["id", "type", "web_search"],
        "properties": {
            "id": {"type": "string"},
            "type": {"type": "string", "const": "web_search"},
            "web_search": {"$ref": "#/components/schemas/WebSearchCall"},
        },
    }
    schemas["WebSearchCall"] = {"type": "object", "properties": {"query": {"type": "string"}}}
    tool_call = schemas["ToolCall"]
    tool_call["oneOf"].insert(-1, {"$ref": "#/components/schemas/WebSearchToolCall"})
    tool_call["discriminator"]["mapping"]["web_search"] = "#/components/schemas/WebSearchToolCall"
    schemas["UnknownToolCall"]["properties"]["type"]["not"]["enum"].append("web_search")


def test_new_variant_parses_into_its_new_class_after_regeneration(tmp_path: Path) -> None:
    spec = load_spec()
    add_web_search_variant(spec)
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec))

    # The hand-written package, unchanged, over the regenerated code.
    package = tmp_path / "runsteps"
    shutil.copytree(ROOT / "client" / "runsteps", package, ignore=shutil.ignore_patterns("__pycache__", "_generated"))
    generate.generate(package / "_generated", spec=spec_path)

    step = {
        "id": "step_1",
        "object": "thread.run.step",
        "created_at": 1,
        "thread_id": "t",
        "run_id": "r",
        "type": "tool_calls",
        "status": "completed",
        "step_details": {
            "type": "tool_calls",
            "tool_calls": [
                {"id": "call_1", "type": "web_search", "web_search": {"query": "weather", "engine": "x"}},
                {"id": "call_2", "type": "web_fetch", "web_fetch": {}},
            ],
        },
    }
    out = subprocess.run(
        [sys.executable, "-c", PARSE, json.dumps(step)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path)},
    )
    assert json.loads(out.stdout) == {
        "class": "WebSearchToolCall",
        "is_new_class": True,
        "query": "weather",
        "other": "UnknownToolCall",
        "round_trip": True,
    }
