"""Server-sent events decoded from bytes as they arrive, in any chunks (the WHATWG rules): lines end in
LF, CRLF or CR; `field: value` lines build an event, a blank line dispatches it; `data` lines join
with newlines; comments (`:`) are skipped; a byte order mark at the start is dropped. What the stream
holds after its last blank line is not an event (a stream cut mid-event): `close()` says so."""

from __future__ import annotations

import attrs


@attrs.frozen
class ServerSentEvent:
    """One event: its name (`message` when none was given), its data (lines joined with `\\n`), its id."""

    event: str
    data: str
    id: str | None = None


class SSEDecoder:
    """Feed it bytes; it returns the events they complete."""

    def __init__(self) -> None:
        self._tail = b""  # an unfinished line
        self._after_cr = False  # the last chunk ended in CR: an LF starting the next belongs to it
        self._started = False
        self._event = ""
        self._data: list[str] = []
        self._id: str | None = None
        self._last_id: str | None = None
        self._pending = False  # fields seen since the last dispatch

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        if self._after_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]
        self._after_cr = chunk.endswith(b"\r")
        buffer = self._tail + chunk
        if not self._started and buffer:
            if len(buffer) < 3 and b"\xef\xbb\xbf".startswith(buffer):
                self._tail = buffer
                return []
            self._started = True
            if buffer.startswith(b"\xef\xbb\xbf"):
                buffer = buffer[3:]
        lines = buffer.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
        self._tail = lines.pop()
        events = []
        for line in lines:
            event = self._line(line.decode("utf-8", errors="replace"))
            if event is not None:
                events.append(event)
        return events

    def close(self) -> bool:
        """The stream ended: whether it ended between events (False: it was cut in the middle of one)."""
        return not self._tail and not self._pending

    def _line(self, line: str) -> ServerSentEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        field, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        self._pending = True
        if field == "event":
            self._event = value
        elif field == "data":
            self._data.append(value)
        elif field == "id" and "\0" not in value:
            self._last_id = value
        return None  # `retry` and unknown fields: nothing to keep

    def _dispatch(self) -> ServerSentEvent | None:
        data, name = self._data, self._event
        self._data, self._event, self._pending = [], "", False
        if not data:
            return None  # an event without data is not dispatched
        return ServerSentEvent(name or "message", "\n".join(data), self._last_id)
