"""The async transport: asyncio protocols, bounded by the attempt's deadline, safe to cancel at any await."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import ssl
import time
import weakref
from collections.abc import AsyncIterator
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
from runsteps._io.transport._limits import Limits, deadline_of, read_deadline


class _Wire(asyncio.BufferedProtocol):
    """A connection's bytes as they arrive, each read into the one buffer every read reuses. asyncio's
    streams have every read allocate 256 KiB, on Linux a fresh memory mapping each time: an async
    listing spent a tenth of its CPU in the kernel, faulting those pages in (`make bench`, listing).
    Reading stops while more than two reads' worth waits to be taken, as a stream's would."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._view = memoryview(bytearray(READ_SIZE))
        self._chunks: collections.deque[bytes] = collections.deque()
        self._waiting = 0  # bytes received, not yet taken
        self._eof = False
        self._lost: BaseException | None = None
        self._paused = False
        self._writing_paused = False
        self._wakeup: asyncio.Future[None] | None = None
        self.transport: asyncio.Transport  # set by connection_made, before anything arrives

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]  # a stream transport: create_connection's

    def get_buffer(self, sizehint: int) -> memoryview:
        return self._view

    def buffer_updated(self, nbytes: int) -> None:
        self._chunks.append(self._view[:nbytes].tobytes())
        self._waiting += nbytes
        if self._waiting > 2 * READ_SIZE and not self._paused:
            self._paused = True
            self.transport.pause_reading()
        self._wake()

    def eof_received(self) -> bool:
        self._eof = True
        self._wake()
        return False  # the transport closes itself

    def connection_lost(self, exc: Exception | None) -> None:
        self._eof = True
        self._lost = exc
        self._writing_paused = False
        self._wake()

    def pause_writing(self) -> None:
        self._writing_paused = True

    def resume_writing(self) -> None:
        self._writing_paused = False
        self._wake()

    def _wake(self) -> None:
        if self._wakeup is not None and not self._wakeup.done():
            self._wakeup.set_result(None)

    async def _wait(self) -> None:
        self._wakeup = self._loop.create_future()
        try:
            await self._wakeup
        finally:
            self._wakeup = None

    def at_eof(self) -> bool:
        return self._eof and not self._chunks

    async def read(self, by: float | None = None) -> bytes:
        """What has arrived (waiting for something, until the monotonic time `by` if given:
        TimeoutError), or b"" at the end; OSError when the connection broke. What has arrived already
        is read with no timer set (a timer costs as much as reading a page)."""
        while not self._chunks:
            if self._eof:
                if self._lost is not None:
                    raise self._lost
                return b""
            if by is None:
                await self._wait()
            else:
                async with asyncio.timeout(by - time.monotonic()):
                    await self._wait()
        data = self._chunks.popleft()
        self._waiting -= len(data)
        if self._paused and self._waiting <= READ_SIZE:
            self._paused = False
            self.transport.resume_reading()
        return data

    async def drain(self) -> None:
        """Returns once the transport takes more writing; OSError when the connection broke."""
        while self._writing_paused:
            await self._wait()
        if self._lost is not None:
            raise self._lost
        if self._eof and self.transport.is_closing():
            raise ConnectionResetError("the connection was lost")


class _Connection:
    __slots__ = ("h11", "origin", "wire")

    def __init__(self, wire: _Wire, origin: tuple[bytes, bytes, int]) -> None:
        self.wire, self.origin = wire, origin
        self.h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEAD)

    def looks_closed(self) -> bool:
        return self.wire.at_eof() or self.wire.transport.is_closing()

    def abort(self) -> None:
        """Close at once, without awaiting anything: safe while being cancelled."""
        self.wire.transport.abort()


class AsyncTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 on a pool of keep-alive connections, for `httpx.AsyncClient(transport=...)`.

    Cancellation-safe: whatever await a cancellation lands on (waiting for a connection, connecting,
    sending, reading the head or the body), the connection in use is aborted and its slot freed
    there and then, synchronously, so no cancelled request can leave the pool short. Requests wait
    for one of `limits.max_connections` slots in arrival order; the pool hands out idle connections
    in O(1), however many requests are waiting.
    """

    def __init__(self, limits: Limits, ssl_context: ssl.SSLContext | None = None) -> None:
        self._limits = limits
        self._ssl = ssl_context
        self._pool: Pool[_Connection] = Pool(limits.keepalive_expiry)
        self._slots = asyncio.Semaphore(limits.max_connections)
        self._loop: asyncio.AbstractEventLoop | None = None
        # A client dropped without aclose() aborts its idle connections as it goes, rather than leave
        # them to the garbage collector with a ResourceWarning each.
        weakref.finalize(self, _abort_idle, self._pool)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._bind_loop()
        deadline = deadline_of(request)
        body = await request.aread()
        slots = self._slots
        if slots.locked():
            try:
                async with asyncio.timeout(deadline - time.monotonic()):
                    await slots.acquire()
            except TimeoutError:
                raise httpx.PoolTimeout("no connection became free in time", request=request) from None
        else:
            await slots.acquire()  # a slot is free: taken at once, with no timer to set
        try:
            connection, reused = await self._connection(request, deadline)
            try:
                return await self._exchange(connection, request, body, deadline, slots)
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                if not reused or not getattr(exc, "before_response", False) or request.method != "GET":
                    raise
            # A reused connection the server had closed: a GET once more, on a new one. A POST may have
            # been read before the close: its plan decides (it reads the run again rather than resend).
            connection, _ = await self._connection(request, deadline, fresh=True)
            return await self._exchange(connection, request, body, deadline, slots)
        except BaseException:
            slots.release()
            raise

    def _bind_loop(self) -> None:
        # Connections and waiters belong to one event loop; a client reused under a new loop starts afresh.
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop = loop
            _abort_idle(self._pool)
            self._slots = asyncio.Semaphore(self._limits.max_connections)

    async def _connection(
        self, request: httpx.Request, deadline: float, fresh: bool = False
    ) -> tuple[_Connection, bool]:
        origin = origin_of(request.url)
        if not fresh:
            while True:
                connection, stale = self._pool.take(origin, time.monotonic())
                for old in stale:
                    old.abort()
                if connection is None:
                    break
                if not connection.looks_closed():
                    return connection, True
                connection.abort()
        return await self._connect(request, origin, deadline), False

    async def _connect(self, request: httpx.Request, origin: tuple[bytes, bytes, int], deadline: float) -> _Connection:
        scheme, host, port = origin
        name = host.decode("ascii")
        limit = min(deadline - time.monotonic(), self._limits.connect_timeout(request))
        tls = self._ssl_context() if scheme == b"https" else None
        try:
            async with asyncio.timeout(limit):
                loop = asyncio.get_running_loop()
                _, wire = await loop.create_connection(
                    lambda: _Wire(loop), name, port, ssl=tls, server_hostname=name if tls else None
                )
        except TimeoutError:
            raise httpx.ConnectTimeout("connecting timed out", request=request) from None
        except OSError as exc:
            if wants_certificate(exc):
                exc.peer_certificate = await _peer_certificate(name, port, deadline)  # type: ignore[attr-defined]
            raise httpx.ConnectError(str(exc), request=request) from exc  # the cause tells a refused certificate
        return _Connection(wire, origin)

    def _ssl_context(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = httpx.create_ssl_context()
        return self._ssl

    async def _exchange(
        self, connection: _Connection, request: httpx.Request, body: bytes, deadline: float, slots: asyncio.Semaphore
    ) -> httpx.Response:
        try:
            async with asyncio.timeout(deadline - time.monotonic()):
                connection.wire.transport.write(request_bytes(connection.h11, request, body))
                try:
                    await connection.wire.drain()
                except OSError as exc:
                    raise _error(httpx.WriteError, str(exc), request, before_response=True) from None
                while True:
                    head = response_head(await _next_event(connection, request, head=True))
                    if head is not None:
                        break
        except TimeoutError:
            connection.abort()
            raise httpx.ReadTimeout("the attempt's time ran out waiting for the server", request=request) from None
        except BaseException:
            connection.abort()
            raise
        status, headers, extensions = head
        stream = _Body(self, connection, request, deadline, slots)
        return httpx.Response(status, headers=headers, stream=stream, extensions=extensions, request=request)

    def _finished(self, connection: _Connection, complete: bool, slots: asyncio.Semaphore) -> None:
        """A response's body is done with (synchronously, so a cancellation cannot interrupt it)."""
        try:
            if complete and reusable(connection.h11) and slots is self._slots:
                self._pool.give_back(connection.origin, connection, time.monotonic())
            else:
                connection.abort()
        finally:
            slots.release()

    async def aclose(self) -> None:
        _abort_idle(self._pool)


