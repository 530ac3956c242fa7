"""Promises kept against hostile servers: deadlines that hold, listings that end, no untyped crash, no leak.

One test (or a few) per case of what went wrong before; each server is small, bounded and on loopback
(tests/hostile.py).
"""

from __future__ import annotations

import asyncio
import json
import logging
import pickle
import random
import socket
import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import runsteps
from runsteps._plans.retry import server_delay
from runsteps.emulator import Emulator, ManualClock, RunScript, StepScript, message_creation

from .clocks import GivenClock, no_waiting
from .hostile import (
    Hostile,
    Request,
    answer,
    drip,
    elapsed,
    encoded,
    gzip_bomb,
    in_progress_objects,
    json_answer,
    page,
    pages_by_cursor,
    rate_limited,
    run,
    silent,
    step,
    with_drip,
)

KEY = "sk-hostile-key-77"
SLACK = 0.5  # what the promise allows beyond the deadline and one interval


def sync(server: Hostile, **kw: Any) -> runsteps.Client:
    return runsteps.Client(api_key=KEY, base_url=server.base_url, **kw)


def run_async(server: Hostile, call: Callable[[runsteps.AsyncClient], Any], **kw: Any) -> Any:
    async def go() -> Any:
        async with runsteps.AsyncClient(api_key=KEY, base_url=server.base_url, **kw) as client:
            return await call(client)

    return asyncio.run(go())


# ---- 1. iterating a pager or a watcher again walks it again; nothing is lost ----


def test_a_pager_iterated_again_starts_over_and_its_cursor_says_where_the_last_walk_stopped() -> None:
    with Emulator() as emu:
        emu.add_completed_run("t", "r", 250)
        with runsteps.Client(api_key=emu.api_key, base_url=emu.base_url) as client:
            pager = client.steps.list("r", thread_id="t", limit=100, order="asc")
            taken = []
            for s in pager:
                taken.append(s.id)
                if len(taken) == 10:
                    break
            assert pager.cursor == "step_000009"
            again = [s.id for s in pager]
            third = [s.id for s in pager]
            resumed = [s.id for s in client.steps.list("r", thread_id="t", order="asc", after=taken[-1])]
    everything = [f"step_{i:06d}" for i in range(250)]
    assert again == third == everything and taken + resumed == everything


def test_a_watcher_iterated_again_watches_again() -> None:
    with Emulator() as emu:
        steps = [StepScript(f"s{i}", message_creation("m"), start=-9 + i, end=-8 + i) for i in range(3)]
        emu.add_run(RunScript("r", "t", [(-10, "in_progress"), (-1, "completed")], steps))
        with runsteps.Client(api_key=emu.api_key, base_url=emu.base_url) as client:
            watcher = client.steps.watch("r", thread_id="t")
            first = [s.id for s in watcher]
            second = [s.id for s in watcher]
    assert first == second == ["s0", "s1", "s2"] and watcher.run is not None


# ---- 2. deadlines cover requests in flight, retries and their waits ----

WAITS: dict[str, tuple[Any, Callable[[Any], Any], Callable[[Any], Any]]] = {
    "runs.wait, silent server": (
        silent,
        lambda c: c.runs.wait("r", thread_id="t", timeout=1, interval=0.5),
        lambda c: c.runs.wait("r", thread_id="t", timeout=1, interval=0.5),
    ),
    "steps.wait, dripping server": (
        with_drip(("/steps/s1",)),
        lambda c: c.steps.wait("s1", thread_id="t", run_id="r", timeout=2, interval=0.5),
        lambda c: c.steps.wait("s1", thread_id="t", run_id="r", timeout=2, interval=0.5),
    ),
    "watch, dripping server": (
        with_drip(("/runs/r",)),
        lambda c: list(c.steps.watch("r", thread_id="t", timeout=2, interval=0.5)),
        lambda c: _alist(c.steps.watch("r", thread_id="t", timeout=2, interval=0.5)),
    ),
    "steps.wait, retry-after 6 s": (
        rate_limited("6"),
        lambda c: c.steps.wait("s1", thread_id="t", run_id="r", timeout=1, interval=0.5),
        lambda c: c.steps.wait("s1", thread_id="t", run_id="r", timeout=1, interval=0.5),
    ),
}


async def _alist(iterable: Any) -> list[Any]:
    return [x async for x in iterable]


