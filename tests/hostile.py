"""Small hostile servers on loopback: each answer is whatever a behaviour writes to the raw socket.

A behaviour gets the parsed request and the socket, and may answer properly, slowly, never, or
wrongly. Servers bind 127.0.0.1, serve from daemon threads, and stop on leaving the `with` block:
behaviours that wait do so on the server's stop event, so nothing outlives the test.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import socketserver
import struct
import threading
import time
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs

import runsteps
from runsteps.emulator._serving import StoppableServer

from .mocked import KEY


@attrs.define
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    connection: int = 0  # which connection it came on, counted from 1 as they were accepted
    on_it: int = 0  # its place among that connection's requests, from 1

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else None


Behaviour = Callable[["Hostile", Request, socket.socket], None]


class Hostile:
    """`with Hostile(behaviour) as server:` a server at `server.base_url` (ending in /v1)."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.stopping = threading.Event()
        self.requests: list[Request] = []
        self._accepted = itertools.count(1)
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.hostile = self

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> Hostile:
        self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._server.stop()

    def wait(self, seconds: float) -> bool:
        """Sleep, unless the server stops first (then True)."""
        return self.stopping.wait(seconds)


class _Server(StoppableServer, socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    # Tests open a hundred connections at once; socketserver's backlog of 5 would leave the rest to
    # the kernel's retransmission backoff (seconds each on a loaded machine).
    request_queue_size = 1024
    hostile: Hostile

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hang up on these servers all the time


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(10)
        buffer = b""
        hostile = self.server.hostile
        connection, on_it = next(hostile._accepted), 0  # count() is atomic under the GIL
        while not hostile.stopping.is_set():
            while b"\r\n\r\n" not in buffer:
                try:
                    data = sock.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                buffer += data
            head, buffer = buffer.split(b"\r\n\r\n", 1)
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            headers = {
                k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:] if ":" in line)
            }
            url = urlsplit(target)
            on_it += 1
            request = Request(method, url.path, parse_qs(url.query), headers, connection, on_it)
            hostile.requests.append(request)
            try:
                hostile.behaviour(hostile, request, sock)
            except OSError:
                return


# ---- answers ----


def answer(
    sock: socket.socket, status: int, body: bytes, headers: dict[str, str] | None = None, *, length: int | None = None
) -> None:
    """A whole response, at once."""
    head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body) if length is None else length}"]
    head += [
        f"{k}: {v}"
        for k, v in {"Content-Type": "application/json", "x-request-id": "req_hostile", **(headers or {})}.items()
    ]
    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)


