"""Checks of arguments the spec cannot express, made before any request is sent.

The spec's own bounds and enums (page size, order, include) are checked by the generated query
models. Each failure is a ValueError naming the argument.
"""

from __future__ import annotations

import math
import re
from typing import Any

# No '/', '?', '#', '%', whitespace or control characters; ids are percent-encoded anyway.
_UNSAFE = re.compile(r"[/?#%\s\x00-\x1f\x7f]")
MAX_ID_LENGTH = 1024  # no server hands out longer ids; a URL must stay short enough to send


def check_id(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a string, got {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must not be empty")
    if value in (".", ".."):
        raise ValueError(f"{name} must not be {value!r}")
    if len(value) > MAX_ID_LENGTH:
        raise ValueError(f"{name} must be at most {MAX_ID_LENGTH} characters, got {len(value)}")
    bad = _UNSAFE.search(value)
    if bad:
        raise ValueError(
            f"{name} must not contain {bad.group()!r} ('/', '?', '#', '%', whitespace and control characters are not allowed)"
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{name} must be valid Unicode text (it holds a lone surrogate)") from None
    return value


def check_seconds(name: str, value: Any, *, positive: bool = False) -> float | None:
    """None, or a finite number of seconds: at least zero, or above zero when `positive`."""
    if value is None:
        return None
    low_ok = isinstance(value, (int, float)) and (value > 0 if positive else value >= 0)
    if isinstance(value, bool) or not low_ok or not math.isfinite(value):
        kind = "positive" if positive else "non-negative"
        raise ValueError(f"{name} must be a finite {kind} number of seconds, got {value!r}")
    return float(value)
