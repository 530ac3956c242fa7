"""Client settings, and how each server family wants to be reached (from arguments and the environment).

`Config` is plain data. Its smart constructors do the work: read the environment as each family's
official client does, choose the base URL, the credential and the headers, and refuse what cannot
work (a URL with a query, a key a header cannot carry) before anything is sent.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
import warnings
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Literal, cast
from urllib.parse import urlsplit, urlunsplit

import attrs

from ._version import __version__

Family = Literal["openai", "azure", "azure-v1", "azure-agents"]
TokenProvider = Callable[[], "str | Awaitable[str]"]

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_TIMEOUT = 60.0  # seconds for one attempt, from connecting to the last byte
CONNECT_TIMEOUT = 10.0  # of which connecting may take at most this long
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024  # a page of 100 steps with file contents is a few MB
AZURE_AGENTS_API_VERSION = "v1"
USER_AGENT = f"runsteps/{__version__}"

# What a header value may hold: visible ASCII and inner spaces. A key read from a file with its
# newline, or pasted with a tab, would break the request (and h11 would quote it in its error).
_HEADER_SAFE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")
_warned_plain_http: set[str] = set()


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

    provider: TokenProvider = attrs.field(repr=False)


Credential = ApiKey | Tokens | None  # None: the caller's own httpx client or headers authenticate


@attrs.frozen(repr=False)
class Config:
    """Resolved settings of a client. Build one with a smart constructor; the key is never in a repr."""

    base_url: str
    family: Family
    credential: Credential
    headers: Mapping[str, str]  # sent with every request, besides the credential
    query: Mapping[str, str]  # added to every request, pages included (Azure's api-version)
    timeout: float = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    def __repr__(self) -> str:
        return f"Config(family={self.family!r}, base_url={self.base_url!r}, timeout={self.timeout}, max_retries={self.max_retries})"

    @property
    def connect_timeout(self) -> float:
        return min(CONNECT_TIMEOUT, self.timeout)

    # ---- smart constructors ----

    @classmethod
    def openai(
        cls,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        token_provider: TokenProvider | None = None,
        organization: str | None = None,
        project: str | None = None,
        environ: Mapping[str, str] = os.environ,
        **options: Any,
    ) -> Config:
        """api.openai.com and compatible servers: `OPENAI_API_KEY`, `OPENAI_BASE_URL`, a bearer key."""
        url = base_url if base_url is not None else environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL
        credential: Credential
        if token_provider is not None:
            credential = Tokens(_check_provider(token_provider))
        else:
            key = api_key if api_key is not None else environ.get("OPENAI_API_KEY")
            if not key and not _caller_authenticates(options):
                raise ValueError(
                    "an API key is required: pass api_key=... (or token_provider=...), or set OPENAI_API_KEY"
                )
            credential = ApiKey(_check_secret("api_key", key), "Authorization") if key else None
        headers = {"OpenAI-Beta": "assistants=v2"}
        if organization:
            headers["OpenAI-Organization"] = organization
        if project:
            headers["OpenAI-Project"] = project
        return cls._build("openai", url, "base_url", credential, headers, {}, options)

    @classmethod
    def azure(
        cls,
        endpoint: str | None = None,
        *,
        api_version: str | None = None,
        api_key: str | None = None,
        token_provider: TokenProvider | None = None,
        environ: Mapping[str, str] = os.environ,
        **options: Any,
    ) -> Config:
        """Azure OpenAI, as openai's `AzureOpenAI` reaches it.

        `{endpoint}/openai/threads/...` with `?api-version=` on every request (classic), or an endpoint
        ending in `/openai/v1` (the v1 surface, no api-version). A token (`token_provider`, else
        `AZURE_OPENAI_AD_TOKEN`) is sent as `Authorization: Bearer`, a key (`AZURE_OPENAI_API_KEY`) as
        `api-key` (on the v1 surface as `Authorization: Bearer`, as the OpenAI client does there); an
        explicit argument wins over the environment, and a token over a key.
        """
        raw = endpoint if endpoint is not None else environ.get("AZURE_OPENAI_ENDPOINT")
        if not raw:
            raise ValueError("endpoint is required: pass endpoint=... or set AZURE_OPENAI_ENDPOINT")
        url = _check_url("endpoint", raw)
        v1 = url.endswith("/openai/v1")
        base = url if v1 or url.endswith("/openai") else url + "/openai"
        version = api_version if api_version is not None or v1 else environ.get("OPENAI_API_VERSION")
        if not v1 and not version:
            raise ValueError(
                "api_version is required for Azure OpenAI: pass api_version=... or set OPENAI_API_VERSION "
                "(or use the v1 surface, an endpoint ending in /openai/v1)"
            )
        # The v1 surface takes a key as a bearer token, as the OpenAI client Azure documents for it sends it.
        key_header: Literal["Authorization", "api-key"] = "Authorization" if v1 else "api-key"
        credential: Credential
        if token_provider is not None:
            credential = Tokens(_check_provider(token_provider))
        elif api_key is not None:
            credential = ApiKey(_check_secret("api_key", api_key), key_header)
        elif environ.get("AZURE_OPENAI_AD_TOKEN"):
            token = _check_secret("AZURE_OPENAI_AD_TOKEN", environ["AZURE_OPENAI_AD_TOKEN"])
            credential = ApiKey(token, "Authorization")
        elif environ.get("AZURE_OPENAI_API_KEY"):
            credential = ApiKey(_check_secret("AZURE_OPENAI_API_KEY", environ["AZURE_OPENAI_API_KEY"]), key_header)
        elif _caller_authenticates(options):
            credential = None
        else:
            raise ValueError(
                "credentials are required: pass api_key=... or token_provider=..., "
                "or set AZURE_OPENAI_API_KEY or AZURE_OPENAI_AD_TOKEN"
            )
        query = {"api-version": version} if version else {}
        family: Family = "azure-v1" if v1 else "azure"
        return cls._build(family, base, "endpoint", credential, {"OpenAI-Beta": "assistants=v2"}, query, options)

    @classmethod
    def azure_agents(
        cls,
        endpoint: str | None = None,
        *,
        token_provider: TokenProvider | None = None,
        api_version: str = AZURE_AGENTS_API_VERSION,
        environ: Mapping[str, str] = os.environ,
        **options: Any,
    ) -> Config:
        """Azure AI Agents, as azure-ai-agents' `AgentsClient` reaches it: the project endpoint
        (`PROJECT_ENDPOINT`), `?api-version=`, an Entra ID bearer token, no `OpenAI-Beta`."""
        raw = endpoint if endpoint is not None else environ.get("PROJECT_ENDPOINT")
        if not raw:
            raise ValueError("endpoint is required: pass endpoint=... (the project endpoint) or set PROJECT_ENDPOINT")
        if not isinstance(api_version, str) or not api_version:
            raise ValueError(f"api_version must be a non-empty string, got {api_version!r}")
        credential: Credential
        if token_provider is not None:
            credential = Tokens(_check_provider(token_provider))
        elif _caller_authenticates(options):
            credential = None
        else:
            raise ValueError(
                "token_provider is required for Azure AI Agents, e.g. azure.identity.get_bearer_token_provider("
                'DefaultAzureCredential(), "https://ai.azure.com/.default")'
            )
        return cls._build("azure-agents", raw, "endpoint", credential, {}, {"api-version": api_version}, options)

    @classmethod
    def _build(
        cls,
        family: Family,
        url: str,
        url_name: str,
        credential: Credential,
        headers: dict[str, str],
        query: dict[str, str],
        options: dict[str, Any],
    ) -> Config:
        unknown = set(options) - {"timeout", "max_retries", "default_headers", "default_query", "max_response_bytes"}
        unknown.discard("http_client")
        if unknown:
            raise TypeError(f"unexpected arguments: {', '.join(sorted(unknown))}")
        base = _check_url(url_name, url)
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **headers}
        for name, value in (options.get("default_headers") or {}).items():
            headers[_check_header_name(name)] = _check_header_value(name, value)
        for name, value in (options.get("default_query") or {}).items():
            if not isinstance(name, str) or not isinstance(value, str):
                raise ValueError(f"default_query must map strings to strings, got {name!r}: {type(value).__name__}")
            query[name] = value
        if credential is not None and base.startswith("http://"):
            _warn_plain_http(base)
        return cls(
            base_url=base,
            family=family,
            credential=credential,
            headers=headers,
            query=query,
            timeout=_check_timeout(options.get("timeout")),
            max_retries=_check_retries(options.get("max_retries", DEFAULT_MAX_RETRIES)),
            max_response_bytes=_check_size(options.get("max_response_bytes", DEFAULT_MAX_RESPONSE_BYTES)),
        )

    def with_options(self, *, timeout: float | None = None, max_retries: int | None = None) -> Config:
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["timeout"] = _check_timeout(timeout)
        if max_retries is not None:
            changes["max_retries"] = _check_retries(max_retries)
        return attrs.evolve(self, **changes)


# ---- checks: each failure a ValueError naming the argument, never showing a secret ----


def _caller_authenticates(options: Mapping[str, Any]) -> bool:
    """Whether the caller brings their own authentication (their httpx client, or an auth header)."""
    headers = {str(k).lower() for k in (options.get("default_headers") or {})}
    return options.get("http_client") is not None or bool(headers & {"authorization", "api-key"})


def _check_secret(name: str, value: object) -> Secret:
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
    return _check_secret("the token from token_provider", value).value


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


def _check_provider(provider: object) -> TokenProvider:
    if not callable(provider):
        raise ValueError(f"token_provider must be a callable returning a token, got {type(provider).__name__}")
    return cast(TokenProvider, provider)


def _check_header_name(name: object) -> str:
    if not isinstance(name, str) or not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name):
        raise ValueError(f"default_headers has an invalid header name: {name!r}")
    return name


def _check_header_value(name: str, value: object) -> str:
    if not isinstance(value, str) or not _HEADER_SAFE.fullmatch(value):
        raise ValueError(f"default_headers[{name!r}] holds a value an HTTP header cannot carry (not shown)")
    return value


def _check_url(name: str, url: object) -> str:
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


def _check_timeout(value: object) -> float:
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"timeout must be a finite positive number of seconds, got {value!r}")
    return float(value)


def _check_retries(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be a non-negative int, got {value!r}")
    return value


def _check_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1024:
        raise ValueError(f"max_response_bytes must be an int of at least 1024, got {value!r}")
    return value


def _warn_plain_http(url: str) -> None:
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
