"""Bad input is a clear ValueError before any request: ids, arguments, client settings, a missing key,
a request that cannot be formed."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from hypothesis import given, settings
from hypothesis import strategies as st

import runsteps

from .clocks import GivenClock
from .corpus import step
from .hostile import (
    Hostile,
    in_progress_objects,
    sync,
)
from .mocked import client

# Routes of respx are matched in front of runsteps' own transport (respx's httpx-level mocker).
pytestmark = pytest.mark.respx(using="httpx")


def test_a_request_httpx_cannot_form_is_not_retried() -> None:
    never = GivenClock(lambda s: pytest.fail("a request that cannot be sent was retried"))
    with Hostile(in_progress_objects) as server, sync(server, max_retries=5, clock=never) as client:
        with pytest.raises(runsteps.APIConnectionError):
            client.steps.retrieve("s1", thread_id="t", run_id="r", extra_query={"q": "\ud800"})
        assert server.requests == []


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
    "watch include": (lambda v: list(ABUSED.steps.watch("r", thread_id="t", include=v)), valid_include),
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


@pytest.mark.parametrize("bad", ["", ".", "..", "a/b", "a?b", "a#b", "a b", "a\nb", "a\x00", 5, None])
def test_bad_ids_are_value_errors_before_any_request(bad: Any) -> None:
    c, _ = client()
    with respx.mock(using="httpx", assert_all_called=False) as mock:
        with pytest.raises(ValueError, match="step_id"):
            c.steps.retrieve(bad, thread_id="t", run_id="r")
        assert not mock.calls


@pytest.mark.parametrize(
    ("kw", "name"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": True}, "limit"),
        ({"order": "up"}, "order"),
        ({"include": ["x"]}, "include"),
        ({"after": "a", "before": "b"}, "before"),
    ],
)
def test_bad_list_arguments_are_value_errors(kw: dict[str, Any], name: str) -> None:
    c, _ = client()
    with pytest.raises(ValueError, match=name):
        c.steps.list("r", thread_id="t", **kw)


def test_missing_key_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ValueError, match="OPENAI_API_KEY"):
        runsteps.Client(base_url="http://127.0.0.1:9/v1")
