"""Which proxy carries a client's requests: the environment's settings, NO_PROXY read as curl reads it."""

from __future__ import annotations

import pytest

from runsteps._io.proxies import ProxyChoice, choose_proxy

PROXY = "http://proxy.internal:3128"


@pytest.mark.parametrize(
    ("base_url", "no_proxy", "bypassed"),
    [
        ("http://[::1]:8080/v1", "[::1]", True),
        ("http://[::1]:8080/v1", "::1", True),
        ("http://[::1]:8080/v1", "[::1]:8080", True),
        ("http://localhost:8080/v1", "localhost", True),
        ("https://api.example.com/v1", "example.com", True),
        ("https://api.example.com/v1", ".example.com", True),
        ("https://example.com/v1", ".example.com", True),
        ("https://notexample.com/v1", "example.com", False),
        ("https://example.com.evil/v1", "example.com", False),
        ("https://API.Example.COM/v1", "example.com", True),
        ("https://example.com/v1", "example.com:443", True),
        ("http://127.0.0.1:9/v1", "127.0.0.0/8", True),
        ("http://10.1.2.3/v1", "10.0.0.0/8", True),
        ("http://11.1.2.3/v1", "10.0.0.0/8", False),
        ("http://[fd00::5]/v1", "fd00::/8", True),
        ("http://[fd00::5]/v1", "10.0.0.0/8", False),
        ("https://anything.test/v1", "*", True),
        ("https://anything.test/v1", "a.test, *", True),
        ("https://anything.test/v1", "", False),
    ],
)
def test_no_proxy_entries_match_as_curl_matches_them(base_url: str, no_proxy: str, bypassed: bool) -> None:
    choice = choose_proxy(base_url, {"http": PROXY, "https": PROXY, "no": no_proxy})
    assert choice == ProxyChoice(None if bypassed else PROXY)


def test_an_entry_nobody_can_read_is_named_and_skipped_and_the_others_still_apply() -> None:
    settings = {"http": PROXY, "no": "[::1, 10.0.0.0/99, b@d, 127.0.0.1"}
    assert choose_proxy("http://127.0.0.1/v1", settings) == ProxyChoice(None, ("[::1", "10.0.0.0/99", "b@d"))
    assert choose_proxy("http://other.test/v1", settings) == ProxyChoice(PROXY, ("[::1", "10.0.0.0/99", "b@d"))


def test_the_proxy_is_the_schemes_own_else_all_proxy_and_a_bare_host_is_http() -> None:
    assert choose_proxy("https://h.test/v1", {"http": PROXY}) == ProxyChoice(None)
    assert choose_proxy("https://h.test/v1", {"all": "socks5://s:1080"}) == ProxyChoice("socks5://s:1080")
    assert choose_proxy("http://h.test/v1", {"http": "proxy.internal:3128"}) == ProxyChoice(PROXY)
