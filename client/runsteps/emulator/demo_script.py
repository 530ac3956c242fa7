"""The scripted runs the demo and `python -m runsteps.emulator` serve."""

from __future__ import annotations

from ._scenario import (
    RunScript,
    StepScript,
    code_interpreter_call,
    file_search_call,
    function_call,
    message_creation,
    tool_calls,
)
from ._server import Emulator

DEMO_THREAD = "thread_demo"
DEMO_RUN = "run_demo"


def demo_run(thread_id: str = DEMO_THREAD, run_id: str = DEMO_RUN, *, speed: float = 1.0) -> RunScript:
    """About eight steps of every kind over about ten seconds (divided by `speed`)."""

    def at(t: float) -> float:
        return t / speed

    def usage(prompt: int, completion: int) -> dict[str, int]:
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}

    steps = [
        StepScript("step_01_plan", message_creation("msg_plan"), at(0.5), at(1.5), usage=usage(412, 58)),
        StepScript(
            "step_02_code",
            tool_calls(
                code_interpreter_call(
                    "call_code",
                    "import pandas as pd\nprint(df.describe())",
                    logs="count 42\nmean 3.1\n",
                    image_file_id="file_chart",
                )
            ),
            at(1.5),
            at(3.5),
            usage=usage(530, 120),
        ),
        StepScript(
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
            at(3.5),
            at(5.0),
            usage=usage(610, 40),
        ),
        StepScript(
            "step_04_weather",
            tool_calls(function_call("call_weather", "get_weather", '{"city": "Oslo"}', '{"temp_c": 4}')),
            at(5.0),
            at(6.0),
            usage=usage(300, 22),
        ),
        StepScript(
            "step_05_fx",
            tool_calls(function_call("call_fx", "convert_currency", '{"from": "NOK", "to": "EUR"}', '{"rate": 0.086}')),
            at(6.0),
            at(7.0),
            usage=usage(310, 25),
        ),
        StepScript(
            "step_06_retry",
            tool_calls(code_interpreter_call("call_code2", "plot(missing)", logs="NameError: missing")),
            at(7.0),
            at(7.5),
            outcome="failed",
            usage=usage(200, 15),
            last_error={"code": "server_error", "message": "The tool failed."},
        ),
        StepScript(
            "step_07_code",
            tool_calls(code_interpreter_call("call_code3", "plot(df)", logs="ok", image_file_id="file_plot")),
            at(7.5),
            at(8.5),
            usage=usage(350, 60),
        ),
        StepScript("step_08_answer", message_creation("msg_answer"), at(8.5), at(9.5), usage=usage(700, 210)),
    ]
    timeline = [(0.0, "queued"), (at(0.3), "in_progress"), (at(10.0), "completed")]
    return RunScript(run_id, thread_id, timeline, steps, poll_after_ms=250)


def add_demo_runs(emulator: Emulator, *, speed: float = 1.0) -> list[RunScript]:
    return [emulator.add_run(demo_run(speed=speed)), emulator.add_completed_run(DEMO_THREAD, "run_archive", 250)]
