"""Turning what came back into a model or a typed error that says what came back. No I/O here."""

from __future__ import annotations

import json
import ssl
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import httpx

from runsteps._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    request_id_of,
    status_error_class,
)
from runsteps._generated.models import Error, ErrorResponse
from runsteps._model_base import PayloadError, read_json
from runsteps._plans.actions import Answer, BodyError, read_response
from runsteps._sanitize import CREDENTIAL_HEADERS, REDACTED, mask, mask_bytes, printable
from runsteps._x509 import why_refused

T = TypeVar("T")


class Reply(Generic[T]):
    """A parsed model, the answer it came from, and the decoded JSON (exactly what the server sent)."""

    __slots__ = ("answer", "data", "model", "retries")
    model: T
    answer: Answer
    data: Any
    retries: int

    def __init__(self, model: T, answer: Answer, data: Any, retries: int = 0) -> None:
        self.model = model
        self.answer = answer
        self.data = data
        self.retries = retries


def decode_json(answer: Answer) -> tuple[Any, str | None]:
    """The JSON of a body, or None and why it is not JSON."""
    content = answer.content
    if not content:
        return None, "empty"
    try:
        return read_json(content), None
    except RecursionError:
        return None, "JSON nested too deeply to read"
    except ValueError as exc:  # also UnicodeDecodeError
        return None, f"not JSON ({type(exc).__name__})"


def parse_response(answer: Answer, parse: Callable[[Any], T], retries: int) -> Reply[T]:
    """The model of a 2xx response, or the typed error for anything else."""
    data, not_json = decode_json(answer)
    if not answer.is_success:
        raise status_error(answer, None if not_json else data, retries)
    if not_json is not None or not isinstance(data, dict):
        what = not_json or f"JSON {type(data).__name__}"
        raise APIResponseValidationError(
            f"HTTP {answer.status_code} with a body that is {what}, not the object expected: "
            f"{describe_body(answer)}{_request_id_note(answer)}",
            response=answer.response,
            retries=retries,
        )
    try:
        model = parse(data)
    except (PayloadError, RecursionError) as exc:
        raise unusable_object(answer, exc, retries) from None
    return Reply(model, answer, data, retries)


def unusable_object(answer: Answer, problem: PayloadError | RecursionError, retries: int) -> APIResponseValidationError:
    """The error for a 2xx response whose JSON (or a part of it) cannot be read into its model."""
    what = (
        f"an unusable object: {printable(str(problem), 300)}"
        if isinstance(problem, PayloadError)
        else "an object nested too deeply to read"
    )
    return APIResponseValidationError(
        f"HTTP {answer.status_code} with {what}{_request_id_note(answer)}", response=answer.response, retries=retries
    )


def status_error(answer: Answer, body: Any, retries: int) -> APIStatusError:
    """The typed error for a non-2xx response; `body` is its decoded JSON, or None."""
    status = answer.status_code
    error = _error_of(body)
    if error is not None and isinstance(error.message, str) and error.message:
        detail = error.message
    elif isinstance(body, dict) and isinstance(body.get("error"), str) and body["error"]:
        detail = body["error"]
    else:
        detail = f"body: {describe_body(answer)}"
    detail = printable(detail, 500)
    where = ""
    if status == 404 or 300 <= status < 400:
        where = f" ({_asked(answer)})"
    if 300 <= status < 400:
        location = answer.headers.get("location")
        where += f"; redirected to {printable(location, 200)!s}" if location else "; no Location given"
    hint = _hint(answer, error) if status == 404 else ""
    cls = status_error_class(status)
    return cls(
        f"HTTP {status}: {detail}{where}{hint}{_request_id_note(answer)}",
        response=answer.response,
        error=error,
        retries=retries,
    )


def _error_of(body: Any) -> Error | None:
    """The error object of a body: OpenAI's and Azure's nested one, or an Azure gateway's flat one."""
    if not isinstance(body, dict):
        return None
    try:
        parsed = ErrorResponse.from_dict(body)
    except (PayloadError, RecursionError):
        return None
    if parsed.error is not None:
        return parsed.error
    if parsed.message is not None or parsed.statusCode is not None:
        return Error(message=parsed.message, code=parsed.statusCode)
    return None


def _asked(answer: Answer) -> str:
    return f"{answer.method} {answer.url.copy_with(query=None)}"


def _hint(answer: Answer, error: Error | None) -> str:
    """For a 404, a guess at what is wrong with the base URL when its path has none of the families'
    shapes (whatever the body says: servers answer a wrong path with a typed error too), or when the
    server says it does not know the URL."""
    head = answer.url.path.split("/threads/", 1)[0]
    if head.endswith(("/v1", "/openai")) or "/api/projects/" in head:
        if error is None or (error.type is None and error.code is None) or "invalid url" in str(error.message).lower():
            return "; the server does not know this path: check the thread and run ids, and the base URL"
        return ""  # the API itself answered: the object does not exist
    return (
        f"; the base URL ends in {head or '/'!r}: OpenAI-style servers serve under /v1, "
        "Azure OpenAI under /openai (use Client.for_azure), Azure AI Agents under /api/projects/NAME"
    )


def describe_body(answer: Answer, limit: int = 200) -> str:
    """The start of a body, for messages: what came back, not all of it, and nothing that moves a terminal."""
    content = answer.content
    text = content[:limit].decode("utf-8", errors="replace")
    more = "…" if len(content) > limit else ""
    kind = printable(answer.headers.get("content-type", "no content type"), 80)
    # Quoted, escaped once: printable() already shows control characters as \r, \n, \x1b.
    return f"'{printable(text, limit)}'{more} ({kind}, {len(content)} bytes)" if text else f"empty ({kind})"


