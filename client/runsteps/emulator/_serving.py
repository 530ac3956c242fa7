"""A socketserver whose stop takes effect at once.

`serve_forever` notices a `shutdown` only at its next poll, so every stop waited out a poll interval
(50 ms for the emulator; half a second by default). Here a byte on a socket pair wakes the loop.
"""

from __future__ import annotations

import selectors
import socket
import socketserver
from collections.abc import Callable
from typing import Any


class StoppableServer(socketserver.TCPServer):
    """Mixed in before a socketserver class: `serve()` in a thread, `stop_serving()` ends it."""

    # socketserver's own accept step (what `serve_forever` calls), absent from its type stubs. Never
    # `handle_request()`: it waits again, for good if the waiting client has already gone.
    _handle_request_noblock: Callable[[], None]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._wake, self._woken = socket.socketpair()  # first: a failed bind calls server_close
        super().__init__(*args, **kwargs)

    def serve(self) -> None:
        """Accept connections until `stop_serving`."""
        with selectors.DefaultSelector() as selector:
            selector.register(self, selectors.EVENT_READ)
            selector.register(self._woken, selectors.EVENT_READ)
            while all(key.fileobj is not self._woken for key, _ in selector.select()):
                self._handle_request_noblock()

    def stop_serving(self) -> None:
        self._wake.send(b"\0")

    def server_close(self) -> None:
        super().server_close()
        self._wake.close()
        self._woken.close()
