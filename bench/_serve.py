"""An emulator in its own process, so that its work never counts as the client's.

`python -m bench._serve watch N INTERVAL T0` serves the concurrency scenario on a clock started at
the monotonic time T0 (shared by every process on the machine); `... pages N` serves one completed
run of N steps (`thread_big`/`run_big`); `... thread N` a thread of 10 runs of N/10 steps;
`... replay N FILE` serves an export file; `... fast-pages N` serves the same pages made in advance
(a server that costs next to nothing, so a client's cost shows); `... fast-pages-agents N` does so as
Azure AI Agents over HTTPS, and prints its CA file's path after the URL. It prints its base URL, then
answers each line on stdin with its request count and CPU seconds as JSON, and stops at end of input.
"""

from __future__ import annotations

import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import _watch_scenario as scenario
from bench._measure import peak_rss_kib
from runsteps.emulator import Emulator, ManualClock, RealClock, RunScript, StepScript, message_creation
from runsteps.emulator._flavours import PROJECT
from runsteps.emulator._names import Flavour
from runsteps.emulator._serving import StoppableServer
from runsteps.emulator._tls import ServerTLS

THREAD_RUNS = 10


class LoopbackServer(StoppableServer, ThreadingHTTPServer):
    """A loopback HTTP server whose stop is at once (`serve_forever` waits out half a second)."""


def watch_runs(emu: Emulator, n: int, interval: float) -> None:
    for i in range(n):
        at = scenario.changes(i, n, interval)
        steps = [
            StepScript(
                scenario.step_id(i, j),
                message_creation(f"msg_{i}_{j}"),
                at[(scenario.step_id(i, j), "in_progress")],
                at[(scenario.step_id(i, j), "completed")],
            )
            for j in range(scenario.STEPS)
        ]
        first, last = steps[0].start, steps[-1].end
        assert last is not None
        timeline = [(0.0, "queued"), (first, "in_progress"), (last, "completed")]
        emu.add_run(RunScript(scenario.run_id(i), scenario.THREAD, timeline, steps))


def fast_pages(n: int, flavour: Flavour = "openai") -> None:
    """The pages of an n-step run, asc, 100 a page, rendered by the emulator once and kept as bytes;
    Azure AI Agents' over HTTPS (a certificate from a CA made for this run)."""
    with Emulator(clock=ManualClock(), api_key="sk-bench", flavour=flavour) as emu:
        emu.add_completed_run("thread_big", "run_big", n)
        path = f"{emu.spec.prefix}/threads/thread_big/runs/run_big/steps"
        pages: dict[str | None, bytes] = {}
        after: str | None = None
        while True:
            query = {"limit": ["100"], "order": ["asc"], **({"after": [after]} if after else {})}
            if emu.spec.api_versions:
                query["api-version"] = [emu.spec.api_versions[0]]
            page, _ = emu.answer(path, query)
            pages[after] = json.dumps(page).encode()
            if not page["has_more"]:
                break
            after = page["last_id"]
        # Past the end: an empty page, which azure-ai-agents asks for (it pages while `last_id` is set).
        pages[page["last_id"]] = json.dumps(emu.answer(path, {**query, "after": [page["last_id"]]})[0]).encode()
    count = [0]

    class Pages(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            count[0] += 1
            body = pages[parse_qs(urlsplit(self.path).query).get("after", [None])[0]]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = LoopbackServer(("127.0.0.1", 0), Pages)
    tls = ServerTLS.make() if flavour == "azure-agents" else None
    if tls is not None:
        server.socket = tls.context.wrap_socket(server.socket, server_side=True)
    server.start()
    port = server.server_address[1]
    if tls is not None:
        print(f"https://127.0.0.1:{port}/api/projects/{PROJECT} {tls.ca_file}", flush=True)
    else:
        print(f"http://127.0.0.1:{port}/v1", flush=True)
    for _ in sys.stdin:
        print(json.dumps({"requests": count[0], "cpu": time.process_time(), "connections": 0}), flush=True)
    server.stop()
    if tls is not None:
        tls.close()


def main() -> None:
    kind, n = sys.argv[1], int(sys.argv[2])
    if kind in ("fast-pages", "fast-pages-agents"):
        fast_pages(n, "azure-agents" if kind == "fast-pages-agents" else "openai")
        return
    if kind == "watch":
        interval, t0 = float(sys.argv[3]), float(sys.argv[4])
        emu = Emulator(clock=RealClock(start=t0), api_key="sk-bench")
        watch_runs(emu, n, interval)
    elif kind == "replay":
        emu = Emulator.from_archive(sys.argv[3], api_key="sk-bench")
    elif kind == "thread":
        emu = Emulator(clock=ManualClock(), api_key="sk-bench")
        size = n // THREAD_RUNS
        for r in range(THREAD_RUNS):  # one after another, as a thread's runs are
            emu.add_completed_run("thread_big", f"run_{r:02d}", size, ended=-(THREAD_RUNS - 1 - r) * (size + 3.0))
    else:
        emu = Emulator(clock=ManualClock(), api_key="sk-bench")
        emu.add_completed_run("thread_big", "run_big", n)
    with emu:
        print(emu.base_url, flush=True)
        for _ in sys.stdin:
            stats = {
                "requests": emu.request_count,
                "cpu": time.process_time(),
                "connections": emu.connections_opened,
                "peak_rss_kb": peak_rss_kib(),
            }
            print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    main()
