"""A client for tests whose server is respx (matched in front of runsteps' own transport): its base
URL, key, a step's URL, and the waits it would have made."""

from __future__ import annotations

from typing import Any

import runsteps

from .clocks import GivenClock

BASE = "http://127.0.0.1:9/v1"
KEY = "sk-secret-key-123"
STEP_URL = f"{BASE}/threads/t/runs/r/steps/s"


def client(**kw: Any) -> tuple[runsteps.Client, list[float]]:
    sleeps: list[float] = []
    c = runsteps.Client(api_key=KEY, base_url=BASE, clock=GivenClock(sleeps.append), **kw)
    return c, sleeps
