"""What bounds a transport: how many connections, how long one may idle, and each request's deadline."""

from __future__ import annotations

import math
import time

import attrs
import httpx

# The request extension carrying the attempt's deadline, a `time.monotonic()` time.
DEADLINE = "runsteps.deadline"
READ_BY = "runsteps.read_by"  # a stream's next read ends by this time.monotonic() time (set before each)
NO_DEADLINE = 24 * 3600.0  # a request without one (not sent by runsteps) still ends


@attrs.frozen
class Limits:
    """`max_connections` in flight at once (others wait their turn, first come first served), and idle
    connections kept `keepalive_expiry` seconds for reuse."""

    max_connections: int = 100
    keepalive_expiry: float = 15.0

    @staticmethod
    def connect_timeout(request: httpx.Request) -> float:
        value = request.extensions.get("timeout", {}).get("connect")
        return math.inf if value is None else float(value)


def deadline_of(request: httpx.Request) -> float:
    deadline = request.extensions.get(DEADLINE)
    if isinstance(deadline, float):
        return deadline
    read = request.extensions.get("timeout", {}).get("read")
    return time.monotonic() + (NO_DEADLINE if read is None else float(read))


def read_deadline(request: httpx.Request, deadline: float) -> float:
    """When the next read of a head or body must end: the attempt's deadline, or sooner for a stream's."""
    read_by = request.extensions.get(READ_BY)
    return min(deadline, read_by) if isinstance(read_by, float) else deadline
