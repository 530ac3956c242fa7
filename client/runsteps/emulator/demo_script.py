"""The scripted runs the demo and `python -m runsteps.emulator` serve."""

from __future__ import annotations

from typing import Any

from runsteps.emulator._azure_run import azure_tools_run
from runsteps.emulator._scenario import (
    Continuation,
    Pause,
    RunScript,
    StepScript,
    code_interpreter_call,
    file_search_call,
    function_call,
    message_creation,
    required_function_call,
    required_mcp_call,
    tool_calls,
)
from runsteps.emulator._server import Emulator

DEMO_THREAD = "thread_demo"
DEMO_RUN = "run_demo"
TOOLS_RUN = "run_tools"
APPROVAL_RUN = "run_approval"
# Runs of their own for the README's acting examples, so that cancelling and answering leave the
# demo thread's runs as every other example reads them.
ACTING_THREAD = "thread_acting"
CANCEL_RUN = "run_to_cancel"
ANSWER_RUN = "run_to_answer"


def demo_run(thread_id: str = DEMO_THREAD, run_id: str = DEMO_RUN, *, speed: float = 1.0) -> RunScript:
    """About eight steps of every kind over about ten seconds (divided by `speed`)."""

    def step(
        step_id: str, details: dict[str, Any], start: float, end: float, tokens: tuple[int, int], **kw: Any
    ) -> StepScript:
        prompt, completion = tokens
        usage = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
        return StepScript(step_id, details, start / speed, end / speed, usage=usage, **kw)

    steps = [
        step("step_01_plan", message_creation("msg_plan"), 0.5, 1.5, (412, 58)),
        step(
            "step_02_code",
            tool_calls(
                code_interpreter_call(
                    "call_code",
                    "import pandas as pd\nprint(df.describe())",
                    logs="count 42\nmean 3.1\n",
                    image_file_id="file_chart",
                )
            ),
            1.5,
            3.5,
            (530, 120),
        ),
        step(
            "step_03_search",
            tool_calls(
                file_search_call(
                    "call_search",
                    [
                        ("file_report", "q3-report.pdf", 0.91, "Revenue grew 12%."),
                        ("file_notes", "notes.md", 0.74, "Churn fell."),
                    ],
                )
            ),
            3.5,
            5.0,
            (610, 40),
        ),
        step(
            "step_04_weather",
            tool_calls(function_call("call_weather", "get_weather", '{"city": "Oslo"}', '{"temp_c": 4}')),
            5.0,
            6.0,
            (300, 22),
        ),
        step(
            "step_05_fx",
            tool_calls(function_call("call_fx", "convert_currency", '{"from": "NOK", "to": "EUR"}', '{"rate": 0.086}')),
            6.0,
            7.0,
            (310, 25),
        ),
        step(
            "step_06_retry",
            tool_calls(code_interpreter_call("call_code2", "plot(missing)", logs="NameError: missing")),
            7.0,
            7.5,
            (200, 15),
            outcome="failed",
            last_error={"code": "server_error", "message": "The tool failed."},
        ),
        step(
            "step_07_code",
            tool_calls(code_interpreter_call("call_code3", "plot(df)", logs="ok", image_file_id="file_plot")),
            7.5,
            8.5,
            (350, 60),
        ),
        step("step_08_answer", message_creation("msg_answer"), 8.5, 9.5, (700, 210)),
    ]
    timeline = [(0.0, "queued"), (0.3 / speed, "in_progress"), (10.0 / speed, "completed")]
    texts = {
        "msg_plan": "I will look up the quarter's figures, search the report and plot the result.",
        "msg_answer": "Revenue grew 12% this quarter; the chart shows it month by month.",
    }
    prompt = "How did revenue develop this quarter? Please plot it."
    return RunScript(run_id, thread_id, timeline, steps, poll_after_ms=250, prompt=prompt, texts=texts)


