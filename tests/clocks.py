"""Clocks a test hands a client (`clock=`), as httpx tests hand it a transport: time kept by `now`,
waits done by `sleep` (for an AsyncClient, `sleep` may return an awaitable)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import attrs


@attrs.frozen
class GivenClock:
    sleep: Callable[[float], Any]
    now: Callable[[], float] = time.monotonic


def no_waiting() -> GivenClock:
    """Real time, retry waits and poll intervals skipped."""
    return GivenClock(lambda seconds: None)


def async_no_waiting() -> GivenClock:
    """As `no_waiting`, for an AsyncClient: each wait only yields to the event loop."""
    import asyncio

    return GivenClock(lambda seconds: asyncio.sleep(0))
