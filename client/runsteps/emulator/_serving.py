"""A socketserver served from a thread of its own, whose stop takes effect at once.

`serve_forever` notices a `shutdown` only at its next poll, so every stop waited out a poll interval
(50 ms for the emulator; half a second by default). Here a byte on a socket pair wakes the loop.
"""

from __future__ import annotations

import selectors
import socket
import socketserver
import threading
from collections.abc import Callable
from typing import Any


class StoppableServer(socketserver.TCPServer):
    """Mixed in before a socketserver class: `start()` serves from a daemon thread, `stop()` ends it
    and closes the server."""

    # socketserver's own accept step (what `serve_forever` calls), absent from its type stubs. Never
    # `handle_request()`: it waits again, for good if the waiting client has already gone.
    _handle_request_noblock: Callable[[], None]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._wake, self._woken = socket.socketpair()  # first: a failed bind calls server_close
        self._serving: threading.Thread | None = None
        super().__init__(*args, **kwargs)

    def start(self, name: str | None = None) -> None:
        self._serving = threading.Thread(target=self._serve, name=name, daemon=True)
        self._serving.start()

    def stop(self) -> None:
        """Stop accepting (connections already open are their handlers' to end) and close."""
        if self._serving is not None:
            self._wake.send(b"\0")
            self._serving.join()
        self.server_close()

    def _serve(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self, selectors.EVENT_READ)
            selector.register(self._woken, selectors.EVENT_READ)
            while all(key.fileobj is not self._woken for key, _ in selector.select()):
                self._handle_request_noblock()

    def server_close(self) -> None:
        super().server_close()
        self._wake.close()
        self._woken.close()
