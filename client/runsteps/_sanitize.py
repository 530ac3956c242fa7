"""Text a server controls, made safe to show: no terminal control sequences, bounded length, and none
of our own credentials (a server or a token command may echo them)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# C0 and C1 controls (ESC starts terminal sequences; CSI is 0x9b), DEL, and the bidirectional
# overrides that reorder what a terminal shows, and lone surrogates (which no terminal can encode).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: object, limit: int = 200) -> str:
    """`text` with every control character shown escaped (`\\x1b`), cut to `limit` characters."""
    value = text if isinstance(text, str) else str(text)
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


REDACTED = "[redacted]"
# Shorter values are not masked: replacing every "k" of a message would hide it, not a secret.
MIN_SECRET = 8
# Request headers that carry a credential, whatever their value.
CREDENTIAL_HEADERS = frozenset({"authorization", "api-key", "ocp-apim-subscription-key", "proxy-authorization"})


def mask(text: str, secrets: Iterable[str]) -> str:
    """`text` with each of `secrets` replaced by `[redacted]`."""
    for secret in secrets:
        if len(secret) >= MIN_SECRET and secret in text:
            text = text.replace(secret, REDACTED)
    return text


def mask_bytes(data: bytes, secrets: Iterable[str]) -> bytes:
    for secret in secrets:
        raw = secret.encode("utf-8", "replace")
        if len(secret) >= MIN_SECRET and raw in data:
            data = data.replace(raw, REDACTED.encode())
    return data
