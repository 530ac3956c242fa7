"""Every server family, reached as its official client reaches it: configuration, request shapes,
tokens, errors, and the official clients themselves as peers of the emulator's flavours."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from azure.ai.agents import AgentsClient

import runsteps
from runsteps._config import Config
from runsteps.emulator import (
    FLAVOURS,
    Emulator,
    FaultPlan,
    ManualClock,
    RealClock,
    RunScript,
    StepScript,
    message_creation,
)
from runsteps.emulator.demo_script import DEMO_THREAD, add_demo_runs

from .families import AZURE_VERSION, client_for, official, trusting

INCLUDE = "step_details.tool_calls[*].file_search.results[*].content"


pytestmark = pytest.mark.filterwarnings("ignore:The Assistants API is deprecated:DeprecationWarning")


# ---- the official clients, unchanged, against the matching flavour ----


PEERS = [
    ("openai", "OpenAI"),
    ("compat", "OpenAI"),
    ("spec", "OpenAI"),
    ("azure", "AzureOpenAI key"),
    ("azure", "AzureOpenAI token"),
    ("azure-v1", "OpenAI"),
    ("azure-agents", "AgentsClient"),
]


def official_calls(client: Any) -> tuple[list[str], str, str]:
    """Steps listed in pages of 40, one step retrieved with file contents, one run's status."""
    if isinstance(client, AgentsClient):
        listed = [s.id for s in client.run_steps.list(DEMO_THREAD, "run_archive", limit=40, order="asc")]
        step = client.run_steps.get(DEMO_THREAD, "run_demo", "step_03_search", include=[INCLUDE])
        run = client.runs.get(DEMO_THREAD, "run_demo")
        return listed, step.step_details.tool_calls[0].file_search.results[0].content[0].text, run.status.value
    steps = client.beta.threads.runs.steps
    listed = [s.id for s in steps.list("run_archive", thread_id=DEMO_THREAD, limit=40, order="asc")]
    step = steps.retrieve("step_03_search", thread_id=DEMO_THREAD, run_id="run_demo", include=[INCLUDE])
    run = client.beta.threads.runs.retrieve("run_demo", thread_id=DEMO_THREAD)
    return listed, step.step_details.tool_calls[0].file_search.results[0].content[0].text, run.status


def runsteps_calls(client: runsteps.Client) -> tuple[list[str], str, str]:
    listed = [s.id for s in client.steps.list("run_archive", thread_id=DEMO_THREAD, limit=40, order="asc")]
    step = client.steps.retrieve("step_03_search", thread_id=DEMO_THREAD, run_id="run_demo", include=[INCLUDE])
    assert isinstance(step.step_details, runsteps.ToolCallsDetails)
    call = (step.step_details.tool_calls or [])[0]
    assert isinstance(call, runsteps.FileSearchToolCall) and call.file_search and call.file_search.results
    content = call.file_search.results[0].content or []
    run = client.runs.retrieve("run_demo", thread_id=DEMO_THREAD)
    return listed, str(content[0].text), str(run.status)


@pytest.mark.parametrize(("flavour", "how"), PEERS, ids=[f"{f}-{h}" for f, h in PEERS])
def test_the_official_client_lists_retrieves_and_reads_runs_unchanged(
    flavour: str, how: str, demo: Callable[[str], Emulator]
) -> None:
    emu = demo(flavour)
    listed, text, status = official_calls(official(emu, how))
    assert listed == [f"step_{i:06d}" for i in range(250)]  # seven pages of 40
    assert text == "Revenue grew 12%." and status == "completed"
    assert sum(1 for r in emu.requests if r.path.endswith("/run_archive/steps")) >= 7


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_runsteps_gets_what_the_official_client_gets(flavour: str, demo: Callable[[str], Emulator]) -> None:
    emu = demo(flavour)
    how = next(h for f, h in PEERS if f == flavour)
    with client_for(emu) as client:
        assert runsteps_calls(client) == official_calls(official(emu, how))


