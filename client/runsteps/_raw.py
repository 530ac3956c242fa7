"""Responses as they came, for `with_raw_response`: headers, status, request id, and the parsed model."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import httpx

from ._errors import request_id_of
from ._responses import Reply

T = TypeVar("T")


class RawResponse(Generic[T]):
    """The HTTP response of a call: `headers`, `status_code`, `request_id`, `http_response`; `parse()`
    gives the model the call would have returned, `json()` the body exactly as the server sent it."""

    __slots__ = ("_reply",)

    def __init__(self, reply: Reply[T]) -> None:
        self._reply = reply

    @property
    def http_response(self) -> httpx.Response:
        return self._reply.response

    @property
    def headers(self) -> httpx.Headers:
        return self._reply.response.headers

    @property
    def status_code(self) -> int:
        return self._reply.response.status_code

    @property
    def request_id(self) -> str | None:
        """`x-request-id`, or Azure's `apim-request-id` / `x-ms-request-id`."""
        return request_id_of(self._reply.response.headers)

    @property
    def url(self) -> httpx.URL:
        return self._reply.response.request.url

    @property
    def content(self) -> bytes:
        return self._reply.response.content

    def json(self) -> Any:
        """The body's JSON, exactly as the server sent it."""
        return self._reply.data

    def parse(self) -> T:
        return self._reply.model

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {type(self._reply.model).__name__} request_id={self.request_id!r}>"
