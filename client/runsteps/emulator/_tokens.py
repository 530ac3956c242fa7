"""Bearer tokens as Entra ID hands them out: minted, valid for a while on the emulator's clock, then refused.

`TokenProvider` is what `token_provider=` takes (a callable, with `refresh()`); `Credential` is what
azure-core clients take (`get_token`). Both cache a token until it expires, as real ones do.
"""

from __future__ import annotations

import itertools
import secrets
import threading
import time
from collections import Counter
from typing import Any, Literal, NamedTuple

from runsteps.emulator._scenario import Clock

TokenState = Literal["valid", "expired", "unknown"]


class AccessToken(NamedTuple):
    """The shape azure-core expects from `get_token`: the token and when it expires (Unix seconds)."""

    token: str
    expires_on: int


class TokenMint:
    """Issues tokens that expire `ttl` seconds later on `clock`, and knows each one it issued."""

    def __init__(self, clock: Clock, ttl: float) -> None:
        self.clock: Clock = clock
        self.ttl: float = ttl
        self._expiry: dict[str, float] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.expired_uses: Counter[str] = Counter()  # token -> requests that came with it after it expired

    def mint(self) -> tuple[str, float]:
        """A new token and when it expires, on the clock."""
        with self._lock:
            token = f"emu-token-{next(self._ids)}-{secrets.token_hex(8)}"
            expiry = self.clock.now() + self.ttl
            self._expiry[token] = expiry
            return token, expiry

    def check(self, token: str) -> TokenState:
        with self._lock:
            expiry = self._expiry.get(token)
            if expiry is None:
                return "unknown"
            if self.clock.now() >= expiry:
                self.expired_uses[token] += 1
                return "expired"
            return "valid"

    def expires_in(self, expiry: float) -> float:
        return expiry - self.clock.now()


class TokenProvider:
    """A token provider for `token_provider=`: the current token while it is valid, then a new one.

    `refresh()` mints a new one at once (what a client asks for after a 401). `calls` and `minted`
    count how it was used.
    """

    def __init__(self, mint: TokenMint) -> None:
        self._mint = mint
        self._current: tuple[str, float] | None = None
        self._lock = threading.Lock()
        self.calls: int = 0
        self.minted: int = 0

    def __call__(self) -> str:
        with self._lock:
            self.calls += 1
            if self._current is None or self._mint.expires_in(self._current[1]) <= 0:
                self._renew()
            assert self._current is not None
            return self._current[0]

    def refresh(self) -> str:
        with self._lock:
            self.calls += 1
            self._renew()
            assert self._current is not None
            return self._current[0]

    def _renew(self) -> None:
        self._current = self._mint.mint()
        self.minted += 1


class Credential:
    """An azure-core `TokenCredential` for the emulator (what `AgentsClient(credential=...)` takes)."""

    def __init__(self, provider: TokenProvider, mint: TokenMint) -> None:
        self._provider = provider
        self._mint = mint

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        token = self._provider()
        return AccessToken(token, int(time.time() + max(0.0, self._mint.ttl)))

    def close(self) -> None:
        pass
