"""A thread as the successor API's input items (Responses / Conversations), in the order things happened.

Plain code, no I/O. Each item is a JSON object the successor's own schema accepts (openai's
`ResponseInputItemParam`). What has no successor item, or would be misrepresented by one, becomes a
`Loss` naming the run, step, call and type, and why: nothing is dropped without a word.

Order: each run's steps in order, a `message_creation` step bringing the message it names, a
`tool_calls` step its calls (a function call followed by its output); a user's turn (any message
outside a run) takes its place among them by its time, first at equal times; an assistant's message
that no step of its run names comes after the run's steps. Made as the thread is read (`iter_items`),
so that a migration holds a run at a time, not the thread.
"""

from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from runsteps._generated.models import Message, Run, RunStep
from runsteps._seeing.timeline import seconds
from runsteps.convert._history import ThreadHistory

# Tools of Assistants and Azure AI Agents that the successor has no item for.
WITHOUT_ITEM = {
    "bing_grounding": "Bing grounding",
    "bing_custom_search": "Bing custom search",
    "azure_ai_search": "Azure AI Search grounding",
    "sharepoint_grounding": "SharePoint grounding",
    "fabric_dataagent": "a Fabric data agent",
    "openapi": "an OpenAPI tool",
    "azure_function": "an Azure Function",
    "connected_agent": "a connected agent",
    "deep_research": "deep research",
    "browser_automation": "browser automation",
    "computer_use_preview": "computer use (the successor's computer_call needs the action taken and its screenshot)",
}
_STATUS = {"completed": "completed", "failed": "failed", "in_progress": "in_progress"}
_CITED_FILE = re.compile(r"†([^】]+)】")  # "【4:0†report.pdf】": the file name a citation marker shows


@attrs.frozen
class Loss:
    """Something of the thread that has no successor item: where it was and why it cannot go."""

    run_id: str | None
    step_id: str | None
    call_id: str | None
    type: str
    why: str

    def __str__(self) -> str:
        where = [f"{name} {value}" for name, value in (("run", self.run_id), ("step", self.step_id),
                                                        ("call", self.call_id)) if value]  # fmt: skip
        return f"{' '.join(where) or 'thread'} ({self.type}): {self.why}"


@attrs.frozen
class Conversion:
    """The items, in order, and what could not be carried."""

    items: list[dict[str, Any]]
    losses: list[Loss]


def to_items(history: ThreadHistory) -> Conversion:
    """`history` as successor input items and the losses: see the module's description."""
    losses: list[Loss] = []
    runs = ((run, history.steps.get(run.id, [])) for run in history.runs)
    items = list(iter_items(history.messages, runs, losses))
    return Conversion(items, losses)


def iter_items(
    messages: Iterable[Message], runs: Iterable[tuple[Run, Iterable[RunStep]]], losses: list[Loss]
) -> Iterator[dict[str, Any]]:
    """The items of a thread read as it goes: its messages oldest first, its runs oldest first each with
    its steps oldest first (lazy pagers will do); losses are appended to `losses` as they are found.
    What it holds at a time is bounded by a run, not by the thread: an assistant's message of a run
    waits for the step that names it, or for the end of its run's steps."""
    pending: deque[Message] = deque()  # read, not yet placed
    waiting: dict[str, Message] = {}  # a run's messages, until a step names them or the run ends
    source = iter(messages)
    read = 0

    def placed_until(at: float) -> Iterator[dict[str, Any]]:
        """The messages up to `at` (a user's turn at the same time as a step comes first)."""
        nonlocal read
        while True:
            if not pending:
                message = next(source, None)
                if message is None:
                    return
                read += 1
                pending.append(message)
            if (seconds(pending[0].created_at) or 0.0) > at:
                return
            message = pending.popleft()
            if message.run_id and message.role == "assistant":
                waiting[message.id] = message
            else:
                yield from _made(_message, message, None, losses)

    for run, steps in runs:
        unread: dict[str, RunStep] = {}  # steps naming a message not read yet, by its id
        for step in steps:
            yield from placed_until(seconds(step.created_at) or seconds(run.created_at) or 0.0)
            details = step.to_dict().get("step_details") or {}
            message_id = _named_message(details)
            if message_id is None:
                yield from _made(_step, run, step, details, losses)
            elif message_id in waiting:
                yield from _made(_message, waiting.pop(message_id), step, losses)
            else:
                unread[message_id] = step
        # Its messages that no step placed yet come after its steps, oldest first.
        for message in [m for m in waiting.values() if m.run_id == run.id]:
            del waiting[message.id]
            yield from _made(_message, message, unread.pop(message.id, None), losses)
        for message_id, step in unread.items():
            why = f"the message it names ({message_id}) is not in the thread"
            losses.append(Loss(run.id, step.id, None, "message_creation", why))
    yield from placed_until(math.inf)
    for message in waiting.values():  # messages of runs not listed
        yield from _made(_message, message, None, losses)
    if not read:
        why = "it holds no messages (an export written before messages were): the user's turns cannot be carried"
        losses.append(Loss(None, None, None, "thread", why))


