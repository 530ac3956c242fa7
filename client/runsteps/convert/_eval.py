"""A thread as evaluation rows: the rows azure-ai-evaluation's `AIAgentConverter.prepare_evaluation_data`
makes, from any server family or archive, without an Azure project client. Plain code, no I/O.

One row a run, oldest run first: `query` (a system message, then the thread up to the run: the
user's turns, earlier runs' answers, their tool calls and results), `response` (the run's own tool
calls, results and answers) and `tool_definitions`. Messages are `{createdAt, run_id, tool_call_id,
role, content}` with empty fields left out, ordered by time (at equal times an assistant's after
the others). The converter's own choices are kept, so that the rows are its rows:

- every row takes the instructions and tool definitions of the thread's newest run;
- a message keeps its text parts only; a tool call carries its arguments and result for functions,
  code interpreter, file search and Azure AI Search; Bing grounding its request URL and Fabric
  data agents their input, without a result; a function's `required` parameters are left out of its definition.

What the converter would skip without a word is a `Loss` here (a tool call or definition of another
type, image parts, annotations, a call without its result, a message from another role). Where
the converter raises instead (a function call without output, a file search without ranking options,
an assistant's message outside any run, an OpenAPI tool without its functions or with default
parameters), a row is still made and what it lacks is a `Loss`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from runsteps._seeing.timeline import seconds
from runsteps.convert._history import ThreadHistory
from runsteps.convert._items import Loss

# The converter's words for the built-in tools it describes (it publishes no more about them).
_BUILT_IN: dict[str, tuple[str, dict[str, Any]]] = {
    "code_interpreter": (
        "Use code interpreter to read and interpret information from datasets, generate code, and create graphs "
        "and charts using your data. Supports up to 20 files.",
        {
            "type": "object",
            "properties": {"input": {"type": "string", "description": "Generated code to be executed."}},
        },
    ),
    "bing_grounding": (
        "Enhance model output with web data.",
        {
            "type": "object",
            "properties": {"requesturl": {"type": "string", "description": "URL used in Bing Search API."}},
        },
    ),
    "bing_custom_search": (
        "Enables agents to retrieve content from a curated subset of websites, enhancing relevance and reducing "
        "noise from public web searches.",
        {
            "type": "object",
            "properties": {
                "requesturl": {
                    "type": "string",
                    "description": "Search queries, along with pre-configured site restrictions or domain filters.",
                }
            },
        },
    ),
    "file_search": (
        "Search for data across uploaded files. A single call can return multiple results/files in the 'results' "
        "field.",
        {
            "type": "object",
            "properties": {
                "ranking_options": {
                    "type": "object",
                    "properties": {
                        "ranker": {"type": "string", "description": "Ranking algorithm to use."},
                        "score_threshold": {"type": "number", "description": "Threshold for search results."},
                    },
                    "description": "Ranking options for search results.",
                }
            },
        },
    ),
    "azure_ai_search": (
        "Search an Azure AI Search index for relevant data.",
        {"type": "object", "properties": {"input": {"type": "string", "description": "Search terms to use."}}},
    ),
    "sharepoint_grounding": (
        "Allows agents to access and retrieve relevant content from Microsoft SharePoint document libraries, "
        "grounding responses in organizational knowledge.",
        {
            "type": "object",
            "properties": {
                "input": {"type": "string", "description": "A natural language query to search SharePoint content."}
            },
        },
    ),
    "fabric_dataagent": (
        "Connect to Microsoft Fabric data agents to retrieve data across different data sources.",
        {"type": "object", "properties": {"input": {"type": "string", "description": "Search terms to use."}}},
    ),
}
# Calls whose rows carry one argument and no result (the converter reads none for them).
_WITHOUT_RESULT = {"bing_grounding": "requesturl", "fabric_dataagent": "input"}

Row = dict[str, Any]
Timed = tuple[float | None, Row]  # a message and its time as a number (None: it has none), for ordering
T = TypeVar("T")
Lost = Callable[[str | None, str | None, str | None, str, str], None]


class EvalRows(list[dict[str, Any]]):
    """The rows, one a run (a list), and what they leave out (`losses`)."""

    def __init__(self, rows: list[dict[str, Any]], losses: list[Loss]) -> None:
        super().__init__(rows)
        self.losses = losses


def to_eval_rows(history: ThreadHistory) -> EvalRows:
    """`history` as evaluation rows, one a run, with what they leave out (`.losses`): see the module's
    description. A thread without runs or messages has no rows (a loss says so)."""
    losses: list[Loss] = []

    def lost(run_id: str | None, step_id: str | None, call_id: str | None, kind: str, why: str) -> None:
        losses.append(Loss(run_id, step_id, call_id, kind, why))

    if not history.runs or not history.messages:
        what = "runs" if not history.runs else "messages"
        lost(None, None, None, "thread", f"it has no {what}: no evaluation row is made")
        return EvalRows([], losses)
    messages = [(m.run_id, _message(m.to_dict(), lost)) for m in history.messages]
    calls: list[Timed] = []
    step_of: dict[int, str] = {}  # each call's and result's step, by the message's identity
    for run in history.runs:
        for step in history.steps.get(run.id, []):
            made = _step_messages(run.id, step.to_dict(), lost)
            step_of.update((id(message), step.id) for _, message in made)
            calls.extend(made)
    calls = _by_time(calls)
    newest = history.runs[-1].to_dict()
    definitions = _definitions(newest, lost)
    rows: list[Row] = []
    for run in history.runs:
        said = [m for _, m in _up_to(messages, run.id, lambda pair: pair[0]) if m is not None]
        done = _up_to(calls, run.id, lambda call: call[1].get("run_id"))
        ordered = [message for _, message in _by_time(said + done)]
        if newest.get("instructions"):
            ordered.insert(0, {"role": "system", "content": newest["instructions"]})
        rows.append({
            "query": [m for m in ordered if m.get("run_id") != run.id],
            "response": [m for m in ordered if m.get("run_id") == run.id],
            "tool_definitions": definitions,
        })  # fmt: skip
    answered = {id(message) for row in rows for message in row["response"]}
    for _, message in calls:
        if id(message) not in answered:
            content = message["content"][0]
            lost(message["run_id"], step_of[id(message)], message.get("tool_call_id", content.get("tool_call_id")),
                 content["type"], "not in its run's row, as the converter leaves it out: in time order another "
                 "run's call, or a result without a time (its step never completed), comes before it")  # fmt: skip
    return EvalRows(rows, losses)


def _up_to(entries: Sequence[T], run_id: str, run_of: Callable[[T], str | None]) -> list[T]:
    """The entries before the run and the run's own, up to the first one after it (another run's, or
    a user's turn)."""
    kept: list[T] = []
    inside = False
    for entry in entries:
        owner = run_of(entry)
        inside = inside or owner == run_id
        if inside and owner != run_id:
            break
        kept.append(entry)
    return kept


