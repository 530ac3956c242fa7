"""Client: the sync driver, performing the plans of each call (see _driver for what it shares with AsyncClient)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Self, TypeVar

import httpx

from ._actions import Action, BodyError, Emit, FetchToken, Invoke, Outcome, Plan, Sleep, Transmit
from ._body import BodyProblem
from ._config import Config
from ._credentials import check_token
from ._driver import (
    BODY_SAMPLE,
    Driver,
    body_reader,
    call_provider,
    http_options,
    proxy_settings_read,
    raw_chunks,
    refuse_awaitable,
    resume,
    transport_for,
    unbind,
    unsendable,
)
from ._resources import Runs, Steps
from ._transport._sync import SyncTransport

T = TypeVar("T")


class Client(Driver[httpx.Client, Callable[[], str]]):
    """A client of the run-steps API. Use as a context manager, or call close().

    `api_key` defaults to `OPENAI_API_KEY` and `base_url` to `OPENAI_BASE_URL`; with neither, a
    ValueError names both (api.openai.com, the old default, retired this API in August 2026). Azure
    OpenAI and Azure AI Agents are reached with `Client.for_azure(...)` and `Client.for_azure_agents(...)`.
    `timeout` bounds each attempt, from connecting to the last byte (default 60 s); `max_retries`
    (default 2) retries 408, 409, 429, 5xx and connection failures; `default_query` is added to
    every request; `token_provider`, a callable returning a bearer token, is called before every
    attempt and used instead of a key; `http_client`, your own httpx.Client, keeps its own
    settings (and is yours to close). `verify` is as httpx's: True checks certificates against the
    system's CAs, certifi's and `SSL_CERT_FILE`; a CA file's path or an `ssl.SSLContext` replaces them;
    False turns checking off (test servers only). A refused certificate is never retried.
    """

    def _start(self, config: Config, http_client: httpx.Client | None) -> None:
        with proxy_settings_read():
            http = http_client or httpx.Client(**http_options(config, transport_for(config, SyncTransport)))
        self._setup(config, http, http_client is None)
        self._sleep: Callable[[float], None] = time.sleep

    # Made at each use rather than held: a client holding its resources, which hold it, would be a cycle
    # that only the garbage collector frees, so a dropped client's connections would outlive it.
    @property
    def steps(self) -> Steps:
        """The steps of a run: `retrieve`, `list`, `wait`, `watch`."""
        return Steps(self)

    @property
    def runs(self) -> Runs:
        """The runs of a thread, and acting on them: `retrieve`, `list`, `wait`, `cancel`, `submit_tool_outputs`, ..."""
        return Runs(self)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- performing actions ----

    def _perform(self, action: Action) -> Outcome:
        if type(action) is Transmit:
            return self._transmit(action)
        if isinstance(action, Sleep):
            self._sleep(action.seconds)
            return None
        if isinstance(action, Invoke):
            return [_invoke(function, arguments) for function, arguments in action.jobs]
        assert isinstance(action, FetchToken), "plans that emit are run by _stream"
        token = call_provider(self._config, action.refresh)
        refuse_awaitable(token, "token_provider")
        return check_token(token)

    def _transmit(self, t: Transmit) -> Outcome:
        deadline = time.monotonic() + t.timeout
        try:
            request = self._request(t, deadline)
            response = self._http.send(request, stream=True)
        except httpx.TransportError as exc:
            return exc
        except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
            return unsendable(exc)
        # httpx's own transport (through a proxy, or your http_client) times each read, not the attempt:
        # its reads of the body get only what is left (ours keep to the deadline anyway).
        timeouts = request.extensions.get("timeout")
        if isinstance(timeouts, dict):
            request.extensions["timeout"] = {**timeouts, "read": max(0.001, deadline - time.monotonic())}
        reader = body_reader(response, t.max_bytes)
        try:
            for chunk in raw_chunks(response):
                reader.feed(chunk)
                if time.monotonic() > deadline:
                    return httpx.ReadTimeout("the attempt's time ran out while reading the body", request=request)
            response._content = reader.finish()
        except BodyProblem as exc:
            response._content = reader.partial()[:BODY_SAMPLE]
            return BodyError(str(exc), response)
        except httpx.TransportError as exc:
            return exc
        finally:
            response.close()
            unbind(response)
        return response

    def _execute(self, plan: Plan[T]) -> T:
        outcome: Outcome = None
        try:
            while True:
                outcome = self._perform(plan.send(outcome))
        except StopIteration as stop:
            result: T = stop.value
            return result

    def _stream(self, plan: Plan[None]) -> Iterator[Any]:
        outcome: Outcome = None
        try:
            while (action := resume(plan, outcome)) is not None:
                if type(action) is Emit:
                    outcome = None
                    yield action.item
                else:
                    outcome = self._perform(action)
        finally:
            plan.close()


def _invoke(function: Callable[..., Any], arguments: Mapping[str, Any]) -> Any:
    try:
        value = function(**arguments)
    except Exception as exc:  # the plan turns it into the call's output
        return exc
    refuse_awaitable(value, "a function given to process")
    return value
