"""The vocabulary between plans and drivers.

A plan is a generator that decides what a call does and never does I/O itself: it yields actions
and receives their outcomes. The sync and async drivers in _client perform them. This is how
sending with retries, paging, polling and watching are each written once for both.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, TypeVar

import attrs
import httpx

T = TypeVar("T")


@attrs.frozen
class Transmit:
    """Send one HTTP request; the plan receives the `httpx.Response` or the `httpx.TransportError`."""

    method: str
    url: str
    params: Any


@attrs.frozen
class Sleep:
    """Wait; the plan receives None."""

    seconds: float


@attrs.frozen
class Emit:
    """Hand `item` to the caller of an iterator (a page, or a watched step); the plan receives None."""

    item: Any


Action = Transmit | Sleep | Emit
Outcome = httpx.Response | httpx.TransportError | None
Plan = Generator[Action, Outcome, T]