def _by_time(messages: list[Timed]) -> list[Timed]:
    """Timeless messages first, then by time; at equal times an assistant's after the others (stable)."""
    timeless = [m for m in messages if m[0] is None]
    timed = sorted((m for m in messages if m[0] is not None), key=lambda m: (m[0], m[1]["role"] == "assistant"))
    return timeless + timed


def _entry(at: Any, run_id: str | None, call_id: str | None, role: str, content: Any) -> Timed:
    """A message in the converter's key order, empty fields left out, with its time."""
    entry: Row = {}
    when = seconds(at)  # milliseconds read as seconds, and -1 or 0 as no time, as everywhere in runsteps
    if when is not None:
        entry["createdAt"] = _when(when)
    for key, value in (("run_id", run_id), ("tool_call_id", call_id)):
        if value is not None:
            entry[key] = value
    entry["role"] = role
    entry["content"] = content
    return when, entry


def _when(at: float) -> str:
    """A Unix time as the converter writes it (pydantic's ISO 8601 in UTC, `Z`, microseconds when any)."""
    moment = datetime.datetime.fromtimestamp(at, datetime.UTC)
    fraction = f".{moment.microsecond:06d}" if moment.microsecond else ""
    return f"{moment:%Y-%m-%dT%H:%M:%S}{fraction}Z"


def _message(raw: dict[str, Any], lost: Lost) -> Timed | None:
    run_id = raw.get("run_id") if isinstance(raw.get("run_id"), str) else None
    role, message_id = str(raw.get("role")), raw.get("id")
    content = raw.get("content") or []
    if not content:
        lost(run_id, None, None, role, f"message {message_id} has no content: it has no place in a row")
        return None
    parts: list[dict[str, Any]] = []
    for part in content:
        kind = str(part.get("type"))
        if kind != "text":
            lost(run_id, None, None, kind, f"message {message_id}: its {kind} part is not carried (text only)")
            continue
        text = part.get("text") or {}
        parts.append({"type": "text", "text": text.get("value")})
        if text.get("annotations"):
            count = len(text["annotations"])
            lost(
                run_id, None, None, "annotation", f"message {message_id}: {count} annotation(s) of its text not carried"
            )
    if role not in ("user", "assistant"):
        lost(run_id, None, None, role, f"message {message_id} from {role!r}: rows take user and assistant messages")
        return None
    if role == "assistant" and run_id is None:
        lost(None, None, None, role, f"message {message_id}: an assistant's message of no run goes with the query")
    return _entry(raw.get("created_at"), run_id if role == "assistant" else None, None, role, parts)


