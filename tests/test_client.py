"""Client behaviour: errors, retries, validation, secrets (respx), then paging and polling on the emulator."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

import runsteps
from runsteps.emulator import Emulator, FaultPlan, ManualClock, RunScript, StepScript, message_creation

from .clocks import GivenClock, async_no_waiting, no_waiting
from .corpus import step

# The routes are matched in front of runsteps' own transport (respx's httpx-level mocker).
pytestmark = pytest.mark.respx(using="httpx")

BASE = "http://127.0.0.1:9/v1"
KEY = "sk-secret-key-123"
STEP_URL = f"{BASE}/threads/t/runs/r/steps/s"


def client(**kw: Any) -> tuple[runsteps.Client, list[float]]:
    sleeps: list[float] = []
    c = runsteps.Client(api_key=KEY, base_url=BASE, clock=GivenClock(sleeps.append), **kw)
    return c, sleeps


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
            httpx.Response(200, json=step(id="s")),
        ]
    )
    c, _ = client()
    c.steps.retrieve("s", thread_id="t", run_id="r")
    c.steps.retrieve("s", thread_id="t", run_id="r")
    assert "Cookie" not in route.calls[0].request.headers
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


def emulated(**kw: Any) -> tuple[Emulator, runsteps.Client]:
    emu = Emulator(**kw).start()
    c = runsteps.Client(api_key=emu.api_key, base_url=emu.base_url, clock=no_waiting())
    return emu, c


@contextlib.contextmanager
def left_for_the_collector() -> Iterator[list[object]]:
    """The responses and bodies the block left in reference cycles rather than freed (filled as it ends)."""
    left: list[object] = []
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield left
        gc.collect()
        left.extend(o for o in gc.garbage if isinstance(o, (httpx.Response, bytes)))
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


@pytest.mark.parametrize("kind", [runsteps.Client, runsteps.AsyncClient])
def test_responses_are_freed_when_read_not_left_in_cycles_for_the_garbage_collector(kind: type[Any]) -> None:
    # httpx binds a response's stream back to the response; left so, every page's body would stay in
    # memory until the next collection (`make bench`, paging: peak memory).
    with Emulator() as emu:
        emu.add_completed_run("t", "r", 1000)
        if kind is runsteps.Client:
            with runsteps.Client(api_key=emu.api_key, base_url=emu.base_url) as client:
                pager = client.steps.list("r", thread_id="t", limit=100)
                with left_for_the_collector() as left:
                    got = [s.id for s in pager]
        else:

            async def walk() -> tuple[list[str], list[object]]:
                # The client closes on the loop its connections belong to.
                async with runsteps.AsyncClient(api_key=emu.api_key, base_url=emu.base_url) as client:
                    pager = client.steps.list("r", thread_id="t", limit=100)
                    with left_for_the_collector() as left:
                        got = [s.id async for s in pager]
                return got, left

            got, left = asyncio.run(walk())
        assert len(got) == 1000 and len(emu.requests) == 10
        assert left == []


# A script that never closes its clients, run with every ResourceWarning shown.
DROPPING_SCRIPT = """
import asyncio, sys
import runsteps

base_url, key = sys.argv[1:]
client = runsteps.Client(api_key=key, base_url=base_url)  # kept to the end, as a script's would be
print(len(list(client.steps.list("r", thread_id="t"))))
print(len(list(runsteps.Client(api_key=key, base_url=base_url).steps.list("r", thread_id="t"))))  # dropped at once

async def main():
    client = runsteps.AsyncClient(api_key=key, base_url=base_url)
    print(len([s async for s in client.steps.list("r", thread_id="t")]))

asyncio.run(main())
"""


def test_a_client_dropped_without_close_closes_its_connections_quietly() -> None:
    # A client never closed closes its connections when it is dropped or at exit, and an async client
    # dropped as its coroutine ends does so while its event loop still runs.
    with Emulator() as emu:
        emu.add_completed_run("t", "r", 3)
        done = subprocess.run(
            [sys.executable, "-W", "always::ResourceWarning", "-c", DROPPING_SCRIPT, emu.base_url, emu.api_key],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.stdout.split() == ["3", "3", "3"] and done.returncode == 0
    assert "ResourceWarning" not in done.stderr, done.stderr


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


async def test_200_concurrent_async_watches_share_one_client() -> None:
    clock = ManualClock()
    with Emulator(clock=clock) as emu:
        for i in range(200):
            emu.add_run(
                RunScript(
                    f"r{i}",
                    "t",
                    [(0, "in_progress"), (2, "completed")],
                    [StepScript(f"s{i}", {"type": "message_creation", "message_creation": {"message_id": "m"}}, 0, 1)],
                )
            )

        async def tick(_: float) -> None:
            clock.advance(0.01)
            await asyncio.sleep(0)

        async with runsteps.AsyncClient(api_key=emu.api_key, base_url=emu.base_url, clock=GivenClock(tick)) as ac:

            async def watch(i: int) -> list[str]:
                return [str(s.status) async for s in ac.steps.watch(f"r{i}", thread_id="t")]

            results = await asyncio.gather(*(watch(i) for i in range(200)))
        assert all(r[-1] == "completed" for r in results)
        # One pool: 200 watches over its 100 connections, reused across requests (a few more are
        # opened when idle ones pass the keep-alive expiry while others are busy).
        assert len(emu.requests) >= 200 * 2 * 2 and emu.connections_opened < len(emu.requests) / 5


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
