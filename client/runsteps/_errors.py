"""The errors runsteps raises on purpose. All derive from RunStepsError (bad arguments: ValueError).

Every error pickles: keyword arguments have defaults, so `cls(message)` rebuilds one and its
attributes come back from its `__dict__` (they can cross a process pool).
"""

from __future__ import annotations

from typing import Any

import httpx

from runsteps._generated.models import Error

REQUEST_ID_HEADERS = ("x-request-id", "apim-request-id", "x-ms-request-id")


def request_id_of(headers: httpx.Headers) -> str | None:
    """The server's id of a request: OpenAI's `x-request-id`, or Azure's `apim-request-id` / `x-ms-request-id`."""
    for name in REQUEST_ID_HEADERS:
        value: str | None = headers.get(name)
        if value:
            return value
    return None


class RunStepsError(Exception):
    """Base of every error the SDK raises on purpose."""


class APIConnectionError(RunStepsError):
    """The server could not be reached, or the connection broke before a full response came back."""

    def __init__(self, message: str, *, request: httpx.Request | None = None, retries: int = 0) -> None:
        super().__init__(message)
        self.request = request
        self.retries = retries


class APITimeoutError(APIConnectionError):
    """An attempt, or the call's own `timeout` (then `call_timeout` is True), ran out before the
    response was read whole."""

    def __init__(
        self, message: str, *, request: httpx.Request | None = None, retries: int = 0, call_timeout: bool = False
    ) -> None:
        super().__init__(message, request=request, retries=retries)
        self.call_timeout = call_timeout


class APIStatusError(RunStepsError):
    """The server answered with a status that is not 2xx.

    `status_code`; `request_id` (from `x-request-id`, `apim-request-id` or `x-ms-request-id`);
    `error`, the parsed error object when the body had one (OpenAI's and Azure's nested `error`, or
    an Azure gateway's `{"statusCode", "message"}`); `response`; `retries`, the retries spent.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response | None = None,
        error: Error | None = None,
        retries: int = 0,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code: int = response.status_code if response is not None else 0
        self.request_id: str | None = request_id_of(response.headers) if response is not None else None
        self.error = error
        self.retries = retries


class BadRequestError(APIStatusError):
    """400: the request was malformed (a bad parameter, a missing or unknown api-version)."""


class AuthenticationError(APIStatusError):
    """401: the key or token is missing, wrong or expired."""


class PermissionDeniedError(APIStatusError):
    """403: the credential may not read this object."""


class NotFoundError(APIStatusError):
    """404: no such thread, run or step, or a wrong base URL (the message names the URL asked)."""


class ConflictError(APIStatusError):
    """409: the object is being changed by another request."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well formed but cannot be processed."""


class RateLimitError(APIStatusError):
    """429: a rate limit was exceeded."""


class InternalServerError(APIStatusError):
    """>= 500: the server or a proxy in front of it failed."""


class APIResponseValidationError(RunStepsError):
    """A 2xx whose body is not the JSON object promised, is larger than the size cap, or a listing
    that does not progress (a page repeated, a cursor cycle)."""

    def __init__(self, message: str, *, response: httpx.Response | None = None, retries: int = 0) -> None:
        super().__init__(message)
        self.response = response
        self.status_code: int = response.status_code if response is not None else 0
        self.request_id: str | None = request_id_of(response.headers) if response is not None else None
        self.retries = retries


class StreamEventError(RunStepsError):
    """A run's event stream sent an `error` event (`code`, `message`, and `data`: the event's JSON as
    sent), or an event whose data could not be read (`code` None); `request_id` is the stream's."""

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        event: str = "error",
        data: Any = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.event = event
        self.data = data
        self.request_id = request_id


class PollTimeoutError(RunStepsError, TimeoutError):
    """A `wait` or `watch` reached its deadline; `last` is the last object seen (None if none came
    back), `last_json` its JSON exactly as the server sent it."""

    def __init__(self, message: str, *, last: Any = None, last_json: Any = None) -> None:
        super().__init__(message)
        self.last = last
        self.last_json = last_json


BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    return BY_STATUS.get(status, InternalServerError if status >= 500 else APIStatusError)
