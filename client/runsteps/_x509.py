"""The few fields of an X.509 certificate that say why it was refused: when it is valid, and the names
it was issued for. Read from its DER bytes with a minimal reader of the encoding; no I/O, nothing
verified (the certificate was refused already: this only says what it holds)."""

from __future__ import annotations

import datetime
import ipaddress
import ssl

import attrs

from runsteps._sanitize import printable

# OpenSSL's verify codes of refusals that a certificate's own fields explain.
NOT_YET_VALID, EXPIRED, HOSTNAME_MISMATCH, IP_ADDRESS_MISMATCH = 9, 10, 62, 64
SAY_WHAT_IS_IN_IT = frozenset({NOT_YET_VALID, EXPIRED, HOSTNAME_MISMATCH, IP_ADDRESS_MISMATCH})
# Refusals that trusting the issuer's CA would cure.
UNKNOWN_ISSUER = frozenset({18, 19, 20, 21})  # self-signed (leaf, in chain), no local issuer, leaf unverifiable

_EXTENSIONS = 0xA3  # tbsCertificate's [3]
_COMMON_NAME = bytes.fromhex("550403")  # 2.5.4.3
_SUBJECT_ALT_NAME = bytes.fromhex("551d11")  # 2.5.29.17
_DNS_NAME, _IP_ADDRESS = 0x82, 0x87


@attrs.frozen
class Certificate:
    not_before: datetime.datetime | None
    not_after: datetime.datetime | None
    names: tuple[str, ...]  # subjectAltName's DNS names and IP addresses, else the subject's CN


def read_certificate(der: bytes) -> Certificate | None:
    """What `der` holds, or None when it is not a certificate this reader can follow."""
    try:
        tbs = _children(der, *_inner(der, 0))[0]
        fields = _children(der, tbs[1], tbs[2])
        offset = 1 if fields[0][0] == 0xA0 else 0  # an explicit version comes first
        validity = _children(der, fields[offset + 3][1], fields[offset + 3][2])
        subject = fields[offset + 4]
        names = _alt_names(der, fields) or _common_names(der, subject)
        return Certificate(_time(der, validity[0]), _time(der, validity[1]), tuple(names))
    except (IndexError, ValueError):
        return None


_Tlv = tuple[int, int, int]  # tag, where the value starts, where it ends


def _header(data: bytes, pos: int) -> _Tlv:
    tag, length = data[pos], data[pos + 1]
    pos += 2
    if length & 0x80:
        size = length & 0x7F
        if not 0 < size <= 4:
            raise ValueError("unsupported length")
        length = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    if pos + length > len(data):
        raise ValueError("truncated")
    return tag, pos, pos + length


def _inner(data: bytes, pos: int) -> tuple[int, int]:
    _, start, end = _header(data, pos)
    return start, end


def _children(data: bytes, start: int, end: int) -> list[_Tlv]:
    found: list[_Tlv] = []
    while start < end:
        tlv = _header(data, start)
        found.append(tlv)
        start = tlv[2]
    return found


def _time(data: bytes, tlv: _Tlv) -> datetime.datetime | None:
    text = data[tlv[1] : tlv[2]].decode("ascii")
    formats = {0x17: "%y%m%d%H%M%SZ", 0x18: "%Y%m%d%H%M%SZ"}
    if tlv[0] not in formats:
        return None
    return datetime.datetime.strptime(text, formats[tlv[0]]).replace(tzinfo=datetime.UTC)


def _common_names(data: bytes, subject: _Tlv) -> list[str]:
    names: list[str] = []
    for rdn in _children(data, subject[1], subject[2]):
        for attribute in _children(data, rdn[1], rdn[2]):
            oid, value = _children(data, attribute[1], attribute[2])[:2]
            if data[oid[1] : oid[2]] == _COMMON_NAME:
                names.append(data[value[1] : value[2]].decode("utf-8", "replace"))
    return names


def _alt_names(data: bytes, fields: list[_Tlv]) -> list[str]:
    for tag, start, end in fields:
        if tag != _EXTENSIONS:
            continue
        (extensions,) = _children(data, start, end)
        for extension in _children(data, extensions[1], extensions[2]):
            parts = _children(data, extension[1], extension[2])
            if data[parts[0][1] : parts[0][2]] != _SUBJECT_ALT_NAME:
                continue
            octets = parts[-1]
            general = _children(data, *_inner(data, octets[1]))
            return [_general_name(data, name) for name in general if name[0] in (_DNS_NAME, _IP_ADDRESS)]
    return []


def _general_name(data: bytes, tlv: _Tlv) -> str:
    value = data[tlv[1] : tlv[2]]
    if tlv[0] == _IP_ADDRESS:
        return str(ipaddress.ip_address(value))
    return value.decode("ascii", "replace")


def why_refused(error: ssl.SSLCertVerificationError, host: str) -> str:
    """What is wrong with a refused certificate, and what would help, in a sentence or two."""
    said = printable(error.verify_message or str(error), 200).rstrip(".")
    code = error.verify_code
    if code in UNKNOWN_ISSUER:
        return (
            f"{said}. To trust the CA that signed it, set SSL_CERT_FILE to its PEM file (in Python, or pass "
            "verify= its path or an ssl.SSLContext)"
        )
    der = getattr(error, "peer_certificate", None)
    held = read_certificate(der) if isinstance(der, bytes) else None
    if code == EXPIRED:
        when = f" on {_day(held.not_after)}" if held is not None and held.not_after else ""
        return f"it expired{when}: the server's certificate must be renewed (trusting its CA would not help)"
    if code == NOT_YET_VALID:
        when = f" from {_day(held.not_before)}" if held is not None and held.not_before else " later"
        return f"it is valid only{when}: check this machine's clock"
    if code in (HOSTNAME_MISMATCH, IP_ADDRESS_MISMATCH):
        names = ", ".join(printable(n, 80) for n in held.names[:8]) if held is not None and held.names else None
        issued = f"it was issued for {names}, not {host}" if names else f"it was not issued for {host}"
        return f"{issued}: check the host in the base URL (trusting its CA would not help)"
    return said


def _day(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")
