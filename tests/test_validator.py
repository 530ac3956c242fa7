"""An independent validator (openapi-core) reads every request runsteps sends as openapi.yaml describes it.

The requests are captured as the emulator received them (target, headers, body), in every family,
sync and async, for every read and every action; each is then validated against the spec at the
server address the spec gives for that family. The validator is shown to refuse a bad request too,
so a pass means something.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
import requests

import runsteps
from runsteps.emulator import FLAVOURS, Emulator, ManualClock, Request
from runsteps.emulator.demo_script import DEMO_THREAD, add_demo_runs

from .families import client_for
from .spec import SPEC_PATH

if TYPE_CHECKING:  # imported where used: collecting the suite need not import the validator
    from openapi_core import OpenAPI
    from openapi_core.contrib.requests import RequestsOpenAPIRequest

pytestmark = pytest.mark.filterwarnings("ignore:The Assistants API is deprecated:DeprecationWarning")

# Where each family's routes live, as the spec's `servers` name them.
ORIGINS = {
    "openai": "https://api.openai.com",
    "compat": "https://api.openai.com",
    "spec": "https://api.openai.com",
    "azure": "https://resource.openai.azure.com",
    "azure-v1": "https://resource.openai.azure.com",
    "azure-agents": "https://resource.services.ai.azure.com",
}
INCLUDE: list[Any] = ["step_details.tool_calls[*].file_search.results[*].content"]


@pytest.fixture(scope="module")
def openapi() -> OpenAPI:
    from openapi_core import Config, OpenAPI

    # The document's own validity is test_spec's to prove; checking it again here cost a second a process.
    return OpenAPI.from_file_path(str(SPEC_PATH), config=Config(spec_validator_cls=None))


def for_validator(request: requests.Request) -> RequestsOpenAPIRequest:
    from openapi_core.contrib.requests import RequestsOpenAPIRequest

    return RequestsOpenAPIRequest(request.prepare())


def as_sent(flavour: str, request: Request) -> RequestsOpenAPIRequest:
    headers = dict(request.headers)
    body = request.body if isinstance(request.body, bytes) else None
    if request.body is not None and body is None:
        import json

        body = json.dumps(request.body).encode()
    return for_validator(
        requests.Request(request.method, ORIGINS[flavour] + request.sent_target, headers=headers, data=body)
    )


def session(client: runsteps.Client) -> None:
    """Every call a user makes: reads with every query parameter, waits, a watch, and every action."""
    list(client.steps.list("run_archive", thread_id=DEMO_THREAD, limit=50, order="asc", include=INCLUDE))
    list(client.steps.list("run_archive", thread_id=DEMO_THREAD, limit=10, order="desc", before="step_000100"))
    client.steps.retrieve("step_03_search", thread_id=DEMO_THREAD, run_id="run_demo", include=INCLUDE)
    client.steps.wait("step_01_plan", thread_id=DEMO_THREAD, run_id="run_demo")
    list(client.runs.list(DEMO_THREAD, limit=2, order="asc"))
    client.runs.retrieve("run_demo", thread_id=DEMO_THREAD)
    client.runs.wait("run_demo", thread_id=DEMO_THREAD)
    list(client.steps.watch("run_demo", thread_id=DEMO_THREAD))
    outputs: list[Any] = [
        {"tool_call_id": "call_tools_weather", "output": "4 C"},
        {"tool_call_id": "call_tools_fx", "output": '{"eur": 8.6}'},
    ]
    client.runs.submit_tool_outputs("run_tools", thread_id=DEMO_THREAD, tool_outputs=outputs)
    client.runs.cancel("run_tools", thread_id=DEMO_THREAD)


async def async_session(client: runsteps.AsyncClient) -> None:
    async for _ in client.steps.list("run_archive", thread_id=DEMO_THREAD, limit=100, include=INCLUDE):
        pass
    await client.steps.retrieve("step_03_search", thread_id=DEMO_THREAD, run_id="run_demo")
    await client.runs.retrieve("run_demo", thread_id=DEMO_THREAD)
    async for _ in client.runs.list(DEMO_THREAD, after="run_demo"):
        pass
    outputs: list[Any] = [
        {"tool_call_id": "call_tools_weather", "output": "4 C"},
        {"tool_call_id": "call_tools_fx", "output": "8.6"},
    ]
    await client.runs.submit_tool_outputs("run_tools", thread_id=DEMO_THREAD, tool_outputs=outputs)
    await client.runs.cancel("run_tools", thread_id=DEMO_THREAD)


@pytest.fixture
def demo_emulator() -> Iterator[Callable[[str], Emulator]]:
    running: list[Emulator] = []

    def start(flavour: str) -> Emulator:
        emu = Emulator(flavour=flavour, clock=ManualClock(t=12)).start()  # type: ignore[arg-type]
        add_demo_runs(emu)
        running.append(emu)
        return emu

    yield start
    for emu in running:
        emu.stop()


@pytest.mark.parametrize("driver", ["sync", "async"])
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_request_runsteps_sends_is_valid_against_the_spec(
    flavour: str, driver: str, openapi: OpenAPI, demo_emulator: Callable[[str], Emulator]
) -> None:
    emu = demo_emulator(flavour)
    if driver == "sync":
        with client_for(emu) as client:
            session(client)
    else:

        async def main() -> None:
            async with client_for(emu, runsteps.AsyncClient) as client:
                await async_session(client)

        asyncio.run(main())
    sent = list(emu.requests)
    assert {r.method for r in sent} == {"GET", "POST"} and len(sent) >= 8
    for request in sent:
        openapi.validate_request(as_sent(flavour, request))  # raises, naming what is wrong


@pytest.mark.parametrize(
    ("target", "body"),
    [
        ("/v1/threads/t/runs/r/steps?limit=500", None),  # out of bounds
        ("/v1/threads/t/runs/r/steps?order=sideways", None),  # not an order
        ("/v1/threads/t/runs/r/steps/s?include[]=everything", None),  # not an include value
        ("/v1/threads/t/runs/r/submit_tool_outputs", b'{"tool_outputs": [{"tool_call_id": "c", "output": 4}]}'),
        ("/v1/threads/t/runs/r/submit_tool_outputs", b'{"tool_outputs": [{"output": "x"}]}'),
    ],
)
def test_the_validator_refuses_what_the_spec_forbids(target: str, body: bytes | None, openapi: OpenAPI) -> None:
    method = "POST" if body is not None else "GET"
    headers = {"Authorization": "Bearer ***", **({"Content-Type": "application/json"} if body else {})}
    request = Request(
        method, target.split("?")[0], {}, "bearer-key", True, "", None, None, target, tuple(headers.items())
    )
    prepared = as_sent("openai", request)
    if body is not None:
        prepared = for_validator(requests.Request(method, ORIGINS["openai"] + target, headers=headers, data=body))
    with pytest.raises(Exception, match=r"(?i)invalid|schema|required"):
        openapi.validate_request(prepared)
