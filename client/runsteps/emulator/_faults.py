"""Seeded fault injection: which response, if any, a request gets instead of the right one."""

from __future__ import annotations

import collections
import random
import threading
from collections.abc import Sequence

import attrs

from runsteps.emulator._names import ACTION_FAULTS, FAULTS, STREAM_FAULTS, ActionFault, Fault, StreamFault


@attrs.define
class FaultPlan:
    """Each request is faulty with probability `rate`; the fault is drawn from `mix`.

    The same seed gives the same sequence of decisions, request after request. `empty-more` (a page
    with `has_more: true` and no data) applies to list requests; other requests get a 500 instead.
    `log` keeps the last 10,000 decisions.

    `actions` are faults for the requests that act (cancels, submissions, and a Conversation's creation
    and its items), one per such request, in order, before the random ones: `none` answers it as usual
    (to aim a fault at a later request); `lost-answer` applies the request and drops the
    connection without answering; `late-answer` applies it and answers only after `slow_seconds`
    (by which time a client has given up); `drop-before` drops the connection without applying it;
    `refuse-503` refuses it with a 503; `proxy-503` applies it and answers what Varnish answers when the
    origin is slow: `503 Backend fetch failed`, an HTML page, `Retry-After: 5`. Once the list is used
    up, such requests are answered normally.

    `streams` are faults for the answers sent as event streams (`stream: true`), one per stream, in
    order: `none`; `drop` (the connection closes halfway, without `done`); `stall` (nothing for
    `slow_seconds` halfway); `error` (an `error` event halfway, and the end); `out-of-order` (a step's
    tool-call deltas last index first); `duplicate` (every event twice); `multiline` (each JSON
    spread over several `data:` lines).
    """

    rate: float = 0.0
    mix: Sequence[Fault] = FAULTS
    seed: int = 0
    slow_seconds: float = 0.3
    retry_after_seconds: float = 0.01
    actions: list[ActionFault] = attrs.field(factory=list)
    streams: list[StreamFault] = attrs.field(factory=list)
    log: collections.deque[Fault | None] = attrs.field(factory=lambda: collections.deque(maxlen=10_000))
    _rng: random.Random = attrs.field(init=False, repr=False)
    _lock: threading.Lock = attrs.field(factory=threading.Lock, repr=False)

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"rate must be between 0 and 1, got {self.rate}")
        unknown = set(self.mix) - set(FAULTS)
        if unknown or not self.mix:
            raise ValueError(f"mix must be a non-empty selection of {', '.join(FAULTS)}; got {list(self.mix)}")
        self._rng = random.Random(self.seed)
        unknown_actions = set(self.actions) - set(ACTION_FAULTS)
        if unknown_actions:
            raise ValueError(f"actions must be faults among {', '.join(ACTION_FAULTS)}; got {list(self.actions)}")
        if set(self.streams) - set(STREAM_FAULTS):
            raise ValueError(f"streams must be faults among {', '.join(STREAM_FAULTS)}; got {list(self.streams)}")

    def next_action(self) -> ActionFault | None:
        with self._lock:
            return self.actions.pop(0) if self.actions else None

    def next_stream(self) -> StreamFault | None:
        with self._lock:
            return self.streams.pop(0) if self.streams else None

    def next(self) -> Fault | None:
        with self._lock:
            fault = self._rng.choice(list(self.mix)) if self._rng.random() < self.rate else None
            self.log.append(fault)
            return fault
