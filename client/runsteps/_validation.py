"""Checks of arguments the spec cannot express (ids, seconds, URLs, limits), made before any request is sent.

The spec's own bounds and enums (page size, order, include) are checked by the generated query
models. Each failure is a ValueError naming the argument.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
import ssl
import warnings
from typing import Any
from urllib.parse import urlsplit, urlunsplit

# The settings' defaults, here with their checks: the clients' signatures name them without loading
# the settings' module (attrs) when `runsteps.Client` is first named.
DEFAULT_TIMEOUT = 60.0  # seconds for one attempt, from connecting to the last byte
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024  # a page of 100 steps with file contents is a few MB

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


_warned_plain_http: set[str] = set()


def check_url(name: str, url: object) -> str:
    """An http(s) URL with a host and nothing a base URL must not have; returned without a trailing slash."""
    if not isinstance(url, str):
        raise ValueError(f"{name} must be a string, got {type(url).__name__}")
    if url != url.strip() or any(c.isspace() or ord(c) < 0x20 for c in url):
        raise ValueError(f"{name} must not contain whitespace or control characters, got {_shown(url)}")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"{name} is not a valid URL ({exc}): {_shown(url)}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{name} must be an http(s) URL with a host, got {_shown(url)}")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{name} must not carry credentials (user:password@); pass a key instead: {_shown(url)}")
    if parts.query or url.endswith("?"):
        raise ValueError(f"{name} must not have a query ({parts.query!r}); pass default_query=... instead")
    if parts.fragment or "#" in url:
        raise ValueError(f"{name} must not have a fragment, got {_shown(url)}")
    del port
    return url.rstrip("/")


def _shown(url: str) -> str:
    """A URL for a message, with any password replaced and its length bounded."""
    try:
        parts = urlsplit(url)
        if parts.password is not None:
            netloc = parts.netloc.rsplit("@", 1)[-1]
            url = urlunsplit(parts._replace(netloc=f"{parts.username}:***@{netloc}"))
    except ValueError:
        pass
    text = repr(url)
    return text if len(text) <= 120 else text[:119] + "…"


def check_timeout(value: object, default: float) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"timeout must be a finite positive number of seconds, got {value!r}")
    return float(value)


def check_retries(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be a non-negative int, got {value!r}")
    return value


def check_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1024:
        raise ValueError(f"max_response_bytes must be an int of at least 1024, got {value!r}")
    return value


def check_verify(value: object) -> ssl.SSLContext | None:
    """`verify=` as httpx reads it: True (the system's and certifi's CAs, and SSL_CERT_FILE: None here,
    the transports' default), False (no verification: test servers only), a CA bundle's path, or an
    ssl.SSLContext used as it is."""
    if value is True:
        return None
    if isinstance(value, ssl.SSLContext):
        return value
    if value is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    if isinstance(value, (str, os.PathLike)):
        try:
            return ssl.create_default_context(cafile=os.fspath(value))
        except (OSError, ssl.SSLError) as exc:
            raise ValueError(f"verify must name a readable PEM file of CA certificates: {value!s}: {exc}") from None
    raise ValueError(f"verify must be True, False, a CA file's path or an ssl.SSLContext, got {type(value).__name__}")


def warn_plain_http(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if _is_loopback(host) or url in _warned_plain_http:
        return
    _warned_plain_http.add(url)
    warnings.warn(f"{url} is plain http to a non-loopback host: the credential travels unencrypted", stacklevel=5)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
