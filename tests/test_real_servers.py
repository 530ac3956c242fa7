"""What real servers and proxies showed, each kept: long response heads that arrive in pieces (as TLS
records cut them), error pages shown escaped once, and proxy settings httpx cannot read."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from typing import Any

import pytest

import runsteps

from .hostile import Hostile, Request, answer, step


def long_head(size: int) -> Any:
    """A 200 whose head (one long header, as gateways add) is `size` bytes, sent in two pieces."""

    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        body = json.dumps(step("s1", "completed")).encode()
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"x-gateway-trace: {'a' * size}\r\n\r\n"
        ).encode()
        half = len(head) // 2
        sock.sendall(head[:half])
        time.sleep(0.05)  # the client has read the first half alone: an unfinished head, over 16 KiB
        sock.sendall(head[half:] + body)

    return behaviour


def retrieve(driver: str, base_url: str) -> Any:
    if driver == "sync":
        with runsteps.Client(api_key="k", base_url=base_url, max_retries=0) as client:
            return client.steps.retrieve("s1", thread_id="t", run_id="r")

    async def go() -> Any:
        async with runsteps.AsyncClient(api_key="k", base_url=base_url, max_retries=0) as client:
            return await client.steps.retrieve("s1", thread_id="t", run_id="r")

    return asyncio.run(go())


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_a_60_kib_head_that_arrives_in_pieces_is_read_and_one_whose_first_piece_passes_100_kib_is_a_protocol_error(
    driver: str,
) -> None:
    with Hostile(long_head(60 * 1024)) as server:
        assert retrieve(driver, server.base_url).status == "completed"
    with (
        Hostile(long_head(240 * 1024)) as server,
        pytest.raises(runsteps.APIConnectionError, match="RemoteProtocolError"),
    ):
        retrieve(driver, server.base_url)


NGINX_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
)


def test_an_error_page_is_shown_escaped_once() -> None:
    def bad_gateway(server: Hostile, request: Request, sock: socket.socket) -> None:
        answer(sock, 502, NGINX_502, {"Content-Type": "text/html"})

    with Hostile(bad_gateway) as server, pytest.raises(runsteps.InternalServerError) as caught:
        retrieve("sync", server.base_url)
    message = str(caught.value)
    assert "'<html>\\r\\n<head><title>502 Bad Gateway</title></head>\\r\\n" in message  # \r\n shown as such
    assert "\\\\r" not in message and "\r" not in message


def test_a_no_proxy_entry_httpx_cannot_read_is_a_value_error_naming_the_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "[::1]")
    for make in (runsteps.Client, runsteps.AsyncClient):
        with pytest.raises(
            ValueError, match=r"proxy settings in the environment \(HTTPS_PROXY, NO_PROXY\) cannot be read"
        ):
            make(api_key="k", base_url="https://127.0.0.1:9/v1")
    monkeypatch.setenv("NO_PROXY", "::1")  # as the message says: then it works
    runsteps.Client(api_key="k", base_url="https://127.0.0.1:9/v1").close()


@pytest.mark.filterwarnings("ignore:.*is plain http to a non-loopback host")
@pytest.mark.parametrize("driver", ["sync", "async"])
def test_through_a_proxy_the_attempts_timeout_bounds_a_body_that_stalls_after_a_late_head(
    driver: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def late_head_then_stall(server: Hostile, request: Request, sock: socket.socket) -> None:
        if server.wait(1.5):
            return
        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
        server.wait(3600)

    # The test server is the proxy (it answers the absolute-form request itself): httpx's transport is used.
    with Hostile(late_head_then_stall) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.base_url.removesuffix("/v1"))
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        started = time.monotonic()
        with pytest.raises(runsteps.APITimeoutError):
            if driver == "sync":
                with runsteps.Client(api_key="k", base_url="http://runsteps.test/v1", timeout=2, max_retries=0) as c:
                    c.steps.retrieve("s1", thread_id="t", run_id="r")
            else:

                async def go() -> None:
                    async with runsteps.AsyncClient(
                        api_key="k", base_url="http://runsteps.test/v1", timeout=2, max_retries=0
                    ) as client:
                        await client.steps.retrieve("s1", thread_id="t", run_id="r")

                asyncio.run(go())
        took = time.monotonic() - started
        assert proxy.requests and proxy.requests[0].path == "/v1/threads/t/runs/r/steps/s1"
    # The head came 1.5 s in; the stalled body may take only the half second left (not another 2 s).
    assert took < 2 + 1, took
