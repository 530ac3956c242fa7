"""What the sync and async drivers share, owned by neither: their constructors and settings (the
`Driver` base of Client and AsyncClient), building a request, reading a body, the transport, the
token provider; and `SyncDriver` / `AsyncDriver`, what the resources and iterators need of a client.

What to send, when to retry, what to yield and how long to sleep are decided once, by the plans in
_sending, _pagination, _polling and _acting. The drivers only perform their actions: send a request
and read its body within its time, sleep, ask the token provider, call the caller's functions.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import ssl
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, Generic, Protocol, Self, TypeVar
from urllib.parse import urlencode, urlsplit

import httpx

from ._actions import Action, Outcome, Plan, Transmit, Unsendable
from ._body import ACCEPT_ENCODING, BodyReader
from ._config import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, Config
from ._credentials import ApiKey, TokenProvider, Tokens
from ._transport._limits import DEADLINE, Limits

T = TypeVar("T")
H = TypeVar("H", httpx.Client, httpx.AsyncClient)
P = TypeVar("P", bound=TokenProvider)  # what a token provider may be: sync for Client, sync or async for AsyncClient
BODY_SAMPLE = 64 * 1024  # of a refused body, what is kept for the error message
POOL_LIMITS = Limits(max_connections=100, keepalive_expiry=15.0)
HTTPX_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100, keepalive_expiry=15.0)


class Driver(Generic[H, P]):
    """What both drivers share: their constructors (smart ones for each family), settings, the headers
    they put on their own httpx client, and copies."""

    _config: Config
    _http: H
    _owns_http: bool
    _sleep: Callable[[float], Any]

    def _setup(self, config: Config, http: H, owns: bool) -> None:
        self._config = config
        self._http = http
        self._owns_http = owns
        self._clock: Callable[[], float] = time.monotonic
        # On our own httpx client the fixed headers are set once; a caller's gets them per request.
        self._fixed_headers: httpx.Headers | None = None if owns else httpx.Headers(fixed_headers(config))

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        token_provider: P | None = None,
        http_client: H | None = None,
        verify: ssl.SSLContext | str | bool = True,
        organization: str | None = None,
        project: str | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
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
        self._start(config, http_client)

    @classmethod
    def for_azure(
        cls,
        endpoint: str | None = None,
        *,
        api_version: str | None = None,
        api_key: str | None = None,
        token_provider: P | None = None,
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        http_client: H | None = None,
        verify: ssl.SSLContext | str | bool = True,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
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
        return cls._from_config(config, http_client)

    @classmethod
    def for_azure_agents(
        cls,
        endpoint: str | None = None,
        *,
        token_provider: P | None = None,
        api_version: str = "v1",
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        http_client: H | None = None,
        verify: ssl.SSLContext | str | bool = True,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
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
        return cls._from_config(config, http_client)

    @classmethod
    def _from_config(cls, config: Config, http_client: H | None) -> Self:
        client = cls.__new__(cls)
        client._start(config, http_client)
        return client

    def _start(self, config: Config, http_client: H | None) -> None:
        """Make or take the httpx client."""
        raise NotImplementedError

    def with_options(self, *, timeout: float | None = None, max_retries: int | None = None) -> Self:
        """A copy with other settings, sharing this client's connections (closing the copy leaves them open)."""
        copy = type(self).__new__(type(self))
        config = self._config.with_options(timeout=timeout, max_retries=max_retries)
        copy._setup(config, self._http, False)
        copy._fixed_headers = self._fixed_headers
        copy._sleep, copy._clock = self._sleep, self._clock
        return copy

    def _request(self, t: Transmit, deadline: float) -> httpx.Request:
        timeouts = {"connect": t.connect_timeout, "read": t.timeout, "write": t.timeout, "pool": t.timeout}
        extensions = {DEADLINE: deadline, "timeout": timeouts}
        if self._fixed_headers is None:
            # Our own httpx client carries our headers: build the request directly, its URL parsed once
            # (httpx's build_request would parse it again to merge the query); cookies the server set
            # go back, as httpx (and so the official clients) sends them.
            url = f"{t.url}?{urlencode(t.params, doseq=True)}" if t.params else t.url
            headers = self._http.headers
            if t.headers:
                headers = httpx.Headers(headers)
                headers.update(t.headers)
            return httpx.Request(
                t.method, url, headers=headers, cookies=self._http.cookies, content=t.content, extensions=extensions
            )
        return self._http.build_request(
            t.method,
            t.url,
            content=t.content,
            params=t.params,
            headers={**self._fixed_headers, **(t.headers or {})},
            timeout=httpx.Timeout(t.timeout, connect=t.connect_timeout),
            extensions={DEADLINE: deadline},
        )

    def __repr__(self) -> str:
        c = self._config
        return f"runsteps.{type(self).__name__}(family={c.family!r}, base_url={c.base_url!r})"


