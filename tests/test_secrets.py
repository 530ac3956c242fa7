"""Secrets: a key a header cannot carry is refused without being shown; the key and a URL's password
are in no repr, exception, pickle or log line."""

from __future__ import annotations

import asyncio
import logging
import pickle
import sys
from typing import Any

import httpx
import pytest
import respx

import runsteps
from runsteps.emulator import (
    Emulator,
    FaultPlan,
)

from .cli import run as run_cli
from .cli import shell
from .clocks import no_waiting
from .hostile import (
    Hostile,
    echoing_credentials,
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


TOKENS = ["tok-first-0123456789", "tok-fresh-9876543210"]


def everything_about(error: BaseException) -> str:
    """Every text an error carries and gives away: message, repr, parsed error, response body and
    headers, request headers, and its pickle's bytes."""
    texts = [str(error), repr(error), repr(vars(error)), str(pickle.dumps(error))]
    response = getattr(error, "response", None)
    if response is not None:
        texts += [response.text, repr(response.headers.multi_items()), repr(response.request.headers.multi_items())]
    return "\n".join(texts)


def echoed_error(make: Any, kind: str) -> BaseException:
    with Hostile(echoing_credentials) as server:
        if kind == "sync":
            with make(server.base_url) as client, pytest.raises(runsteps.AuthenticationError) as caught:
                client.steps.retrieve("s1", thread_id="t", run_id="r")
            return caught.value

        async def go() -> BaseException:
            async with make(server.base_url, runsteps.AsyncClient) as client:
                try:
                    await client.steps.retrieve("s1", thread_id="t", run_id="r")
                except runsteps.AuthenticationError as exc:
                    return exc
            raise AssertionError("no error")

        return asyncio.run(go())


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_key_the_server_echoes_is_in_no_text_of_the_error_nor_its_pickle(kind: str) -> None:
    error = echoed_error(lambda url, cls=runsteps.Client: cls(api_key=KEY, base_url=url, max_retries=0), kind)
    text = everything_about(error)
    assert KEY not in text
    assert "Incorrect API key provided: Bearer [redacted]" in str(error)  # what the server said, the key masked
    assert error.response.status_code == 401 and error.request_id == "req_hostile"  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_an_azure_api_key_the_server_echoes_is_masked(kind: str) -> None:
    def make(url: str, cls: Any = runsteps.Client) -> Any:
        return cls.for_azure(url.removesuffix("/v1"), api_key=KEY, api_version="2025-01-01", max_retries=0)

    error = echoed_error(make, kind)
    assert KEY not in everything_about(error) and "[redacted]" in str(error)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_tokens_the_server_echoes_the_refused_one_and_the_fresh_one_are_masked(kind: str) -> None:
    class Provider:
        def __init__(self) -> None:
            self.handed = iter(TOKENS)
            self.token = next(self.handed)

        def __call__(self) -> str:
            return self.token

        def refresh(self) -> str:
            self.token = next(self.handed)
            return self.token

    def make(url: str, cls: Any = runsteps.Client) -> Any:
        return cls.for_azure_agents(url.removesuffix("/v1"), token_provider=Provider(), max_retries=0)

    error = echoed_error(make, kind)
    text = everything_about(error)
    assert not [t for t in TOKENS if t in text] and "[redacted]" in str(error)


def test_the_command_line_shows_no_key_or_token_a_server_or_a_token_command_echoes() -> None:
    with Hostile(echoing_credentials) as server:
        keyed = run_cli(["get", "t", "r", "s1"], shell(OPENAI_BASE_URL=server.base_url, OPENAI_API_KEY=KEY))
        echo = f"{sys.executable} -c \"print('{TOKENS[0]}')\""
        tokened = run_cli(
            ["get", "t", "r", "s1", "--server", "azure-agents", "--token-command", echo],
            shell(PROJECT_ENDPOINT=server.base_url.removesuffix("/v1")),
        )
    assert keyed.returncode == tokened.returncode != 0
    assert "Incorrect API key provided" in keyed.stderr and KEY not in keyed.stderr + keyed.stdout
    assert "Incorrect API key provided" in tokened.stderr and TOKENS[0] not in tokened.stderr + tokened.stdout


def test_a_failing_token_command_is_named_without_what_it_printed() -> None:
    leaky = f"{sys.executable} -c \"import sys; print('{TOKENS[0]}'); sys.exit('cannot refresh {TOKENS[0]}')\""
    done = run_cli(
        ["get", "t", "r", "s1", "--server", "azure-agents", "--token-command", leaky],
        shell(PROJECT_ENDPOINT="http://127.0.0.1:9"),
    )
    assert done.returncode != 0 and "--token-command failed (exit 1): cannot refresh [redacted]" in done.stderr
    assert TOKENS[0] not in done.stderr
