"""`runsteps demo`: the SDK watching a scripted run on the embedded emulator, start to finish.

On a terminal: each step as it appears and changes, with a live tally, then a summary table.
Piped: the steps as JSON lines on stdout (exactly as the emulator sent them), the story on stderr.
Then a second run that waits at requires_action for two function calls is answered by
`client.runs.process` with local functions.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from runsteps._cli._commands import Rows
from runsteps._cli._describe import WATCH_COLUMNS, kind, tokens
from runsteps._cli._draw import headline, wrapped_headline
from runsteps._cli._terminal import Terminal, format_row, layout
from runsteps._generated.models.run_step import RunStep
from runsteps._seeing.timeline import Timeline, run_end
from runsteps._sync.client import Client
from runsteps.emulator._scenario import RealClock
from runsteps.emulator._server import Emulator
from runsteps.emulator.demo_script import DEMO_RUN, DEMO_THREAD, TOOLS_RUN, add_demo_runs


def demo() -> int:
    terminal = Terminal(json_lines=False, quiet=False)
    started = time.monotonic()
    with Emulator(clock=RealClock()) as emulator:
        add_demo_runs(emulator)
        terminal.say(f"emulator on {emulator.base_url}")
        terminal.say(f"watching {DEMO_RUN} of {DEMO_THREAD}")
        latest: dict[str, RunStep] = {}  # each step's last state, in the order they appeared
        rows = Rows(terminal, *WATCH_COLUMNS)
        with Client(api_key=emulator.api_key, base_url=emulator.base_url) as client:
            watcher = client.steps.watch(DEMO_RUN, thread_id=DEMO_THREAD, interval=0.25, timeout=60)
            for change in watcher._changes():
                step, now = change.step, time.monotonic() - started
                latest[step.id] = step
                if terminal.human:
                    rows.add([[f"{now:5.1f}s", step.id, kind(step), str(step.status)]])
                else:
                    terminal.record(change.raw)
                    terminal.say(f"{now:5.1f}s  {step.id:<16} {kind(step):<17} {step.status}")
                done = sum(1 for s in latest.values() if s.status != "in_progress")
                terminal.status(f"run {watcher.run.status if watcher.run else '?'} | {done}/{len(latest)} steps ended")
            run = watcher.run
            terminal.done()
            requests = emulator.request_count
            # The figures the timeline shows, from the server's own times: durations and tokens agree.
            drawn = Timeline.build(run, latest.values(), run_end(run) or time.time()) if run is not None else None
            bars = {b.id: b for b in drawn.bars} if drawn is not None else {}
            summary = [
                [
                    s.id,
                    kind(s),
                    str(s.status),
                    f"{bars[s.id].duration(drawn.now):.1f}s" if drawn is not None and s.id in bars else "-",
                    f"{tokens(s.usage):,}",
                ]
                for s in latest.values()
            ]
            headers = ["step", "kind", "status", "seconds", "tokens"]
            # At least as wide as the live table's columns above it, so that step, kind and status line up.
            least = [WATCH_COLUMNS[2][1], WATCH_COLUMNS[2][2], WATCH_COLUMNS[2][3], 0, 0]
            columns, sizes = layout(summary, headers, terminal.width, [0, 2], least)
            show = terminal.row if terminal.human else terminal.say
            show("")
            for row in [headers, *summary]:
                show(format_row(row, columns, sizes))
            status = run.status if run is not None else "unknown"
            elapsed = time.monotonic() - started
            if drawn is None:
                show(f"run {DEMO_RUN}: {status}")
            for line in wrapped_headline(drawn, terminal.width) if drawn is not None and terminal.human else []:
                show(line)
            if drawn is not None and not terminal.human:
                show(headline(drawn))
            show(f"{requests} requests in {elapsed:.1f}s")
            show("")
            answered = _answer_tools_run(client, show)
    return 0 if status == "completed" and answered == "completed" else 1


def _answer_tools_run(client: Client, show: Callable[[str], None]) -> str:
    """Answer the demo's run that waits for tool outputs with two local functions (runs.process); its status."""

    def get_weather(city: str) -> dict[str, object]:
        show(f"  get_weather({city!r}) -> 4 C")
        return {"city": city, "temp_c": 4}

    def convert_currency(amount: float, **pair: str) -> dict[str, object]:
        show(f"  convert_currency({amount} {pair['from']}->{pair['to']}) -> 8.6")
        return {"amount": round(amount * 0.086, 2), "currency": pair["to"]}

    show(f"{TOOLS_RUN} asks for tool outputs:")
    functions: dict[str, Callable[..., object]] = {"get_weather": get_weather, "convert_currency": convert_currency}
    run = client.runs.process(TOOLS_RUN, thread_id=DEMO_THREAD, functions=functions, interval=0.25, timeout=30)
    show(f"run {TOOLS_RUN}: {run.status}")
    return str(run.status)
