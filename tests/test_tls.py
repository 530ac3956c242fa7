"""HTTPS: the emulator serves it with a CA of its own, runsteps verifies certificates by default and
trusts a CA the way httpx does (SSL_CERT_FILE, verify=), a refused certificate is final and says how to
trust one, and the official clients reach the emulator over HTTPS with nothing but its CA."""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme

import runsteps
from runsteps.emulator import Emulator

from . import cli
from .families import AZURE_VERSION, official

STEPS = 250


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(tls=True) as server:
        server.add_completed_run("t", "r", STEPS)
        yield server


def read_all(client: runsteps.Client) -> tuple[int, str]:
    with client:
        return len(list(client.steps.list("r", thread_id="t", limit=100))), client.runs.retrieve(
            "r", thread_id="t"
        ).status


async def read_all_async(client: runsteps.AsyncClient) -> tuple[int, str]:
    async with client:
        steps = [s async for s in client.steps.list("r", thread_id="t", limit=100)]
        return len(steps), (await client.runs.retrieve("r", thread_id="t")).status


def read_with(driver: str, **options: Any) -> tuple[int, str]:
    if driver == "sync":
        return read_all(runsteps.Client(**options))
    return asyncio.run(read_all_async(runsteps.AsyncClient(**options)))


@pytest.mark.parametrize("driver", ["sync", "async"])
@pytest.mark.parametrize("trust", ["SSL_CERT_FILE", "verify=path", "verify=SSLContext"])
def test_the_emulators_ca_trusted_as_httpx_trusts_one_reads_everything_over_one_connection(
    emu: Emulator, driver: str, trust: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    options: dict[str, Any] = {"api_key": emu.api_key, "base_url": emu.base_url}
    if trust == "SSL_CERT_FILE":
        monkeypatch.setenv("SSL_CERT_FILE", emu.ca_file)
    else:
        options["verify"] = emu.ca_file if trust == "verify=path" else ssl.create_default_context(cafile=emu.ca_file)
    before = emu.connections_opened
    assert read_with(driver, **options) == (STEPS, "completed")
    assert emu.connections_opened - before == 1  # three pages and a run, one TLS connection kept alive


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_a_certificate_from_an_unknown_ca_is_refused_at_once_saying_how_to_trust_one(
    emu: Emulator, driver: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    before = emu.connections_opened, len(emu.requests)
    with pytest.raises(runsteps.APIConnectionError) as caught:
        read_with(driver, api_key=emu.api_key, base_url=emu.base_url, max_retries=2)
    message = str(caught.value)
    assert message.startswith("the certificate of 127.0.0.1 was refused (GET https://127.0.0.1:")
    assert "unable to get local issuer certificate" in message
    assert "set SSL_CERT_FILE to its PEM file" in message and "verify=" in message
    assert type(caught.value) is runsteps.APIConnectionError and caught.value.retries == 0
    # Not retried: one connection tried, no request ever sent.
    assert (emu.connections_opened, len(emu.requests)) == (before[0] + 1, before[1])


@contextlib.contextmanager
def serving_certificate(tmp_path: Path, *identities: str, **dates: datetime.datetime) -> Iterator[str]:
    """A server presenting a certificate for `identities` (with `not_after=`, ...) from a CA written to
    tmp_path/ca.pem; it ends each handshake and hangs up. Its base URL."""
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*identities, **dates).configure_cert(context)
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stopping = threading.Event()

    def serve() -> None:
        while not stopping.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            conn.settimeout(5)
            with contextlib.suppress(OSError), conn:
                context.wrap_socket(conn, server_side=True).close()  # the client may hang up at the certificate

    server = threading.Thread(target=serve, daemon=True)
    server.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}/v1"
    finally:
        stopping.set()
        server.join(timeout=5)
        listener.close()


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_a_certificate_for_another_host_is_refused_naming_the_hosts_it_was_issued_for(
    tmp_path: Path, driver: str
) -> None:
    with (
        serving_certificate(tmp_path, "elsewhere.test", "*.elsewhere.test") as base_url,
        pytest.raises(runsteps.APIConnectionError) as caught,
    ):
        read_with(driver, api_key="k", base_url=base_url, verify=str(tmp_path / "ca.pem"), max_retries=2)
    message = str(caught.value)
    assert "it was issued for elsewhere.test, *.elsewhere.test, not 127.0.0.1: check the host" in message
    assert "SSL_CERT_FILE" not in message and caught.value.retries == 0  # trusting a CA would not help


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_an_expired_certificate_is_refused_saying_when_it_expired(tmp_path: Path, driver: str) -> None:
    ended = datetime.datetime(2025, 3, 31, 12, 0, tzinfo=datetime.UTC)
    with (
        serving_certificate(tmp_path, "127.0.0.1", not_after=ended) as base_url,
        pytest.raises(runsteps.APIConnectionError) as caught,
    ):
        read_with(driver, api_key="k", base_url=base_url, verify=str(tmp_path / "ca.pem"), max_retries=2)
    message = str(caught.value)
    assert "it expired on 2025-03-31 12:00 UTC: the server's certificate must be renewed" in message
    assert "SSL_CERT_FILE" not in message and caught.value.retries == 0