def _made(make: Callable[..., None], *args: Any) -> list[dict[str, Any]]:
    """What one of the item makers below makes of one thing, as a list."""
    items: list[dict[str, Any]] = []
    make(*args[:-1], items, args[-1])
    return items


def _named_message(details: dict[str, Any]) -> str | None:
    if details.get("type") != "message_creation":
        return None
    message_id = (details.get("message_creation") or {}).get("message_id")
    return message_id if isinstance(message_id, str) else None


def _step(run: Run, step: RunStep, details: dict[str, Any], items: list[Any], losses: list[Loss]) -> None:
    kind = str(details.get("type"))
    if kind == "message_creation":  # naming no message
        losses.append(Loss(run.id, step.id, None, kind, "it names no message"))
    elif kind == "tool_calls":
        for call in details.get("tool_calls") or []:
            _call(run, step, call if isinstance(call, dict) else {}, items, losses)
    else:
        why = (
            "the successor lists an MCP server's tools itself when a response uses it"
            if kind == "activities"
            else ("a step of a type the successor has no item for")
        )
        losses.append(Loss(run.id, step.id, None, kind, why))


def _call(run: Run, step: RunStep, call: dict[str, Any], items: list[Any], losses: list[Loss]) -> None:
    kind, call_id = str(call.get("type")), call.get("id")
    status = _STATUS.get(str(step.status), "incomplete")

    def lost(why: str) -> None:
        losses.append(Loss(run.id, step.id, call_id if isinstance(call_id, str) else None, kind, why))

    if not isinstance(call_id, str):
        lost("a call without an id cannot be referred to")
        return
    found = call.get(kind)
    body: dict[str, Any] = found if isinstance(found, dict) else {}
    if kind == "function":
        name, arguments = body.get("name"), body.get("arguments")
        if not isinstance(name, str) or not isinstance(arguments, str):
            lost("a function call without its name or arguments")
            return
        output = body.get("output")
        if not isinstance(output, str):
            lost("no output was submitted for it: a call without its output would leave the conversation waiting")
            return
        items.append({"type": "function_call", "call_id": call_id, "name": name, "arguments": arguments})
        items.append({"type": "function_call_output", "call_id": call_id, "output": output})
    elif kind == "file_search":
        results = []
        for result in body.get("results") or []:
            carried: dict[str, Any] = {}
            for ours, theirs in (("file_id", "file_id"), ("file_name", "filename"), ("score", "score")):
                if result.get(ours) is not None:
                    carried[theirs] = result[ours]
            texts = [c.get("text") for c in result.get("content") or [] if isinstance(c.get("text"), str)]
            if texts:
                carried["text"] = "\n".join(texts)
            results.append(carried)
        # Assistants records no search queries: the successor's item takes an empty list.
        items.append({"type": "file_search_call", "id": call_id, "queries": [], "status": status, "results": results})
    elif kind == "code_interpreter":
        outputs = []
        for output in body.get("outputs") or []:
            if output.get("type") == "logs" and isinstance(output.get("logs"), str):
                outputs.append({"type": "logs", "logs": output["logs"]})
            else:
                file_id = (output.get("image") or {}).get("file_id") or "without a file id"
                lost(f"its {output.get('type')} output ({file_id}) is a file; the successor's outputs are image URLs")
        # Assistants runs code in no container: the successor's container id is left empty.
        items.append({
            "type": "code_interpreter_call", "id": call_id, "code": body.get("input"), "container_id": "",
            "outputs": outputs, "status": status,
        })  # fmt: skip
    elif kind == "mcp":
        name, arguments, label = call.get("name"), call.get("arguments"), call.get("server_label")
        if not all(isinstance(v, str) for v in (name, arguments, label)):
            lost("an MCP call without its server label, tool name or arguments")
            return
        item = {"type": "mcp_call", "id": call_id, "name": name, "arguments": arguments, "server_label": label}
        if isinstance(call.get("output"), str):
            item["output"] = call["output"]
        items.append(item)
    else:
        lost(f"the successor has no item for {WITHOUT_ITEM.get(kind, f'a {kind} tool call')}")


