"""Responses as they came, for `with_raw_response`: headers, status, request id, and the parsed model."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, cast

import httpx

from runsteps._errors import request_id_of
from runsteps._plans.responses import Reply

if TYPE_CHECKING:
    from runsteps._async.iterators import AsyncPager
    from runsteps._sync.iterators import Pager

T = TypeVar("T")
R = TypeVar("R")
L = TypeVar("L")
P = ParamSpec("P")


class RawResponse(Generic[T]):
    """The HTTP response of a call: `headers`, `status_code`, `request_id`, `http_response`; `parse()`
    gives the model the call would have returned, `json()` the body exactly as the server sent it."""

    __slots__ = ("_reply",)

    def __init__(self, reply: Reply[T]) -> None:
        self._reply = reply

    @property
    def http_response(self) -> httpx.Response:
        return self._reply.answer.response

    @property
    def headers(self) -> httpx.Headers:
        return self._reply.answer.headers

    @property
    def status_code(self) -> int:
        return self._reply.answer.status_code

    @property
    def request_id(self) -> str | None:
        """`x-request-id`, or Azure's `apim-request-id` / `x-ms-request-id`."""
        return request_id_of(self._reply.answer.headers)

    @property
    def url(self) -> httpx.URL:
        return self._reply.answer.url

    @property
    def content(self) -> bytes:
        return self._reply.answer.content

    def json(self) -> Any:
        """The body's JSON, exactly as the server sent it."""
        return self._reply.data

    def parse(self) -> T:
        return self._reply.model

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {type(self._reply.model).__name__} request_id={self.request_id!r}>"


# A raw view's methods are its resource's, made with `raw=True` (they return a RawResponse where
# they would return the model); these classes give them that type, with each method's own parameters.


class RawCall(Generic[P, R]):
    """A call of a raw view: the resource's method, returning the `RawResponse`."""

    __slots__ = ("_method",)

    def __init__(self, method: Callable[P, R]) -> None:
        self._method = method

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        return cast(RawResponse[R], self._method(*args, **kwargs))


class AsyncRawCall(Generic[P, R]):
    """A call of an AsyncClient's raw view: the resource's method, returning the `RawResponse`."""

    __slots__ = ("_method",)

    def __init__(self, method: Callable[P, Awaitable[R]]) -> None:
        self._method = method

    async def __call__(self, *args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        return cast(RawResponse[R], await self._method(*args, **kwargs))


class RawFirstPage(Generic[P, L]):
    """`list` in a raw view: the response of the first page (the arguments checked as `list` checks them)."""

    __slots__ = ("_method",)

    def __init__(self, method: Callable[P, Pager[Any, L]]) -> None:
        self._method = method

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> RawResponse[L]:
        return RawResponse(self._method(*args, **kwargs)._first_page())


class AsyncRawFirstPage(Generic[P, L]):
    """`list` in an AsyncClient's raw view: the response of the first page."""

    __slots__ = ("_method",)

    def __init__(self, method: Callable[P, AsyncPager[Any, L]]) -> None:
        self._method = method

    async def __call__(self, *args: P.args, **kwargs: P.kwargs) -> RawResponse[L]:
        return RawResponse(await self._method(*args, **kwargs)._first_page())
