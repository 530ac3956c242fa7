"""Sending one request: credentials, attempts, retries, deadlines and their logs, as a plan. No I/O here.

Each attempt is bounded as a whole by the client's `timeout` (from connecting to the last byte)
and, when the call has one, by what is left of its deadline; a retry's wait never runs past the
deadline either. A 401 with a token provider gets one fresh token and one more attempt.

A request that acts on a run (`acting`: a cancel, a submission) is resent only when the server
provably did not act on it: a refusal (408, 409, 429, 503) or a connection that never opened.
Any other failure after the request may have arrived raises `AnswerLost`, and the caller decides
by reading the run again (acting).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

import httpx

from runsteps._credentials import ApiKey, Tokens
from runsteps._errors import APITimeoutError, RunStepsError, request_id_of
from runsteps._plans.actions import Answer, BodyError, FetchToken, Plan, Sleep, Transmit, Unsendable
from runsteps._plans.deadline import Call, Deadline, DeadlineReached
from runsteps._plans.responses import (
    Reply,
    body_error,
    certificate_refused,
    connection_error,
    decode_json,
    parse_response,
    scrub,
    status_error,
    tls_impossible,
)
from runsteps._plans.retry import Retry, decide_exception, decide_status, server_delay
from runsteps._sanitize import CREDENTIAL_HEADERS

T = TypeVar("T")
logger = logging.getLogger("runsteps")
# A library logs to its own logger and leaves output to the application (the CLI configures one).
logger.addHandler(logging.NullHandler())


# Statuses that say a request was not acted on. Not a 503: a proxy answers one after passing the
# request on when the origin is slow (Varnish's "Backend fetch failed"), so it is a lost answer.
REFUSALS = frozenset({408, 409, 429})
# Failures before anything was sent (a proxy's refused CONNECT included: the tunnel never opened).
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError)


class AnswerLost(Exception):
    """A request that acts on a run may have been applied, but its answer did not come: `error` is
    what to raise if the caller gives up, `attempt` the attempts made so far, less one, `delay` the
    wait the answer asked for before another attempt (a 503's `retry-after`), if any."""

    def __init__(self, error: Exception, attempt: int, delay: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.attempt = attempt
        self.delay = delay


STREAM_LIMIT = 24 * 3600.0


def fetch(call: Call, request: dict[str, Any], parse: Callable[[Any], T]) -> Plan[Reply[T]]:
    """A call that is one request: `APITimeoutError` when the call's own `timeout` runs out."""
    try:
        return (yield from send(call, call.deadline(), request, parse))
    except DeadlineReached as reached:
        raise call_timed_out(call, request, reached) from None


def call_timed_out(call: Call, request: dict[str, Any], reached: DeadlineReached) -> APITimeoutError:
    """The error of a call whose own `timeout` ran out."""
    return APITimeoutError(
        f"the call's {call.options.timeout:g}s timeout ran out ({reached.reason}): {request['method']} "
        f"{call.config.base_url}{request['url']}",
        call_timeout=True,
    )


def encode_json(value: Any) -> bytes:
    """A request body as the official clients encode it (httpx's `json=`): compact UTF-8."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def send(
    call: Call,
    deadline: Deadline,
    request: dict[str, Any],
    parse: Callable[[Any], T],
    *,
    acting: bool = False,
    attempt: int = 0,
    silence: float | None = None,
) -> Plan[Reply[T]]:
    """Send `request` (from a generated `build_request`) within `deadline`; the parsed reply, or a
    typed error. `DeadlineReached` when the deadline passes: the plan that owns the deadline says
    what that means for its call. `acting` marks a request that acts on a run (see above);
    `attempt` counts the attempts a caller has already made of it. With `silence`, a 2xx is an event
    stream left open for the plan's `ReadChunk`s (each waiting at most `silence` seconds): the reply
    holds its answer (headers) and no model.
    """
    tokens: list[str] = []  # those the provider handed out for this request, refused ones included
    try:
        return (
            yield from _attempts(
                call, deadline, request, parse, tokens, acting=acting, attempt=attempt, silence=silence
            )
        )
    except AnswerLost as lost:
        scrub(lost.error, _credentials_of(call, tokens))
        raise
    except RunStepsError as error:
        scrub(error, _credentials_of(call, tokens))
        raise


def _credentials_of(call: Call, tokens: list[str]) -> list[str]:
    """What a server must not be seen echoing (worked out only for an error): the key, the tokens,
    and credentials given in headers."""
    config, options = call.config, call.options
    secrets = [config.credential.secret.value] if isinstance(config.credential, ApiKey) else []
    secrets += tokens
    for headers in (config.headers, options.headers or {}):
        secrets += [value for name, value in headers.items() if name.lower() in CREDENTIAL_HEADERS]
    for value in list(secrets):
        if value.lower().startswith("bearer "):
            secrets.append(value[7:])
    return secrets


def _attempts(
    call: Call,
    deadline: Deadline,
    request: dict[str, Any],
    parse: Callable[[Any], T],
    handed: list[str],
    *,
    acting: bool,
    attempt: int,
    silence: float | None = None,
) -> Plan[Reply[T]]:
    config, options = call.config, call.options
    method, url = request["method"], config.base_url + request["url"]
    params = _merge(config.query, request.get("params"), options.query)
    content = encode_json(request["json"]) if "json" in request else None
    tokens = isinstance(config.credential, Tokens)
    refresh = refreshed = False
    while True:
        headers = {"Content-Type": "application/json"} if content is not None else {}
        if options.headers:
            headers.update(options.headers)
        if tokens:
            token = yield FetchToken(refresh)
            assert isinstance(token, str)
            handed.append(token)
            headers["Authorization"] = f"Bearer {token}"
        left = deadline.attempt("before the next attempt")
        # A stream lasts as long as its run, within the call's deadline (or a day): not one request's time.
        budget = min(left, STREAM_LIMIT) if silence is not None else min(config.timeout, left)
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
            stream=silence is not None,
            silence=silence or 0.0,
        )
        retry: Retry | None
        if isinstance(outcome, Answer):
            _log_attempt(method, url, outcome.status_code, started, outcome, attempt)
            if outcome.status_code == 401 and tokens and not refreshed:
                refresh = refreshed = True  # one fresh token and one more attempt, not counted as a retry
                continue
            refresh = False
            if outcome.is_success:
                if silence is not None:
                    return Reply(cast(T, None), outcome, None, attempt)
                return parse_response(outcome, parse, attempt)
            if acting and _maybe_applied(outcome):
                raise AnswerLost(parse_response_error(outcome, attempt), attempt, server_delay(outcome.headers))
            retry = _retry_status(outcome, attempt, config.max_retries, acting)
            if retry is None:
                raise parse_response_error(outcome, attempt)
        elif isinstance(outcome, BodyError):
            answer = outcome.answer
            _log_attempt(method, url, answer.status_code, started, answer, attempt)
            if acting and _maybe_applied(answer):
                raise AnswerLost(body_error(outcome, attempt), attempt)  # its answer is unreadable
            retry = None if answer.is_success else _retry_status(answer, attempt, config.max_retries, acting)
            if retry is None:
                raise body_error(outcome, attempt)
        elif isinstance(outcome, Unsendable):
            raise connection_error(outcome, attempt) from None
        else:
            assert isinstance(outcome, httpx.TransportError), outcome
            _log_attempt(method, url, type(outcome).__name__, started, None, attempt)
            if deadline.passed():
                raise DeadlineReached(f"{type(outcome).__name__} in the last attempt")
            if (
                isinstance(outcome, (httpx.LocalProtocolError, httpx.UnsupportedProtocol))
                or certificate_refused(outcome)
                or tls_impossible(outcome)
            ):
                raise connection_error(outcome, attempt) from None  # the same request would fail again
            if acting and not isinstance(outcome, NOT_SENT):
                raise AnswerLost(connection_error(outcome, attempt), attempt)
            retry = decide_exception(type(outcome).__name__, attempt, config.max_retries)
            if retry is None:
                raise connection_error(outcome, attempt) from None
        if deadline.would_pass(retry.delay):
            # The wait would run past the deadline: wait out what is left, then stop.
            yield Sleep(deadline.left())
            raise DeadlineReached(f"waiting to retry after {retry.reason}")
        _log_retry(retry, attempt, method, url)
        yield Sleep(retry.delay)
        attempt += 1


def _maybe_applied(answer: Answer) -> bool:
    """Whether a request that acts on a run may have been applied: a 2xx (whose body could not be read),
    or a 5xx other than a refusal (a gateway may have passed it on before failing)."""
    status = answer.status_code
    return status not in REFUSALS and (answer.is_success or status >= 500)


def _retry_status(answer: Answer, attempt: int, max_retries: int, acting: bool) -> Retry | None:
    """Whether an error status is retried; for a request that acts on a run, only a refusal is."""
    if acting and answer.status_code not in REFUSALS:
        return None
    return decide_status(answer.status_code, answer.headers, attempt, max_retries)


def parse_response_error(answer: Answer, retries: int) -> Exception:
    data, not_json = decode_json(answer)
    return status_error(answer, None if not_json else data, retries)


def _merge(*parts: Mapping[str, Any] | None) -> dict[str, Any] | None:
    # No params rather than empty ones: httpx parses the URL a second time to merge even `{}`.
    merged: dict[str, Any] = {}
    for part in parts:
        if part:
            merged.update(part)
    return merged or None


def _log_retry(retry: Retry, attempt: int, method: str, url: str) -> None:
    logger.warning("retrying %s %s in %.2fs (attempt %d): %s", method, url, retry.delay, attempt + 2, retry.reason)


def _log_attempt(method: str, url: str, status: int | str, started: float, answer: Answer | None, attempt: int) -> None:
    if logger.isEnabledFor(logging.DEBUG):  # header lookups cost: only when the line is written
        request_id = None if answer is None else request_id_of(answer.headers)
        elapsed = (time.perf_counter() - started) * 1000
        logger.debug(
            "%s %s -> %s in %.1fms (request id %s, attempt %d)", method, url, status, elapsed, request_id, attempt + 1
        )
