"""Credentials and the headers they travel in: an API key (in `Authorization` or Azure's `api-key`)
or a token provider, and the checks that refuse what a header cannot carry without ever showing a
secret in a message, a repr or a log."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Literal, cast

import attrs

# What `token_provider=` takes: Client a callable returning a token; AsyncClient may also await it.
TokenProvider = Callable[[], str]
AsyncTokenProvider = Callable[[], "str | Awaitable[str]"]

# What a header value may hold: visible ASCII and inner spaces. A key read from a file with its
# newline, or pasted with a tab, would break the request (and h11 would quote it in its error).
_HEADER_SAFE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")


@attrs.frozen
class Secret:
    """A key or token. Never shown: not in reprs, messages or logs."""

    value: str = attrs.field(repr=False)

    def __repr__(self) -> str:
        return "Secret(***)"


@attrs.frozen
class ApiKey:
    """A fixed key, sent in `header` (`Authorization` as a bearer token, or Azure's `api-key`)."""

    secret: Secret
    header: Literal["Authorization", "api-key"]

    def headers(self) -> dict[str, str]:
        if self.header == "Authorization":
            return {"Authorization": f"Bearer {self.secret.value}"}
        return {"api-key": self.secret.value}


@attrs.frozen
class Tokens:
    """Bearer tokens from a provider, asked for before every attempt (a provider caches as it sees fit).

    After a 401 the provider's `refresh()` is called instead when it has one, so a provider that
    caches can hand out a new token rather than the one just refused.
    """

    provider: AsyncTokenProvider = attrs.field(repr=False)


Credential = ApiKey | Tokens | None  # None: the caller's own httpx client or headers authenticate


def check_secret(name: str, value: object) -> Secret:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a string, got {type(value).__name__}")
    if not _HEADER_SAFE.fullmatch(value):
        raise ValueError(
            f"{name} holds {_unsafe_kind(value)}, which an HTTP header cannot carry (the value is not shown)"
        )
    return Secret(value)


def check_token(value: object) -> str:
    """A token a provider returned, checked as a key is."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"token_provider must return a non-empty string, got {type(value).__name__}")
    return check_secret("the token from token_provider", value).value


def _unsafe_kind(value: str) -> str:
    if not value:
        return "nothing"
    if value != value.strip():
        return "leading or trailing whitespace (a newline from a file?)"
    if any(c in value for c in "\r\n"):
        return "a line break"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return "a control character"
    return "characters outside printable ASCII"


def check_provider(provider: object) -> AsyncTokenProvider:
    if not callable(provider):
        raise ValueError(f"token_provider must be a callable returning a token, got {type(provider).__name__}")
    return cast(AsyncTokenProvider, provider)


def check_header_name(name: object) -> str:
    if not isinstance(name, str) or not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name):
        raise ValueError(f"default_headers has an invalid header name: {name!r}")
    return name


def check_header_value(name: str, value: object) -> str:
    if not isinstance(value, str) or not _HEADER_SAFE.fullmatch(value):
        raise ValueError(f"default_headers[{name!r}] holds a value an HTTP header cannot carry (not shown)")
    return value
