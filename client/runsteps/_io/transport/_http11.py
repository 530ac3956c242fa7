"""HTTP/1.1 over h11, and the pool's bookkeeping: plain code, no I/O (the drivers beside it do that).

What both transports share: the bytes of a request, reading a response's head and body from the
events h11 makes of what arrived, whether a connection can carry the next request, which idle
connection to reuse, and what the errors are called in httpx's terms.
"""

from __future__ import annotations

import collections
import ssl
from typing import Any, Generic, TypeVar

import h11
import httpx

from runsteps._sanitize import printable
from runsteps._x509 import SAY_WHAT_IS_IN_IT


def wants_certificate(exc: BaseException) -> bool:
    """Whether the message about a refused certificate needs the certificate itself (its dates, its
    names): it is then read again, unverified. An unknown issuer needs no more than its own message."""
    return isinstance(exc, ssl.SSLCertVerificationError) and exc.verify_code in SAY_WHAT_IS_IN_IT


# Reading a refused certificate again is for a message only: a server that will not finish a second
# handshake does not hold the call up for long.
CERTIFICATE_READ_LIMIT = 2.0


def certificate_read_time(left: float) -> float:
    return max(0.01, min(CERTIFICATE_READ_LIMIT, left))


def unverified_context() -> ssl.SSLContext:
    """For reading a refused certificate, never for a request."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


C = TypeVar("C")
READ_SIZE = 64 * 1024
# A response head may arrive in pieces (TLS records, slow links) and be long (proxies' and gateways'
# headers): h11 holds up to this much of an unfinished one, as httpcore does; more is a protocol error.
MAX_HEAD = 100 * 1024


def request_bytes(connection: h11.Connection, request: httpx.Request, body: bytes) -> bytes:
    """The whole request, head and body, as it goes on the wire."""
    headers = list(request.headers.raw)
    if body and not any(name.lower() in (b"content-length", b"transfer-encoding") for name, _ in headers):
        headers.append((b"Content-Length", str(len(body)).encode()))
    target = request.url.raw_path
    data = connection.send(h11.Request(method=request.method.encode(), target=target, headers=headers)) or b""
    if body:
        data += connection.send(h11.Data(data=body)) or b""
    return data + (connection.send(h11.EndOfMessage()) or b"")


def response_head(event: Any) -> tuple[int, list[tuple[bytes, bytes]], dict[str, Any]] | None:
    """The status, headers and extensions of a final response event; None for a 1xx (read on)."""
    if isinstance(event, h11.InformationalResponse):
        return None
    assert isinstance(event, h11.Response), event
    extensions = {"http_version": b"HTTP/" + event.http_version, "reason_phrase": event.reason}
    return event.status_code, list(event.headers), extensions


def reusable(connection: h11.Connection) -> bool:
    """After a whole response: whether the connection may carry another request (and is made ready to).
    Not when bytes came after the response: they would be read as the next request's answer."""
    if connection.our_state is h11.DONE and connection.their_state is h11.DONE and not connection.trailing_data[0]:
        connection.start_next_cycle()
        return True
    return False


class Pool(Generic[C]):
    """Idle connections by origin, most recently used first, each dropped after `expiry` seconds.

    Taking and giving back are O(1): no scan of every connection for every request. How many
    connections may be busy at once is the drivers' semaphore, not this.
    """

    def __init__(self, expiry: float) -> None:
        self.expiry = expiry
        self._idle: dict[tuple[bytes, bytes, int], collections.deque[tuple[C, float]]] = {}

    def take(self, origin: tuple[bytes, bytes, int], now: float) -> tuple[C | None, list[C]]:
        """A connection to reuse (None: open one), and the expired ones to close."""
        idle = self._idle.get(origin)
        stale: list[C] = []
        while idle:
            connection, since = idle.pop()
            if now - since < self.expiry:
                # The rest are older still: expired, or they soon will be; drop the expired ones.
                while idle and now - idle[0][1] >= self.expiry:
                    stale.append(idle.popleft()[0])
                return connection, stale
            stale.append(connection)
        return None, stale

    def give_back(self, origin: tuple[bytes, bytes, int], connection: C, now: float) -> None:
        self._idle.setdefault(origin, collections.deque()).append((connection, now))

    def drain(self) -> list[C]:
        """Every idle connection, for closing."""
        connections = [c for idle in self._idle.values() for c, _ in idle]
        self._idle.clear()
        return connections


def origin_of(url: httpx.URL) -> tuple[bytes, bytes, int]:
    scheme = url.raw_scheme
    port = url.port or (443 if scheme == b"https" else 80)
    return scheme, url.raw_host, port


def protocol_error(exc: h11.ProtocolError, request: httpx.Request) -> httpx.TransportError:
    """h11's errors in httpx's terms. A local error's message can quote a request header (a key among
    them): not kept. A remote one's says what the server sent wrong: kept, made printable."""
    if isinstance(exc, h11.LocalProtocolError):
        return httpx.LocalProtocolError(
            "the request could not be formed (a header value is not allowed)", request=request
        )
    return httpx.RemoteProtocolError(f"the server broke HTTP/1.1: {printable(str(exc), 200)}", request=request)