@pytest.mark.parametrize("case", list(WAITS))
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_wait_or_watch_times_out_within_its_deadline_plus_one_interval(case: str, kind: str) -> None:
    behaviour, sync_call, async_call = WAITS[case]
    deadline = 1.0 if "silent" in case or "retry" in case else 2.0
    with Hostile(behaviour) as server:
        if kind == "sync":
            with sync(server) as client:
                took, error = elapsed(lambda: sync_call(client))
        else:
            took, error = elapsed(lambda: run_async(server, async_call))
    assert isinstance(error, runsteps.PollTimeoutError), repr(error)
    assert deadline - 0.1 <= took <= deadline + 0.5 + SLACK


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_calls_own_timeout_bounds_it_against_a_dripping_server(kind: str) -> None:
    with Hostile(drip(json.dumps(step("s1")).encode())) as server:
        if kind == "sync":
            with sync(server) as client:
                took, error = elapsed(lambda: client.steps.retrieve("s1", thread_id="t", run_id="r", timeout=3))
        else:
            call = lambda c: c.steps.retrieve("s1", thread_id="t", run_id="r", timeout=3)  # noqa: E731
            took, error = elapsed(lambda: run_async(server, call))
    assert isinstance(error, runsteps.APITimeoutError) and 2.9 <= took <= 3 + SLACK


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_the_client_timeout_bounds_each_attempt_from_connecting_to_the_last_byte(kind: str) -> None:
    with Hostile(drip(json.dumps(step("s1")).encode(), every=0.2)) as server:
        if kind == "sync":
            with sync(server, timeout=1, max_retries=0) as client:
                took, error = elapsed(lambda: client.steps.retrieve("s1", thread_id="t", run_id="r"))
        else:
            call = lambda c: c.steps.retrieve("s1", thread_id="t", run_id="r")  # noqa: E731
            took, error = elapsed(lambda: run_async(server, call, timeout=1, max_retries=0))
    assert isinstance(error, runsteps.APITimeoutError) and 0.9 <= took <= 1 + SLACK


def test_the_cli_timeout_bounds_get_list_and_run() -> None:
    with Hostile(silent) as server, Emulator(clock=ManualClock(t=10), api_key=KEY) as answering:
        answering.add_run(RunScript("r", "t", [(0, "completed")], [StepScript("s1", message_creation("m"), 1, 2)]))
        for command in (["get", "t", "r", "s1"], ["list", "t", "r"], ["run", "t", "r"]):
            # What the command costs anyway (interpreter, imports, one answer), on this machine as loaded now.
            baseline, answered = elapsed_cli([*command, "--timeout", "1"], answering.base_url)
            assert answered.returncode == 0, answered.stderr
            took, done = elapsed_cli([*command, "--timeout", "1"], server.base_url)
            # The 1 s timeout adds at most itself and a second of slack (a loaded machine's scheduling).
            assert done.returncode == 124 and took <= baseline + 1 + 1, (command, took, baseline, done.stderr)


