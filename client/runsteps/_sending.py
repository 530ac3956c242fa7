"""Sending one request: credentials, attempts, retries, deadlines and their logs, as a plan. No I/O here.

Each attempt is bounded as a whole by the client's `timeout` (from connecting to the last byte)
and, when the call has one, by what is left of its deadline; a retry's wait never runs past the
deadline either. A 401 with a token provider gets one fresh token and one more attempt.

A request that acts on a run (`acting`: a cancel, a submission) is resent only when the server
provably did not act on it: a refusal (408, 409, 429, 503) or a connection that never opened.
Any other failure after the request may have arrived raises `AnswerLost`, and the caller decides
by reading the run again (_acting).
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import httpx

from ._actions import BodyError, FetchToken, Plan, Sleep, Transmit, Unsendable
from ._config import Config
from ._credentials import Tokens, check_header_name, check_header_value
from ._errors import APITimeoutError, request_id_of
from ._responses import (
    Reply,
    body_error,
    certificate_refused,
    connection_error,
    decode_json,
    parse_response,
    status_error,
)
from ._retry import Retry, decide_exception, decide_status

T = TypeVar("T")
logger = logging.getLogger("runsteps")
# A library logs to its own logger and leaves output to the application (the CLI configures one).
logger.addHandler(logging.NullHandler())


REFUSALS = frozenset({408, 409, 429, 503})  # statuses that say the request was not acted on
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)  # failures before anything was sent


class AnswerLost(Exception):
    """A request that acts on a run may have been applied, but its answer did not come: `error` is
    what to raise if the caller gives up, `attempt` the attempts made so far, less one."""

    def __init__(self, error: Exception, attempt: int) -> None:
        super().__init__(str(error))
        self.error = error
        self.attempt = attempt


class DeadlineReached(Exception):
    """The call's deadline passed during an attempt or a retry's wait; `reason` says what was happening."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@attrs.frozen
class CallOptions:
    """What one call adds: its own time limit, headers and query parameters."""

    timeout: float | None = None
    headers: Mapping[str, str] | None = None
    query: Mapping[str, str] | None = None

    @classmethod
    def of(cls, timeout: Any = None, extra_headers: Any = None, extra_query: Any = None) -> CallOptions:
        """Checked per-call options; a ValueError naming the argument for anything unusable."""
        if timeout is not None and (
            isinstance(timeout, bool)
            or not isinstance(timeout, (int, float))
            or not math.isfinite(timeout)
            or timeout <= 0
        ):
            raise ValueError(f"timeout must be a finite positive number of seconds, got {timeout!r}")
        headers = None
        if extra_headers is not None:
            if not isinstance(extra_headers, Mapping):
                raise ValueError(f"extra_headers must be a mapping, got {type(extra_headers).__name__}")
            headers = {
                check_header_name(name): check_header_value(name, value) for name, value in extra_headers.items()
            }
        query = None
        if extra_query is not None:
            if not isinstance(extra_query, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in extra_query.items()
            ):
                raise ValueError("extra_query must map strings to strings")
            query = dict(extra_query)
        return cls(None if timeout is None else float(timeout), headers, query)


NO_OPTIONS = CallOptions()


def send(
    config: Config,
    request: dict[str, Any],
    parse: Callable[[Any], T],
    *,
    clock: Callable[[], float],
    options: CallOptions = NO_OPTIONS,
    deadline: float | None = None,
    first: bool = False,
    acting: bool = False,
    attempt: int = 0,
) -> Plan[Reply[T]]:
    """Send `request` (from a generated `build_request`); the parsed reply, or a typed error.

    `deadline` (on `clock`) is a caller's overall deadline: passing it raises `DeadlineReached`,
    though the `first` request of a call always gets its attempt. Without a deadline, the call's own
    `options.timeout` is one, and passing it is an `APITimeoutError`. `acting` marks a request that
    acts on a run (see above); `attempt` counts the attempts a caller has already made of it.
    """
    if deadline is not None or options.timeout is None:
        return (yield from _attempts(config, request, parse, clock, options, deadline, first, acting, attempt))
    own = clock() + options.timeout
    try:
        return (yield from _attempts(config, request, parse, clock, options, own, True, acting, attempt))
    except DeadlineReached as reached:
        raise call_timed_out(config, request, options, reached) from None


def call_timed_out(
    config: Config, request: dict[str, Any], options: CallOptions, reached: DeadlineReached
) -> APITimeoutError:
    """The error of a call whose own `timeout` ran out."""
    return APITimeoutError(
        f"the call's {options.timeout:g}s timeout ran out ({reached.reason}): {request['method']} "
        f"{config.base_url}{request['url']}",
        call_timeout=True,
    )


