"""The emulator behaves like a real server, and everything it serves conforms to openapi.yaml."""

from __future__ import annotations

import contextlib
import functools
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runsteps.emulator import FLAVOURS, Emulator, FaultPlan, ManualClock, RunScript, StepScript
from runsteps.emulator._server import page_window
from runsteps.emulator.demo_script import DEMO_RUN, DEMO_THREAD, add_demo_runs

from .families import raw_client, raw_headers, system_trust
from .spec import json_schema


@functools.cache
def validator(name: str) -> jsonschema_rs.Draft202012Validator:
    # A compiled validator: a page of steps checks in microseconds, where the pure-Python one took
    # milliseconds (every `oneOf` branch walked in Python).
    return jsonschema_rs.Draft202012Validator(json_schema(name))


STEPS_PATH = f"/threads/{DEMO_THREAD}/runs/{DEMO_RUN}/steps"


def conforms(name: str, body: Any) -> None:
    errors = sorted(validator(name).iter_errors(body), key=str)
    assert not errors, f"{name} does not conform: {errors[0].message} at {list(errors[0].instance_path)}"


@pytest.fixture
def http() -> Iterator[tuple[Emulator, httpx.Client]]:
    with Emulator() as emu, raw_client(emu) as client:
        add_demo_runs(emu)
        yield emu, client


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_response_conforms_to_the_spec(flavour: str) -> None:
    with Emulator(flavour=flavour) as emu, raw_client(emu) as client:  # type: ignore[arg-type]
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
            conforms("RunList", client.get(f"/threads/{DEMO_THREAD}/runs", params={"limit": 2}).json())
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
        conforms(
            "ErrorResponse", client.get(STEPS_PATH, headers={"Authorization": "Bearer nope", "api-key": "nope"}).json()
        )
        assert seen > 50


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_faulty_json_responses_conform_too(flavour: str) -> None:
    plan = FaultPlan(rate=1.0, mix=["429", "429-ms", "500", "503", "empty-more"], seed=3)
    with Emulator(flavour=flavour, faults=plan) as emu, raw_client(emu) as client:  # type: ignore[arg-type]
        add_demo_runs(emu)
        for _ in range(20):
            response = client.get(STEPS_PATH)
            conforms("RunStepList" if response.status_code == 200 else "ErrorResponse", response.json())


def test_flavours_differ_as_real_servers_do() -> None:
    pages = {}
    for flavour in FLAVOURS:
        with Emulator(flavour=flavour) as emu, raw_client(emu) as client:  # type: ignore[arg-type]
            add_demo_runs(emu)
            emu.clock.set(2.0)  # type: ignore[attr-defined]
            pages[flavour] = client.get(STEPS_PATH, params={"order": "asc"}).json()
    openai = pages["openai"]["data"]
    running, done = openai[1], openai[0]
    assert running["status"] == "in_progress" and isinstance(running["expires_at"], int) and running["usage"] is None
    assert done["expires_at"] is None and "metadata" not in done and "expired_at" not in done
    assert "cached_tokens" in done["usage"]["prompt_tokens_details"]
    assert pages["spec"]["data"][0]["metadata"] == {} and "expired_at" in pages["spec"]["data"][0]
    for azure in ("azure", "azure-v1"):
        step = pages[azure]["data"][0]
        assert (
            step["expired_at"] is None and "expires_at" not in step and step["metadata"] == {} and "usage" not in step
        )
    agents = pages["azure-agents"]
    assert set(agents) == {"data", "last_id", "has_more"}  # no `object`, no `first_id`
    compat = pages["compat"]["data"][0]
    assert compat["created_at"] > 10**12 and compat["cancelled_at"] == -1  # milliseconds, and -1 for none
    assert (
        compat["assistant_id"] == "" and compat["usage"] == {} and compat["last_error"] == {"code": "", "message": ""}
    )


def test_azure_flavours_serve_azure_tool_types_and_activities_steps() -> None:
    with Emulator(flavour="azure") as emu, raw_client(emu) as client:
        add_demo_runs(emu)
        emu.clock.set(12)  # type: ignore[attr-defined]
        steps = client.get(f"/threads/{DEMO_THREAD}/runs/run_azure_tools/steps", params={"order": "asc"}).json()["data"]
        assert (
            steps[0]["type"] == "activities" and steps[0]["step_details"]["activities"][0]["type"] == "mcp_list_tools"
        )
        kinds = [c["type"] for s in steps[1:] if s["type"] == "tool_calls" for c in s["step_details"]["tool_calls"]]
        assert kinds == [
            "bing_grounding", "bing_custom_search", "azure_ai_search", "sharepoint_grounding", "fabric_dataagent",
            "openapi", "azure_function", "connected_agent", "deep_research", "mcp", "browser_automation",
            "computer_use_preview",
        ]  # fmt: skip
        code = client.get(f"{STEPS_PATH}/step_02_code").json()["step_details"]["tool_calls"][0]["code_interpreter"]
        assert code["outputs"] == []  # Azure completes code-interpreter calls without their outputs


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("direction", ["after", "before"])
def test_paging_returns_every_step_exactly_once(order: str, direction: str) -> None:
    with Emulator() as emu, raw_client(emu) as client:
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
    with Emulator(clock=clock) as emu, raw_client(emu) as client:
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
    with Emulator(faults=plan) as emu, raw_client(emu) as client:
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
        raw_client(emu) as client,
    ):
        add_demo_runs(emu)
        with pytest.raises(httpx.RemoteProtocolError):
            client.get(STEPS_PATH)


