"""The errors runsteps raises on purpose. All derive from RunStepsError (bad arguments: ValueError)."""

from __future__ import annotations

from typing import Any

import httpx

from ._generated.models import Error


class RunStepsError(Exception):
    """Base of every error the SDK raises on purpose."""


class APIConnectionError(RunStepsError):
    """The server could not be reached, or the connection broke before a full response came back."""

    def __init__(self, message: str, *, request: httpx.Request | None = None, retries: int = 0) -> None:
        super().__init__(message)
        self.request = request
        self.retries = retries


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIStatusError(RunStepsError):
    """The server answered with a status that is not 2xx."""

    def __init__(self, message: str, *, response: httpx.Response, error: Error | None, retries: int = 0) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.request_id: str | None = response.headers.get("x-request-id")
        self.error = error
        self.retries = retries


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class ConflictError(APIStatusError):
    pass


class UnprocessableEntityError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    pass


class InternalServerError(APIStatusError):
    pass


class APIResponseValidationError(RunStepsError):
    """A 2xx response whose body is not the JSON object promised."""

    def __init__(self, message: str, *, response: httpx.Response, retries: int = 0) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.request_id: str | None = response.headers.get("x-request-id")
        self.retries = retries


class PollTimeoutError(RunStepsError, TimeoutError):
    """Polling reached its deadline; `last` is the last object seen (None if none came back)."""

    def __init__(self, message: str, *, last: Any) -> None:
        super().__init__(message)
        self.last = last


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(response: httpx.Response, body: Any, retries: int) -> APIStatusError:
    """The typed error for a non-2xx response; `body` is its decoded JSON, or None if it was not JSON."""
    status = response.status_code
    cls = _BY_STATUS.get(status, InternalServerError if status >= 500 else APIStatusError)
    error: Error | None = None
    raw = body.get("error") if isinstance(body, dict) else None
    if isinstance(raw, dict):
        try:
            error = Error.from_dict(raw)
        except ValueError:
            error = None
    if error is not None and isinstance(error.message, str) and error.message:
        detail = error.message
    elif isinstance(raw, str) and raw:
        detail = raw
    else:
        detail = f"body: {describe_body(response)}"
    request_id = response.headers.get("x-request-id")
    where = f" (request id {request_id})" if request_id else ""
    return cls(f"HTTP {status}: {detail}{where}", response=response, error=error, retries=retries)


def describe_body(response: httpx.Response, limit: int = 200) -> str:
    """The start of a body, for messages: what came back, not all of it."""
    text = response.content[:limit].decode("utf-8", errors="replace")
    more = "…" if len(response.content) > limit else ""
    kind = response.headers.get("content-type", "no content type")
    return f"{text!r}{more} ({kind}, {len(response.content)} bytes)" if text else f"empty ({kind})"