def test_the_command_line_says_an_expired_certificate_expired(tmp_path: Path) -> None:
    ended = datetime.datetime(2025, 3, 31, 12, 0, tzinfo=datetime.UTC)
    with serving_certificate(tmp_path, "127.0.0.1", not_after=ended) as base_url:
        env = cli.shell(OPENAI_BASE_URL=base_url, OPENAI_API_KEY="k", SSL_CERT_FILE=str(tmp_path / "ca.pem"))
        done = cli.run(["get", "t", "r", "s1"], env)
    assert done.returncode == 5 and "it expired on 2025-03-31 12:00 UTC" in done.stderr


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_a_tls_handshake_that_never_ends_is_bounded_by_the_attempts_timeout(driver: str) -> None:
    # The kernel accepts the connection; nobody ever answers the client's hello.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        base_url = f"https://127.0.0.1:{silent.getsockname()[1]}/v1"
        started = time.monotonic()
        with pytest.raises(runsteps.APITimeoutError):
            read_with(driver, api_key="k", base_url=base_url, timeout=0.5, max_retries=0)
        assert time.monotonic() - started < 0.5 + 2  # two seconds of slack for a loaded machine


def test_verify_is_checked_before_anything_is_sent(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="verify must name a readable PEM file"):
        runsteps.Client(api_key="k", base_url="https://127.0.0.1:9/v1", verify=str(tmp_path / "missing.pem"))
    with pytest.raises(ValueError, match=r"verify must be True, False, a CA file's path or an ssl\.SSLContext"):
        runsteps.Client(api_key="k", base_url="https://127.0.0.1:9/v1", verify=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="set it on your http_client"):
        runsteps.Client(base_url="https://127.0.0.1:9/v1", http_client=httpx.Client(), verify=False)


def test_the_command_line_exits_5_at_once_on_a_refused_certificate_and_reads_with_the_emulators_environment(
    emu: Emulator,
) -> None:
    environment = cli.shell(**emu.environment())
    assert environment["SSL_CERT_FILE"] == emu.ca_file
    untrusted = {k: v for k, v in environment.items() if k != "SSL_CERT_FILE"}
    before = emu.connections_opened
    refused = cli.run(["run", "t", "r"], untrusted)
    assert refused.returncode == 5 and emu.connections_opened == before + 1  # no retries
    assert "the certificate of 127.0.0.1 was refused" in refused.stderr and "SSL_CERT_FILE" in refused.stderr
    trusted = cli.run(["run", "t", "r"], environment)
    assert trusted.returncode == 0 and '"status": "completed"' in trusted.stdout


def test_runsteps_emulator_tls_prints_the_ca_to_trust_and_removes_it_when_it_stops() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "runsteps", "emulator", "--tls", "--duration", "0.1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("https://127.0.0.1:")
    exports = done.stderr.splitlines()[-1]
    assert exports.startswith("in a shell: export OPENAI_BASE_URL=https://127.0.0.1:")
    ca_file = exports.split("SSL_CERT_FILE=")[1].strip("'")
    assert ca_file.endswith(".pem") and not os.path.exists(ca_file)  # the throwaway CA went with the emulator


def test_openai_azure_client_reads_over_https_given_only_the_ca() -> None:
    import openai  # here: its import is a second and a half, and only this test needs it

    with Emulator(flavour="azure", tls=True) as emu:
        emu.add_completed_run("t", "r", STEPS)
        with httpx.Client(verify=ssl.create_default_context(cafile=emu.ca_file)) as http:
            client = openai.AzureOpenAI(
                azure_endpoint=emu.endpoint, api_key=emu.api_key, api_version=AZURE_VERSION, http_client=http
            )
            with pytest.warns(DeprecationWarning):
                steps = list(client.beta.threads.runs.steps.list("r", thread_id="t", limit=100))
                run = client.beta.threads.runs.retrieve("r", thread_id="t")
        assert len(steps) == STEPS and run.status == "completed"


def test_azure_ai_agents_client_reads_over_https_given_only_the_ca() -> None:
    with Emulator(flavour="azure-agents", tls=True) as emu:
        emu.add_completed_run("t", "r", STEPS)
        # AgentsClient(endpoint, credential, connection_verify=emu.ca_file)
        with official(emu, "AgentsClient") as client:
            assert len(list(client.run_steps.list("t", "r", limit=100))) == STEPS
            assert client.runs.get("t", "r").status == "completed"


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_runsteps_emulator_stopped_by_a_signal_removes_its_ca_and_exits_as_shells_report_it(
    sig: signal.Signals, code: int
) -> None:
    emulator = subprocess.Popen(
        [sys.executable, "-m", "runsteps", "emulator", "--tls"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert emulator.stdout is not None and emulator.stderr is not None
    assert emulator.stdout.readline().startswith("https://127.0.0.1:")  # serving: the banner is out
    emulator.send_signal(sig)
    assert emulator.wait(timeout=30) == code
    exports = emulator.stderr.read().splitlines()[-1]
    ca_file = exports.split("SSL_CERT_FILE=")[1].strip("'")
    assert ca_file.endswith(".pem") and not os.path.exists(ca_file)