def test_starts_and_stops_within_a_second_leaving_nothing_running() -> None:
    before = set(threading.enumerate())
    started = time.monotonic()
    emu = Emulator().start()
    add_demo_runs(emu)
    client = raw_client(emu)
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


# ---- each family's rules: credentials, api-version, request ids ----

CREDENTIALS = {
    "bearer-key": lambda emu: {"Authorization": f"Bearer {emu.api_key}"},
    "api-key": lambda emu: {"api-key": emu.api_key},
    "bearer-token": lambda emu: {"Authorization": f"Bearer {emu.mint_token()}"},
}


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("credential", list(CREDENTIALS))
def test_each_flavour_lets_in_exactly_the_credentials_its_family_accepts(flavour: str, credential: str) -> None:
    with Emulator(flavour=flavour) as emu:  # type: ignore[arg-type]
        add_demo_runs(emu)
        headers = {"OpenAI-Beta": "assistants=v2", **CREDENTIALS[credential](emu)}
        params = {"api-version": emu.api_version} if emu.api_version else {}
        answer = httpx.get(emu.base_url + STEPS_PATH, headers=headers, params=params, verify=system_trust())
        assert (answer.status_code == 200) is (credential in emu.spec.accepts)
        if answer.status_code == 401:
            conforms("ErrorResponse", answer.json())
            expected = {"openai": "error", "azure": "error", "gateway": "statusCode"}[emu.spec.auth_error_shape]
            assert expected in answer.json()
        for name in emu.spec.request_id_headers:
            assert answer.headers[name].startswith("req_")


@pytest.mark.parametrize("flavour", ["azure", "azure-agents"])
def test_azure_families_require_a_known_api_version(flavour: str) -> None:
    with Emulator(flavour=flavour) as emu, raw_client(emu) as client:  # type: ignore[arg-type]
        add_demo_runs(emu)
        missing = httpx.get(emu.base_url + STEPS_PATH, headers=client.headers, verify=system_trust())
        unknown = client.get(STEPS_PATH, params={"api-version": "1999-01-01"})
        assert missing.status_code == 400 and missing.json()["error"]["code"] == "MissingApiVersionParameter"
        assert unknown.status_code == 400 and unknown.json()["error"]["inner_error"]["param"] == "api-version"


def test_a_token_is_refused_once_it_expires_on_the_emulators_clock() -> None:
    clock = ManualClock()
    with Emulator(flavour="azure-agents", clock=clock, token_ttl=60) as emu:
        add_demo_runs(emu)
        token = emu.token_provider()
        headers = {"Authorization": f"Bearer {token}"}
        params = {"api-version": "v1"}
        assert (
            httpx.get(emu.base_url + STEPS_PATH, headers=headers, params=params, verify=system_trust()).status_code
            == 200
        )
        clock.advance(59.9)
        assert emu.token_provider() == token  # still valid: the provider hands out the same one
        clock.advance(0.1)
        assert (
            httpx.get(emu.base_url + STEPS_PATH, headers=headers, params=params, verify=system_trust()).status_code
            == 401
        )
        assert emu.expired_token_uses == {token: 1}
        assert emu.token_provider() != token and emu.token_provider.minted == 2


def test_azure_agents_reads_include_values_joined_with_commas() -> None:
    with Emulator(flavour="azure-agents") as emu, raw_client(emu) as client:
        add_demo_runs(emu)
        emu.clock.set(6)  # type: ignore[attr-defined]
        full = client.get(f"{STEPS_PATH}/step_03_search", params={"include[]": f"{INCLUDE},{INCLUDE}"}).json()
        assert full["step_details"]["tool_calls"][0]["file_search"]["results"][0]["content"]


# ---- robust to any request, quiet, bounded ----

INCLUDE = "step_details.tool_calls[*].file_search.results[*].content"


