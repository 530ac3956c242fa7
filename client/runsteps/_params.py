"""The shapes of the arguments that acting calls take, as typed dictionaries (what users pass)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NotRequired, TypedDict


class ToolOutputParam(TypedDict):
    """One pending call's output, for `runs.submit_tool_outputs`."""

    tool_call_id: str
    output: str


class ToolApprovalParam(TypedDict):
    """An answer to one of Azure AI Agents' MCP tool approvals, for `runs.submit_tool_approvals`."""

    tool_call_id: str
    approve: bool
    headers: NotRequired[Mapping[str, str]]
