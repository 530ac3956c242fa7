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
from runsteps.emulator import Emulator

from . import cli
from .hostile import LOADED, Hostile, Request, answer, drip, elapsed, in_progress_objects, rate_limited, step


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


def retrieve(driver: str, base_url: str, max_retries: int = 0) -> Any:
    if driver == "sync":
        with runsteps.Client(api_key="k", base_url=base_url, max_retries=max_retries) as client:
            return client.steps.retrieve("s1", thread_id="t", run_id="r")

    async def go() -> Any:
        async with runsteps.AsyncClient(api_key="k", base_url=base_url, max_retries=max_retries) as client:
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


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_no_proxy_is_read_as_curl_reads_it_brackets_and_cidr_blocks_included(
    driver: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # httpx refuses `[::1]` (Invalid port: ':1]'); curl and openai accept it. The proxy named here is
    # dead: the call succeeds only if 127.0.0.1 bypasses it, by its CIDR block.
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "[::1],localhost,127.0.0.0/8")
    with Hostile(in_progress_objects) as server:
        assert retrieve(driver, server.base_url).id == "s1"


def test_the_command_line_reads_no_proxy_as_curl_does() -> None:
    with Hostile(in_progress_objects) as server:
        env = cli.shell(
            OPENAI_BASE_URL=server.base_url,
            OPENAI_API_KEY="k",
            HTTP_PROXY="http://127.0.0.1:9",
            NO_PROXY="[::1],127.0.0.0/8",
        )
        done = cli.run(["get", "t", "r", "s1"], env)
    assert done.returncode == 0, done.stderr


def test_a_no_proxy_entry_nobody_can_read_is_named_in_a_warning_and_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "[::1,10.0.0.0/99,127.0.0.1")
    with Hostile(in_progress_objects) as server, pytest.warns(UserWarning) as warned:
        assert retrieve("sync", server.base_url).id == "s1"
    named = [str(w.message) for w in warned]
    assert any("'[::1'" in text for text in named) and any("'10.0.0.0/99'" in text for text in named)


def through_proxy(driver: str, proxy: Hostile, call: str = "retrieve", **options: Any) -> Any:
    """A call to a host only the proxy can reach (the test server is the proxy: it answers the
    absolute-form request itself), so httpx's transport carries it, as for any proxy in the environment."""
    settings = {"api_key": "k", "base_url": "http://runsteps.test/v1", "max_retries": 0, **options}
    calls = {
        "retrieve": lambda c, **kw: c.steps.retrieve("s1", thread_id="t", run_id="r", **kw),
        "wait": lambda c, **kw: c.steps.wait("s1", thread_id="t", run_id="r", **kw),
    }
    per_call = {k: settings.pop(k) for k in ("call_timeout", "interval") if k in settings}
    if "call_timeout" in per_call:
        per_call["timeout"] = per_call.pop("call_timeout")
    if driver == "sync":
        with runsteps.Client(**settings) as client:
            return calls[call](client, **per_call)

    async def go() -> Any:
        async with runsteps.AsyncClient(**settings) as client:
            return await calls[call](client, **per_call)

    return asyncio.run(go())