def _abort_idle(pool: Pool[_Connection]) -> None:
    for connection in pool.drain():
        # A connection whose event loop is closed cannot be aborted: asyncio closes its socket.
        with contextlib.suppress(RuntimeError):
            connection.abort()


class _Body(httpx.AsyncByteStream):
    """A response's body as it arrives. Once done with, it lets go of its transport and connection:
    httpx's client binds the response to its stream, a cycle that lives until a collection, and a
    dropped client's connections must close when it goes (while its loop runs), not then."""

    def __init__(
        self,
        transport: AsyncTransport,
        connection: _Connection,
        request: httpx.Request,
        deadline: float,
        slots: asyncio.Semaphore,
    ) -> None:
        self._held: tuple[AsyncTransport, _Connection, asyncio.Semaphore] | None = (transport, connection, slots)
        self._request, self._deadline = request, deadline
        self._complete = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self._held is None:
            return
        connection = self._held[1]
        # The deadline bounds each read, never the time between them: a timeout held across a `yield`
        # would cancel whatever the consumer awaits meanwhile.
        try:
            while True:
                try:
                    event = await _next_event(
                        connection, self._request, by=read_deadline(self._request, self._deadline)
                    )
                except TimeoutError:
                    raise httpx.ReadTimeout(
                        "the attempt's time ran out reading the body", request=self._request
                    ) from None
                if isinstance(event, h11.Data):
                    yield bytes(event.data)
                elif isinstance(event, h11.EndOfMessage):
                    self._complete = True
                    return
        finally:
            self._finish()  # complete: the connection goes back; otherwise it is aborted

    def _finish(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            transport, connection, slots = held
            transport._finished(connection, self._complete, slots)

    async def aclose(self) -> None:
        self._finish()


async def _peer_certificate(name: str, port: int, deadline: float) -> bytes | None:
    """The certificate a server presents, read without verifying it (to say why it was refused)."""
    try:
        async with asyncio.timeout(certificate_read_time(deadline - time.monotonic())):
            _, writer = await asyncio.open_connection(name, port, ssl=unverified_context(), server_hostname=name)
    except (OSError, TimeoutError):
        return None
    try:
        tls = writer.get_extra_info("ssl_object")
        return tls.getpeercert(binary_form=True) if isinstance(tls, ssl.SSLObject) else None
    finally:
        writer.transport.abort()


async def _next_event(
    connection: _Connection, request: httpx.Request, head: bool = False, by: float | None = None
) -> Any:
    """The next event of the answer, reading as needed (until `by`: TimeoutError)."""
    conn = connection.h11
    while True:
        try:
            event = conn.next_event()
        except h11.ProtocolError as exc:
            raise protocol_error(exc, request) from None
        if event is not h11.NEED_DATA:
            if event is h11.PAUSED or isinstance(event, h11.ConnectionClosed):
                raise _error(
                    httpx.RemoteProtocolError, "the server closed the connection", request, before_response=head
                )
            return event
        try:
            data = await connection.wire.read(by)
        except OSError as exc:
            raise _error(httpx.ReadError, str(exc), request, before_response=head) from None
        if not data and head:
            raise _error(httpx.RemoteProtocolError, "the server closed the connection before answering", request, True)
        try:
            conn.receive_data(data)
        except h11.ProtocolError as exc:
            raise protocol_error(exc, request) from None


def _error(
    kind: type[httpx.TransportError], message: str, request: httpx.Request, before_response: bool
) -> httpx.TransportError:
    error = kind(message, request=request)
    error.before_response = before_response  # type: ignore[attr-defined]
    return error
