"""runsteps' own HTTP/1.1 transports for httpx: deadlines on every operation, cancellation-safe, O(1) pool.

The protocol and the pool's bookkeeping are plain code (_http11); _sync and _async drive sockets
and asyncio streams (import each from its module: the sync client never loads asyncio). The clients
use them unless a proxy is configured in the environment (httpx's own transports know proxies) or
the caller brings an httpx client.
"""