# ---- the same calls, the same requests ----


def shape(request: Any) -> tuple[Any, ...]:
    """What must agree between clients: route, query (include[] values split), credential kind, OpenAI-Beta."""
    query = sorted(
        (name, value) for name, values in request.query.items() for raw in values for value in raw.split(",")
    )
    return request.path, tuple(query), request.credential, request.beta


def recorded(emu: Emulator, calls: Callable[[], object]) -> list[tuple[Any, ...]]:
    emu.requests.clear()
    calls()
    return [shape(r) for r in emu.requests]


@pytest.mark.parametrize(("flavour", "how"), PEERS, ids=[f"{f}-{h}" for f, h in PEERS])
def test_runsteps_sends_the_requests_the_official_client_sends(
    flavour: str, how: str, demo: Callable[[str], Emulator]
) -> None:
    emu = demo(flavour)
    theirs = recorded(emu, lambda: official_calls(official(emu, how)))
    if how == "AzureOpenAI token":
        ours_client = runsteps.Client.for_azure(
            emu.endpoint, token_provider=emu.token_provider, api_version=AZURE_VERSION
        )
    elif how == "AgentsClient":  # the same api-version as the peer (azure-ai-agents 1.2 defaults to a preview one)
        version = official(emu, how)._config.api_version
        ours_client = runsteps.Client.for_azure_agents(
            emu.endpoint, token_provider=emu.token_provider, api_version=version, verify=emu.ca_file
        )
    else:
        ours_client = client_for(emu)
    ours = recorded(emu, lambda: runsteps_calls(ours_client))
    if flavour == "azure-agents":
        # The Agents client pages while `last_id` is set, ignoring `has_more`: one request more than needed.
        assert theirs[len(ours) - 2][0].endswith("/steps") and len(theirs) == len(ours) + 1
        del theirs[len(ours) - 2]
    assert ours == theirs
    expected = {"OpenAI": "bearer-key", "AzureOpenAI key": "api-key", "AzureOpenAI token": "bearer-token"}
    assert {r[2] for r in ours} == {expected.get(how, "bearer-token")}


def test_the_request_shapes_per_family_as_documented(demo: Callable[[str], Emulator]) -> None:
    table = {}
    for flavour in FLAVOURS:
        emu = demo(flavour)
        with client_for(emu) as client:
            emu.requests.clear()
            client.steps.retrieve("step_01_plan", thread_id=DEMO_THREAD, run_id="run_demo")
        request = emu.requests[-1]
        table[flavour] = (request.path.split("/threads/")[0], dict(request.query), request.credential, request.beta)
    assert table == {
        "openai": ("/v1", {}, "bearer-key", True),
        "azure": ("/openai", {"api-version": [AZURE_VERSION]}, "api-key", True),
        "azure-v1": ("/openai/v1", {}, "bearer-key", True),
        "azure-agents": ("/api/projects/emulator", {"api-version": ["v1"]}, "bearer-token", False),
        "compat": ("/v1", {}, "bearer-key", True),
        "spec": ("/v1", {}, "bearer-key", True),
    }


# ---- tokens: asked for before every attempt, refreshed when they expire ----


def test_a_3000_step_listing_and_a_long_watch_outlive_many_short_lived_tokens() -> None:
    with Emulator(flavour="azure-agents", clock=RealClock(), token_ttl=0.05) as emu:
        emu.add_completed_run("t", "r", 3000)
        steps = [StepScript(f"s{i}", message_creation("m"), start=0.1 * i, end=0.1 * i + 0.15) for i in range(12)]
        emu.add_run(RunScript("w", "t", [(0, "in_progress"), (1.5, "completed")], steps))
        with runsteps.Client.for_azure_agents(emu.endpoint, token_provider=emu.token_provider) as client:
            listed = [s.id for s in client.steps.list("r", thread_id="t", limit=20)]
            watched = {s.id: str(s.status) for s in client.steps.watch("w", thread_id="t", interval=0.05)}
        assert len(listed) == 3000 and len(set(listed)) == 3000
        assert watched == {f"s{i}": "completed" for i in range(12)}
        assert emu.token_provider.minted >= 10  # the provider was asked again after each expiry
        assert all(uses == 1 for uses in emu.expired_token_uses.values())  # an expired token went out once at most


