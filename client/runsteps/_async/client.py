"""AsyncClient: performs the plans of each call with asyncio.

This module is the source of `runsteps._sync.client` (Client), which `make generate` writes from it
(scripts/unasync.py): what differs between the two is in `runsteps._io.async_io` / `sync_io`.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import AsyncIterator, Mapping
from typing import Any, Self, TypeVar

import httpx

from runsteps._async.resources import AsyncRuns, AsyncSteps
from runsteps._config import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, Config
from runsteps._credentials import AsyncTokenProvider, check_token
from runsteps._io import async_io as io
from runsteps._io.clock import AsyncClock
from runsteps._io.common import (
    build_request,
    call_provider,
    fixed_headers,
    http_options,
    resume,
    unsendable,
)
from runsteps._io.transport._async import AsyncTransport
from runsteps._plans.actions import Action, Emit, FetchToken, Invoke, Outcome, Plan, Sleep, Transmit
from runsteps._plans.deadline import Call, CallOptions

T = TypeVar("T")


class AsyncClient:
    """A client of the run-steps API. Use as a context manager, or call close().

    `api_key` defaults to `OPENAI_API_KEY` and `base_url` to `OPENAI_BASE_URL`; with neither, a
    ValueError names both (api.openai.com, the old default, retired this API in August 2026). Azure
    OpenAI and Azure AI Agents are reached with `for_azure(...)` and `for_azure_agents(...)`.
    `timeout` bounds each attempt, from connecting to the last byte (default 60 s); `max_retries`
    (default 2) retries 408, 409, 429, 5xx and connection failures; `default_query` is added to
    every request; `token_provider`, a callable returning a bearer token (AsyncClient: sync or async),
    is called before every attempt and used instead of a key; `http_client`, your own httpx client,
    keeps its own settings (and is yours to close). `verify` is as httpx's: True checks certificates
    against the system's CAs, certifi's and `SSL_CERT_FILE`; a CA file's path or an `ssl.SSLContext`
    replaces them; False turns checking off (test servers only). A refused certificate is never
    retried. `clock` (tests): what deadlines, poll intervals and retry waits are kept by.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        token_provider: AsyncTokenProvider | None = None,
        http_client: httpx.AsyncClient | None = None,
        verify: ssl.SSLContext | str | bool = True,
        organization: str | None = None,
        project: str | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        clock: AsyncClock | None = None,
    ) -> None:
        config = Config.openai(
            api_key,
            base_url=base_url,
            token_provider=token_provider,
            organization=organization,
            project=project,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            verify=verify,
            max_response_bytes=max_response_bytes,
        )
        self._start(config, http_client, clock)

    @classmethod
    def for_azure(
        cls,
        endpoint: str | None = None,
        *,
        api_version: str | None = None,
        api_key: str | None = None,
        token_provider: AsyncTokenProvider | None = None,
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        verify: ssl.SSLContext | str | bool = True,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        clock: AsyncClock | None = None,
    ) -> Self:
        """Azure OpenAI, as openai's `AzureOpenAI` reaches it: `{endpoint}/openai/...` with `?api-version=`,
        the key in an `api-key` header or a token as `Authorization: Bearer`. Reads AZURE_OPENAI_ENDPOINT,
        AZURE_OPENAI_API_KEY, OPENAI_API_VERSION and AZURE_OPENAI_AD_TOKEN; an explicit argument wins, and a
        token is used instead of a key. An endpoint ending in /openai/v1 selects the v1 surface (no api-version).
        """
        config = Config.azure(
            endpoint,
            api_version=api_version,
            api_key=api_key,
            token_provider=token_provider,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            verify=verify,
            max_response_bytes=max_response_bytes,
        )
        return cls._from_config(config, http_client, clock)

    @classmethod
    def for_azure_agents(
        cls,
        endpoint: str | None = None,
        *,
        token_provider: AsyncTokenProvider | None = None,
        api_version: str = "v1",
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        verify: ssl.SSLContext | str | bool = True,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        clock: AsyncClock | None = None,
    ) -> Self:
        """Azure AI Agents, as azure-ai-agents' `AgentsClient` reaches it: the project endpoint (default
        PROJECT_ENDPOINT), `?api-version=`, an Entra ID token from `token_provider` (for example
        `azure.identity.get_bearer_token_provider(credential, "https://ai.azure.com/.default")`), no
        `OpenAI-Beta` header."""
        config = Config.azure_agents(
            endpoint,
            token_provider=token_provider,
            api_version=api_version,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            verify=verify,
            max_response_bytes=max_response_bytes,
        )
        return cls._from_config(config, http_client, clock)

    @classmethod
    def _from_config(cls, config: Config, http_client: httpx.AsyncClient | None, clock: AsyncClock | None) -> Self:
        client = cls.__new__(cls)
        client._start(config, http_client, clock)
        return client

    def _start(self, config: Config, http_client: httpx.AsyncClient | None, clock: AsyncClock | None) -> None:
        http = http_client or httpx.AsyncClient(**http_options(config, AsyncTransport))
        self._setup(config, http, http_client is None, clock or io.SystemClock())

    def _setup(self, config: Config, http: httpx.AsyncClient, owns: bool, clock: AsyncClock) -> None:
        self._config = config
        self._http = http
        self._owns_http = owns
        self._clock = clock
        # On our own httpx client the fixed headers are set once; a caller's gets them per request.
        self._fixed_headers: httpx.Headers | None = None if owns else httpx.Headers(fixed_headers(config))

    # Made at each use rather than held: a client holding its resources, which hold it, would be a cycle
    # that only the garbage collector frees, so a dropped client's connections would outlive it.
    @property
    def steps(self) -> AsyncSteps:
        """The steps of a run: `retrieve`, `list`, `wait`, `watch`."""
        return AsyncSteps(self)

    @property
    def runs(self) -> AsyncRuns:
        """The runs of a thread, and acting on them: `retrieve`, `list`, `wait`, `cancel`, `submit_tool_outputs`, ..."""
        return AsyncRuns(self)

    def with_options(self, *, timeout: float | None = None, max_retries: int | None = None) -> Self:
        """A copy with other settings, sharing this client's connections (closing the copy leaves them open)."""
        copy = type(self).__new__(type(self))
        config = self._config.with_options(timeout=timeout, max_retries=max_retries)
        copy._setup(config, self._http, False, self._clock)
        copy._fixed_headers = self._fixed_headers
        return copy

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        c = self._config
        return f"runsteps.{type(self).__name__}(family={c.family!r}, base_url={c.base_url!r})"

    # ---- performing plans ----

    def _call(self, options: CallOptions) -> Call:
        """What a plan of this client needs: its settings, its clock, the call's own options."""
        return Call(self._config, self._clock.now, options)

    async def _execute(self, plan: Plan[T]) -> T:
        outcome: Outcome = None
        try:
            while True:
                outcome = await self._perform(plan.send(outcome))
        except StopIteration as stop:
            result: T = stop.value
            return result

    async def _stream(self, plan: Plan[None]) -> AsyncIterator[Any]:
        outcome: Outcome = None
        try:
            while (action := resume(plan, outcome)) is not None:
                if type(action) is Emit:
                    outcome = None
                    yield action.item
                else:
                    outcome = await self._perform(action)
        finally:
            plan.close()

    async def _perform(self, action: Action) -> Outcome:
        if type(action) is Transmit:
            return await self._transmit(action)
        if isinstance(action, Sleep):
            await self._clock.sleep(action.seconds)
            return None
        if isinstance(action, Invoke):
            return await io.invoke_all(action.jobs)
        assert isinstance(action, FetchToken), "plans that emit are run by _stream"
        token = await io.settle(call_provider(self._config, action.refresh), "token_provider")
        return check_token(token)

    async def _transmit(self, t: Transmit) -> Outcome:
        deadline = time.monotonic() + t.timeout  # real time: the transport's, whatever the clock
        try:
            request = build_request(self._http, self._fixed_headers, t, deadline)
        except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
            return unsendable(exc)
        return await io.exchange(self._http, request, t, deadline)
