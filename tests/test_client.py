"""The client as a server sees it: headers, cookies, a caller's own httpx client, retries and their
waits (respx), then paging, polling and concurrency on the emulator."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import respx

import runsteps
from runsteps._plans.retry import server_delay
from runsteps.emulator import Emulator, FaultPlan, ManualClock, RunScript, StepScript, message_creation

from .clocks import GivenClock, async_no_waiting, no_waiting
from .corpus import step
from .mocked import BASE, KEY, STEP_URL, client

# The routes are matched in front of runsteps' own transport (respx's httpx-level mocker).
pytestmark = pytest.mark.respx(using="httpx")


def test_every_request_carries_auth_and_beta_headers(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.get(STEP_URL).respond(json=step(id="s"))
    c, _ = client(organization="org_1")
    assert c.steps.retrieve("s", thread_id="t", run_id="r").id == "s"
    sent = route.calls.last.request
    assert sent.headers["Authorization"] == f"Bearer {KEY}"
    assert sent.headers["OpenAI-Beta"] == "assistants=v2"
    assert sent.headers["OpenAI-Organization"] == "org_1"


def test_cookies_a_server_sets_are_sent_back_as_the_official_clients_do(respx_mock: respx.MockRouter) -> None:
    # Azure front ends pin a client to an instance with a cookie (ARRAffinity); openai's clients keep it.
    route = respx_mock.get(STEP_URL).mock(
        side_effect=[
            httpx.Response(200, json=step(id="s"), headers={"Set-Cookie": "ARRAffinity=abc123; Path=/"}),
            httpx.Response(200, json=step(id="s")),  # an answer setting none keeps what was set
            httpx.Response(200, json=step(id="s"), headers=[("set-cookie", "b=2; Path=/")]),  # any spelling
            httpx.Response(200, json=step(id="s")),
        ]
    )
    c, _ = client()
    for _ in range(4):
        c.steps.retrieve("s", thread_id="t", run_id="r")
    assert "Cookie" not in route.calls[0].request.headers
    assert route.calls[1].request.headers["Cookie"] == "ARRAffinity=abc123"
    assert route.calls[2].request.headers["Cookie"] == "ARRAffinity=abc123"
    assert sorted(route.calls[3].request.headers["Cookie"].split("; ")) == ["ARRAffinity=abc123", "b=2"]


def test_an_async_client_sends_cookies_back_too(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.get(STEP_URL).mock(
        side_effect=[
            httpx.Response(200, json=step(id="s"), headers={"Set-Cookie": "ARRAffinity=abc123; Path=/"}),
            httpx.Response(200, json=step(id="s")),
        ]
    )

    async def go() -> None:
        async with runsteps.AsyncClient(api_key=KEY, base_url=BASE) as ac:
            for _ in range(2):
                await ac.steps.retrieve("s", thread_id="t", run_id="r")

    asyncio.run(go())
    assert route.calls[1].request.headers["Cookie"] == "ARRAffinity=abc123"


def test_a_callers_http_client_gets_the_headers_per_request_and_is_not_changed() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=step(id="s"))

    http = httpx.Client(transport=httpx.MockTransport(handler))
    c = runsteps.Client(api_key=KEY, base_url=BASE, http_client=http)
    assert c.steps.retrieve("s", thread_id="t", run_id="r").id == "s"
    assert seen[0].headers["Authorization"] == f"Bearer {KEY}" and seen[0].headers["OpenAI-Beta"] == "assistants=v2"
    assert "Authorization" not in http.headers
    c.close()
    assert not http.is_closed  # the caller's client is the caller's to close


def test_retries_honour_server_hints_and_backoff(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(STEP_URL).mock(
        side_effect=[
            httpx.Response(429, headers={"retry-after-ms": "1500"}),
            httpx.Response(503, headers={"retry-after": "2"}),
            httpx.Response(200, json=step(id="s")),
        ]
    )
    c, sleeps = client()
    assert c.steps.retrieve("s", thread_id="t", run_id="r").id == "s"
    assert sleeps == [1.5, 2.0]


def test_connection_errors_retry_then_raise_typed(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(STEP_URL).mock(side_effect=httpx.ConnectError("refused"))
    c, sleeps = client(max_retries=3)
    with pytest.raises(runsteps.APIConnectionError) as caught:
        c.steps.retrieve("s", thread_id="t", run_id="r")
    assert caught.value.retries == 3 and len(sleeps) == 3
    assert 0.375 <= sleeps[0] <= 0.5 and 0.75 <= sleeps[1] <= 1.0 and 1.5 <= sleeps[2] <= 2.0
    respx_mock.get(STEP_URL).mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(runsteps.APITimeoutError):
        c.steps.retrieve("s", thread_id="t", run_id="r")


def test_too_long_server_delay_and_should_retry_false_raise_at_once(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.get(STEP_URL).respond(429, headers={"retry-after": "3600"})
    c, sleeps = client()
    with pytest.raises(runsteps.RateLimitError):
        c.steps.retrieve("s", thread_id="t", run_id="r")
    assert sleeps == [] and route.call_count == 1
    respx_mock.get(STEP_URL).respond(400, headers={"x-should-retry": "true"})
    with pytest.raises(runsteps.BadRequestError):
        c.steps.retrieve("s", thread_id="t", run_id="r")
    assert len(sleeps) == 2


def emulated(**kw: Any) -> tuple[Emulator, runsteps.Client]:
    emu = Emulator(**kw).start()
    c = runsteps.Client(api_key=emu.api_key, base_url=emu.base_url, clock=no_waiting())
    return emu, c


def test_an_empty_page_claiming_more_is_retried_then_an_error() -> None:
    emu, c = emulated(faults=FaultPlan(rate=1.0, mix=["empty-more"]))
    with emu, c:
        emu.add_completed_run("t", "r", 10)
        with pytest.raises(
            runsteps.APIResponseValidationError, match="an empty page that said has_more: true, 3 times"
        ) as caught:
            list(c.steps.list("r", thread_id="t"))
        # Re-asked within the client's retry budget (max_retries=2), then an error: never an endless loop.
        assert len(emu.requests) == 3 and caught.value.retries == 2


class Lockstep:
    """Sleeps for watchers on the emulator's manual clock: when every watch still going is asleep,
    the clock moves one interval and all of them wake. Each watch so polls once per interval."""

    def __init__(self, clock: ManualClock, interval: float, watches: int) -> None:
        self.clock, self.interval, self.active = clock, interval, watches
        self.asleep = 0
        self.wake = asyncio.Event()

    async def sleep(self, _: float) -> None:
        self.asleep += 1
        wake = self.wake
        self._maybe_tick()
        await wake.wait()

    def finished(self) -> None:
        self.active -= 1
        self._maybe_tick()

    def _maybe_tick(self) -> None:
        if self.active and self.asleep == self.active:
            self.clock.advance(self.interval)
            self.asleep = 0
            self.wake.set()
            self.wake = asyncio.Event()


async def test_300_concurrent_watches_yield_every_state_that_lasts_an_interval() -> None:
    clock, interval, watches = ManualClock(), 1.0, 300
    expected: dict[str, list[tuple[str, str]]] = {}
    with Emulator(clock=clock) as emu:
        for i in range(watches):
            start = 1 + (i % 10) / 10  # staggered: the runs' changes fall between ticks
            steps = [
                StepScript(f"s{i}_{j}", message_creation(f"m{j}"), start + 1.3 * j, start + 1.3 * (j + 1))
                for j in range(6)
            ]
            emu.add_run(
                RunScript(f"r{i}", "t", [(0, "queued"), (start, "in_progress"), (start + 7.8, "completed")], steps)
            )
            expected[f"r{i}"] = [(s.id, status) for s in steps for status in ("in_progress", "completed")]
        lockstep = Lockstep(clock, interval, watches)
        async with runsteps.AsyncClient(
            api_key=emu.api_key, base_url=emu.base_url, clock=GivenClock(lockstep.sleep)
        ) as ac:

            async def watch(i: int) -> list[tuple[str, str]]:
                try:
                    return [
                        (s.id, str(s.status)) async for s in ac.steps.watch(f"r{i}", thread_id="t", interval=interval)
                    ]
                finally:
                    lockstep.finished()

            seen = await asyncio.gather(*(watch(i) for i in range(watches)))
    # Every step was seen in progress and then completed, in order, by every one of the 300 watches.
    assert {f"r{i}": states for i, states in enumerate(seen)} == expected


async def test_async_list_and_retrieve_match_sync() -> None:
    with Emulator() as emu:
        emu.add_completed_run("t", "r", 150)
        async with runsteps.AsyncClient(api_key=emu.api_key, base_url=emu.base_url) as ac:
            ids = [s.id async for s in ac.steps.list("r", thread_id="t", limit=40, order="asc")]
            assert ids == [f"step_{i:06d}" for i in range(150)]
            assert (await ac.steps.retrieve(ids[3], thread_id="t", run_id="r")).id == ids[3]
            assert (await ac.runs.wait("r", thread_id="t")).status == "completed"


async def test_async_retries_faults_then_exhausts_them() -> None:
    with Emulator(faults=FaultPlan(rate=0.5, mix=["429-ms", "500", "502-html", "503", "cut"], seed=5)) as emu:
        emu.add_completed_run("t", "r", 30)
        async with runsteps.AsyncClient(
            api_key=emu.api_key, base_url=emu.base_url, max_retries=10, clock=async_no_waiting()
        ) as ac:
            assert len([s async for s in ac.steps.list("r", thread_id="t", limit=10)]) == 30
    with Emulator(faults=FaultPlan(rate=1.0, mix=["503"])) as emu:
        emu.add_completed_run("t", "r", 3)
        async with runsteps.AsyncClient(api_key=emu.api_key, base_url=emu.base_url, clock=async_no_waiting()) as ac:
            with pytest.raises(runsteps.InternalServerError) as caught:
                await ac.runs.retrieve("r", thread_id="t")
            assert caught.value.retries == 2 and caught.value.status_code == 503


@pytest.mark.parametrize("bad", ["nan", "inf", "-inf", "NaN"])
def test_a_retry_after_that_is_not_a_finite_number_is_no_hint(bad: str) -> None:
    assert server_delay({"retry-after-ms": bad, "retry-after": "2"}) == 2.0
    assert server_delay({"retry-after": bad}) is None
