# pyright: strict
"""A user's script: every public call and model field, as a strict type-checker sees them.

Type-checked with `mypy --strict` and pyright in strict mode by tests/test_typing.py, and run against
the emulator there too.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable

import runsteps
from runsteps import models

INCLUDE: list[runsteps.models.IncludeFieldLiteral] = ["step_details.tool_calls[*].file_search.results[*].content"]


def describe_call(call: models.ToolCallsDetails) -> list[str]:
    return [describe_one(c) for c in call.tool_calls or []]


def describe_one(call: object) -> str:
    """What one call did, read through the types a checker narrows to."""
    if isinstance(call, runsteps.CodeInterpreterToolCall):
        code = call.code_interpreter
        logs = (
            [o.logs for o in (code.outputs or []) if isinstance(o, runsteps.CodeInterpreterLogsOutput)] if code else []
        )
        images = (
            [
                o.image.file_id
                for o in (code.outputs or [])
                if isinstance(o, runsteps.CodeInterpreterImageOutput) and o.image
            ]
            if code
            else []
        )
        other = (
            [o.type for o in (code.outputs or []) if isinstance(o, runsteps.UnknownCodeInterpreterOutput)]
            if code
            else []
        )
        return f"code {code.input if code else ''!r} -> {logs} {images} {other} at {call.index}"
    if isinstance(call, runsteps.FileSearchToolCall):
        results = call.file_search.results if call.file_search else None
        texts = [c.text for r in results or [] for c in r.content or []]
        ranker = (
            call.file_search.ranking_options.ranker if call.file_search and call.file_search.ranking_options else None
        )
        return f"search {[(r.file_id, r.file_name, r.score) for r in results or []]} {texts} {ranker}"
    if isinstance(call, runsteps.FunctionToolCall):
        function = call.function
        return f"function {function.name}({function.arguments}) = {function.output}" if function else "function"
    if isinstance(call, runsteps.MCPToolCall):
        return f"mcp {call.server_label}/{call.name}({call.arguments}) = {call.output}"
    if isinstance(call, runsteps.ConnectedAgentToolCall) and call.connected_agent:
        agent = call.connected_agent
        return f"agent {agent.name} -> {agent.output} in {agent.thread_id}/{agent.run_id}"
    if isinstance(call, runsteps.BingGroundingToolCall) and call.bing_grounding:
        return f"bing {call.bing_grounding.requesturl} {call.bing_grounding.additional_properties}"
    if isinstance(call, runsteps.ComputerUseToolCall) and call.computer_use_preview:
        action = call.computer_use_preview.action
        where = (action.x, action.y) if isinstance(action, models.ClickAction) else None
        shot = call.computer_use_preview.output.file_id if call.computer_use_preview.output else None
        return f"computer {action.type if action else None} at {where} -> {shot}"
    if isinstance(call, runsteps.UnknownToolCall):
        return f"{call.type} {call.id} {call.additional_properties}"
    return type(call).__name__


def describe_step(step: runsteps.RunStep) -> str:
    tokens: int = step.usage.total_tokens if step.usage and step.usage.total_tokens is not None else 0
    cached: int | None = (
        step.usage.prompt_tokens_details.cached_tokens if step.usage and step.usage.prompt_tokens_details else None
    )
    status: runsteps.RunStepStatus | str | None = step.status
    done: bool = status == runsteps.RunStepStatus.COMPLETED or status == "failed"
    details = step.step_details
    if isinstance(details, runsteps.MessageCreationDetails):
        what = details.message_creation.message_id if details.message_creation else None
    elif isinstance(details, runsteps.ToolCallsDetails):
        what = "; ".join(describe_call(details))
    elif isinstance(details, runsteps.UnknownStepDetails):
        what = f"{details.type} {details.additional_keys}"
    else:
        what = None
    error = f"{step.last_error.code}: {step.last_error.message}" if step.last_error else ""
    metadata = dict(step.metadata.additional_properties) if step.metadata else {}
    times = (step.created_at, step.completed_at, step.failed_at, step.cancelled_at, step.expires_at, step.expired_at)
    who = f"{step.id} {step.object} {step.type} {step.run_id} {step.thread_id} {step.assistant_id}"
    return f"{who} {tokens} {cached} {done} {what} {error} {metadata} {times} {step.to_json()}"


def describe_run(run: runsteps.Run) -> str:
    tools = [t.type for t in run.tools or []]
    functions = [t.function.name for t in run.tools or [] if isinstance(t, models.FunctionTool) and t.function]
    fmt = (
        run.response_format
        if isinstance(run.response_format, str)
        else (run.response_format.type if run.response_format else None)
    )
    choice = (
        run.tool_choice if isinstance(run.tool_choice, str) else (run.tool_choice.type if run.tool_choice else None)
    )
    action = (
        run.required_action.submit_tool_outputs.tool_calls
        if run.required_action and run.required_action.submit_tool_outputs
        else None
    )
    reason = run.incomplete_details.reason if run.incomplete_details else None
    truncation = run.truncation_strategy.last_messages if run.truncation_strategy else None
    settled: bool = run.status in (runsteps.RunStatus.COMPLETED, "requires_action")
    return (
        f"{run.id} {run.status} {settled} {run.model} {run.instructions} {tools} {functions} {fmt} {choice} {action} "
        f"{reason} {truncation} {run.temperature} {run.top_p} {run.parallel_tool_calls} {run.max_prompt_tokens} "
        f"{run.max_completion_tokens} {run.started_at} {run.usage.total_tokens if run.usage else 0}"
    )


def describe_error(error: runsteps.RunStepsError) -> str:
    if isinstance(error, runsteps.APIStatusError):
        body: runsteps.Error | None = error.error
        return f"{error.status_code} {error.request_id} {body.code if body else None} {error.retries}"
    if isinstance(error, runsteps.PollTimeoutError):
        return f"timed out, last {error.last}"
    if isinstance(error, runsteps.APITimeoutError):
        return f"slow {error.call_timeout}"
    return str(error)


def sync_calls(base_url: str, key: str, say: Callable[[str], None]) -> None:
    with runsteps.Client(
        api_key=key, base_url=base_url, timeout=30, max_retries=3, default_query={"trace": "1"}
    ) as client:
        pager: runsteps.Pager[runsteps.RunStep, runsteps.RunStepList] = client.steps.list(
            "run_demo", thread_id="thread_demo", order="asc", limit=3, include=INCLUDE, timeout=30
        )
        for step in pager:
            say(describe_step(step))
        say(f"resume after {pager.cursor}")
        for page in pager.pages():
            say(f"{page.object} {page.first_id} {page.last_id} {page.has_more} {len(page.data)}")
        step = client.steps.retrieve("step_03_search", thread_id="thread_demo", run_id="run_demo", include=INCLUDE,
                                     extra_headers={"X-Trace": "1"}, extra_query={"probe": "1"})  # fmt: skip
        say(describe_step(step))
        say(
            describe_step(
                client.steps.wait("step_02_code", thread_id="thread_demo", run_id="run_demo", timeout=60, interval=0.5)
            )
        )
        watcher: runsteps.Watcher = client.steps.watch("run_demo", thread_id="thread_demo", timeout=60, interval=0.5)
        for step in watcher:
            say(step.id)
        say(describe_run(watcher.run) if watcher.run else "no run")
        say(describe_run(client.runs.retrieve("run_demo", thread_id="thread_demo")))
        say(describe_run(client.runs.wait("run_demo", thread_id="thread_demo", timeout=60)))
        for run in client.runs.list("thread_demo", order="desc", limit=1):
            say(run.id)
        raw: runsteps.RawResponse[runsteps.RunStep] = client.steps.with_raw_response.retrieve(
            "step_01_plan", thread_id="thread_demo", run_id="run_demo"
        )
        say(f"{raw.status_code} {raw.request_id} {raw.headers.get('content-type')} {raw.parse().id} {raw.json()}")
        first_page: runsteps.RawResponse[runsteps.RunStepList] = client.steps.with_raw_response.list(
            "run_demo", thread_id="thread_demo"
        )
        say(str(len(first_page.parse().data)))
        say(str(client.runs.with_raw_response.retrieve("run_demo", thread_id="thread_demo").parse().status))
        patient = client.with_options(timeout=90, max_retries=5)
        try:
            patient.steps.retrieve("step_nope", thread_id="thread_demo", run_id="run_demo")
        except runsteps.NotFoundError as error:
            say(describe_error(error))
        except runsteps.RunStepsError as error:
            say(describe_error(error))


async def async_calls(base_url: str, key: str, say: Callable[[str], None]) -> None:
    async with runsteps.AsyncClient(api_key=key, base_url=base_url) as client:
        pager: runsteps.AsyncPager[runsteps.RunStep, runsteps.RunStepList] = client.steps.list(
            "run_demo", thread_id="thread_demo"
        )
        async for step in pager:
            say(describe_step(step))
        async for page in pager.pages():
            say(str(page.has_more))
        say(describe_step(await client.steps.retrieve("step_01_plan", thread_id="thread_demo", run_id="run_demo")))
        say(describe_step(await client.steps.wait("step_01_plan", thread_id="thread_demo", run_id="run_demo")))
        watcher: runsteps.AsyncWatcher = client.steps.watch("run_demo", thread_id="thread_demo", interval=0.5)
        async for step in watcher:
            say(step.id)
        say(describe_run(await client.runs.retrieve("run_demo", thread_id="thread_demo")))
        say(describe_run(await client.runs.wait("run_demo", thread_id="thread_demo")))
        async for run in client.runs.list("thread_demo"):
            say(run.id)
        raw = await client.steps.with_raw_response.wait("step_01_plan", thread_id="thread_demo", run_id="run_demo")
        say(f"{raw.request_id} {raw.parse().status}")


def weather(city: str) -> dict[str, object]:
    return {"city": city, "temp_c": 4}


async def convert(amount: float, **pair: str) -> str:
    return f"{amount * 0.086} {pair.get('to')}"


def approve(call: runsteps.RequiredMCPToolCall) -> bool:
    return call.server_label == "docs" and bool(call.name)


def acting(base_url: str, key: str, say: Callable[[str], None]) -> None:
    outputs: list[runsteps.ToolOutputParam] = [
        {"tool_call_id": "call_tools_weather", "output": '{"temp_c": 4}'},
        {"tool_call_id": "call_tools_fx", "output": "8.6"},
    ]
    approvals: list[runsteps.ToolApprovalParam] = [{"tool_call_id": "call_mcp_search", "approve": True}]
    with runsteps.Client(api_key=key, base_url=base_url) as client:
        waiting = client.runs.retrieve("run_tools", thread_id="thread_demo")
        if waiting.required_action and waiting.required_action.submit_tool_outputs:
            for call in waiting.required_action.submit_tool_outputs.tool_calls or []:
                if isinstance(call, runsteps.RequiredFunctionToolCall) and call.function:
                    say(f"{call.id} {call.function.name} {call.function.arguments}")
        run: runsteps.Run = client.runs.submit_tool_outputs("run_tools", thread_id="thread_demo", tool_outputs=outputs)
        say(str(run.status))
        say(str(client.runs.cancel("run_tools", thread_id="thread_demo", timeout=30).status))
        try:
            client.runs.submit_tool_approvals("run_tools", thread_id="thread_demo", tool_approvals=approvals)
        except runsteps.BadRequestError as error:
            say(describe_error(error))
        done = client.runs.process(
            "run_archive", thread_id="thread_demo", functions={"get_weather": weather}, timeout=9
        )
        say(str(done.status))
        try:
            raw: runsteps.RawResponse[runsteps.Run] = client.runs.with_raw_response.cancel(
                "run_demo", thread_id="thread_demo"
            )
            say(str(raw.parse().status))
        except runsteps.BadRequestError as error:  # run_demo has completed: it cannot be cancelled
            say(describe_error(error))


async def async_acting(base_url: str, key: str, say: Callable[[str], None]) -> None:
    async with runsteps.AsyncClient(api_key=key, base_url=base_url) as client:
        run = await client.runs.process(
            "run_archive",
            thread_id="thread_demo",
            functions={"get_weather": weather, "convert_currency": convert},
            approve=approve,
            interval=0.5,
        )
        say(str(run.status))


def models_offline(say: Callable[[str], None]) -> None:
    delta = runsteps.RunStepDelta.from_dict(
        {
            "id": "step_1",
            "object": "thread.run.step.delta",
            "delta": {"step_details": {"type": "tool_calls", "tool_calls": []}},
        }
    )
    say(f"{delta.id} {delta.object} {delta.delta.step_details if delta.delta else None}")
    body = runsteps.ErrorResponse.from_dict({"error": {"code": "404", "message": "Resource not found"}})
    say(f"{body.error.code if body.error else None} {body.statusCode} {body.message}")
    usage = runsteps.Usage(prompt_tokens=1, completion_tokens=2, total_tokens=3)
    error = runsteps.LastError(code="server_error", message="x")
    say(f"{usage.to_dict()} {error.to_json()} {runsteps.RunStep(id='s', status='completed').to_dict()}")
    try:
        runsteps.RunStep.from_dict({"status": "completed"})
    except runsteps.PayloadError as exc:
        say(f"{exc.path} {exc.problem}")


def archive(path: str, say: Callable[[str], None]) -> None:
    for item in runsteps.read_archive(path):
        if isinstance(item, runsteps.RunStep):
            say(describe_step(item))
        elif isinstance(item, runsteps.Run):
            say(describe_run(item))
        elif isinstance(item, runsteps.Message):
            say(f"{item.role}: {[part.type for part in item.content or []]}")
        else:
            say(f"thread {item.id} {item.created_at}")


def azure(endpoint: str, say: Callable[[str], None]) -> None:
    classic = runsteps.Client.for_azure(endpoint, api_key="k", api_version="2025-04-01-preview")
    agents = runsteps.Client.for_azure_agents(endpoint + "/api/projects/p", token_provider=lambda: "token")
    say(f"{classic!r} {agents!r}")
    classic.close()
    agents.close()


if __name__ == "__main__":
    out: list[str] = []
    sync_calls(sys.argv[1], sys.argv[2], out.append)
    asyncio.run(async_calls(sys.argv[1], sys.argv[2], out.append))
    acting(sys.argv[1], sys.argv[2], out.append)
    asyncio.run(async_acting(sys.argv[1], sys.argv[2], out.append))
    models_offline(out.append)
    azure("http://127.0.0.1:9", out.append)
    print(len(out))