def _step_messages(run_id: str, step: dict[str, Any], lost: Lost) -> list[Timed]:
    details = step.get("step_details") or {}
    kind = str(details.get("type"))
    if step.get("type") != "tool_calls" or kind != "tool_calls":
        if kind != "message_creation":  # its message is in the thread's messages
            lost(run_id, step.get("id"), None, kind, f"a {kind} step is not carried")
        return []
    entries: list[Timed] = []
    for call in details.get("tool_calls") or []:
        entries.extend(_call_messages(run_id, step, call, lost))
    return entries


def _call_messages(run_id: str, step: dict[str, Any], call: dict[str, Any], lost: Lost) -> list[Timed]:
    """The call as an assistant's message, then its result as a tool's (at the step's end)."""
    kind, call_id = str(call.get("type")), call.get("id")

    def missing(why: str) -> None:
        lost(run_id, step.get("id"), call_id, kind, why)

    found = call.get(kind)
    body: dict[str, Any] = found if isinstance(found, dict) else {}
    result: Any = None
    has_result = False
    if kind == "function" or call.get("function"):
        function = call.get("function") or {}
        name, arguments, output = function.get("name"), _loads(function.get("arguments")), function.get("output")
        if not isinstance(function.get("arguments"), str):
            missing("a function call without its arguments")
        if isinstance(output, str):
            result, has_result = _loads(output), True
        else:
            missing("no output was submitted for it: the row has the call without a result")
    else:
        name = kind
        if kind == "code_interpreter":
            arguments = {"input": body.get("input")}
            outputs = body.get("outputs")
            result, has_result = outputs, isinstance(outputs, list)
        elif kind == "file_search":
            options = body.get("ranking_options") or {}
            arguments = {
                "ranking_options": {"ranker": options.get("ranker"), "score_threshold": options.get("score_threshold")}
            }
            results = body.get("results")
            result, has_result = results, isinstance(results, list)
        elif kind in _WITHOUT_RESULT:
            arguments = {_WITHOUT_RESULT[kind]: body.get(_WITHOUT_RESULT[kind])}
        elif kind == "azure_ai_search":
            arguments = {"input": body.get("input")}
            result, has_result = body.get("output"), "output" in body
        else:
            missing(f"a {kind} tool call is not carried (the evaluation rows take no {kind} calls)")
            return []
        if kind in _WITHOUT_RESULT:
            missing(f"its result is not carried: the rows give a {kind} call without one")
        elif not has_result:
            missing("the call has no result: the row has the call without one")
    call_content = {"type": "tool_call", "tool_call_id": call_id, "name": name, "arguments": arguments}
    entries = [_entry(step.get("created_at"), run_id, None, "assistant", [call_content])]
    if has_result:
        entries.append(
            _entry(step.get("completed_at"), run_id, call_id, "tool", [{"type": "tool_result", "tool_result": result}])
        )
    return entries


def _loads(value: Any) -> Any:
    """A JSON text as what it holds; any other text (or value) as it is."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


def _definitions(run: dict[str, Any], lost: Lost) -> list[Row]:
    """The run's tools as the converter describes them (functions, OpenAPI tools, the built-ins it knows)."""
    definitions: list[Row] = []
    for tool in run.get("tools") or []:
        kind = str(tool.get("type"))
        if kind == "function":
            definitions.append(_function(tool.get("function") or {}))
        elif kind == "openapi":
            api = tool.get("openapi") or {}
            definition: Row = {"name": api.get("name"), "type": "openapi"}
            if api.get("description") is not None:
                definition["description"] = api["description"]
            definition.update((key, api[key]) for key in ("spec", "auth") if api.get(key) is not None)
            if api.get("default_params"):
                definition["default_params"] = api["default_params"]
            if not isinstance(api.get("functions"), list):
                lost(run.get("id"), None, None, "openapi", f"the OpenAPI tool {api.get('name')!r} lists no functions")
            definition["functions"] = [_function(f) for f in api.get("functions") or []]
            definitions.append(definition)
        elif kind in _BUILT_IN:
            description, parameters = _BUILT_IN[kind]
            definitions.append({"name": kind, "type": kind, "description": description, "parameters": parameters})
        else:
            lost(run.get("id"), None, None, kind, f"the {kind} tool is not among the rows' tool definitions")
    return definitions


def _function(function: dict[str, Any]) -> Row:
    definition: Row = {"name": function.get("name"), "type": "function"}
    if function.get("description") is not None:
        definition["description"] = function["description"]
    # The evaluators' schema takes no `required`: the converter leaves it out.
    definition["parameters"] = {k: v for k, v in (function.get("parameters") or {}).items() if k != "required"}
    return definition