@pytest.fixture
def proxied(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Starts a test server and names it the proxy in the environment."""

    def start(behaviour: Any) -> Hostile:
        server = Hostile(behaviour)
        monkeypatch.setenv("HTTP_PROXY", server.base_url.removesuffix("/v1"))
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        return server

    return start


PROXY_WARNING = "ignore:.*is plain http to a non-loopback host"


@pytest.mark.filterwarnings(PROXY_WARNING)
@pytest.mark.parametrize("driver", ["sync", "async"])
def test_through_a_proxy_the_attempts_timeout_bounds_a_body_that_stalls_after_a_late_head(
    driver: str, proxied: Any
) -> None:
    def late_head_then_stall(server: Hostile, request: Request, sock: socket.socket) -> None:
        if server.wait(2.5):
            return
        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
        server.wait(3600)

    with proxied(late_head_then_stall) as proxy:
        took, error = elapsed(lambda: through_proxy(driver, proxy, timeout=3))
        assert proxy.requests and proxy.requests[0].path == "/v1/threads/t/runs/r/steps/s1"
    # The head came 2.5 s in; the stalled body may take only the half second left, not another 3 s (5.5 s).
    assert isinstance(error, runsteps.APITimeoutError) and took < 3 + LOADED, (took, error)


@pytest.mark.filterwarnings(PROXY_WARNING)
@pytest.mark.parametrize("driver", ["sync", "async"])
def test_through_a_proxy_a_body_dripped_a_byte_at_a_time_ends_with_the_attempt(driver: str, proxied: Any) -> None:
    body = json.dumps(step("s1", "completed")).encode()
    with proxied(drip(body, 0.2)) as proxy:  # the whole body would take about 20 s
        took, error = elapsed(lambda: through_proxy(driver, proxy, timeout=1.5))
    # Each read is timed by httpx, the attempt by us: at most one byte's wait past the deadline.
    assert isinstance(error, runsteps.APITimeoutError) and 1.5 <= took < 1.5 + 0.2 + LOADED, (took, error)


@pytest.mark.filterwarnings(PROXY_WARNING)
@pytest.mark.parametrize("driver", ["sync", "async"])
def test_through_a_proxy_a_calls_timeout_holds_across_retries_and_their_waits(driver: str, proxied: Any) -> None:
    with proxied(rate_limited("30")) as proxy:  # asks to be retried in 30 s
        took, error = elapsed(lambda: through_proxy(driver, proxy, max_retries=5, call_timeout=1.0))
    assert isinstance(error, runsteps.APITimeoutError) and took < 1.0 + LOADED, (took, error)
    assert len(proxy.requests) == 1


@pytest.mark.filterwarnings(PROXY_WARNING)
@pytest.mark.parametrize("driver", ["sync", "async"])
def test_through_a_proxy_a_wait_ends_at_its_timeout_with_the_last_step_seen(driver: str, proxied: Any) -> None:
    with proxied(in_progress_objects) as proxy:
        took, error = elapsed(lambda: through_proxy(driver, proxy, "wait", call_timeout=1.0, interval=0.2))
    assert isinstance(error, runsteps.PollTimeoutError) and took < 1.0 + 0.2 + LOADED, (took, error)
    assert error.last is not None and error.last.id == "s1"


@pytest.mark.filterwarnings(PROXY_WARNING)
@pytest.mark.parametrize("driver", ["sync", "async"])
def test_through_a_proxy_a_body_over_max_response_bytes_is_refused(driver: str, proxied: Any) -> None:
    big = json.dumps(step("s1", "completed", padding="x" * 20_000)).encode()
    with proxied(lambda server, request, sock: answer(sock, 200, big)) as proxy:
        _, error = elapsed(lambda: through_proxy(driver, proxy, max_response_bytes=10_000))
    assert isinstance(error, runsteps.APIResponseValidationError), error
    assert "the body is larger than the 10,000-byte limit (max_response_bytes)" in str(error)


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_https_to_a_plain_http_port_is_not_retried_and_says_so(driver: str) -> None:
    with (
        Emulator() as plain,
        pytest.raises(runsteps.APIConnectionError) as caught,
    ):  # it answers a TLS handshake as HTTP: 400
        retrieve(driver, plain.base_url.replace("http://", "https://"), max_retries=2)
    assert "WRONG_VERSION_NUMBER: is its URL http://, not https://?" in str(caught.value)
    assert caught.value.retries == 0 and plain.connections_opened == 1  # one try: another could not succeed


def refusing_connect(server: Hostile, request: Request, sock: socket.socket) -> None:
    """A forward proxy that refuses every tunnel."""
    sock.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    sock.close()


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_a_connect_the_proxy_refuses_is_reported_for_the_post_it_was_for(
    driver: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = [{"tool_call_id": "c", "output": "x"}]
    with Hostile(refusing_connect) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.base_url.removesuffix("/v1"))
        monkeypatch.delenv("NO_PROXY", raising=False)
        settings: dict[str, Any] = {"api_key": "k", "base_url": "https://runsteps.test/v1", "max_retries": 1}
        with pytest.raises(runsteps.APIConnectionError) as caught:
            if driver == "sync":
                with runsteps.Client(**settings) as client:
                    client.runs.submit_tool_outputs("r", thread_id="t", tool_outputs=outputs)
            else:

                async def go() -> None:
                    async with runsteps.AsyncClient(**settings) as client:
                        await client.runs.submit_tool_outputs("r", thread_id="t", tool_outputs=outputs)

                asyncio.run(go())
    message = str(caught.value)
    assert message.startswith("connection failed (POST https://runsteps.test/v1/threads/t/runs/r/submit_tool_outputs)")
    assert "ProxyError" in message and "GET" not in message
    # The tunnel never opened, so nothing was sent: tried again as any request, without reading the run.
    assert [r.method for r in proxy.requests] == ["CONNECT", "CONNECT"]


def request_id_of_controls(server: Hostile, request: Request, sock: socket.socket) -> None:
    body = b'{"error": {"message": "no such step"}}'
    head = b"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nx-request-id: req\x9b2J_1\r\n"
    sock.sendall(head + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)


def test_the_command_line_names_a_request_id_with_control_characters_once() -> None:
    with Hostile(request_id_of_controls) as server:
        done = cli.run(["get", "t", "r", "s1"], cli.shell(OPENAI_BASE_URL=server.base_url, OPENAI_API_KEY="k"))
    assert done.returncode == 5 and done.stderr.count("request id") == 1
    assert "request id req\\x9b2J_1" in done.stderr and "\x9b" not in done.stderr


def test_the_command_line_says_the_plain_http_warning_in_its_own_words_once_and_quiet_silences_it() -> None:
    with Hostile(in_progress_objects) as proxy:  # the proxy answers for the remote host itself
        env = cli.shell(
            OPENAI_BASE_URL="http://plain.runsteps.test/v1",  # a URL no other test warned of in this process
            OPENAI_API_KEY="k",
            HTTP_PROXY=proxy.base_url.removesuffix("/v1"),
        )
        said = cli.run(["get", "t", "r", "s1"], env)
        quiet = cli.run(["get", "t", "r", "s1", "--quiet"], env)
    assert said.returncode == quiet.returncode == 0, said.stderr
    warning = "runsteps: warning: http://plain.runsteps.test/v1 is plain http to a non-loopback host: the credential travels unencrypted"
    assert said.stderr.splitlines()[0] == warning
    assert "UserWarning" not in said.stderr and ".py:" not in said.stderr
    assert quiet.stderr == ""


def test_the_command_line_says_https_to_a_plain_http_port_at_once() -> None:
    with Emulator() as plain:
        env = cli.shell(OPENAI_BASE_URL=plain.base_url.replace("http://", "https://"), OPENAI_API_KEY="k")
        done = cli.run(["get", "t", "r", "s1"], env)
        assert plain.connections_opened == 1
    assert done.returncode == 5 and "WRONG_VERSION_NUMBER: is its URL http://, not https://?" in done.stderr
