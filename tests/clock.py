"""A manual clock that a client's own looks move: a watch sees a run play out at any machine load."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from runsteps.emulator import Emulator, ManualClock


@contextlib.contextmanager
def moving_on_each_look(emulator: Emulator, run_id: str, seconds: float) -> Iterator[None]:
    """While inside, each request for run `run_id` moves the emulator's manual clock on by `seconds`."""
    clock = emulator.clock
    assert isinstance(clock, ManualClock)
    stop = threading.Event()

    def follow() -> None:
        seen = 0
        while not stop.wait(0.005):
            looks = sum(1 for request in list(emulator.requests) if request.path.endswith(f"/runs/{run_id}"))
            clock.advance(seconds * (looks - seen))
            seen = looks

    follower = threading.Thread(target=follow, daemon=True)
    follower.start()
    try:
        yield
    finally:
        stop.set()
        follower.join()
