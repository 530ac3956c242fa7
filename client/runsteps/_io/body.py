"""Reading a response body as it arrives: decoded, and refused past a size cap. No I/O here.

httpx would decode a whole body at once; a small gzip body that inflates to gigabytes would then
fill memory. Here each chunk is inflated at most up to the cap, so memory stays bounded by it.
"""

from __future__ import annotations

import zlib

# What runsteps asks for; a server that sends another encoding anyway gets a clear error.
ACCEPT_ENCODING = "gzip, deflate"


class BodyProblem(Exception):
    """The body is larger than allowed, or not in the encoding its headers name."""


class BodyReader:
    """Feed raw chunks; `finish()` gives the decoded body. At most `limit` decoded bytes are held."""

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        self.limit = limit
        self._parts: list[bytes] = []
        self._size = 0
        self._unknown = [name for name in _encodings(content_encoding) if name not in _DECODERS]
        self._decoders = [_DECODERS[name]() for name in _encodings(content_encoding) if name in _DECODERS]

    def feed(self, chunk: bytes) -> None:
        self._check_encoding()
        data = chunk
        for decoder in reversed(self._decoders):
            data = self._inflate(decoder, data)
        self._keep(data)

    def finish(self) -> bytes:
        self._check_encoding()
        data = b""
        for decoder in reversed(self._decoders):
            data = self._inflate(decoder, data) + _flush(decoder)
        self._keep(data)
        return b"".join(self._parts)

    def _check_encoding(self) -> None:
        if self._unknown:
            raise BodyProblem(f"the body has a Content-Encoding runsteps did not ask for: {self._unknown[0][:40]!r}")

    def partial(self) -> bytes:
        """What was read so far (for messages about a body that was refused)."""
        return b"".join(self._parts)

    def _inflate(self, decoder: zlib._Decompress, data: bytes) -> bytes:
        out: list[bytes] = []
        room = self.limit - self._size
        try:
            piece = decoder.decompress(data, room + 1)
            out.append(piece)
            while decoder.unconsumed_tail and sum(map(len, out)) <= room:
                out.append(decoder.decompress(decoder.unconsumed_tail, room + 1 - sum(map(len, out))))
        except zlib.error as exc:
            raise BodyProblem(f"the body is not the compressed data its Content-Encoding says ({exc})") from None
        result = b"".join(out)
        if len(result) > room:
            raise BodyProblem(f"the body is larger than the {self.limit:,}-byte limit (max_response_bytes)")
        return result

    def _keep(self, data: bytes) -> None:
        if not data:
            return
        self._size += len(data)
        if self._size > self.limit:
            raise BodyProblem(f"the body is larger than the {self.limit:,}-byte limit (max_response_bytes)")
        self._parts.append(data)


def _encodings(header: str | None) -> list[str]:
    names = [part.strip().lower() for part in (header or "").split(",")]
    return [name for name in names if name and name != "identity"]


_DECODERS = {
    "gzip": lambda: zlib.decompressobj(zlib.MAX_WBITS | 16),
    "x-gzip": lambda: zlib.decompressobj(zlib.MAX_WBITS | 16),
    "deflate": lambda: zlib.decompressobj(zlib.MAX_WBITS | 32),  # a zlib or gzip header, detected
}


def _flush(decoder: zlib._Decompress) -> bytes:
    try:
        return decoder.flush()
    except zlib.error as exc:
        raise BodyProblem(f"the body is not the compressed data its Content-Encoding says ({exc})") from None
