"""A call's context and its deadline: where a call's `timeout` becomes a point in time, once.

Every plan that is a call of the API starts its `Deadline` from its `Call` when it starts running
(for a pager or a watcher: when iteration starts), and hands it down to every request it sends, so
that one limit covers requests, retries, pages and polls alike. A passing deadline raises
`DeadlineReached`; the plan that owns the call turns it into that call's public error.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from runsteps._config import Config
from runsteps._credentials import check_header_name, check_header_value


class DeadlineReached(Exception):
    """The call's deadline passed during an attempt or a wait; `reason` says what was happening."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@attrs.frozen
class CallOptions:
    """What one call adds: its own time limit, headers and query parameters."""

    timeout: float | None = None
    headers: Mapping[str, str] | None = None
    query: Mapping[str, str] | None = None

    @classmethod
    def of(cls, timeout: Any = None, extra_headers: Any = None, extra_query: Any = None) -> CallOptions:
        """Checked per-call options; a ValueError naming the argument for anything unusable."""
        if timeout is not None and (
            isinstance(timeout, bool)
            or not isinstance(timeout, (int, float))
            or not math.isfinite(timeout)
            or timeout <= 0
        ):
            raise ValueError(f"timeout must be a finite positive number of seconds, got {timeout!r}")
        headers = None
        if extra_headers is not None:
            if not isinstance(extra_headers, Mapping):
                raise ValueError(f"extra_headers must be a mapping, got {type(extra_headers).__name__}")
            headers = {
                check_header_name(name): check_header_value(name, value) for name, value in extra_headers.items()
            }
        query = None
        if extra_query is not None:
            if not isinstance(extra_query, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in extra_query.items()
            ):
                raise ValueError("extra_query must map strings to strings")
            query = dict(extra_query)
        return cls(None if timeout is None else float(timeout), headers, query)


NO_OPTIONS = CallOptions()


@attrs.frozen
class Call:
    """Everything a plan needs besides its own arguments: the client's settings, its clock (monotonic
    seconds) and the call's options."""

    config: Config
    clock: Callable[[], float]
    options: CallOptions = NO_OPTIONS

    def deadline(self) -> Deadline:
        """The call's deadline, starting now: `options.timeout` seconds away, or none."""
        timeout = self.options.timeout
        return Deadline(self.clock, timeout, None if timeout is None else self.clock() + timeout)


class Deadline:
    """When a call must be over (`at`, on `clock`; None: never).

    The first attempt of a call is always made, even with no time left: a call never fails without
    having asked once (`attempt`). Every later attempt and every wait is cut to what is left.
    """

    __slots__ = ("_asked", "at", "clock", "timeout")

    def __init__(self, clock: Callable[[], float], timeout: float | None, at: float | None) -> None:
        self.clock, self.timeout, self.at = clock, timeout, at
        self._asked = False

    def left(self) -> float:
        """Seconds left (never below zero; infinite without a deadline)."""
        return math.inf if self.at is None else max(0.0, self.at - self.clock())

    def passed(self) -> bool:
        return self.at is not None and self.clock() >= self.at

    def cut(self, seconds: float) -> float:
        """`seconds`, cut to what is left."""
        return min(seconds, self.left())

    def attempt(self, what: str) -> float:
        """Time for the next attempt, or `DeadlineReached` when none is left (but for the first)."""
        left = self.left()
        first, self._asked = not self._asked, True
        if left <= 0 and not first:
            raise DeadlineReached(what)
        return left

    def would_pass(self, seconds: float) -> bool:
        """Whether waiting `seconds` from now would reach the deadline."""
        return self.at is not None and self.clock() + seconds >= self.at