def test_a_provider_that_caches_is_asked_to_refresh_after_a_401() -> None:
    class Cached:
        def __init__(self, emu: Emulator) -> None:
            self.emu, self.token, self.refreshed = emu, emu.mint_token(), 0

        def __call__(self) -> str:
            return self.token

        def refresh(self) -> str:
            self.refreshed += 1
            self.token = self.emu.mint_token()
            return self.token

    clock = RealClock()
    with Emulator(flavour="azure-agents", clock=clock, token_ttl=0.2) as emu:
        emu.add_completed_run("t", "r", 10)
        provider = Cached(emu)
        with runsteps.Client.for_azure_agents(emu.endpoint, token_provider=provider) as client:
            first = client.runs.retrieve("r", thread_id="t")
            asyncio.run(asyncio.sleep(0.25))
            second = client.runs.retrieve("r", thread_id="t")
        assert first.id == second.id == "r" and provider.refreshed == 1


def test_an_async_client_takes_an_async_token_provider() -> None:
    with Emulator(flavour="azure-agents") as emu:
        emu.add_completed_run("t", "r", 30)

        async def provider() -> str:
            return emu.token_provider()

        async def go() -> list[str]:
            async with runsteps.AsyncClient.for_azure_agents(emu.endpoint, token_provider=provider) as client:
                return [s.id async for s in client.steps.list("r", thread_id="t", limit=7)]

        assert len(asyncio.run(go())) == 30


# ---- errors name their request id on every flavour ----


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_error_on_every_flavour_carries_its_request_id(flavour: str, demo: Callable[[str], Emulator]) -> None:
    emu = demo(flavour)
    errors: list[runsteps.RunStepsError] = []
    with client_for(emu, max_retries=0) as client:
        for call in (
            lambda: client.steps.retrieve("step_nope", thread_id=DEMO_THREAD, run_id="run_demo"),
            lambda: client.runs.retrieve("run_demo", thread_id="thread_nope"),
        ):
            with pytest.raises(runsteps.NotFoundError) as caught:
                call()
            errors.append(caught.value)
    with runsteps.Client(api_key="sk-wrong", base_url=emu.base_url, max_retries=0, **trusting(emu)) as wrong:
        with pytest.raises((runsteps.AuthenticationError, runsteps.BadRequestError)) as caught:
            wrong.runs.retrieve("run_demo", thread_id=DEMO_THREAD)
        errors.append(caught.value)
    emu.faults = FaultPlan(rate=1.0, mix=["429-ms", "500", "503"], seed=1)
    with client_for(emu, max_retries=0) as client:
        for _ in range(3):
            with pytest.raises(runsteps.APIStatusError) as status:
                client.runs.retrieve("run_demo", thread_id=DEMO_THREAD)
            errors.append(status.value)
    for error in errors:
        assert isinstance(error, runsteps.APIStatusError)
        assert error.request_id and error.request_id.startswith("req_") and error.request_id in str(error)


def test_azure_error_bodies_are_parsed_with_their_string_codes_and_inner_errors(
    demo: Callable[[str], Emulator],
) -> None:
    emu = demo("azure")
    client = runsteps.Client.for_azure(emu.endpoint, api_key=emu.api_key, api_version="1999-01-01", max_retries=0)
    with client, pytest.raises(runsteps.BadRequestError) as caught:
        client.runs.retrieve("run_demo", thread_id=DEMO_THREAD)
    error = caught.value.error
    assert error is not None and error.code == "UnsupportedApiVersion" and error.inner_error is not None
    assert error.inner_error["param"] == "api-version" and "Unsupported api-version" in str(caught.value)


