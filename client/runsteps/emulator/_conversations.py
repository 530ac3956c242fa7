"""The successor's Conversations, as the emulator keeps them: create, retrieve and add items (at most 20
a request), with the 400s real servers give. Plain data: the server routes to it, and pages a
conversation's items as it pages every list (by their positions)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Any

import attrs

MAX_ITEMS = 20  # a request adds at most this many
# What each item type must carry (besides `type`), as the successor's schema requires.
REQUIRED: dict[str, tuple[str, ...]] = {
    "message": ("role", "content"),
    "function_call": ("call_id", "name", "arguments"),
    "function_call_output": ("call_id", "output"),
    "file_search_call": ("id", "queries", "status"),
    "code_interpreter_call": ("id", "code", "container_id", "outputs", "status"),
    "mcp_call": ("id", "name", "arguments", "server_label"),
    "mcp_list_tools": ("id", "server_label", "tools"),
    "reasoning": ("id", "summary"),
}
_PREFIX = {"message": "msg", "function_call": "fc", "function_call_output": "fco"}


class Refused(Exception):
    """A request the successor answers with a 400: its message and the parameter at fault."""

    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.param = param


@attrs.define
class Conversation:
    id: str
    created_at: int
    metadata: dict[str, Any]
    items: list[dict[str, Any]] = attrs.field(factory=list)
    positions: dict[str, int] = attrs.field(factory=dict)

    def render(self) -> dict[str, Any]:
        return {"id": self.id, "object": "conversation", "created_at": self.created_at, "metadata": self.metadata}


@attrs.define
class Conversations:
    """Every conversation made on this emulator, by id."""

    now: Callable[[], int]
    kept: dict[str, Conversation] = attrs.field(factory=dict)
    _ids: itertools.count[int] = attrs.field(factory=lambda: itertools.count(1))
    _lock: threading.Lock = attrs.field(factory=threading.Lock)

    def create(self, document: Any) -> dict[str, Any]:
        if not isinstance(document, dict):
            raise Refused("We could not parse the JSON body of your request.")
        metadata = document.get("metadata") or {}
        if (
            not isinstance(metadata, dict)
            or len(metadata) > 16
            or not all(isinstance(k, str) and isinstance(v, str) and len(v) <= 512 for k, v in metadata.items())
        ):
            raise Refused(
                "Invalid 'metadata': expected at most 16 string pairs, values of at most 512 characters.", "metadata"
            )
        items = self._checked(document.get("items") or [], "items")
        with self._lock:
            conversation = Conversation(f"conv_{next(self._ids):024x}", self.now(), dict(metadata))
            self.kept[conversation.id] = conversation
            self._add(conversation, items)
        return conversation.render()

    def get(self, conversation_id: str) -> Conversation:
        found = self.kept.get(conversation_id)
        if found is None:
            raise KeyError(conversation_id)
        return found

    def add(self, conversation_id: str, document: Any) -> dict[str, Any]:
        conversation = self.get(conversation_id)
        if not isinstance(document, dict) or "items" not in document:
            raise Refused("Missing required parameter: 'items'.", "items")
        items = self._checked(document["items"], "items")
        with self._lock:
            added = self._add(conversation, items)
        return page(added, has_more=False)

    def _checked(self, items: Any, param: str) -> list[dict[str, Any]]:
        if not isinstance(items, list):
            raise Refused(f"Invalid '{param}': expected an array.", param)
        if len(items) > MAX_ITEMS:
            raise Refused(
                f"Invalid '{param}': array too long. Expected an array with maximum length {MAX_ITEMS}, but got an "
                f"array with length {len(items)} instead.",
                param,
            )
        for i, item in enumerate(items):
            where = f"{param}[{i}]"
            if not isinstance(item, dict) or item.get("type", "message") not in REQUIRED:
                kind = item.get("type") if isinstance(item, dict) else type(item).__name__
                raise Refused(f"Invalid value for '{where}.type': {str(kind)[:60]!r} is not an item type.", where)
            missing = [key for key in REQUIRED[item.get("type", "message")] if key not in item]
            if missing:
                raise Refused(f"Missing required parameter: '{where}.{missing[0]}'.", f"{where}.{missing[0]}")
        return [dict(item) for item in items]

    def _add(self, conversation: Conversation, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Adds every item or none: ids given are kept, and may not repeat one the conversation has."""
        added = []
        for item in items:
            kind = item.get("type", "message")
            stored = {"id": item.get("id") or f"{_PREFIX.get(kind, 'item')}_{next(self._ids):024x}", **item}
            stored["type"] = kind
            if kind == "message":
                stored.setdefault("status", "completed")
            added.append(stored)
        ids = [item["id"] for item in added]
        repeated = next((i for n, i in enumerate(ids) if i in conversation.positions or i in ids[:n]), None)
        if repeated is not None:
            raise Refused(f"Duplicate item id '{str(repeated)[:60]}' in this conversation.", "items")
        for stored in added:
            conversation.positions[stored["id"]] = len(conversation.items)
            conversation.items.append(stored)
        return added


def page(items: list[dict[str, Any]], *, has_more: bool) -> dict[str, Any]:
    return {
        "object": "list",
        "data": items,
        "first_id": items[0]["id"] if items else None,
        "last_id": items[-1]["id"] if items else None,
        "has_more": has_more,
    }
