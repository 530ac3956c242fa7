"""The clock a client keeps time by: a seam for tests (`clock=`), as httpx offers `transport=`."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Protocol


class Clock(Protocol):
    """What `Client(clock=...)` takes: `now()`, monotonic seconds, and `sleep(seconds)`.

    Deadlines, poll intervals and retry waits are measured with `now()` and waited with `sleep()`,
    so a manual clock makes a watch, a retry or a timeout run in no real time."""

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class AsyncClock(Protocol):
    """What `AsyncClient(clock=...)` takes: as `Clock`, its `sleep` awaited."""

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> Awaitable[None]: ...