class SyncDriver(Protocol):
    """What `client.steps`, `client.runs` and the iterators need of a Client."""

    _config: Config
    _clock: Callable[[], float]

    def _execute(self, plan: Plan[T]) -> T: ...

    def _stream(self, plan: Plan[None]) -> Iterator[Any]: ...


class AsyncDriver(Protocol):
    """What the async resources and iterators need of an AsyncClient."""

    _config: Config
    _clock: Callable[[], float]

    async def _execute(self, plan: Plan[T]) -> T: ...

    def _stream(self, plan: Plan[None]) -> AsyncIterator[Any]: ...


def transport_for(config: Config, kind: type[T]) -> T | None:
    """Our transport, unless the environment names a proxy for this server (httpx's transports know
    proxies; ours speak to servers directly)."""
    if any(name.lower().endswith("_proxy") and name.lower() != "no_proxy" for name in os.environ):
        import urllib.request  # only then: it costs a tenth of the client's import

        parts = urlsplit(config.base_url)
        proxies = urllib.request.getproxies()
        if (proxies.get(parts.scheme) or proxies.get("all")) and not urllib.request.proxy_bypass(parts.hostname or ""):
            return None
    return kind(POOL_LIMITS, config.ssl_context)  # type: ignore[call-arg]


def http_options(config: Config, transport: object) -> dict[str, Any]:
    """How runsteps makes its httpx client (sync or async): our transport unless a proxy applies."""
    return {
        "headers": fixed_headers(config),
        "follow_redirects": False,
        "limits": HTTPX_LIMITS,
        "transport": transport,
        "verify": config.ssl_context or True,  # used where httpx's own transport is (a proxy)
    }


@contextlib.contextmanager
def proxy_settings_read() -> Iterator[None]:
    """Making an httpx client that reads proxies from the environment: a NO_PROXY entry httpx cannot
    parse (`[::1]`, with brackets) is a ValueError naming the variables, not an httpx error."""
    try:
        yield
    except httpx.InvalidURL as exc:
        names = ", ".join(sorted(name for name in os.environ if name.lower().endswith("_proxy")))
        raise ValueError(
            f"the proxy settings in the environment ({names}) cannot be read: {exc}; "
            "write an IPv6 address in NO_PROXY without brackets (::1)"
        ) from None


def fixed_headers(config: Config) -> dict[str, str]:
    headers = {**config.headers, "Accept-Encoding": ACCEPT_ENCODING}
    if isinstance(config.credential, ApiKey):
        headers.update(config.credential.headers())
    return headers


def preloaded(response: httpx.Response) -> bool:
    """Whether a transport handed over a response already read (mock transports do), its content decoded."""
    return hasattr(response, "_content")


def body_reader(response: httpx.Response, max_bytes: int) -> BodyReader:
    encoding = None if preloaded(response) else response.headers.get("content-encoding")
    return BodyReader(encoding, max_bytes)


def raw_chunks(response: httpx.Response) -> Iterator[bytes]:
    return iter((response.content,)) if preloaded(response) else response.iter_raw()


def unbind(response: httpx.Response) -> None:
    """Once a response is read and closed: httpx binds its stream back to it, a reference cycle that
    would keep the response and its body until the next garbage collection; a plain stream of the
    body takes the bound one's place, so the response goes as soon as nothing refers to it."""
    response.stream = httpx.ByteStream(response.content if preloaded(response) else b"")


def unsendable(exc: Exception) -> Unsendable:
    return Unsendable(f"the request cannot be sent ({type(exc).__name__})")


def call_provider(config: Config, refresh: bool) -> Any:
    credential = config.credential
    assert isinstance(credential, Tokens)
    provider = credential.provider
    renew = getattr(provider, "refresh", None) if refresh else None
    return (renew if callable(renew) else provider)()


def refuse_awaitable(value: Any, what: str) -> None:
    if inspect.isawaitable(value):
        if inspect.iscoroutine(value):
            value.close()
        raise ValueError(f"{what} returned an awaitable: use it with runsteps.AsyncClient")


def resume(plan: Plan[None], outcome: Outcome) -> Action | None:
    """The plan's next action, or None when it has ended."""
    try:
        return plan.send(outcome)
    except StopIteration:
        return None