def encode_json(value: Any) -> bytes:
    """A request body as the official clients encode it (httpx's `json=`): compact UTF-8."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _attempts(
    config: Config,
    request: dict[str, Any],
    parse: Callable[[Any], T],
    clock: Callable[[], float],
    options: CallOptions,
    deadline: float | None,
    first: bool,
    acting: bool,
    attempt: int,
) -> Plan[Reply[T]]:
    method, url = request["method"], config.base_url + request["url"]
    params = _merge(config.query, request.get("params"), options.query)
    content = encode_json(request["json"]) if "json" in request else None
    tokens = isinstance(config.credential, Tokens)
    resumed = attempt > 0
    refresh = refreshed = False
    while True:
        headers = {"Content-Type": "application/json"} if content is not None else {}
        if options.headers:
            headers.update(options.headers)
        if tokens:
            token = yield FetchToken(refresh)
            headers["Authorization"] = f"Bearer {token}"
        budget = config.timeout
        if deadline is not None:
            left = deadline - clock()
            if left <= 0 and not (first and attempt == 0 and not refreshed and not resumed):
                raise DeadlineReached("before the next attempt")
            budget = max(0.0, min(budget, left))
        started = time.perf_counter()
        outcome = yield Transmit(
            method,
            url,
            params,
            headers or None,
            budget,
            min(config.connect_timeout, budget),
            config.max_response_bytes,
            content,
        )
        retry: Retry | None
        if isinstance(outcome, httpx.Response):
            _log_attempt(method, url, outcome.status_code, started, outcome, attempt)
            if outcome.status_code == 401 and tokens and not refreshed:
                refresh = refreshed = True  # one fresh token and one more attempt, not counted as a retry
                continue
            refresh = False
            if outcome.is_success:
                return parse_response(outcome, parse, attempt)
            if acting and _maybe_applied(outcome):
                raise AnswerLost(parse_response_error(outcome, attempt), attempt)
            retry = _retry_status(outcome, attempt, config.max_retries, acting)
            if retry is None:
                raise parse_response_error(outcome, attempt)
        elif isinstance(outcome, BodyError):
            _log_attempt(method, url, outcome.response.status_code, started, outcome.response, attempt)
            response = outcome.response
            if acting and _maybe_applied(response):
                raise AnswerLost(body_error(outcome, attempt), attempt)  # its answer is unreadable
            retry = None if response.is_success else _retry_status(response, attempt, config.max_retries, acting)
            if retry is None:
                raise body_error(outcome, attempt)
        elif isinstance(outcome, Unsendable):
            raise connection_error(outcome, attempt) from None
        else:
            assert isinstance(outcome, httpx.TransportError), outcome
            _log_attempt(method, url, type(outcome).__name__, started, None, attempt)
            if deadline is not None and clock() >= deadline:
                raise DeadlineReached(f"{type(outcome).__name__} in the last attempt")
            if isinstance(outcome, (httpx.LocalProtocolError, httpx.UnsupportedProtocol)) or certificate_refused(
                outcome
            ):
                raise connection_error(outcome, attempt) from None  # the same request would fail again
            if acting and not isinstance(outcome, NOT_SENT):
                raise AnswerLost(connection_error(outcome, attempt), attempt)
            retry = decide_exception(type(outcome).__name__, attempt, config.max_retries)
            if retry is None:
                raise connection_error(outcome, attempt) from None
        if deadline is not None and clock() + retry.delay >= deadline:
            # The wait would run past the deadline: wait out what is left, then stop.
            yield Sleep(max(0.0, deadline - clock()))
            raise DeadlineReached(f"waiting to retry after {retry.reason}")
        _log_retry(retry, attempt, method, url)
        yield Sleep(retry.delay)
        attempt += 1


def _maybe_applied(response: httpx.Response) -> bool:
    """Whether a request that acts on a run may have been applied: a 2xx (whose body could not be read),
    or a 5xx other than a refusal (a gateway may have passed it on before failing)."""
    status = response.status_code
    return status not in REFUSALS and (response.is_success or status >= 500)


def _retry_status(response: httpx.Response, attempt: int, max_retries: int, acting: bool) -> Retry | None:
    """Whether an error status is retried; for a request that acts on a run, only a refusal is."""
    if acting and response.status_code not in REFUSALS:
        return None
    return decide_status(response.status_code, response.headers, attempt, max_retries)


def parse_response_error(response: httpx.Response, retries: int) -> Exception:
    data, not_json = decode_json(response)
    return status_error(response, None if not_json else data, retries)


def _merge(*parts: Mapping[str, Any] | None) -> dict[str, Any] | None:
    # No params rather than empty ones: httpx parses the URL a second time to merge even `{}`.
    merged: dict[str, Any] = {}
    for part in parts:
        if part:
            merged.update(part)
    return merged or None


def _log_retry(retry: Retry, attempt: int, method: str, url: str) -> None:
    logger.warning("retrying %s %s in %.2fs (attempt %d): %s", method, url, retry.delay, attempt + 2, retry.reason)


def _log_attempt(
    method: str, url: str, status: int | str, started: float, response: httpx.Response | None, attempt: int
) -> None:
    if logger.isEnabledFor(logging.DEBUG):  # header lookups cost: only when the line is written
        request_id = None if response is None else request_id_of(response.headers)
        elapsed = (time.perf_counter() - started) * 1000
        logger.debug(
            "%s %s -> %s in %.1fms (request id %s, attempt %d)", method, url, status, elapsed, request_id, attempt + 1
        )
