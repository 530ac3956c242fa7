"""Text a server controls, made safe to show: no terminal control sequences, bounded length."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC starts terminal sequences; CSI is 0x9b), DEL, and the bidirectional
# overrides that reorder what a terminal shows, and lone surrogates (which no terminal can encode).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: object, limit: int = 200) -> str:
    """`text` with every control character shown escaped (`\\x1b`), cut to `limit` characters."""
    value = text if isinstance(text, str) else str(text)
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)