@pytest.mark.parametrize(
    "target",
    [STEPS_PATH + "?limit=%C2%B2", STEPS_PATH + "?limit=99999999999999999999", STEPS_PATH + "?order=%00",
     "/threads/%ZZ/runs", "/" + "x" * 5000, STEPS_PATH + "?include[]=" + "a" * 10000, "/threads/t/runs/r/steps/s/extra",
     STEPS_PATH + "?after=%ED%A0%80"],
)  # fmt: skip
def test_any_request_gets_an_answer_never_a_dropped_connection(
    target: str, http: tuple[Emulator, httpx.Client]
) -> None:
    emu, client = http
    answer = client.get(emu.base_url + target)
    assert 400 <= answer.status_code < 500
    conforms("ErrorResponse", answer.json())


def test_other_methods_are_refused_in_the_familys_shape(http: tuple[Emulator, httpx.Client]) -> None:
    _emu, client = http
    answer = client.post(STEPS_PATH, json={})
    assert answer.status_code == 405 and "takes GET only" in answer.json()["error"]["message"]
    answer = client.get(STEPS_PATH.replace("/steps", "/cancel"))
    assert answer.status_code == 405 and "takes POST only" in answer.json()["error"]["message"]
    answer = client.delete(STEPS_PATH)
    assert answer.status_code == 405 and "takes GET only" in answer.json()["error"]["message"]


def test_the_request_log_is_bounded_but_the_count_is_not() -> None:
    with Emulator(max_log=5) as emu, raw_client(emu) as client:
        add_demo_runs(emu)
        for _ in range(12):
            client.get(STEPS_PATH)
        assert len(emu.requests) == 5 and emu.request_count == 12
        assert emu.faults.log.maxlen is not None
    # A request logged keeps its headers (a few KiB): a thousand, so a replay's memory stays flat (make bench).
    assert Emulator().requests.maxlen == 1_000


def test_clients_that_go_away_leave_no_noise(capfd: pytest.CaptureFixture[str]) -> None:
    plan = FaultPlan(rate=1.0, mix=["slow"], slow_seconds=0.5)
    with Emulator(faults=plan) as emu:
        add_demo_runs(emu)
        for _ in range(20):
            with pytest.raises(httpx.ReadTimeout):
                httpx.get(emu.base_url + STEPS_PATH, headers=raw_headers(emu), timeout=0.05, verify=system_trust())
        time.sleep(0.6)
    assert capfd.readouterr().err == ""


def test_stopping_does_not_wait_out_a_slow_fault() -> None:
    plan = FaultPlan(rate=1.0, mix=["slow"], slow_seconds=30)
    emu = Emulator(faults=plan).start()
    add_demo_runs(emu)

    def ask() -> None:
        with raw_client(emu) as client, contextlib.suppress(httpx.HTTPError):
            client.get(STEPS_PATH, timeout=60)

    pending = threading.Thread(target=ask)
    pending.start()
    time.sleep(0.3)
    started = time.monotonic()
    emu.stop()
    assert time.monotonic() - started < 2
    pending.join(timeout=5)


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(0, 60),
    limit=st.integers(1, 20),
    descending=st.booleans(),
    cursor=st.one_of(st.none(), st.tuples(st.sampled_from(["after", "before"]), st.integers(0, 59))),
)
def test_paging_by_position_answers_as_slicing_the_whole_list_would(
    n: int, limit: int, descending: bool, cursor: tuple[str, int] | None
) -> None:
    ids = [f"s{i}" for i in range(n)]
    ordered = ids[::-1] if descending else ids
    after = before = None
    if cursor is not None and n:
        after, before = (ids[cursor[1] % n], None) if cursor[0] == "after" else (None, ids[cursor[1] % n])
    # The slicing answer, as the emulator gave it before it kept an index.
    if before is not None:
        end = ordered.index(before)
        expected, more = ordered[max(0, end - limit) : end], end - limit > 0
    else:
        start = ordered.index(after) + 1 if after is not None else 0
        expected, more = ordered[start : start + limit], start + limit < n
    positions, has_more = page_window(
        n, {s: i for i, s in enumerate(ids)}.get, limit=limit, descending=descending, after=after, before=before
    )
    assert [ids[p] for p in positions] == expected and has_more == more


def test_runsteps_emulator_speed_plays_the_demo_runs_faster_and_refuses_nonsense() -> None:
    fast = subprocess.run(
        [sys.executable, "-m", "runsteps", "emulator", "--speed", "50", "--duration", "0.5", "--quiet"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert fast.returncode == 0 and fast.stdout.startswith("http://127.0.0.1:")
    wrong = subprocess.run(
        [sys.executable, "-m", "runsteps", "emulator", "--speed", "0"], capture_output=True, text=True, timeout=60
    )
    assert wrong.returncode == 2 and "--speed must be a positive number, got 0.0" in wrong.stderr
