"""Reaching the server a command names: its family, URL, credentials, headers and query, from flags and
the environment (each family's own variables, as its official client reads them)."""

from __future__ import annotations

import argparse
import os
import subprocess

from runsteps._config import MissingSetting
from runsteps._errors import RunStepsError
from runsteps._sanitize import mask
from runsteps._sync.client import Client

SERVERS = ("openai", "azure", "azure-agents")
FLAGS = {"api_key": "--api-key", "base_url": "--base-url", "endpoint": "--endpoint", "api_version": "--api-version"}


class TokenCommandError(RunStepsError):
    """The --token-command failed or printed nothing."""


class TokenCommand:
    """A bearer token from a shell command's stdout (for example the Azure CLI's
    `az account get-access-token --resource https://ai.azure.com --query accessToken -o tsv`).

    Run once; run again when the server refuses the token (`refresh()`). The token is never shown.
    """

    def __init__(self, command: str) -> None:
        self.command = command
        self._token: str | None = None

    def __call__(self) -> str:
        if self._token is None:
            self._token = self._run()
        return self._token

    def refresh(self) -> str:
        self._token = self._run()
        return self._token

    def _run(self) -> str:
        try:
            done = subprocess.run(self.command, shell=True, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            raise TokenCommandError("--token-command did not finish within 120 s") from None
        token = done.stdout.strip()
        if done.returncode != 0 or not token:
            # What the command printed, and the token it gave before, are secrets its stderr may echo.
            printed = [line.strip() for line in done.stdout.splitlines()] + [self._token or ""]
            reason = mask((done.stderr.strip().splitlines() or ["no output"])[0], printed)[:200]
            raise TokenCommandError(f"--token-command failed (exit {done.returncode}): {reason}")
        return token


def connect(args: argparse.Namespace) -> Client:
    """The client the flags and environment describe; a ValueError (usage) for anything missing or wrong,
    in the command line's words."""
    try:
        return _connect(args)
    except MissingSetting as missing:
        flag = FLAGS.get(missing.argument, f"--{missing.argument.replace('_', '-')}")
        where = f"give {flag}" + (f" or set {' or '.join(missing.variables)}" if missing.variables else "")
        if missing.argument == "base_url":
            where += "; or choose a server family with --server azure|azure-agents (api.openai.com no longer serves this API)"
        if missing.argument == "api_key" and "AZURE_OPENAI_AD_TOKEN" in missing.variables:
            where += ", or a token with --token-command"
        raise ValueError(
            f"no {missing.what.removeprefix('a ').removeprefix('an ').removeprefix('the ')}: {where}"
        ) from None


def _connect(args: argparse.Namespace) -> Client:
    server = args.server or os.environ.get("RUNSTEPS_SERVER") or "openai"
    if server not in SERVERS:
        raise ValueError(f"--server (or RUNSTEPS_SERVER) must be one of {', '.join(SERVERS)}, got {server!r}")
    command = args.token_command or os.environ.get("RUNSTEPS_TOKEN_COMMAND")
    provider = TokenCommand(command) if command else None
    headers, query = _headers(args.header), _query(args.query)
    if server == "azure":
        return Client.for_azure(
            args.url,
            api_version=args.api_version,
            api_key=args.api_key,
            token_provider=provider,
            default_headers=headers,
            default_query=query,
        )
    if server == "azure-agents":
        if provider is None:
            raise ValueError(
                "Azure AI Agents needs a token: --token-command CMD (or RUNSTEPS_TOKEN_COMMAND), for example "
                '"az account get-access-token --resource https://ai.azure.com --query accessToken -o tsv"'
            )
        return Client.for_azure_agents(
            args.url,
            token_provider=provider,
            api_version=args.api_version or "v1",
            default_headers=headers,
            default_query=query,
        )
    if args.api_version:
        query = {"api-version": args.api_version, **query}
    return Client(
        args.api_key, base_url=args.url, token_provider=provider, default_headers=headers, default_query=query
    )


def _headers(values: list[str] | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    for value in values or []:
        name, sep, text = value.partition(":")
        if not sep or not name.strip():
            raise ValueError(f"--header must look like 'Name: value', got {value[:60]!r}")
        headers[name.strip()] = text.strip()
    return headers


def _query(values: list[str] | None) -> dict[str, str]:
    query: dict[str, str] = {}
    for value in values or []:
        name, sep, text = value.partition("=")
        if not sep or not name:
            raise ValueError(f"--query must look like 'name=value', got {value[:60]!r}")
        query[name] = text
    return query
