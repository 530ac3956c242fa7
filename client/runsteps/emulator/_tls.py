"""The emulator's HTTPS: a CA made for one emulator, and a certificate it signs for 127.0.0.1 and localhost.

trustme makes both in memory (the `tls` extra); only the CA's certificate is written to a file, for
clients to trust, and removed when the emulator stops.
"""

from __future__ import annotations

import contextlib
import os
import ssl
import tempfile

import attrs


@attrs.define
class ServerTLS:
    context: ssl.SSLContext
    ca_file: str

    @classmethod
    def make(cls) -> ServerTLS:
        try:
            import trustme
        except ImportError:
            raise ImportError(
                "the emulator's HTTPS needs trustme: pip install 'runsteps-sdk[tls]' (or pip install trustme)"
            ) from None
        ca = trustme.CA(organization_name="runsteps emulator")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        handle, path = tempfile.mkstemp(prefix="runsteps-emulator-ca-", suffix=".pem")
        with os.fdopen(handle, "wb") as file:
            file.write(ca.cert_pem.bytes())
        return cls(context, path)

    def close(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.ca_file)