def test_a_gateways_flat_401_body_is_the_error(demo: Callable[[str], Emulator]) -> None:
    emu = demo("azure-agents")
    client = runsteps.Client.for_azure_agents(emu.endpoint, token_provider=lambda: "emu-token-forged", **trusting(emu))
    with client, pytest.raises(runsteps.AuthenticationError) as caught:
        client.runs.retrieve("run_demo", thread_id=DEMO_THREAD)
    error = caught.value.error
    assert error is not None and error.code == 401 and error.message and "Access token is missing" in error.message
    assert caught.value.request_id and caught.value.retries == 0


# ---- configuration: arguments, the environment, and what is refused ----


RES, X = "https://res.openai.azure.com", "https://x.openai.azure.com"


def azure_env(**values: str) -> dict[str, str]:
    return {"AZURE_OPENAI_ENDPOINT": RES, "OPENAI_API_VERSION": AZURE_VERSION, **values}


@pytest.mark.parametrize(
    ("kwargs", "environ", "expected"),
    [
        ({}, azure_env(AZURE_OPENAI_API_KEY="k1"), (RES + "/openai", "api-key", AZURE_VERSION)),
        ({"api_key": "k2"}, azure_env(AZURE_OPENAI_AD_TOKEN="t1"), (RES + "/openai", "api-key", AZURE_VERSION)),
        ({}, azure_env(AZURE_OPENAI_API_KEY="k1", AZURE_OPENAI_AD_TOKEN="t1"), (RES + "/openai", "Authorization", AZURE_VERSION)),
        ({"endpoint": X + "/openai/v1/", "api_key": "k"}, {}, (X + "/openai/v1", "Authorization", None)),
        ({"endpoint": X + "/openai", "api_key": "k", "api_version": "2024-10-21"}, {}, (X + "/openai", "api-key", "2024-10-21")),
        ({"api_key": "k", "token_provider": lambda: "t"}, azure_env(), (RES + "/openai", "tokens", AZURE_VERSION)),
    ],
)  # fmt: skip
def test_for_azure_reads_arguments_then_the_environment_as_openai_does(
    kwargs: dict[str, Any], environ: dict[str, str], expected: tuple[str, str, str | None]
) -> None:
    config = Config.azure(environ=environ, **kwargs)
    credential = config.credential
    header = "tokens" if not hasattr(credential, "header") else credential.header  # type: ignore[union-attr]
    assert (config.base_url, header, config.query.get("api-version")) == expected


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Config.azure(environ={}), "endpoint is required"),
        (lambda: Config.azure("https://r.openai.azure.com", api_key="k", environ={}), "an api-version is required"),
        (lambda: Config.azure("https://r.openai.azure.com", api_version="v", environ={}), "a key or token is required"),
        (lambda: Config.azure_agents("https://p.services.ai.azure.com/api/projects/p", environ={}), "pass token_provider=..."),
        (lambda: Config.azure_agents(environ={}), "PROJECT_ENDPOINT"),
        (lambda: Config.openai(environ={}), "OPENAI_BASE_URL"),
        (lambda: Config.openai(base_url="https://h/v1", environ={}), "OPENAI_API_KEY"),
        (lambda: Config.openai("k", base_url="https://h/v1?api-version=1", environ={}), "must not have a query"),
        (lambda: Config.openai("k", base_url="https://h/v1#top", environ={}), "must not have a fragment"),
        (lambda: Config.openai("k", base_url="https://user:hunter2@h/v1", environ={}), "must not carry credentials"),
        (lambda: Config.openai("k", base_url="https://h/v1\n", environ={}), "whitespace"),
        (lambda: Config.openai("k", base_url=" https://h/v1", environ={}), "whitespace"),
        (lambda: Config.openai("k", base_url="ftp://h/v1", environ={}), r"http\(s\) URL"),
        (lambda: Config.openai("sk-secret\n", base_url="https://h/v1", environ={}), "newline from a file"),
        (lambda: Config.openai("sk-\u00e9", base_url="https://h/v1", environ={}), "outside printable ASCII"),
        (lambda: Config.openai("k", default_headers={"X": "a\rb"}, base_url="https://h/v1", environ={}), "cannot carry"),
    ],
)  # fmt: skip
def test_what_cannot_work_is_refused_at_construction_without_showing_a_secret(
    make: Callable[[], Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        make()
    assert "hunter2" not in str(caught.value) and "sk-secret" not in str(caught.value)


def test_default_query_reaches_every_request_pages_included() -> None:
    with Emulator(flavour="azure") as emu:
        emu.add_completed_run("t", "r", 25)
        with runsteps.Client.for_azure(
            emu.endpoint, api_key=emu.api_key, api_version=AZURE_VERSION, default_query={"trace": "on"}
        ) as client:
            assert len(list(client.steps.list("r", thread_id="t", limit=10))) == 25
        assert len(emu.requests) == 3
        assert all(r.query["trace"] == ["on"] and r.query["api-version"] == [AZURE_VERSION] for r in emu.requests)


def test_a_callers_httpx_client_keeps_its_own_auth_and_params() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "r", "status": "completed"})

    auth = httpx.BasicAuth("user", "pass")
    http = httpx.Client(transport=httpx.MockTransport(handler), auth=auth, params={"tenant": "t1"})
    with runsteps.Client(base_url="http://127.0.0.1:9/v1", http_client=http) as client:
        assert client.runs.retrieve("r", thread_id="t").status == "completed"
    assert seen[0].headers["Authorization"].startswith("Basic ")  # theirs, not ours
    assert seen[0].url.params["tenant"] == "t1" and seen[0].headers["OpenAI-Beta"] == "assistants=v2"
    assert http.auth is auth and http.params["tenant"] == "t1"


