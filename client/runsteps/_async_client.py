"""AsyncClient: the async driver that performs the same plans as Client, awaited."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, Self, TypeVar

import httpx

from ._actions import Action, BodyError, Emit, FetchToken, Outcome, Plan, Sleep, Transmit
from ._body import BodyProblem
from ._client import (
    BODY_SAMPLE,
    HTTPX_LIMITS,
    _call_provider,
    _Driver,
    _fixed_headers,
    _preloaded,
    _reader,
    _resume,
    _transport_for,
    _unsendable,
)
from ._config import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, Config, TokenProvider, check_token
from ._resources import AsyncRuns, AsyncSteps
from ._transport._async import AsyncTransport

T = TypeVar("T")


class AsyncClient(_Driver[httpx.AsyncClient]):
    """The async twin of Client: the same names and settings; coroutines and async iterators.
    `token_provider` may be sync or async."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        token_provider: TokenProvider | None = None,
        http_client: httpx.AsyncClient | None = None,
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
        token_provider: TokenProvider | None = None,
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> Self:
        """Azure OpenAI; as `Client.for_azure`."""
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
            max_response_bytes=max_response_bytes,
        )
        return cls._from_config(config, http_client)

    @classmethod
    def for_azure_agents(
        cls,
        endpoint: str | None = None,
        *,
        token_provider: TokenProvider | None = None,
        api_version: str = "v1",
        timeout: float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> Self:
        """Azure AI Agents; as `Client.for_azure_agents`."""
        config = Config.azure_agents(
            endpoint,
            token_provider=token_provider,
            api_version=api_version,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            max_response_bytes=max_response_bytes,
        )
        return cls._from_config(config, http_client)

    @classmethod
    def _from_config(cls, config: Config, http_client: httpx.AsyncClient | None) -> Self:
        client = cls.__new__(cls)
        client._start(config, http_client)
        return client

    def _start(self, config: Config, http_client: httpx.AsyncClient | None) -> None:
        owns = http_client is None
        http = http_client or httpx.AsyncClient(
            headers=_fixed_headers(config),
            follow_redirects=False,
            limits=HTTPX_LIMITS,
            transport=_transport_for(config, AsyncTransport),
        )
        self._setup(config, http, owns)
        self._sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep
        self.steps = AsyncSteps(self)
        self.runs = AsyncRuns(self)

    def with_options(self, *, timeout: float | None = None, max_retries: int | None = None) -> Self:
        """A copy with other settings, sharing this client's connections (closing the copy leaves them open)."""
        copy = type(self).__new__(type(self))
        copy._setup(self._config.with_options(timeout=timeout, max_retries=max_retries), self._http, False)
        copy._fixed_headers = self._fixed_headers
        copy._sleep, copy._clock = self._sleep, self._clock
        copy.steps, copy.runs = AsyncSteps(copy), AsyncRuns(copy)
        return copy

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ---- performing actions ----

    async def _perform(self, action: Action) -> Outcome:
        if type(action) is Transmit:
            return await self._transmit(action)
        if isinstance(action, Sleep):
            await self._sleep(action.seconds)
            return None
        assert isinstance(action, FetchToken), "plans that emit are run by _stream"
        token = _call_provider(self._config, action.refresh)
        if inspect.isawaitable(token):
            token = await token
        return check_token(token)

    async def _transmit(self, t: Transmit) -> Outcome:
        try:
            request = self._request(t, time.monotonic() + t.timeout)
        except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
            return _unsendable(exc)
        try:
            async with asyncio.timeout(t.timeout):
                return await self._exchange(request, t.max_bytes)
        except TimeoutError:
            return httpx.ReadTimeout("the attempt's time ran out", request=request)

    async def _exchange(self, request: httpx.Request, max_bytes: int) -> Outcome:
        try:
            response = await self._http.send(request, stream=True)
        except httpx.TransportError as exc:
            return exc
        except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
            return _unsendable(exc)
        reader = _reader(response, max_bytes)
        try:
            if _preloaded(response):
                reader.feed(response.content)
            else:
                async for chunk in response.aiter_raw():
                    reader.feed(chunk)
            response._content = reader.finish()
        except BodyProblem as exc:
            response._content = reader.partial()[:BODY_SAMPLE]
            return BodyError(str(exc), response)
        except httpx.TransportError as exc:
            return exc
        finally:
            await response.aclose()
        return response

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
            while (action := _resume(plan, outcome)) is not None:
                if type(action) is Emit:
                    outcome = None
                    yield action.item
                else:
                    outcome = await self._perform(action)
        finally:
            plan.close()
