"""The SDK holds under faults and abuse: a faulty server, malformed responses, hostile arguments, and the key.

Faults come from the emulator on loopback (seeded, so a failure replays); malformed responses from
respx; arguments from hypothesis. Sleeps are patched out: retries happen at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from hypothesis import given, settings
from hypothesis import strategies as st

import runsteps
from runsteps.emulator import (
    FLAVOURS,
    Emulator,
    FaultPlan,
    Flavour,
    ManualClock,
    RunScript,
    StepScript,
    message_creation,
)

from .clocks import GivenClock, no_waiting
from .corpus import step
from .families import client_for

# Routes of respx are matched in front of runsteps' own transport (respx's httpx-level mocker).
pytestmark = pytest.mark.respx(using="httpx")

EVERY_FAULT = ["429", "429-ms", "500", "502-html", "503", "cut", "empty-more"]
N = 3000
EXPECTED = [f"step_{i:06d}" for i in range(N)]


def faulty(seed: int, clock: ManualClock | None = None, flavour: Flavour = "openai") -> Emulator:
    plan = FaultPlan(rate=0.3, mix=EVERY_FAULT, seed=seed, retry_after_seconds=0)
    return Emulator(clock=clock, faults=plan, flavour=flavour)


# ---- a server where 30% of responses are faults ----


@pytest.mark.parametrize(
    ("seed", "flavour"), [(1, "openai"), (2, "openai"), *[(5, f) for f in FLAVOURS if f != "openai"]]
)
def test_paging_3000_steps_through_30_percent_faults_yields_each_once_in_order(seed: int, flavour: Flavour) -> None:
    with faulty(seed, flavour=flavour) as emu:
        emu.add_completed_run("t", "r", N)
        with client_for(emu, max_retries=10, clock=no_waiting()) as c:
            ids = [s.id for s in c.steps.list("r", thread_id="t", limit=100, order="asc")]
        assert ids == EXPECTED
        faults = [f for f in emu.faults.log if f is not None]
        assert len(faults) >= 5 and len(set(faults)) >= 3  # the faults did happen, of several kinds


def test_when_retries_run_out_the_error_is_typed_and_the_cursor_resumes_without_loss_or_duplicates() -> None:
    with faulty(3) as emu:
        emu.add_completed_run("t", "r", N)
        got: list[str] = []
        errors: list[Exception] = []
        after = None
        with runsteps.Client(api_key=emu.api_key, base_url=emu.base_url, max_retries=1, clock=no_waiting()) as c:
            while len(errors) < 200:
                pager = c.steps.list("r", thread_id="t", limit=100, order="asc", after=after)
                try:
                    got.extend(s.id for s in pager)
                    break
                except runsteps.RunStepsError as exc:
                    errors.append(exc)
                    after = pager.cursor or after
        assert got == EXPECTED
        assert errors and all(
            isinstance(e, (runsteps.APIStatusError, runsteps.APIConnectionError, runsteps.APIResponseValidationError))
            for e in errors
        )


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_watch_through_30_percent_faults_yields_the_final_state_of_every_step(kind: str, flavour: Flavour) -> None:
    clock = ManualClock()
    steps = [StepScript(f"s{i:02d}", message_creation("m"), i * 0.5, i * 0.5 + 1.2, "completed") for i in range(30)]
    steps[7].outcome = "failed"
    with faulty(4, clock, flavour) as emu:
        emu.add_run(RunScript("r", "t", [(0, "queued"), (1, "in_progress"), (17, "completed")], steps))
        if kind == "sync":
            with client_for(emu, max_retries=10, clock=GivenClock(lambda s: clock.advance(min(s, 0.5)))) as c:
                events = [(s.id, str(s.status)) for s in c.steps.watch("r", thread_id="t", interval=0.5)]
        else:

            async def go() -> list[tuple[str, str]]:
                async def sleep(s: float) -> None:
                    clock.advance(min(s, 0.5))

                async with client_for(emu, runsteps.AsyncClient, max_retries=10, clock=GivenClock(sleep)) as ac:
                    return [(s.id, str(s.status)) async for s in ac.steps.watch("r", thread_id="t", interval=0.5)]

            events = asyncio.run(go())
    finals = dict(events)
    assert finals == {s.id: s.outcome for s in steps}


# ---- malformed responses: each a typed error, never a crash ----

URL = "http://127.0.0.1:9/v1/threads/t/runs/r/steps/s"
TEN_MB = 10 * 1024 * 1024


def bad(status: int, content: bytes, content_type: str) -> httpx.Response:
    return httpx.Response(status, content=content, headers={"content-type": content_type, "x-request-id": "req_bad"})


BAD_RESPONSES: dict[str, tuple[httpx.Response, type[Exception], str]] = {
    "HTML with 200": (
        bad(200, b"<html><body>Service Unavailable</body></html>", "text/html"),
        runsteps.APIResponseValidationError,
        "not JSON",
    ),
    "truncated JSON": (bad(200, json.dumps(step())[:50].encode(), "application/json"), runsteps.APIResponseValidationError, "not JSON"),
    "JSON array": (bad(200, b"[1, 2]", "application/json"), runsteps.APIResponseValidationError, "JSON list"),
    "JSON string": (bad(200, b'"ok"', "application/json"), runsteps.APIResponseValidationError, "JSON str"),
    "JSON null": (bad(200, b"null", "application/json"), runsteps.APIResponseValidationError, "JSON NoneType"),
    "empty body": (bad(200, b"", "application/json"), runsteps.APIResponseValidationError, "empty"),
    "step without id": (
        bad(200, json.dumps({k: v for k, v in step().items() if k != "id"}).encode(), "application/json"),
        runsteps.APIResponseValidationError,
        "id: required field is missing",
    ),
    "step details of the wrong type": (
        bad(200, json.dumps(step(step_details=[1])).encode(), "application/json"),
        runsteps.APIResponseValidationError,
        "step_details: expected an object or null, got array",
    ),
    "10 MB of garbage": (bad(200, b"\x00garbage" * (TEN_MB // 8), "application/json"), runsteps.APIResponseValidationError, "not JSON"),
    "binary with a wrong content type": (bad(200, bytes(range(256)) * 4, "image/png"), runsteps.APIResponseValidationError, "image/png"),
    "status 499": (
        bad(499, b'{"error": {"message": "client closed"}}', "application/json"),
        runsteps.APIStatusError,
        "HTTP 499: client closed",
    ),
    "status 520 with HTML": (bad(520, b"<html>origin error</html>", "text/html"), runsteps.InternalServerError, "HTTP 520"),
    "error that is a string": (bad(400, b'{"error": "bad thing"}', "application/json"), runsteps.BadRequestError, "bad thing"),
    "error that is a list": (bad(400, b'{"error": [1, 2]}', "application/json"), runsteps.BadRequestError, "HTTP 400"),
    "error with a numeric code and no message": (
        bad(404, b'{"error": {"code": 404, "type": null}}', "application/json"),
        runsteps.NotFoundError,
        "HTTP 404",
    ),
    "error fields of the wrong types": (
        bad(422, b'{"error": {"message": 5, "param": [], "code": {}}}', "application/json"),
        runsteps.UnprocessableEntityError,
        "HTTP 422",
    ),
    "a bare message, no error object": (
        bad(403, b'{"message": "forbidden"}', "application/json"), runsteps.PermissionDeniedError, "HTTP 403"
    ),
    "error as plain text": (bad(401, b"Unauthorized", "text/plain"), runsteps.AuthenticationError, "Unauthorized"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(BAD_RESPONSES))
def test_a_malformed_response_is_a_typed_error_saying_what_came_back(respx_mock: respx.MockRouter, name: str) -> None:
    response, cls, says = BAD_RESPONSES[name]
    respx_mock.get(URL).mock(return_value=response)
    c = runsteps.Client(api_key="sk-k", base_url="http://127.0.0.1:9/v1", max_retries=0)
    with pytest.raises(cls) as caught:
        c.steps.retrieve("s", thread_id="t", run_id="r")
    message = str(caught.value)
    assert says in message and len(message) < 1000  # says what came back, not all of it
    assert caught.value.request_id == "req_bad"  # type: ignore[attr-defined]


def test_a_10_mb_step_that_is_valid_is_parsed_whole(respx_mock: respx.MockRouter) -> None:
    logs = "x" * TEN_MB
    big = step(step_details={"type": "tool_calls", "tool_calls": [
        {"id": "c", "type": "code_interpreter", "code_interpreter": {"input": "", "outputs": [{"type": "logs", "logs": logs}]}}
    ]})  # fmt: skip
    respx_mock.get(URL).respond(json=big)
    got = runsteps.Client(api_key="sk-k", base_url="http://127.0.0.1:9/v1").steps.retrieve(
        "s", thread_id="t", run_id="r"
    )
    assert got.to_dict() == big


def test_a_json_body_under_a_wrong_content_type_is_still_read(respx_mock: respx.MockRouter) -> None:
    # Servers label JSON as text/plain or omit the type: the body, not the label, decides.
    respx_mock.get(URL).mock(return_value=bad(200, json.dumps(step(id="s")).encode(), "text/plain"))
    assert (
        runsteps.Client(api_key="sk-k", base_url="http://127.0.0.1:9/v1")
        .steps.retrieve("s", thread_id="t", run_id="r")
        .id
        == "s"
    )


# ---- hostile arguments: each a ValueError before any request ----

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.binary(max_size=6),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(
        ["asc", "desc", "step_details.tool_calls[*].file_search.results[*].content", ".", "..", "a/b", " "]
    ),
)
UNSAFE = set("/?#%") | {chr(c) for c in range(0x20)} | {"\x7f"}
INCLUDE = "step_details.tool_calls[*].file_search.results[*].content"


def valid_id(v: Any) -> bool:
    return isinstance(v, str) and v not in ("", ".", "..") and not any(ch in UNSAFE or ch.isspace() for ch in v)


def valid_limit(v: Any) -> bool:
    return v is None or (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 100)


def valid_order(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v in ("asc", "desc"))


def valid_include(v: Any) -> bool:
    return v is None or (isinstance(v, (list, tuple)) and all(x == INCLUDE for x in v))


def valid_seconds(v: Any, *, positive: bool) -> bool:
    if v is None:
        return True
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        return False
    return v > 0 if positive else v >= 0


def answer(request: httpx.Request) -> httpx.Response:
    segments = request.url.raw_path.split(b"?")[0].split(b"/")  # /v1/threads/T/runs/R[/steps[/S]]
    if len(segments) == 7:
        return httpx.Response(
            200, json={"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False}
        )
    if len(segments) == 8:
        return httpx.Response(200, json=step())
    run = {"id": "r", "object": "thread.run", "created_at": 1, "thread_id": "t", "status": "completed"}
    return httpx.Response(200, json=run)


SENT: list[httpx.Request] = []
ABUSED = runsteps.Client(
    api_key="sk-k",
    base_url="http://127.0.0.1:9/v1",
    http_client=httpx.Client(transport=httpx.MockTransport(lambda r: (SENT.append(r), answer(r))[1])),
)

CALLS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], bool]]] = {
    "retrieve step_id": (lambda v: ABUSED.steps.retrieve(v, thread_id="t", run_id="r"), valid_id),
    "retrieve thread_id": (lambda v: ABUSED.steps.retrieve("s", thread_id=v, run_id="r"), valid_id),
    "retrieve include": (lambda v: ABUSED.steps.retrieve("s", thread_id="t", run_id="r", include=v), valid_include),
    "list run_id": (lambda v: list(ABUSED.steps.list(v, thread_id="t")), valid_id),
    "list limit": (lambda v: list(ABUSED.steps.list("r", thread_id="t", limit=v)), valid_limit),
    "list order": (lambda v: list(ABUSED.steps.list("r", thread_id="t", order=v)), valid_order),
    "list after": (lambda v: list(ABUSED.steps.list("r", thread_id="t", after=v)), lambda v: v is None or valid_id(v)),
    "list before": (lambda v: list(ABUSED.steps.list("r", thread_id="t", before=v)), lambda v: v is None or valid_id(v)),
    "list include": (lambda v: list(ABUSED.steps.list("r", thread_id="t", include=v)), valid_include),
    "wait timeout": (lambda v: ABUSED.steps.wait("s", thread_id="t", run_id="r", timeout=v), lambda v: valid_seconds(v, positive=True)),
    "wait interval": (lambda v: ABUSED.steps.wait("s", thread_id="t", run_id="r", interval=v), lambda v: valid_seconds(v, positive=True)),
    "runs.wait interval": (lambda v: ABUSED.runs.wait("r", thread_id="t", interval=v), lambda v: valid_seconds(v, positive=True)),
    "watch timeout": (lambda v: list(ABUSED.steps.watch("r", thread_id="t", timeout=v)), lambda v: valid_seconds(v, positive=True)),
    "runs.retrieve run_id": (lambda v: ABUSED.runs.retrieve(v, thread_id="t"), valid_id),
}  # fmt: skip


@pytest.mark.parametrize("call", list(CALLS))
@settings(max_examples=150, deadline=None)
@given(value=anything)
def test_a_bad_argument_is_a_value_error_before_any_request(call: str, value: Any) -> None:
    make_call, is_valid = CALLS[call]
    SENT.clear()
    if is_valid(value):
        with contextlib.suppress(runsteps.PollTimeoutError):  # a tiny timeout can run out: fine, once it asked
            make_call(value)
        assert SENT
    else:
        with pytest.raises(ValueError):
            make_call(value)
        assert not SENT


@settings(max_examples=100, deadline=None)
@given(api_key=anything, timeout=anything, max_retries=anything)
def test_bad_client_settings_are_value_errors(api_key: Any, timeout: Any, max_retries: Any) -> None:
    key_ok = isinstance(api_key, str) and api_key != ""
    timeout_ok = valid_seconds(timeout, positive=True)
    retries_ok = isinstance(max_retries, int) and not isinstance(max_retries, bool) and max_retries >= 0
    settings_ok = key_ok and timeout_ok and retries_ok
    try:
        with pytest.MonkeyPatch.context() as env:
            env.delenv("OPENAI_API_KEY", raising=False)
            runsteps.Client(api_key=api_key, base_url="http://127.0.0.1:9/v1", timeout=timeout, max_retries=max_retries)
    except ValueError:
        assert not settings_ok
    else:
        assert settings_ok


# ---- the key never shows ----

KEY = "sk-secret-0123456789abcdef"
WRONG_KEY = "sk-wrong-fedcba9876543210"


def test_the_key_is_in_no_log_line_exception_or_repr(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx's, httpcore's
    texts: list[str] = []
    with Emulator(api_key=KEY, faults=FaultPlan(rate=0.5, mix=["429-ms", "500", "cut"], seed=9)) as emu:
        emu.add_completed_run("t", "r", 30)
        with runsteps.Client(api_key=KEY, base_url=emu.base_url, max_retries=5, clock=no_waiting()) as c:
            texts += [repr(c), str(c._config), repr(c._config), repr(c.steps.list("r", thread_id="t"))]
            assert len(list(c.steps.list("r", thread_id="t", limit=7))) == 30
        wrong = runsteps.Client(api_key=WRONG_KEY, base_url=emu.base_url, max_retries=0, clock=no_waiting())
        for call in (
            lambda: wrong.steps.retrieve("s", thread_id="t", run_id="r"),
            lambda: runsteps.Client(
                api_key=KEY, base_url=emu.base_url, max_retries=0, clock=no_waiting()
            ).steps.retrieve("missing", thread_id="t", run_id="r"),
            lambda: runsteps.Client(api_key=KEY, base_url="http://127.0.0.1:1/v1", max_retries=0).runs.retrieve(
                "r", thread_id="t"
            ),
        ):
            with pytest.raises(runsteps.RunStepsError) as caught:
                call()
            texts += [str(caught.value), repr(caught.value), repr(caught.value.__dict__)]
    texts += [caplog.text, *(repr(r.__dict__) for r in caplog.records)]
    assert len(caplog.records) > 10
    assert not [t for t in texts if KEY in t or WRONG_KEY in t]
