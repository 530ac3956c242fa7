"""The sync transport: sockets, each operation bounded by what is left of the attempt's deadline."""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import threading
import time
import weakref
from collections.abc import Iterator
from typing import Any

import h11
import httpx

from runsteps._io.transport._http11 import (
    MAX_HEAD,
    READ_SIZE,
    Pool,
    certificate_read_time,
    origin_of,
    protocol_error,
    request_bytes,
    response_head,
    reusable,
    unverified_context,
    wants_certificate,
)
from runsteps._io.transport._limits import DEADLINE, Limits, deadline_of, read_deadline


class _Connection:
    __slots__ = ("h11", "origin", "sock")

    def __init__(self, sock: socket.socket, origin: tuple[bytes, bytes, int]) -> None:
        self.sock = sock
        self.origin = origin
        self.h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEAD)

    def looks_closed(self) -> bool:
        """An idle connection the server closed is readable (EOF): not worth a request."""
        try:
            return bool(select.select([self.sock], [], [], 0)[0])
        except (OSError, ValueError):
            return True

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


class SyncTransport(httpx.BaseTransport):
    """HTTP/1.1 on a pool of keep-alive connections, for `httpx.Client(transport=...)`.

    Every blocking operation (connecting, TLS, each send and receive) waits at most what is left of
    the request's deadline (`extensions["runsteps.deadline"]`, a `time.monotonic()` time), so a server
    that answers one byte at a time cannot stretch an attempt. At most `limits.max_connections` requests
    are in flight; a failed or abandoned exchange closes its connection, never returns it to the pool.
    """

    def __init__(self, limits: Limits, ssl_context: ssl.SSLContext | None = None) -> None:
        self._limits = limits
        self._ssl = ssl_context
        self._pool: Pool[_Connection] = Pool(limits.keepalive_expiry)
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(limits.max_connections)
        # A client dropped without close() closes its idle connections as it goes, rather than leave
        # them to the garbage collector with a ResourceWarning each.
        weakref.finalize(self, _close_idle, self._pool, self._lock)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        deadline = deadline_of(request)
        body = request.read()
        if not self._slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise httpx.PoolTimeout("no connection became free in time", request=request)
        try:
            connection, reused = self._connection(request, deadline)
            try:
                return self._exchange(connection, request, body, deadline)
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                if not reused or not getattr(exc, "before_response", False) or request.method != "GET":
                    raise
            # A reused connection the server had closed: a GET once more, on a new one. A POST may have
            # been read before the close: its plan decides (it reads the run again rather than resend).
            connection, _ = self._connection(request, deadline, fresh=True)
            return self._exchange(connection, request, body, deadline)
        except BaseException:
            self._slots.release()
            raise

    def _connection(self, request: httpx.Request, deadline: float, fresh: bool = False) -> tuple[_Connection, bool]:
        origin = origin_of(request.url)
        if not fresh:
            while True:
                with self._lock:
                    connection, stale = self._pool.take(origin, time.monotonic())
                for old in stale:
                    old.close()
                if connection is None:
                    break
                if not connection.looks_closed():
                    return connection, True
                connection.close()
        return self._connect(request, origin, deadline), False

    def _connect(self, request: httpx.Request, origin: tuple[bytes, bytes, int], deadline: float) -> _Connection:
        scheme, host, port = origin
        name = host.decode("ascii")
        connect_limit = min(_left(deadline, request, httpx.ConnectTimeout), self._limits.connect_timeout(request))
        try:
            sock = socket.create_connection((name, port), timeout=connect_limit)
        except TimeoutError:
            raise httpx.ConnectTimeout("connecting timed out", request=request) from None
        except OSError as exc:
            raise httpx.ConnectError(str(exc), request=request) from None
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if scheme == b"https":
                sock.settimeout(_left(deadline, request, httpx.ConnectTimeout))
                sock = self._ssl_context().wrap_socket(sock, server_hostname=name)
        except TimeoutError:
            sock.close()
            raise httpx.ConnectTimeout("the TLS handshake timed out", request=request) from None
        except OSError as exc:
            sock.close()
            if wants_certificate(exc):
                exc.peer_certificate = _peer_certificate(name, port, deadline)  # type: ignore[attr-defined]
            raise httpx.ConnectError(str(exc), request=request) from exc  # the cause tells a refused certificate
        return _Connection(sock, origin)

    def _ssl_context(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = httpx.create_ssl_context()
        return self._ssl

    def _exchange(
        self, connection: _Connection, request: httpx.Request, body: bytes, deadline: float
    ) -> httpx.Response:
        try:
            data = request_bytes(connection.h11, request, body)
            _send(connection, data, request, deadline)
            while True:
                event = _next_event(connection, request, read_deadline(request, deadline), head=True)
                head = response_head(event)
                if head is not None:
                    break
        except BaseException:
            connection.close()
            raise
        status, headers, extensions = head
        stream = _Body(self, connection, request, deadline)
        return httpx.Response(status, headers=headers, stream=stream, extensions=extensions, request=request)

    def _finished(self, connection: _Connection, complete: bool) -> None:
        """A response's body is done with: the connection back to the pool when it can carry more."""
        try:
            if complete and reusable(connection.h11):
                with self._lock:
                    self._pool.give_back(connection.origin, connection, time.monotonic())
            else:
                connection.close()
        finally:
            self._slots.release()

    def close(self) -> None:
        _close_idle(self._pool, self._lock)


def _close_idle(pool: Pool[_Connection], lock: threading.Lock) -> None:
    with lock:
        idle = pool.drain()
    for connection in idle:
        connection.close()


class _Body(httpx.SyncByteStream):
    """A response's body as it arrives. Once done with, it lets go of its transport and connection:
    httpx's client binds the response to its stream, a cycle that lives until a collection, and a
    dropped client's connections must close when it goes, not then."""

    def __init__(
        self, transport: SyncTransport, connection: _Connection, request: httpx.Request, deadline: float
    ) -> None:
        self._held: tuple[SyncTransport, _Connection] | None = (transport, connection)
        self._request, self._deadline = request, deadline
        self._complete = False

    def __iter__(self) -> Iterator[bytes]:
        if self._held is None:
            return
        connection = self._held[1]
        try:
            while True:
                event = _next_event(connection, self._request, read_deadline(self._request, self._deadline))
                if isinstance(event, h11.Data):
                    yield bytes(event.data)
                elif isinstance(event, h11.EndOfMessage):
                    self._complete = True
                    return
        finally:
            self.close()  # complete: the connection goes back to the pool; otherwise it is closed

    def close(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            transport, connection = held
            transport._finished(connection, self._complete)


def _peer_certificate(name: str, port: int, deadline: float) -> bytes | None:
    """The certificate a server presents, read without verifying it (to say why it was refused)."""
    try:
        raw = socket.create_connection((name, port), timeout=certificate_read_time(deadline - time.monotonic()))
        with raw, unverified_context().wrap_socket(raw, server_hostname=name) as tls:
            return tls.getpeercert(binary_form=True)
    except (OSError, ValueError):
        return None


def _left(deadline: float, request: httpx.Request, timeout: type[httpx.TimeoutException]) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise timeout("the attempt's time ran out", request=request)
    return left


def _send(connection: _Connection, data: bytes, request: httpx.Request, deadline: float) -> None:
    try:
        connection.sock.settimeout(_left(deadline, request, httpx.WriteTimeout))
        connection.sock.sendall(data)
    except TimeoutError:
        raise httpx.WriteTimeout("sending timed out", request=request) from None
    except OSError as exc:
        error = httpx.WriteError(str(exc), request=request)
        error.before_response = True  # type: ignore[attr-defined]
        raise error from None


def _next_event(connection: _Connection, request: httpx.Request, deadline: float, head: bool = False) -> Any:
    conn = connection.h11
    while True:
        try:
            event = conn.next_event()
        except h11.ProtocolError as exc:
            raise protocol_error(exc, request) from None
        if event is not h11.NEED_DATA:
            if event is h11.PAUSED or isinstance(event, h11.ConnectionClosed):
                raise _closed(request, head and conn.their_state is h11.SEND_RESPONSE)
            return event
        try:
            connection.sock.settimeout(_left(deadline, request, httpx.ReadTimeout))
            data = connection.sock.recv(READ_SIZE)
        except TimeoutError:
            raise httpx.ReadTimeout("the attempt's time ran out waiting for the server", request=request) from None
        except OSError as exc:
            error = httpx.ReadError(str(exc), request=request)
            error.before_response = head  # type: ignore[attr-defined]
            raise error from None
        if not data and head:
            raise _closed(request, True)  # closed before answering: a reused connection the server had dropped
        try:
            conn.receive_data(data)
        except h11.ProtocolError as exc:
            raise protocol_error(exc, request) from None


def _closed(request: httpx.Request, before_response: bool) -> httpx.RemoteProtocolError:
    error = httpx.RemoteProtocolError("the server closed the connection without a complete response", request=request)
    error.before_response = before_response  # type: ignore[attr-defined]
    return error


__all__ = ["DEADLINE", "SyncTransport"]
