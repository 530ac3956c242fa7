"""What sync and async clients share: configuration, and turning a response into a model or an error."""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import warnings
from collections.abc import Callable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from ._errors import APIConnectionError, APIResponseValidationError, APITimeoutError, describe_body, status_error
from ._generated.types import PayloadError
from ._validation import check_seconds

T = TypeVar("T")
logger = logging.getLogger("runsteps")

DEFAULT_BASE_URL = "https://api.openai.com/v1"
# Run-step calls are small GETs: a minute to read is generous; a dead host fails in ten seconds.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
_warned_plain_http: set[str] = set()


class Config:
    """Resolved client settings. The key is kept out of every repr."""

    __slots__ = ("base_url", "headers", "max_retries", "timeout")

    def __init__(
        self,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        organization: str | None,
        project: str | None,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY")
        if not key:
            raise ValueError(
                "api_key is required: pass runsteps.Client(api_key=...) or set the OPENAI_API_KEY environment variable"
            )
        if not isinstance(key, str):
            raise ValueError(f"api_key must be a string, got {type(key).__name__}")  # never the value: it may be a key
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError(f"max_retries must be a non-negative int, got {max_retries!r}")
        url = (base_url or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url must be an http(s) URL, got {url!r}")
        if parts.scheme == "http" and not _is_loopback(parts.hostname) and url not in _warned_plain_http:
            _warned_plain_http.add(url)
            warnings.warn(
                f"base_url {url} is plain http to a non-loopback host: the API key travels unencrypted", stacklevel=4
            )
        self.base_url = url
        if timeout is None:
            self.timeout = DEFAULT_TIMEOUT
        elif isinstance(timeout, httpx.Timeout):
            self.timeout = timeout
        else:
            self.timeout = httpx.Timeout(check_seconds("timeout", timeout, positive=True))
        self.max_retries = max_retries
        headers = {"Authorization": f"Bearer {key}", "OpenAI-Beta": "assistants=v2", "Accept": "application/json"}
        if organization:
            headers["OpenAI-Organization"] = organization
        if project:
            headers["OpenAI-Project"] = project
        headers.update(default_headers or {})
        self.headers = headers

    def __repr__(self) -> str:
        return f"Config(base_url={self.base_url!r}, timeout={self.timeout!r}, max_retries={self.max_retries})"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_response(response: httpx.Response, parse: Callable[[Any], T], retries: int) -> T:
    """The model of a 2xx response, or the typed error for anything else."""
    try:
        body: Any = json.loads(response.content) if response.content else None
    except ValueError:
        body = _NOT_JSON
    if not response.is_success:
        raise status_error(response, None if body is _NOT_JSON else body, retries)
    if body is _NOT_JSON or not isinstance(body, dict):
        what = "not JSON" if body is _NOT_JSON else f"JSON {type(body).__name__}"
        raise APIResponseValidationError(
            f"HTTP {response.status_code} with a body that is {what}, not the object expected: {describe_body(response)}",
            response=response,
            retries=retries,
        )
    try:
        return parse(body)
    except PayloadError as exc:
        raise APIResponseValidationError(
            f"HTTP {response.status_code} with an unusable object: {exc}", response=response, retries=retries
        ) from exc


_NOT_JSON = object()


def connection_error(exc: httpx.TransportError, retries: int) -> APIConnectionError:
    request = exc.request if _has_request(exc) else None
    where = f" ({request.method} {request.url.copy_with(query=None)})" if request is not None else ""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"request timed out{where}: {type(exc).__name__}", request=request, retries=retries)
    return APIConnectionError(
        f"connection failed{where}: {type(exc).__name__}: {exc}", request=request, retries=retries
    )


def _has_request(exc: httpx.TransportError) -> bool:
    try:
        exc.request  # noqa: B018 - raises when the error carries no request
    except RuntimeError:
        return False
    return True