def tools_run(thread_id: str = DEMO_THREAD, run_id: str = TOOLS_RUN, *, speed: float = 1.0) -> RunScript:
    """A run that stops at requires_action for two function calls (from 1 s, divided by `speed`) and
    waits there until their outputs are submitted; then it writes an answer and completes."""
    weather = ("call_tools_weather", "get_weather", '{"city": "Oslo"}')
    fx = ("call_tools_fx", "convert_currency", '{"amount": 100, "from": "NOK", "to": "EUR"}')
    calls = tool_calls(*(function_call(*call, None) for call in (weather, fx)))
    usage = {"prompt_tokens": 280, "completion_tokens": 24, "total_tokens": 304}
    asking = StepScript("step_tools_01_calls", calls, start=0.5 / speed, end=None, usage=usage)
    answer = StepScript("step_tools_02_answer", message_creation("msg_tools"), start=0.2, end=1.0, usage=usage)
    then = Continuation([(0.1, "in_progress"), (1.2, "completed")], [answer])
    pause = Pause(1.0 / speed, asking.id, [required_function_call(*weather), required_function_call(*fx)], then)
    tools = [
        {"type": "function", "function": {"name": name, "description": description, "parameters": parameters}}
        for name, description, parameters in (
            ("get_weather", "The weather in a city.", {"type": "object", "properties": {"city": {"type": "string"}}}),
            ("convert_currency", "An amount in another currency.", {"type": "object", "properties": {}}),
        )
    ]
    return RunScript(
        run_id,
        thread_id,
        [(0.0, "queued"), (0.2 / speed, "in_progress")],
        [asking],
        tools=tools,
        pause=pause,
        prompt="What is the weather in Oslo, and what are 100 NOK in euros?",
        texts={"msg_tools": "It is 4 °C and cloudy in Oslo; 100 NOK are about 8.60 EUR."},
    )


def approval_run(thread_id: str = DEMO_THREAD, run_id: str = APPROVAL_RUN) -> RunScript:
    """Azure AI Agents: a run waiting (from 1 s) for approval of an MCP tool call, then completing."""
    arguments = '{"query": "run steps"}'
    call = {"id": "call_mcp_search", "type": "mcp", "server_label": "docs", "name": "search", "arguments": arguments}
    asking = StepScript("step_mcp_01_call", tool_calls({**call, "output": None}), start=0.5, end=None)
    answer = StepScript("step_mcp_02_answer", message_creation("msg_mcp"), start=0.2, end=1.0)
    then = Continuation([(0.1, "in_progress"), (1.2, "completed")], [answer])
    pause = Pause(
        1.0, asking.id, [required_mcp_call(call["id"], "docs", "search", arguments)], then, "submit_tool_approval"
    )
    tools = [{"type": "mcp", "server_label": "docs", "server_url": "https://docs.example/mcp"}]
    return RunScript(run_id, thread_id, [(0.0, "queued"), (0.2, "in_progress")], [asking], tools=tools, pause=pause)


def long_run(thread_id: str = ACTING_THREAD, run_id: str = CANCEL_RUN) -> RunScript:
    """A run that works on one step for an hour: there to be cancelled."""
    working = StepScript(f"step_{run_id.removeprefix('run_')}_01", message_creation("msg_long"), start=0.5, end=None)
    return RunScript(run_id, thread_id, [(0.0, "queued"), (0.3, "in_progress"), (3600.0, "completed")], [working])


def add_demo_runs(emulator: Emulator, *, speed: float = 1.0) -> list[RunScript]:
    runs = [emulator.add_run(demo_run(speed=speed)), emulator.add_completed_run(DEMO_THREAD, "run_archive", 250)]
    runs.append(emulator.add_run(tools_run(speed=speed)))
    runs.append(emulator.add_run(long_run()))
    runs.append(emulator.add_run(tools_run(ACTING_THREAD, ANSWER_RUN, speed=speed)))
    if emulator.flavour.startswith("azure"):
        runs.append(emulator.add_run(azure_tools_run(DEMO_THREAD, agents=emulator.flavour == "azure-agents")))
    if emulator.flavour == "azure-agents":
        runs.append(emulator.add_run(approval_run()))
    return runs
