"""Checks of arguments, made before any request is sent. Each failure is a ValueError naming the argument."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from ._generated.models import IncludeField, ListOrder

# No '/', '?', '#', '%', whitespace or control characters; ids are percent-encoded anyway.
_UNSAFE = re.compile(r"[/?#%\s\x00-\x1f\x7f]")
INCLUDE_VALUES = tuple(v.value for v in IncludeField)


def check_id(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a string, got {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must not be empty")
    if value in (".", ".."):
        raise ValueError(f"{name} must not be {value!r}")
    bad = _UNSAFE.search(value)
    if bad:
        raise ValueError(
            f"{name} must not contain {bad.group()!r} ('/', '?', '#', '%', whitespace and control characters are not allowed)"
        )
    return value


def check_limit(limit: Any) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise ValueError(f"limit must be an int from 1 to 100, got {limit!r}")
    if not 1 <= limit <= 100:
        raise ValueError(f"limit must be from 1 to 100, got {limit}")
    return limit


def check_order(order: Any) -> ListOrder | None:
    if order is None:
        return None
    if order not in ("asc", "desc"):
        raise ValueError(f"order must be 'asc' or 'desc', got {order!r}")
    return ListOrder(order)


def check_include(include: Any) -> list[IncludeField] | None:
    if include is None:
        return None
    if isinstance(include, (str, bytes, bytearray)) or not isinstance(include, Sequence):
        raise ValueError(f"include must be a list of strings from {INCLUDE_VALUES}, got {include!r}")
    for value in include:
        if value not in INCLUDE_VALUES:
            raise ValueError(f"include values must be from {INCLUDE_VALUES}, got {value!r}")
    return [IncludeField(v) for v in include]


def check_seconds(name: str, value: Any, *, positive: bool = False) -> float | None:
    """None, or a finite number of seconds: at least zero, or above zero when `positive`."""
    if value is None:
        return None
    low_ok = isinstance(value, (int, float)) and (value > 0 if positive else value >= 0)
    if isinstance(value, bool) or not low_ok or not math.isfinite(value):
        kind = "positive" if positive else "non-negative"
        raise ValueError(f"{name} must be a finite {kind} number of seconds, got {value!r}")
    return float(value)
