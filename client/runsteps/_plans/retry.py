"""When to retry a request and how long to wait: plain decisions, no I/O."""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections.abc import Callable, Mapping

import attrs

RETRY_STATUSES = frozenset({408, 409, 429})
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_SERVER_DELAY = 60.0  # a server asking for longer than this is not waited for


@attrs.define(frozen=True)
class Retry:
    delay: float
    reason: str


def server_delay(headers: Mapping[str, str], now: Callable[[], float] = time.time) -> float | None:
    """The wait a response asks for: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date."""
    ms = _seconds(headers.get("retry-after-ms"), 1000)
    if ms is not None:
        return ms
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _seconds(value, 1)
    if seconds is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - float(now()))
    except (TypeError, ValueError, OverflowError, IndexError):
        return None


def _seconds(value: str | None, per_second: int) -> float | None:
    """A finite number of seconds from a header, or None (a NaN or infinity is no hint at all)."""
    if value is None:
        return None
    try:
        number = float(value) / per_second
    except ValueError:
        return None
    return max(0.0, number) if math.isfinite(number) else None


def backoff(retries_taken: int, rng: Callable[[], float] = random.random) -> float:
    """Exponential backoff with jitter: about 0.5 s, doubling, capped at 8 s, less up to a quarter."""
    delay: float = min(INITIAL_DELAY * 2.0**retries_taken, MAX_DELAY)
    return delay * (1 - 0.25 * rng())


def decide_status(
    status: int,
    headers: Mapping[str, str],
    retries_taken: int,
    max_retries: int,
    rng: Callable[[], float] = random.random,
) -> Retry | None:
    """Whether a response with `status` is retried, and after how long."""
    if retries_taken >= max_retries:
        return None
    should = headers.get("x-should-retry")
    if should == "false":
        return None
    if should != "true" and status not in RETRY_STATUSES and status < 500:
        return None
    asked = server_delay(headers)
    if asked is not None:
        if asked > MAX_SERVER_DELAY:
            return None
        return Retry(asked, f"HTTP {status}, server asked for {asked:.3g}s")
    return Retry(backoff(retries_taken, rng), f"HTTP {status}")


def decide_exception(
    kind: str, retries_taken: int, max_retries: int, rng: Callable[[], float] = random.random
) -> Retry | None:
    """Whether a connection failure or timeout (`kind` says which) is retried."""
    if retries_taken >= max_retries:
        return None
    return Retry(backoff(retries_taken, rng), kind)