def _message(message: Message, step: RunStep | None, items: list[Any], losses: list[Loss]) -> None:
    raw = message.to_dict()
    role = str(raw.get("role"))
    run_id = raw.get("run_id") if isinstance(raw.get("run_id"), str) else None

    def lost(kind: str, why: str) -> None:
        losses.append(Loss(run_id, step.id if step is not None else None, None, kind, f"message {message.id}: {why}"))

    for attachment in raw.get("attachments") or []:
        tools = ", ".join(str(t.get("type")) for t in attachment.get("tools") or [])
        lost("attachment", f"file {attachment.get('file_id')} attached for {tools or 'no tool'}: the successor gives "
                           "files to tools through their own resources")  # fmt: skip
    parts: list[dict[str, Any]] = []
    assistant = role == "assistant"
    for part in raw.get("content") or []:
        kind = str(part.get("type"))
        if kind == "text":
            text = part.get("text") or {}
            value = text.get("value") if isinstance(text.get("value"), str) else ""
            if assistant:
                notes = [n for a in text.get("annotations") or [] if (n := _annotation(a, lost)) is not None]
                parts.append({"type": "output_text", "text": value, "annotations": notes})
            else:
                parts.append({"type": "input_text", "text": value})
        elif kind == "refusal" and assistant:
            parts.append({"type": "refusal", "refusal": str(part.get("refusal") or "")})
        elif kind in ("image_file", "image_url") and not assistant:
            image = part.get(kind) or {}
            detail = image.get("detail") if image.get("detail") in ("auto", "low", "high") else "auto"
            where = {"file_id": image.get("file_id")} if kind == "image_file" else {"image_url": image.get("url")}
            parts.append({"type": "input_image", "detail": detail, **where})
        else:
            lost(kind, f"its {kind} content has no place in a{'n assistant' if assistant else ' ' + role} message")
    if assistant:
        status = (
            str(raw.get("status")) if raw.get("status") in ("in_progress", "completed", "incomplete") else ("completed")
        )
        items.append({"type": "message", "role": "assistant", "id": message.id, "status": status, "content": parts})
    elif role in ("user", "system", "developer"):
        items.append({"type": "message", "role": role, "content": parts})
    else:
        lost(role, f"a message from {role!r}, a role the successor does not take")


def _annotation(note: dict[str, Any], lost: Any) -> dict[str, Any] | None:
    kind = note.get("type")
    start, end = note.get("start_index"), note.get("end_index")
    if kind == "file_path" and isinstance((note.get("file_path") or {}).get("file_id"), str) and isinstance(start, int):
        return {"type": "file_path", "file_id": note["file_path"]["file_id"], "index": start}
    if kind == "file_citation" and isinstance((note.get("file_citation") or {}).get("file_id"), str):
        named = _CITED_FILE.search(str(note.get("text") or ""))
        if named and isinstance(start, int):
            return {"type": "file_citation", "file_id": note["file_citation"]["file_id"], "filename": named.group(1),
                    "index": start}  # fmt: skip
    cited = note.get("url_citation") or {}
    url, title = cited.get("url"), cited.get("title")
    whole = isinstance(url, str) and isinstance(title, str) and isinstance(start, int) and isinstance(end, int)
    if kind == "url_citation" and whole:
        return {"type": "url_citation", "url": url, "title": title, "start_index": start, "end_index": end}
    shown = str(note.get("text") or "")[:40]
    lost(str(kind), f"a {kind} annotation ({shown!r}) without what the successor needs (a file name, URL, title "
                    "or place in the text)")  # fmt: skip
    return None
