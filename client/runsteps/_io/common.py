"""What the sync and async clients share to perform their actions: building a request, reading a
body, choosing the transport, asking the token provider.

What to send, when to retry, what to yield and how long to sleep are decided once, by the plans in
runsteps._plans. The clients only perform their actions: send a request and read its body within
its time, sleep, ask the token provider, call the caller's functions (`sync_io` and `async_io` hold
the few lines that differ).
"""

from __future__ import annotations

import inspect
import os
import ssl
import warnings
from collections.abc import Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import urlencode

import httpx

from runsteps._config import Config
from runsteps._credentials import ApiKey, Tokens
from runsteps._io.body import ACCEPT_ENCODING, BodyReader
from runsteps._io.proxies import choose_proxy
from runsteps._io.transport._limits import DEADLINE, Limits
from runsteps._plans.actions import Action, Answer, Outcome, Plan, Transmit, Unsendable, read_response

T = TypeVar("T")
BODY_SAMPLE = 64 * 1024  # of a refused body, what is kept for the error message
POOL_LIMITS = Limits(max_connections=100, keepalive_expiry=15.0)
HTTPX_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100, keepalive_expiry=15.0)


def build_request(
    http: httpx.Client | httpx.AsyncClient, fixed: httpx.Headers | None, t: Transmit, deadline: float
) -> httpx.Request:
    """The request of a `Transmit`; `fixed`: the headers to add when `http` is the caller's own client
    (None: ours, which carries them)."""
    timeouts = {"connect": t.connect_timeout, "read": t.timeout, "write": t.timeout, "pool": t.timeout}
    extensions = {DEADLINE: deadline, "timeout": timeouts}
    if fixed is None:
        # Our own httpx client carries our headers: build the request directly, its URL parsed once
        # (httpx's build_request would parse it again to merge the query); cookies the server set
        # go back, as httpx (and so the official clients) sends them.
        url = f"{t.url}?{urlencode(t.params, doseq=True)}" if t.params else t.url
        headers = http.headers
        if t.headers:
            headers = httpx.Headers(headers)
            headers.update(t.headers)
        return httpx.Request(
            t.method, url, headers=headers, cookies=http.cookies, content=t.content, extensions=extensions
        )
    return http.build_request(
        t.method,
        t.url,
        content=t.content,
        params=t.params,
        headers={**fixed, **(t.headers or {})},
        timeout=httpx.Timeout(t.timeout, connect=t.connect_timeout),
        extensions={DEADLINE: deadline},
    )


class ServerCookies(httpx.Cookies):
    """The cookies servers set, kept and sent back as httpx keeps them (Azure front ends pin a client
    to an instance with one). An answer that sets none is not handed to the cookie jar: httpx would,
    building urllib's request and response wrappers for every answer, a tenth of a listing's CPU
    (`make bench`, listing)."""

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers:
            super().extract_cookies(response)


def http_options(config: Config, transport: Callable[[Limits, ssl.SSLContext | None], object]) -> dict[str, Any]:
    """How runsteps makes its httpx client (sync or async): our transport, or httpx's through the
    proxy the environment names for this server (httpx's transports know proxies; ours speak to
    servers directly). httpx then reads no proxy setting itself: NO_PROXY is read here, as curl does."""
    proxy = proxy_for(config.base_url)
    return {
        "headers": fixed_headers(config),
        "follow_redirects": False,
        "limits": HTTPX_LIMITS,
        "transport": None if proxy else transport(POOL_LIMITS, config.ssl_context),
        "proxy": proxy,
        "verify": config.ssl_context or True,  # used where httpx's own transport is (a proxy)
    }


def proxy_for(base_url: str) -> str | None:
    if not any(name.lower().endswith("_proxy") and name.lower() != "no_proxy" for name in os.environ):
        return None
    import urllib.request  # only then: it costs a tenth of the client's import

    choice = choose_proxy(base_url, urllib.request.getproxies())
    for entry in choice.unreadable:
        warnings.warn(
            f"NO_PROXY holds {entry!r}, which is not a host, an address or a CIDR block: it is skipped", stacklevel=5
        )
    return choice.url


def fixed_headers(config: Config) -> dict[str, str]:
    headers = {**config.headers, "Accept-Encoding": ACCEPT_ENCODING}
    if isinstance(config.credential, ApiKey):
        headers.update(config.credential.headers())
    return headers


def preloaded(response: httpx.Response) -> bool:
    """Whether a transport handed over a response already read (mock transports do), its content decoded."""
    return response.is_stream_consumed


def body_reader(response: httpx.Response, max_bytes: int) -> BodyReader:
    encoding = None if preloaded(response) else response.headers.get("content-encoding")
    return BodyReader(encoding, max_bytes)


def raw_chunks(response: httpx.Response) -> Iterator[bytes]:
    return iter((response.content,)) if preloaded(response) else response.iter_raw()


def answer(response: httpx.Response, body: bytes) -> Answer:
    """The answer of a closed `response` whose body was read raw and decoded into `body`.

    Its `response` is one of its own, read, for the caller, with the headers as sent. (The one httpx
    sent is left to the garbage collector: its client binds its stream to it in a reference cycle;
    without the body, that holds a few hundred bytes.)
    """
    read = read_response(response, body, response.headers, response.request)
    read.next_request = response.next_request
    return Answer.of(read)


def stream_head(response: httpx.Response) -> Answer:
    """The answer of a 2xx whose body is still to be read (an event stream): its status and headers;
    `response` is the live one."""
    request = response.request
    return Answer(response.status_code, response.headers, b"", request.method, request.url, response)


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
