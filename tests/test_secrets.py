"""Secrets: a key a header cannot carry is refused without being shown; the key and a URL's password
are in no repr, exception, pickle or log line."""

from __future__ import annotations

import logging

import httpx
import pytest
import respx

import runsteps
from runsteps.emulator import (
    Emulator,
    FaultPlan,
)

from .clocks import no_waiting
from .hostile import (
    Hostile,
    rate_limited,
    sync,
)
from .mocked import KEY, STEP_URL, client

# Routes of respx are matched in front of runsteps' own transport (respx's httpx-level mocker).
pytestmark = pytest.mark.respx(using="httpx")


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


def test_the_key_appears_in_no_repr_error_or_log(
    respx_mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="runsteps")
    respx_mock.get(STEP_URL).mock(
        side_effect=[httpx.Response(500), httpx.Response(404, json={"error": {"message": "x"}})]
    )
    c, _ = client()
    with pytest.raises(runsteps.NotFoundError) as caught:
        c.steps.retrieve("s", thread_id="t", run_id="r")
    texts = [repr(c), str(c._config), repr(c._config), str(caught.value), repr(caught.value), caplog.text]
    assert caplog.text and all(KEY not in t for t in texts)
