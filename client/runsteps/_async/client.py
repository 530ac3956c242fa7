"""AsyncClient: what a program holds (a constructor for each server family, the resources, closing);
its plans are performed by runsteps._async.performer.

This module is the source of `runsteps._sync.client` (Client), which `make generate` writes from it
(scripts/unasync.py): what differs between the two is in `runsteps._io.async_io` / `sync_io`.

Naming the class loads httpx and nothing heavier: settings, transport, plans and models are imported
by the first client made (its constructors) and by the first use of `steps` and `runs`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from runsteps._validation import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES

if TYPE_CHECKING:
    import ssl

    from runsteps._async.messages import AsyncMessages
    from runsteps._async.performer import AsyncPerformer
    from runsteps._async.runs import AsyncRuns
    from runsteps._async.steps import AsyncSteps
    from runsteps._async.threads import AsyncThreads
    from runsteps._config import Config
    from runsteps._credentials import AsyncTokenProvider
    from runsteps._io.clock import AsyncClock
    from runsteps._plans.actions import Plan
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
        from runsteps._config import Config

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
        from runsteps._config import Config

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
        from runsteps._config import Config

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
        from runsteps._async.performer import AsyncPerformer

        self._use(AsyncPerformer.start(config, http_client, clock))

    def _use(self, performer: AsyncPerformer) -> None:
        self._performer = performer
        self._config = performer.config
        self._http = performer.http

    # Made at each use rather than held: a client holding its resources, which hold it, would be a cycle
    # that only the garbage collector frees, so a dropped client's connections would outlive it.
    @property
    def steps(self) -> AsyncSteps:
        """The steps of a run: `retrieve`, `list`, `wait`, `watch`."""
        from runsteps._async.steps import AsyncSteps

        return AsyncSteps(self)

    @property
    def runs(self) -> AsyncRuns:
        """The runs of a thread, and acting on them: `retrieve`, `list`, `wait`, `cancel`, `submit_tool_outputs`, ..."""
        from runsteps._async.runs import AsyncRuns

        return AsyncRuns(self)

    @property
    def messages(self) -> AsyncMessages:
        """The messages of a thread: `list`, `retrieve`."""
        from runsteps._async.messages import AsyncMessages

        return AsyncMessages(self)

    @property
    def threads(self) -> AsyncThreads:
        """Threads: `retrieve`, and `list` on Azure AI Agents."""
        from runsteps._async.threads import AsyncThreads

        return AsyncThreads(self)

    def with_options(self, *, timeout: float | None = None, max_retries: int | None = None) -> Self:
        """A copy with other settings, sharing this client's connections (closing the copy leaves them open)."""
        copy = type(self).__new__(type(self))
        copy._use(self._performer.with_config(self._config.with_options(timeout=timeout, max_retries=max_retries)))
        return copy

    async def close(self) -> None:
        if self._performer.owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        c = self._config
        return f"runsteps.{type(self).__name__}(family={c.family!r}, base_url={c.base_url!r})"

    # ---- performing plans ----
    # ---- performing plans (resources and iterators hand theirs here) ----

    def _call(self, options: CallOptions) -> Call:
        return self._performer.call(options)

    async def _execute(self, plan: Plan[T]) -> T:
        return await self._performer.execute(plan)

    def _stream(self, plan: Plan[None]) -> AsyncIterator[Any]:
        return self._performer.stream(plan)
