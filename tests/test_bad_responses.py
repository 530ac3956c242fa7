"""Whatever a server sends, a model or a typed error that says what came back: status errors, bodies
that are not what they claim, crash bodies and fuzzed answers, bombs; errors that pickle."""

from __future__ import annotations

import asyncio
import json
import pickle
import socket
import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import runsteps

from .corpus import step
from .hostile import (
    Hostile,
    Request,
    answer,
    encoded,
    gzip_bomb,
    json_answer,
    run,
    sync,
)
from .hostile import (
    step as bare_step,
)
from .mocked import BASE, KEY, STEP_URL, client

# Routes of respx are matched in front of runsteps' own transport (respx's httpx-level mocker).
pytestmark = pytest.mark.respx(using="httpx")


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
    plain = json.dumps(bare_step("s1")).encode()
    with (
        Hostile(encoded(plain, "gzip")) as server,
        sync(server, max_retries=0) as client,
        pytest.raises(runsteps.APIResponseValidationError, match="not the compressed data"),
    ):
        client.steps.retrieve("s1", thread_id="t", run_id="r")


CRASH_BODIES: dict[str, tuple[bytes, dict[str, str]]] = {
    "nested 1,000 deep": (b"[" * 1000 + b"]" * 1000, {}),
    "nested 100,000 deep": (b'{"id": "s", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", {}),
    "an id that is an object": (json.dumps(bare_step({"not": "a string"})).encode(), {}),
    "a 400-digit created_at": (json.dumps(bare_step("s1", created_at=10**400)).encode(), {}),
    "a 1 MB id": (json.dumps(bare_step("s" * 1_000_000)).encode(), {}),
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
    steps = [bare_step(f"s{i}", "completed", created_at=10**400 + i) for i in range(3)]

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


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, runsteps.BadRequestError),
        (401, runsteps.AuthenticationError),
        (403, runsteps.PermissionDeniedError),
        (404, runsteps.NotFoundError),
        (409, runsteps.ConflictError),
        (422, runsteps.UnprocessableEntityError),
        (429, runsteps.RateLimitError),
        (500, runsteps.InternalServerError),
        (520, runsteps.InternalServerError),
        (499, runsteps.APIStatusError),
    ],
)
def test_each_status_is_its_typed_error(
    respx_mock: respx.MockRouter, status: int, cls: type[runsteps.APIStatusError]
) -> None:
    body = {"error": {"message": "nope", "type": "requests", "param": None, "code": None}}
    respx_mock.get(STEP_URL).respond(status, json=body, headers={"x-request-id": "req_1", "x-should-retry": "false"})
    c, _ = client()
    with pytest.raises(cls) as caught:
        c.steps.retrieve("s", thread_id="t", run_id="r")
    err = caught.value
    assert type(err) is cls and err.status_code == status and err.request_id == "req_1"
    assert err.error is not None and err.error.message == "nope"
    assert f"HTTP {status}: nope" in str(err)


def test_html_error_bodies_are_described_not_decoded(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(STEP_URL).respond(502, text="<html>Bad Gateway</html>", headers={"content-type": "text/html"})
    c, sleeps = client()
    with pytest.raises(runsteps.InternalServerError, match="Bad Gateway") as caught:
        c.steps.retrieve("s", thread_id="t", run_id="r")
    assert caught.value.error is None and caught.value.retries == 2 and len(sleeps) == 2


@pytest.mark.parametrize("body", [b"<html>ok</html>", b'{"id": "s"', b"[1, 2]", b'"text"', b'{"object": "x"}'])
def test_unusable_2xx_bodies_are_validation_errors(respx_mock: respx.MockRouter, body: bytes) -> None:
    respx_mock.get(STEP_URL).respond(200, content=body)
    c, _ = client()
    with pytest.raises(runsteps.APIResponseValidationError):
        c.steps.retrieve("s", thread_id="t", run_id="r")


LIST_URL = f"{BASE}/threads/t/runs/r/steps"


def a_page(*items: Any, has_more: bool = False) -> dict[str, Any]:
    return {"object": "list", "data": list(items), "first_id": None, "last_id": None, "has_more": has_more}


def listed(pager: Any) -> tuple[list[str], BaseException | None]:
    """What a loop over a sync or async pager got before it ended, and the error that ended it."""
    got: list[str] = []

    async def walk_async() -> None:
        async for item in pager:
            got.append(item.id)

    try:
        if isinstance(pager, runsteps.AsyncPager):
            asyncio.run(walk_async())
        else:
            got.extend(item.id for item in pager)
    except runsteps.RunStepsError as exc:
        return got, exc
    return got, None


@pytest.mark.parametrize("kind", [runsteps.Client, runsteps.AsyncClient])
def test_a_malformed_step_is_an_error_where_the_loop_reaches_it_after_the_steps_before_it(
    respx_mock: respx.MockRouter, kind: type[Any]
) -> None:
    # Steps are read into models as they are yielded: the good ones before a bad one are not withheld.
    bad = step(id="s3", usage={"prompt_tokens_details": "lots"})
    respx_mock.get(LIST_URL).respond(
        json=a_page(step(id="s1"), step(id="s2"), bad, step(id="s4")), headers={"x-request-id": "req_bad"}
    )
    pager = kind(api_key=KEY, base_url=BASE).steps.list("r", thread_id="t")
    got, error = listed(pager)
    assert got == ["s1", "s2"] and pager.cursor == "s2"  # resuming after the cursor reaches the bad step again
    assert isinstance(error, runsteps.APIResponseValidationError)
    assert "data[2].usage.prompt_tokens_details: expected an object, got string" in str(error)
    assert error.request_id == "req_bad" and error.response is not None and error.response.status_code == 200


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("s2", "data[1]: expected an object, got string"),
        ({"object": "thread.run.step"}, "data[1].id: required field is missing"),
        ({"id": 7}, "data[1].id: expected a string, got number"),
    ],
)
def test_an_item_a_walk_cannot_follow_fails_the_page_before_any_of_it_is_yielded(
    respx_mock: respx.MockRouter, item: Any, message: str
) -> None:
    # Without every id the page's new items and its cursor are unknown: nothing of it is yielded.
    respx_mock.get(LIST_URL).respond(json=a_page(step(id="s1"), item, has_more=True))
    pager = runsteps.Client(api_key=KEY, base_url=BASE).steps.list("r", thread_id="t")
    got, error = listed(pager)
    assert got == [] and pager.cursor is None
    assert isinstance(error, runsteps.APIResponseValidationError) and message in str(error)


@pytest.mark.parametrize("data", [None, "steps", {"s1": {}}])
def test_a_page_whose_data_is_not_an_array_says_what_it_is(respx_mock: respx.MockRouter, data: Any) -> None:
    respx_mock.get(LIST_URL).respond(json={"object": "list", "data": data, "has_more": False})
    got, error = listed(runsteps.Client(api_key=KEY, base_url=BASE).steps.list("r", thread_id="t"))
    assert got == [] and isinstance(error, runsteps.APIResponseValidationError)
    assert "data: expected an array, got " in str(error)


def test_pages_are_yielded_whole_so_a_malformed_step_fails_its_page(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(LIST_URL).respond(json=a_page(step(id="s1"), step(id="s2", status=3)))
    pages = runsteps.Client(api_key=KEY, base_url=BASE).steps.list("r", thread_id="t").pages()
    with pytest.raises(runsteps.APIResponseValidationError, match=r"data\[1\]\.status: expected a string"):
        next(iter(pages))