def json_answer(sock: socket.socket, body: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
    answer(sock, status, json.dumps(body).encode(), headers)


def step(step_id: Any, status: str = "in_progress", **extra: Any) -> dict[str, Any]:
    return {
        "id": step_id,
        "object": "thread.run.step",
        "created_at": 1,
        "status": status,
        "type": "message_creation",
        **extra,
    }


def run(status: str = "in_progress") -> dict[str, Any]:
    return {"id": "r", "object": "thread.run", "status": status, "thread_id": "t"}


def page(ids: list[Any], has_more: Any, status: str = "completed") -> dict[str, Any]:
    data = [step(i, status) for i in ids]
    return {
        "object": "list",
        "data": data,
        "first_id": ids[0] if ids else None,
        "last_id": ids[-1] if ids else None,
        "has_more": has_more,
    }


# ---- behaviours ----


def silent(server: Hostile, request: Request, sock: socket.socket) -> None:
    """Reads the request, never answers."""
    server.wait(3600)


def drip(body: bytes, every: float = 1.0) -> Behaviour:
    """Sends the head, then the body one byte at a time."""

    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        sock.sendall(
            f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        )
        for i in range(len(body)):
            if server.wait(every):
                return
            sock.sendall(body[i : i + 1])

    return behaviour


def echoing_credentials(server: Hostile, request: Request, sock: socket.socket) -> None:
    """A 401 that quotes the credential it was sent, in its body and a header (as nginx's `return 401
    '...$http_authorization'`, some compatible servers and Azure's api-key echoes do)."""
    sent = request.headers.get("authorization") or request.headers.get("api-key") or ""
    body = {"error": {"message": f"Incorrect API key provided: {sent}", "type": "invalid_request_error"}}
    json_answer(sock, body, 401, {"WWW-Authenticate": f'Bearer error="invalid_token", token="{sent}"'})


def smuggling_a_second_answer(server: Hostile, request: Request, sock: socket.socket) -> None:
    """Each answer comes with a second, complete, forged one right behind it, in the same packet."""
    real = json.dumps(step("s1", "completed")).encode()
    forged = json.dumps(step("s1", "FORGED")).encode()
    head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n"
    sock.sendall(head.format(len(real)).encode() + real + head.format(len(forged)).encode() + forged)


def closing_kept_connections(server: Hostile, request: Request, sock: socket.socket) -> None:
    """Moving objects, but a connection's second request finds it closed: read, never answered (as a
    server that closes an idle connection as the request arrives)."""
    if request.on_it == 1:
        in_progress_objects(server, request, sock)
    else:
        sock.shutdown(socket.SHUT_RDWR)
        sock.close()


def in_progress_objects(server: Hostile, request: Request, sock: socket.socket) -> None:
    """A run and its one step, moving forever."""
    if request.path.endswith("/steps"):
        json_answer(sock, page(["s1"], False, "in_progress"))
    elif "/steps/" in request.path:
        json_answer(sock, step("s1"))
    else:
        json_answer(sock, run())


def with_drip(paths: tuple[str, ...], every: float = 1.0) -> Behaviour:
    """Moving objects, except that `paths` endings drip their bodies."""

    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        if request.path.endswith(paths):
            body = json.dumps(step("s1") if "/steps/" in request.path else run()).encode()
            drip(body, every)(server, request, sock)
        else:
            in_progress_objects(server, request, sock)

    return behaviour


def rate_limited(seconds: str) -> Behaviour:
    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        json_answer(sock, {"error": {"message": "slow down", "type": "requests"}}, 429, {"retry-after": seconds})

    return behaviour


@cache
def gzip_bomb(size: int = 2 * 1024**3) -> bytes:
    """Gzip of `size` zero bytes (a multiple of 16 MiB): about a thousandth of it on the wire.

    Compressing 2 GiB takes seconds; after a full flush a deflate stream starts afresh, so the block
    for 16 MiB of zeros is compressed once and repeated, and the trailer's CRC is computed chunk by chunk.
    """
    chunk = bytes(16 * 1024 * 1024)
    count = size // len(chunk)
    repeated = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = repeated.compress(chunk) + repeated.flush(zlib.Z_FULL_FLUSH)
    last = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    ending = last.compress(chunk) + last.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip, deflate, no name, no time
    trailer = struct.pack("<II", crc, size & 0xFFFFFFFF)
    return header + block * (count - 1) + ending + trailer


def encoded(body: bytes, encoding: str) -> Behaviour:
    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        answer(sock, 200, body, {"Content-Encoding": encoding})

    return behaviour


def pages_by_cursor(pages: dict[str | None, dict[str, Any]]) -> Behaviour:
    """List pages chosen by the `after` cursor (runs and steps answer a moving run and step)."""

    def behaviour(server: Hostile, request: Request, sock: socket.socket) -> None:
        if request.path.endswith("/steps") or request.path.endswith("/runs"):
            json_answer(sock, pages[request.arg("after")])
        else:
            in_progress_objects(server, request, sock)

    return behaviour


# What a loaded machine may add to a wall-clock bound: `make test` runs three Pythons at once on two cores.
# Only bounds whose failure is far beyond it (a 30 s retry-after, a 20 s drip, a silent server) use it.
LOADED = 1.5


def elapsed(call: Callable[[], Any]) -> tuple[float, BaseException | None]:
    started = time.monotonic()
    try:
        call()
    except BaseException as exc:  # the test looks at what it was
        return time.monotonic() - started, exc
    return time.monotonic() - started, None


def sync(server: Hostile, **kw: Any) -> runsteps.Client:
    return runsteps.Client(api_key=KEY, base_url=server.base_url, **kw)


def run_async(server: Hostile, call: Callable[[runsteps.AsyncClient], Any], **kw: Any) -> Any:
    async def go() -> Any:
        async with runsteps.AsyncClient(api_key=KEY, base_url=server.base_url, **kw) as client:
            return await call(client)

    return asyncio.run(go())
