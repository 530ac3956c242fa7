"""One client reading a recorded run event stream, in a process of its own: `python -m
bench._streamparse CLIENT FILE` prints `{"events", "cpu", "peak_kib"}` as JSON: the events read, the
CPU seconds of reading them, and the process's peak memory above what it held before reading.

runsteps and openai read it as an HTTP response (httpx's MockTransport hands over the file's bytes
in 16 KiB chunks; the one request is nothing beside 10,000 steps); azure-ai-agents' event handler is
fed the same chunks directly (its `AgentRunStream`), which spares it that request.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from bench._measure import peak_rss_kib

CHUNK = 16 * 1024


def resident_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def chunks(data: bytes) -> Iterator[bytes]:
    for i in range(0, len(data), CHUNK):
        yield data[i : i + CHUNK]


def transport(data: bytes) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=chunks(data))

    return httpx.MockTransport(answer)


def read_runsteps(data: bytes) -> int:
    import runsteps

    http = httpx.Client(transport=transport(data))
    with (
        runsteps.Client(api_key="sk-bench", base_url="http://bench/v1", http_client=http) as client,
        client.runs.stream("thread_bench", assistant_id="asst_bench") as stream,
    ):
        count = sum(1 for _ in stream)
        assert len(stream.steps) >= 10_000
    return count + 1  # and `done`


def read_openai(data: bytes) -> int:
    import openai

    warnings.simplefilter("ignore", DeprecationWarning)
    client = openai.OpenAI(
        api_key="sk-bench", base_url="http://bench/v1", http_client=httpx.Client(transport=transport(data))
    )
    with client.beta.threads.runs.stream(thread_id="thread_bench", assistant_id="asst_bench") as stream:
        count = sum(1 for _ in stream)
        assert len(stream.get_final_run_steps()) >= 10_000
    return count + 1


def read_azure(data: bytes) -> int:
    from azure.ai.agents.models import AgentEventHandler, AgentRunStream

    handler = AgentEventHandler()
    with AgentRunStream(chunks(data), lambda *_: None, handler) as events:  # type: ignore[arg-type,var-annotated]
        count = sum(1 for _ in events)
    return count


READERS = {"runsteps": read_runsteps, "openai": read_openai, "azure-ai-agents": read_azure}


def main() -> None:
    name, path = sys.argv[1], sys.argv[2]
    data = Path(path).read_bytes()
    reader = READERS[name]
    if name == "runsteps":
        import runsteps  # noqa: F401 - the imports are not the reading
    elif name == "openai":
        import openai  # noqa: F401
    else:
        import azure.ai.agents.models  # noqa: F401
    before = resident_kib()
    started = time.process_time()
    events = reader(data)
    cpu = time.process_time() - started
    print(json.dumps({"events": events, "cpu": cpu, "peak_kib": peak_rss_kib() - before}))


if __name__ == "__main__":
    main()
