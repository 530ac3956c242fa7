"""Sending one request: attempts, retries and their logs, as a plan (see _actions). No I/O here."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import httpx

from ._actions import Plan, Sleep, Transmit
from ._base import Config, connection_error, parse_response
from ._retry import Retry, decide_exception, decide_status

T = TypeVar("T")
logger = logging.getLogger("runsteps")


class Reply(Generic[T]):
    """A parsed model and the response it came from (for headers such as the poll hint)."""

    __slots__ = ("model", "response")

    def __init__(self, model: T, response: httpx.Response) -> None:
        self.model = model
        self.response = response


def send(config: Config, request: dict[str, Any], parse: Callable[[Any], T]) -> Plan[Reply[T]]:
    """Send `request` (from a generated `build_request`), retrying as _retry decides; the parsed reply."""
    method, url = request["method"], config.base_url + request["url"]
    # No params rather than empty ones: httpx parses the URL a second time to merge even `{}`.
    transmit = Transmit(method, url, request.get("params") or None)
    attempt = 0
    while True:
        started = time.perf_counter()
        outcome = yield transmit
        if isinstance(outcome, httpx.Response):
            _log_attempt(method, url, outcome.status_code, started, outcome, attempt)
            retry = (
                None
                if outcome.is_success
                else decide_status(outcome.status_code, outcome.headers, attempt, config.max_retries)
            )
            if retry is None:
                return Reply(parse_response(outcome, parse, attempt), outcome)
        else:
            assert isinstance(outcome, httpx.TransportError), outcome
            _log_attempt(method, url, type(outcome).__name__, started, None, attempt)
            retry = decide_exception(type(outcome).__name__, attempt, config.max_retries)
            if retry is None:
                raise connection_error(outcome, attempt) from outcome
        _log_retry(retry, attempt, method, url)
        yield Sleep(retry.delay)
        attempt += 1


def _log_retry(retry: Retry, attempt: int, method: str, url: str) -> None:
    logger.warning("retrying %s %s in %.2fs (attempt %d): %s", method, url, retry.delay, attempt + 1, retry.reason)


def _log_attempt(
    method: str, url: str, status: int | str, started: float, response: httpx.Response | None, attempt: int
) -> None:
    if logger.isEnabledFor(logging.DEBUG):  # header lookups cost: only when the line is written
        request_id = None if response is None else response.headers.get("x-request-id")
        elapsed = (time.perf_counter() - started) * 1000
        logger.debug(
            "%s %s -> %s in %.1fms (request id %s, attempt %d)", method, url, status, elapsed, request_id, attempt + 1
        )