def _request_id_note(answer: Answer) -> str:
    request_id = request_id_of(answer.headers)
    return f" (request id {printable(request_id, 100)})" if request_id else ""


def body_error(problem: BodyError, retries: int) -> APIResponseValidationError | APIStatusError:
    answer = problem.answer
    if not answer.is_success:
        return status_error(answer, None, retries)
    return APIResponseValidationError(
        f"HTTP {answer.status_code}: {problem.reason}{_request_id_note(answer)}",
        response=answer.response,
        retries=retries,
    )


def certificate_refused(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The refusal of the server's certificate, if that is what caused `exc` (our transports and
    httpx's both keep the TLS error as the cause); None otherwise."""
    found = _cause(exc, lambda seen: isinstance(seen, ssl.SSLCertVerificationError))
    return found if isinstance(found, ssl.SSLCertVerificationError) else None


def _cause(exc: BaseException, wanted: Callable[[BaseException], bool]) -> BaseException | None:
    """The first exception in `exc`'s chain of causes (itself included) that is `wanted`."""
    seen: BaseException | None = exc
    while seen is not None:
        if wanted(seen):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


# Handshake failures no second attempt can cure: the server does not speak TLS on this port (a plain
# HTTP port answers a ClientHello with text), or it shares no protocol version with us.
_NEVER_TLS = frozenset({"WRONG_VERSION_NUMBER", "UNSUPPORTED_PROTOCOL", "TLSV1_ALERT_PROTOCOL_VERSION", "HTTP_REQUEST"})


def tls_impossible(exc: BaseException) -> ssl.SSLError | None:
    """The TLS failure behind `exc` if it is one that will happen again whatever we do; None otherwise."""
    found = _cause(exc, lambda seen: isinstance(seen, ssl.SSLError) and getattr(seen, "reason", None) in _NEVER_TLS)
    return found if isinstance(found, ssl.SSLError) else None


def connection_error(exc: Exception, retries: int, *, timed_out: bool = False) -> APIConnectionError:
    request = _request_of(exc)
    where = f" ({request.method} {request.url.copy_with(query=None)})" if request is not None else ""
    if timed_out or isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"request timed out{where}: {type(exc).__name__}", request=request, retries=retries)
    refused = certificate_refused(exc)
    if refused is not None:
        host = request.url.host if request is not None else "the server"
        return APIConnectionError(
            f"the certificate of {host} was refused{where}: {why_refused(refused, host)}",
            request=request,
            retries=retries,
        )
    impossible = tls_impossible(exc)
    if impossible is not None:
        at = f"{request.url.host}:{request.url.port}" if request is not None else "the server"
        hint = (
            "is its URL http://, not https://?"
            if impossible.reason == "WRONG_VERSION_NUMBER"
            else "no TLS version in common"
        )
        return APIConnectionError(
            f"TLS with {at} failed{where}: {impossible.reason}: {hint}", request=request, retries=retries
        )
    # h11's messages can quote a whole header (a key among them): only the kind of failure is shown.
    detail = "" if isinstance(exc, httpx.LocalProtocolError) else f": {printable(str(exc), 200)}"
    return APIConnectionError(
        f"connection failed{where}: {type(exc).__name__}{detail}", request=request, retries=retries
    )


def _request_of(exc: Exception) -> httpx.Request | None:
    try:
        request = exc.request  # type: ignore[attr-defined]
    except (AttributeError, RuntimeError):
        return None
    return request if isinstance(request, httpx.Request) else None


def scrub(error: Exception, secrets: list[str]) -> None:
    """Our own credentials out of an error, in place: its message and parsed error object (a server
    may echo a key: `Incorrect API key provided: Bearer sk-…`), its response's body and headers, and
    the request it carries (the `Authorization` header would be in a pickle's bytes)."""
    if error.args and isinstance(error.args[0], str):
        error.args = (mask(error.args[0], secrets), *error.args[1:])
    parsed = getattr(error, "error", None)
    if isinstance(parsed, Error):
        text = json.dumps(parsed.to_dict())
        masked = mask(text, secrets)
        if masked != text:
            error.error = Error.from_json(masked)  # type: ignore[attr-defined]
    response = getattr(error, "response", None)
    if isinstance(response, httpx.Response):
        error.response = _scrubbed_response(response, secrets)  # type: ignore[attr-defined]
    request = getattr(error, "request", None)
    if isinstance(request, httpx.Request):
        error.request = _scrubbed_request(request, secrets)  # type: ignore[attr-defined]


def _scrubbed_request(request: httpx.Request, secrets: list[str]) -> httpx.Request:
    headers = [
        (
            name,
            REDACTED.encode() if name.lower().decode("latin-1") in CREDENTIAL_HEADERS else mask_bytes(value, secrets),
        )
        for name, value in request.headers.raw
    ]
    return httpx.Request(request.method, mask(str(request.url), secrets), headers=headers, content=request.content)


def _scrubbed_response(response: httpx.Response, secrets: list[str]) -> httpx.Response:
    headers = httpx.Headers([(name, mask_bytes(value, secrets)) for name, value in response.headers.raw])
    request = _scrubbed_request(response.request, secrets) if _has_request(response) else None
    return read_response(response, mask_bytes(response.content, secrets), headers, request)


def _has_request(response: httpx.Response) -> bool:
    try:
        response.request  # noqa: B018 (httpx raises for a response made without one)
    except RuntimeError:
        return False
    return True
