"""Which proxy, if any, carries the requests to a server: the environment's `*_PROXY` settings, with
NO_PROXY read as curl reads it. No I/O: the settings come in as `urllib.request.getproxies()` gives them.

NO_PROXY is a comma-separated list. `*` alone bypasses every proxy. An entry matches a host name
itself and any name under it (`example.com` and `.example.com` both match `api.example.com`); an IP
address matches that address, written with or without brackets (`[::1]`, `::1`); a CIDR block
(`10.0.0.0/8`, `fd00::/8`) matches the addresses in it. A port after an entry is ignored, as curl
does. An entry that is none of these (`[::1`, `10.0.0.0/99`) is skipped and named, not a refusal.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import attrs

_NAME = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")
_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@attrs.frozen
class ProxyChoice:
    """The proxy to send through (None: straight to the server), and the NO_PROXY entries skipped
    because they could not be read."""

    url: str | None
    unreadable: tuple[str, ...] = ()


def choose_proxy(base_url: str, settings: Mapping[str, str]) -> ProxyChoice:
    """The proxy for `base_url` under `settings` (scheme -> proxy URL, and "no" -> NO_PROXY)."""
    parts = urlsplit(base_url)
    proxy = settings.get(parts.scheme) or settings.get("all")
    if not proxy:
        return ProxyChoice(None)
    host = (parts.hostname or "").lower()
    bypassed, unreadable = _bypassed(host, settings.get("no", ""))
    if bypassed:
        return ProxyChoice(None, unreadable)
    return ProxyChoice(proxy if "://" in proxy else f"http://{proxy}", unreadable)


def _bypassed(host: str, no_proxy: str) -> tuple[bool, tuple[str, ...]]:
    address = _address(host)
    unreadable: list[str] = []
    for raw in no_proxy.split(","):
        entry = raw.strip().lower()
        if not entry:
            continue
        if entry == "*":
            return True, tuple(unreadable)
        matched = _matches(host, address, entry)
        if matched is None:
            unreadable.append(raw.strip())
        elif matched:
            return True, tuple(unreadable)
    return False, tuple(unreadable)


def _matches(host: str, address: _Address | None, entry: str) -> bool | None:
    """Whether `entry` covers the host; None when the entry cannot be read."""
    if "/" in entry:
        try:
            network = ipaddress.ip_network(entry.strip("[]"), strict=False)
        except ValueError:
            return None
        return address is not None and address.version == network.version and address in network
    if entry.startswith("["):  # [v6] or [v6]:port
        inside, bracket, _ = entry[1:].partition("]")
        return None if not bracket or _address(inside) is None else address == _address(inside)
    if _address(entry) is not None:
        return address == _address(entry)
    name = entry.rsplit(":", 1)[0] if entry.count(":") == 1 else entry  # a port is ignored
    name = name.lstrip(".")
    if not _NAME.fullmatch(name):
        return None
    return host == name or host.endswith("." + name)


def _address(text: str) -> _Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None