def test_no_openai_beta_header_goes_to_azure_ai_agents() -> None:
    with Emulator(flavour="azure-agents") as emu:
        emu.add_completed_run("t", "r", 1)
        with runsteps.Client.for_azure_agents(emu.endpoint, token_provider=emu.token_provider) as client:
            client.runs.retrieve("r", thread_id="t")
        assert emu.requests[-1].beta is False


def test_plain_http_to_another_host_warns_that_the_credential_travels_unencrypted() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        runsteps.Client(api_key="k", base_url="http://example.invalid/v1").close()
        runsteps.Client(api_key="k", base_url="http://127.0.0.1:9/v1").close()
    assert [str(w.message) for w in caught] == [
        "http://example.invalid/v1 is plain http to a non-loopback host: the credential travels unencrypted"
    ]


@pytest.mark.parametrize(
    ("flavour", "where", "hinted"),
    [
        ("openai", lambda emu: emu.origin, True),  # /v1 left out
        ("compat", lambda emu: emu.origin + "/api", True),
        ("azure-agents", lambda emu: emu.origin, True),  # /api/projects/NAME left out
        ("openai", lambda emu: emu.base_url, False),  # the right base: the step does not exist
    ],
)
def test_a_404_from_a_base_url_of_no_familys_shape_says_so(flavour: str, where: Any, hinted: bool) -> None:
    with Emulator(flavour=flavour, clock=ManualClock(t=1000)) as emu:  # type: ignore[arg-type]
        add_demo_runs(emu)
        if flavour == "azure-agents":
            client = runsteps.Client.for_azure_agents(where(emu), token_provider=emu.token_provider)
        else:
            client = runsteps.Client(api_key=emu.api_key, base_url=where(emu))
        with client, pytest.raises(runsteps.NotFoundError) as raised:
            client.steps.retrieve("step_nope", thread_id="thread_demo", run_id="run_demo")
    message = str(raised.value)
    assert ("OpenAI-style servers serve under /v1" in message) is hinted, message
    if hinted:
        assert "Azure AI Agents under /api/projects/NAME" in message
