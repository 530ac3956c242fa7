"""The emulator behaves like a real server, and everything it serves conforms to openapi.yaml."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator

from runsteps.emulator import FLAVOURS, Emulator, FaultPlan, ManualClock, RunScript, StepScript
from runsteps.emulator.demo_script import DEMO_RUN, DEMO_THREAD, add_demo_runs

from .spec import json_schema

HEADERS = {"Authorization": "Bearer sk-emulator", "OpenAI-Beta": "assistants=v2"}
VALIDATORS = {
    name: Draft202012Validator(json_schema(name)) for name in ("RunStep", "RunStepList", "Run", "ErrorResponse")
}
STEPS_PATH = f"/threads/{DEMO_THREAD}/runs/{DEMO_RUN}/steps"


def conforms(name: str, body: Any) -> None:
    errors = sorted(VALIDATORS[name].iter_errors(body), key=str)
    assert not errors, f"{name} does not conform: {errors[0].message} at {list(errors[0].absolute_path)}"


@pytest.fixture
def http() -> Iterator[tuple[Emulator, httpx.Client]]:
    with Emulator() as emu, httpx.Client(base_url=emu.base_url, headers=HEADERS) as client:
        add_demo_runs(emu)
        yield emu, client


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_response_conforms_to_the_spec(flavour: str) -> None:
    with Emulator(flavour=flavour) as emu, httpx.Client(base_url=emu.base_url, headers=HEADERS) as client:  # type: ignore[arg-type]
        add_demo_runs(emu)
        emu.add_run(
            RunScript(
                "run_action",
                DEMO_THREAD,
                [(0, "queued"), (1, "requires_action")],
                required_action={
                    "type": "submit_tool_outputs",
                    "submit_tool_outputs": {
                        "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]
                    },
                },
            )
        )
        emu.add_run(
            RunScript(
                "run_failed",
                DEMO_THREAD,
                [(0, "in_progress"), (2, "failed")],
                last_error={"code": "server_error", "message": "x"},
            )
        )
        seen = 0
        for t in (0, 0.4, 1.0, 2.0, 3.0, 4.5, 6.5, 7.2, 9.0, 11.0):
            emu.clock.set(t)  # type: ignore[attr-defined]
            for run_id in (DEMO_RUN, "run_action", "run_failed"):
                conforms("Run", client.get(f"/threads/{DEMO_THREAD}/runs/{run_id}").json())
            for params in (
                {},
                {"order": "asc", "limit": 3},
                {"include[]": "step_details.tool_calls[*].file_search.results[*].content"},
            ):
                page = client.get(STEPS_PATH, params=params).json()
                conforms("RunStepList", page)
                for step in page["data"]:
                    conforms("RunStep", client.get(f"{STEPS_PATH}/{step['id']}").json())
                    seen += 1
        for bad in ({"limit": 0}, {"limit": 101}, {"order": "sideways"}, {"after": "a", "before": "b"}):
            response = client.get(STEPS_PATH, params=bad)
            assert response.status_code == 400
            conforms("ErrorResponse", response.json())
        conforms("ErrorResponse", client.get(f"{STEPS_PATH}/step_nope").json())
        assert seen > 50


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_faulty_json_responses_conform_too(flavour: str) -> None:
    plan = FaultPlan(rate=1.0, mix=["429", "429-ms", "500", "503", "empty-more"], seed=3)
    with Emulator(flavour=flavour, faults=plan) as emu, httpx.Client(base_url=emu.base_url, headers=HEADERS) as client:  # type: ignore[arg-type]
        add_demo_runs(emu)
        for _ in range(20):
            response = client.get(STEPS_PATH)
            conforms("RunStepList" if response.status_code == 200 else "ErrorResponse", response.json())


def test_flavours_differ_as_real_servers_do() -> None:
    bodies = {}
    for flavour in FLAVOURS:
        with Emulator(flavour=flavour) as emu, httpx.Client(base_url=emu.base_url, headers=HEADERS) as client:  # type: ignore[arg-type]
            add_demo_runs(emu)
            emu.clock.set(2.0)  # type: ignore[attr-defined]
            bodies[flavour] = client.get(STEPS_PATH, params={"order": "asc"}).json()["data"]
    running, done = bodies["openai"][1], bodies["openai"][0]
    assert running["status"] == "in_progress" and isinstance(running["expires_at"], int) and running["usage"] is None
    assert done["expires_at"] is None and "metadata" not in done and "expired_at" not in done
    assert "cached_tokens" in done["usage"]["prompt_tokens_details"]
    assert bodies["spec"][0]["metadata"] == {} and "expired_at" in bodies["spec"][0]


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("direction", ["after", "before"])
def test_paging_returns_every_step_exactly_once(order: str, direction: str) -> None:
    with Emulator() as emu, httpx.Client(base_url=emu.base_url, headers=HEADERS) as client:
        emu.add_completed_run("thread_p", "run_p", 317)
        emu.clock.set(1000)  # type: ignore[attr-defined]
        path = "/threads/thread_p/runs/run_p/steps"
        expected = [f"step_{i:06d}" for i in range(317)]
        expected = expected if order == "asc" else expected[::-1]
        params: dict[str, Any] = {"order": order, "limit": 25}
        if direction == "before":
            # Start past the end: the last page, found by paging forward once to its final id.
            params["before"] = expected[-1]
            tail = [expected[-1]]
        seen: list[str] = []
        requests = 0
        while True:
            page = client.get(path, params=params).json()
            requests += 1
            ids = [s["id"] for s in page["data"]]
            seen = ids + seen if direction == "before" else seen + ids
            if not page["has_more"]:
                break
            params[direction] = page["first_id"] if direction == "before" else page["last_id"]
        if direction == "before":
            seen += tail
        assert seen == expected
        assert requests == -(-(317 - (direction == "before")) // 25)


def test_bad_requests_get_the_errors_real_servers_give(http: tuple[Emulator, httpx.Client]) -> None:
    _emu, client = http
    no_beta = client.get(STEPS_PATH, headers={"OpenAI-Beta": ""})
    assert no_beta.status_code == 400 and "OpenAI-Beta" in no_beta.json()["error"]["message"]
    assert client.get(STEPS_PATH, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get(STEPS_PATH, params={"include[]": "other"}).status_code == 400
    assert client.get(STEPS_PATH, params={"after": "step_unknown"}).status_code == 400
    assert client.get("/threads/thread_x/runs/run_x").status_code == 404
    ids = {client.get(STEPS_PATH).headers["x-request-id"] for _ in range(3)}
    assert len(ids) == 3


def test_include_controls_file_search_content(http: tuple[Emulator, httpx.Client]) -> None:
    emu, client = http
    emu.clock.set(6)  # type: ignore[attr-defined]
    path = f"{STEPS_PATH}/step_03_search"
    plain = client.get(path).json()["step_details"]["tool_calls"][0]["file_search"]["results"]
    full = client.get(path, params={"include[]": "step_details.tool_calls[*].file_search.results[*].content"}).json()
    assert all("content" not in r for r in plain)
    assert full["step_details"]["tool_calls"][0]["file_search"]["results"][0]["content"][0]["text"]


def test_moving_objects_carry_a_poll_hint(http: tuple[Emulator, httpx.Client]) -> None:
    emu, client = http
    emu.clock.set(1.0)  # type: ignore[attr-defined]
    assert client.get(f"/threads/{DEMO_THREAD}/runs/{DEMO_RUN}").headers["openai-poll-after-ms"] == "250"
    assert client.get(f"{STEPS_PATH}/step_01_plan").headers["openai-poll-after-ms"] == "250"
    emu.clock.set(20.0)  # type: ignore[attr-defined]
    assert "openai-poll-after-ms" not in client.get(f"/threads/{DEMO_THREAD}/runs/{DEMO_RUN}").headers


def test_steps_move_on_the_scripted_clock() -> None:
    clock = ManualClock()
    with Emulator(clock=clock) as emu, httpx.Client(base_url=emu.base_url, headers=HEADERS) as client:
        emu.add_run(
            RunScript(
                "r",
                "t",
                [(0, "queued"), (1, "in_progress"), (5, "completed")],
                [
                    StepScript(
                        "s1", {"type": "message_creation", "message_creation": {"message_id": "m"}}, start=2, end=4
                    )
                ],
            )
        )
        states = []
        for t in (0, 1, 2, 3, 4, 5):
            clock.set(t)
            run = client.get("/threads/t/runs/r").json()["status"]
            steps = [s["status"] for s in client.get("/threads/t/runs/r/steps").json()["data"]]
            states.append((run, steps))
        assert states == [
            ("queued", []),
            ("in_progress", []),
            ("in_progress", ["in_progress"]),
            ("in_progress", ["in_progress"]),
            ("in_progress", ["completed"]),
            ("completed", ["completed"]),
        ]


def fault_sequence(seed: int) -> tuple[list[Any], list[int]]:
    plan = FaultPlan(rate=0.5, mix=["429-ms", "500", "502-html", "503", "empty-more"], seed=seed)
    with Emulator(faults=plan) as emu, httpx.Client(base_url=emu.base_url, headers=HEADERS) as client:
        add_demo_runs(emu)
        statuses = [client.get(STEPS_PATH).status_code for _ in range(40)]
    return plan.log, statuses


def test_the_same_seed_gives_the_same_faults() -> None:
    first, second, other = fault_sequence(7), fault_sequence(7), fault_sequence(8)
    assert first == second
    assert first != other
    assert {429, 500, 502, 503, 200} <= set(first[1])


def test_a_cut_connection_is_a_truncated_body() -> None:
    with (
        Emulator(faults=FaultPlan(rate=1.0, mix=["cut"])) as emu,
        httpx.Client(base_url=emu.base_url, headers=HEADERS) as client,
    ):
        add_demo_runs(emu)
        with pytest.raises(httpx.RemoteProtocolError):
            client.get(STEPS_PATH)


def test_starts_and_stops_within_a_second_leaving_nothing_running() -> None:
    before = set(threading.enumerate())
    started = time.monotonic()
    emu = Emulator().start()
    add_demo_runs(emu)
    client = httpx.Client(base_url=emu.base_url, headers=HEADERS)
    assert client.get(STEPS_PATH).status_code == 200  # and a keep-alive connection stays open
    assert time.monotonic() - started < 1.0
    host, port = emu.base_url.split("//")[1].split("/")[0].split(":")
    stopping = time.monotonic()
    emu.stop()
    assert time.monotonic() - stopping < 1.0
    client.close()
    assert set(threading.enumerate()) <= before
    with pytest.raises(OSError), socket.create_connection((host, int(port)), timeout=0.5):
        pass