def elapsed_cli(args: list[str], base_url: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": base_url, "PATH": "/usr/bin:/bin"}
    result: list[subprocess.CompletedProcess[str]] = []
    took, _ = elapsed(
        lambda: result.append(
            subprocess.run(
                [sys.executable, "-m", "runsteps", *args], capture_output=True, text=True, env=env, timeout=30
            )
        )
    )
    return took, result[0]


# ---- 3. listings that do not progress end, typed, and yield nothing twice ----

LOOPS: dict[str, tuple[dict[str | None, dict[str, Any]], list[str]]] = {
    "a server that ignores the cursor": ({None: page(["a", "b"], True), "b": page(["a", "b"], True)}, ["a", "b"]),
    "a cursor cycle": (
        {None: page(["a", "b"], True), "b": page(["c", "d"], True), "d": page(["a", "b"], True)},
        ["a", "b", "c", "d"],
    ),
}


@pytest.mark.parametrize("case", list(LOOPS))
def test_a_listing_that_loops_ends_typed_within_max_retries_plus_two_requests(case: str) -> None:
    pages, yielded = LOOPS[case]
    with Hostile(pages_by_cursor(pages)) as server:
        seen: list[str] = []
        with (
            sync(server, max_retries=2, clock=no_waiting()) as client,
            pytest.raises(runsteps.APIResponseValidationError, match="does not progress"),
        ):
            seen.extend(s.id for s in client.steps.list("r", thread_id="t"))
        loop_starts = len(yielded) // 2  # the first request that goes round again
        assert seen == yielded and len(server.requests) <= loop_starts + 2 + 2


@pytest.mark.parametrize("has_more", ["false", "true", 1, None])
def test_a_has_more_that_is_not_a_boolean_ends_at_once(has_more: Any) -> None:
    with (
        Hostile(pages_by_cursor({None: page(["a"], has_more), "a": page(["a"], has_more)})) as server,
        sync(server) as client,
    ):
        if has_more is None:  # missing: the page is the last
            assert [s.id for s in client.steps.list("r", thread_id="t")] == ["a"]
            return
        with pytest.raises(runsteps.APIResponseValidationError, match="has_more is not a boolean"):
            list(client.steps.list("r", thread_id="t"))
        assert len(server.requests) == 1


def test_a_watch_whose_moving_step_vanishes_behind_endless_pages_ends_at_its_deadline() -> None:
    # First tick: step s0 moving. Later: pages of other steps that always claim more, s0 never again.
    clock = ManualClock()  # each answer takes 0.05 s of it: no test waits out the deadline in real time

    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        clock.advance(0.05)
        if request.path.endswith("/steps"):
            first = len([r for r in server.requests if r.path.endswith("/steps")]) == 1
            after = int((request.arg("after") or "x-1")[1:])
            # "Endless": 1,000 pages, so that a walk the deadline failed to cut ends, and fails the test.
            json_answer(sock, page(["s0"], False, "in_progress") if first else page([f"x{after + 1}"], after < 1000))
        else:
            json_answer(sock, run())

    with (
        Hostile(behaviour) as server,
        sync(server, clock=GivenClock(clock.advance, clock.now)) as client,
        pytest.raises(runsteps.PollTimeoutError),
    ):
        list(client.steps.watch("r", thread_id="t", timeout=2, interval=0.5))
    # It ended at the deadline (2 s, and at most the answer under way) though the pages never did.
    assert 2 <= clock.now() <= 2 + 0.05
    assert len(server.requests) <= 2 / 0.05 + 1


# ---- 4. a body that inflates past the cap is refused, read in bounded pieces ----


def test_a_gzip_bomb_is_refused_with_memory_growth_under_100_mb() -> None:
    bomb = gzip_bomb()
    assert len(bomb) < 3 * 1024 * 1024
    with Hostile(encoded(bomb, "gzip")) as server:
        script = textwrap.dedent(
            f"""
            import resource, runsteps
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            client = runsteps.Client(api_key="k", base_url={server.base_url!r}, max_retries=0)
            try:
                client.steps.retrieve("s1", thread_id="t", run_id="r")
            except runsteps.APIResponseValidationError as exc:
                print(type(exc).__name__, "larger than" in str(exc))
            print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
            """
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    kind, growth_mb = done.stdout.split("\n")[:2]
    assert kind == "APIResponseValidationError True", done.stderr
    assert int(growth_mb) < 100


def test_a_body_that_claims_gzip_but_is_not_is_a_typed_error() -> None:
    plain = json.dumps(step("s1")).encode()
    with (
        Hostile(encoded(plain, "gzip")) as server,
        sync(server, max_retries=0) as client,
        pytest.raises(runsteps.APIResponseValidationError, match="not the compressed data"),
    ):
        client.steps.retrieve("s1", thread_id="t", run_id="r")


# ---- 5. cancelled async requests leave the pool whole ----


def test_2000_requests_cancelled_at_random_moments_leave_the_pool_able_to_serve_100_more() -> None:
    # Head after 10 ms, body 20 ms later; each request cancelled at a random moment in 0..40 ms, so
    # cancellations land while connecting, sending, waiting for the head and reading the body. The
    # pool holds 100 connections: twenty times that many cancellations would exhaust it if even one
    # in twenty leaked its connection.
    # (With httpx's default transport, httpcore 1.0.9, the same run leaves every connection ACTIVE and
    # all 100 later requests time out waiting for the pool.)
    body = json.dumps(step("s1", "completed")).encode()

    def head_then_body(server: Hostile, request: Request, sock: socket.socket) -> None:
        if server.wait(0.01):
            return
        sock.sendall(
            f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        )
        if not server.wait(0.02):
            sock.sendall(body)

    async def go(server: Hostile) -> int:
        rng = random.Random(1)
        async with runsteps.AsyncClient(api_key=KEY, base_url=server.base_url) as client:
            call = lambda: client.steps.retrieve("s1", thread_id="t", run_id="r")  # noqa: E731
            cancelled = 0
            for _ in range(100):  # bursts of 20
                burst = [asyncio.wait_for(call(), timeout=rng.uniform(0.0, 0.04)) for _ in range(20)]
                results = await asyncio.gather(*burst, return_exceptions=True)
                cancelled += sum(1 for r in results if isinstance(r, TimeoutError))
            assert cancelled > 1500, cancelled  # most of the 2,000 were cut off before their answer
            fresh = await asyncio.gather(*[asyncio.wait_for(call(), timeout=10) for _ in range(100)])
            return sum(1 for s in fresh if s.status == "completed")

    with Hostile(head_then_body) as server:
        assert asyncio.run(go(server)) == 100


# ---- 6. whatever a server sends, only typed errors ----

CRASH_BODIES: dict[str, tuple[bytes, dict[str, str]]] = {
    "nested 1,000 deep": (b"[" * 1000 + b"]" * 1000, {}),
    "nested 100,000 deep": (b'{"id": "s", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", {}),
    "an id that is an object": (json.dumps(step({"not": "a string"})).encode(), {}),
    "a 400-digit created_at": (json.dumps(step("s1", created_at=10**400)).encode(), {}),
    "a 1 MB id": (json.dumps(step("s" * 1_000_000)).encode(), {}),
    "a lone surrogate id": (b'{"id": "\\ud800", "status": "completed"}', {}),
    "latin-1 bytes": ('{"id": "café"}'.encode("latin-1"), {}),
    "a deflate body that is not": (b"not deflate", {"Content-Encoding": "deflate"}),
    "an encoding not asked for": (b"{}", {"Content-Encoding": "br"}),
    "NaN status": (b'{"id": "s", "status": NaN}', {}),
}


@pytest.mark.parametrize("case", list(CRASH_BODIES))
def test_a_crash_body_is_a_typed_error_or_a_model(case: str) -> None:
    body, headers = CRASH_BODIES[case]

    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        answer(sock, 200, body, headers)

    with Hostile(behaviour) as server, sync(server, max_retries=0) as client:
        retrieved = model_or_typed_error(lambda: client.steps.retrieve("s1", thread_id="t", run_id="r"))
        assert isinstance(retrieved, (runsteps.RunStep, runsteps.RunStepsError))
        for listing in (
            lambda: list(client.steps.list("r", thread_id="t")),
            lambda: list(client.steps.watch("r", thread_id="t", timeout=1, interval=0.2)),
        ):
            steps = model_or_typed_error(listing)
            assert isinstance(steps, runsteps.RunStepsError) or all(isinstance(s, runsteps.RunStep) for s in steps)


def model_or_typed_error(call: Callable[[], Any]) -> Any:
    """What a call returned, or the typed error it raised (which must say what came back)."""
    try:
        return call()
    except runsteps.RunStepsError as exc:
        assert str(exc).strip(), f"{type(exc).__name__} says nothing"
        return exc


def test_a_watch_sorts_steps_with_400_digit_timestamps() -> None:
    steps = [step(f"s{i}", "completed", created_at=10**400 + i) for i in range(3)]

    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        if request.path.endswith("/steps"):
            json_answer(sock, {"object": "list", "data": steps[::-1], "has_more": False})
        else:
            json_answer(sock, run("completed"))

    with Hostile(behaviour) as server, sync(server) as client:
        assert [s.id for s in client.steps.watch("r", thread_id="t")] == ["s0", "s1", "s2"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
header_values = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.one_of(
        json_values.map(lambda v: json.dumps(v).encode()),
        st.fixed_dictionaries({"id": json_values, "status": json_values, "step_details": json_values}).map(
            lambda v: json.dumps(v).encode()
        ),
        st.binary(max_size=200),
    ),
    status=st.sampled_from([200, 200, 201, 301, 400, 401, 404, 429, 500, 503, 599]),
    encoding=st.sampled_from([None, "gzip", "deflate", "identity", "x-unknown"]),
    header=header_values,
)
def test_fuzzed_answers_give_a_model_or_a_typed_error(
    body: bytes, status: int, encoding: str | None, header: str
) -> None:
    headers = {"retry-after": header, "openai-poll-after-ms": header, "x-request-id": header or "r"}
    if encoding:
        headers["Content-Encoding"] = encoding

    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        answer(sock, status, body, headers)

    with Hostile(behaviour) as server, sync(server, max_retries=0) as client:
        retrieved = model_or_typed_error(lambda: client.steps.retrieve("s1", thread_id="t", run_id="r"))
        listed = model_or_typed_error(lambda: list(client.steps.list("r", thread_id="t")))
    if status >= 300:  # an error status is never read as a step
        assert isinstance(retrieved, runsteps.APIStatusError) and retrieved.status_code == status
        assert isinstance(listed, runsteps.APIStatusError) and listed.status_code == status
    else:
        assert isinstance(retrieved, (runsteps.RunStep, runsteps.APIResponseValidationError))
        assert isinstance(listed, runsteps.APIResponseValidationError) or all(
            isinstance(s, runsteps.RunStep) for s in listed
        )


# ---- 7. secrets: refused before sending when unusable, never shown ----


@pytest.mark.parametrize("key", [KEY + "\n", " " + KEY, KEY + "\r\nX-Injected: 1", KEY.replace("-", "\u2013")])
def test_a_key_a_header_cannot_carry_is_refused_at_construction_without_showing_it(key: str) -> None:
    with pytest.raises(ValueError) as caught:
        runsteps.Client(api_key=key, base_url="http://127.0.0.1:9/v1")
    assert "hostile-key" not in str(caught.value) and "api_key" in str(caught.value)


def test_the_key_and_a_url_password_are_in_no_exception_repr_or_debug_log(caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(ValueError) as caught:
        runsteps.Client(api_key=KEY, base_url="http://user:hunter2@127.0.0.1:9/v1")
    assert "hunter2" not in str(caught.value)
    texts: list[str] = [str(caught.value)]
    with caplog.at_level(logging.DEBUG), Hostile(rate_limited("0")) as server:
        client = sync(server, max_retries=2)
        texts += [repr(client), repr(client.steps.list("r", thread_id="t")), repr(client._config)]
        try:
            client.steps.retrieve("s1", thread_id="t", run_id="r")
        except runsteps.RateLimitError as exc:
            texts += [str(exc), repr(exc), repr(exc.__dict__)]
    texts += [r.getMessage() for r in caplog.records]
    assert len(caplog.records) > 3  # DEBUG lines of runsteps, httpx and more were written
    assert not any(KEY in t or "hunter2" in t for t in texts)


# ---- 9. errors pickle; a retry-after that is not a number is no hint ----


def test_every_error_survives_pickling() -> None:
    response = httpx.Response(404, json={"error": {"message": "gone"}}, headers={"x-request-id": "req_1"})
    response.request = httpx.Request("GET", "http://h/v1/x")
    errors: list[Exception] = [
        runsteps.NotFoundError("HTTP 404: gone", response=response, error=runsteps.Error(message="gone"), retries=1),
        runsteps.APIResponseValidationError("bad", response=response),
        runsteps.APITimeoutError("slow", request=response.request, retries=2),
        runsteps.PollTimeoutError("still in_progress", last=runsteps.RunStep(id="s", status="in_progress")),
        runsteps.PayloadError("expected a string", ("id",)),
    ]
    for error in errors:
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and str(back) == str(error)
        assert {k: repr(v) for k, v in vars(back).items() if k != "response"} == {
            k: repr(v) for k, v in vars(error).items() if k != "response"
        }
    assert pickle.loads(pickle.dumps(errors[0])).request_id == "req_1"


@pytest.mark.parametrize("bad", ["nan", "inf", "-inf", "NaN"])
def test_a_retry_after_that_is_not_a_finite_number_is_no_hint(bad: str) -> None:
    assert server_delay({"retry-after-ms": bad, "retry-after": "2"}) == 2.0
    assert server_delay({"retry-after": bad}) is None


# ---- requests that can never succeed are not retried ----


def test_a_request_httpx_cannot_form_is_not_retried() -> None:
    never = GivenClock(lambda s: pytest.fail("a request that cannot be sent was retried"))
    with Hostile(in_progress_objects) as server, sync(server, max_retries=5, clock=never) as client:
        with pytest.raises(runsteps.APIConnectionError):
            client.steps.retrieve("s1", thread_id="t", run_id="r", extra_query={"q": "\ud800"})
        assert server.requests == []
