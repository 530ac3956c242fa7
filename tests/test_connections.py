"""Connections: a kept-alive connection the server closed is replaced, never the cause of a request
applied twice; a pool survives cancelled requests; a client's connections go with it."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import random
import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import runsteps
from runsteps.emulator import Emulator, ManualClock, RunScript, StepScript

from .clocks import GivenClock
from .hostile import (
    KEY,
    Hostile,
    Request,
    closing_kept_connections,
    json_answer,
    run,
    smuggling_a_second_answer,
    step,
)


def reads_twice(kind: str, server: Hostile, slept: list[float]) -> list[str]:
    """Reads a step, then again on the connection kept alive from the first read."""
    if kind == "sync":
        with runsteps.Client(api_key=KEY, base_url=server.base_url, clock=GivenClock(slept.append)) as client:
            return [client.steps.retrieve("s1", thread_id="t", run_id="r").id for _ in range(2)]

    async def go() -> list[str]:
        async def sleep(seconds: float) -> None:
            slept.append(seconds)

        async with runsteps.AsyncClient(api_key=KEY, base_url=server.base_url, clock=GivenClock(sleep)) as client:
            return [(await client.steps.retrieve("s1", thread_id="t", run_id="r")).id for _ in range(2)]

    return asyncio.run(go())


def statuses_read_twice(kind: str, server: Hostile) -> list[str]:
    if kind == "sync":
        with runsteps.Client(api_key=KEY, base_url=server.base_url) as client:
            return [str(client.steps.retrieve("s1", thread_id="t", run_id="r").status) for _ in range(2)]

    async def go() -> list[str]:
        async with runsteps.AsyncClient(api_key=KEY, base_url=server.base_url) as client:
            return [str((await client.steps.retrieve("s1", thread_id="t", run_id="r")).status) for _ in range(2)]

    return asyncio.run(go())


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_bytes_after_a_complete_answer_never_become_the_next_answer(kind: str) -> None:
    # httpx reads the forged answer as the next one; curl, as here, does not reuse the connection.
    with Hostile(smuggling_a_second_answer) as server:
        assert statuses_read_twice(kind, server) == ["completed", "completed"]
    assert [(r.connection, r.on_it) for r in server.requests] == [(1, 1), (2, 1)]


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_get_on_a_kept_connection_the_server_closed_is_sent_again_on_a_new_one_not_retried(kind: str) -> None:
    slept: list[float] = []
    with Hostile(closing_kept_connections) as server:
        assert reads_twice(kind, server, slept) == ["s1", "s1"]
    # The second read went out on the first connection, which the server closed unanswered; the
    # transport sent it once more on a new connection, and no retry (no wait) was spent on it.
    assert [(r.method, r.connection, r.on_it) for r in server.requests] == [("GET", 1, 1), ("GET", 1, 2), ("GET", 2, 1)]
    assert slept == []


def cancels_then_closes(server: Hostile, request: Request, sock: socket.socket) -> None:
    """A run that a cancel applies to; the cancel, second on its connection, is applied unanswered."""
    if request.method == "POST":
        server.cancelled = True  # type: ignore[attr-defined]
        sock.shutdown(socket.SHUT_RDWR)
        sock.close()
    else:
        json_answer(sock, run("cancelling" if getattr(server, "cancelled", False) else "in_progress"))


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_post_on_a_kept_connection_the_server_closed_is_not_sent_again_the_run_is_read(kind: str) -> None:
    # The server may have read the cancel before it closed (here it did): sending it again could apply
    # it twice, so the plan reads the run to learn what happened.
    with Hostile(cancels_then_closes) as server:
        if kind == "sync":
            with runsteps.Client(api_key=KEY, base_url=server.base_url) as client:
                client.runs.retrieve("r", thread_id="t")
                run = client.runs.cancel("r", thread_id="t")
        else:

            async def go() -> runsteps.Run:
                async with runsteps.AsyncClient(api_key=KEY, base_url=server.base_url) as client:
                    await client.runs.retrieve("r", thread_id="t")
                    return await client.runs.cancel("r", thread_id="t")

            run = asyncio.run(go())
    assert run.status == "cancelling"
    assert [(r.method, r.path.rsplit("/", 1)[-1], r.connection) for r in server.requests] == [
        ("GET", "r", 1),
        ("POST", "cancel", 1),
        ("GET", "r", 2),
    ]


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
def test_no_page_body_is_left_in_reference_cycles_for_the_garbage_collector(kind: type[Any]) -> None:
    # httpx's client binds each response's stream back to the response, a cycle: had the body been read
    # into it, every page's body would stay in memory until the next collection (`make bench`, paging:
    # peak memory). runsteps reads the body raw into a response of its own, free of cycles.
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
        assert len(left) <= 10  # at most httpx's own response of each page...
        for response in left:
            assert isinstance(response, httpx.Response)
            with pytest.raises(httpx.ResponseNotRead):
                response.content  # noqa: B018 (...with no body in it)


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


class _Transport:
    """What `_Wire` asks of asyncio's transport: to stop and restart reading."""

    def __init__(self) -> None:
        self.reading, self.closing = True, False

    def pause_reading(self) -> None:
        self.reading = False

    def resume_reading(self) -> None:
        self.reading = True

    def is_closing(self) -> bool:
        return self.closing


def test_an_async_connection_reads_into_one_buffer_and_stops_reading_while_two_reads_wait() -> None:
    from runsteps._io.transport._async import _Wire
    from runsteps._io.transport._http11 import READ_SIZE

    async def scenario() -> list[Any]:
        wire, transport = _Wire(asyncio.get_running_loop()), _Transport()
        wire.connection_made(transport)  # type: ignore[arg-type]
        seen: list[Any] = []
        for chunk in (b"a" * READ_SIZE, b"b" * READ_SIZE, b"c"):
            buffer = wire.get_buffer(-1)
            seen.append(len(buffer))
            buffer[: len(chunk)] = chunk
            wire.buffer_updated(len(chunk))
        seen.append(wire.get_buffer(-1).obj is buffer.obj)  # the same buffer every time
        seen.append(transport.reading)  # more than two reads' worth waits: paused
        seen.append((await wire.read())[:1])
        seen.append(transport.reading)  # still more than one read's worth waits
        seen.append((await wire.read())[:1])
        seen.append(transport.reading)  # taken down to one read's worth: reading again
        waiting = asyncio.ensure_future(wire.read())
        await asyncio.sleep(0)
        seen.append(await waiting)  # already there
        waiting = asyncio.ensure_future(wire.read())
        await asyncio.sleep(0)
        wire.eof_received()
        seen.append(await waiting)  # the end: b""
        wire.connection_lost(ConnectionResetError("reset"))
        try:
            await wire.read()
        except ConnectionResetError as exc:
            seen.append(str(exc))
        return seen

    assert asyncio.run(scenario()) == [
        *[READ_SIZE] * 3,
        True,  # one buffer
        False,  # paused
        b"a",
        False,
        b"b",
        True,  # resumed
        b"c",
        b"",
        "reset",
    ]
