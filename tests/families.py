"""Reaching an emulator of any flavour the way its family wants: raw httpx, runsteps, the official clients."""

from __future__ import annotations

import functools
import ssl
from typing import Any

import httpx

import runsteps
from runsteps.emulator import Emulator


def raw_headers(emu: Emulator) -> dict[str, str]:
    """Headers a request needs to be let in: the flavour's credential, and `OpenAI-Beta` where required."""
    spec = emu.spec
    headers = {"OpenAI-Beta": "assistants=v2"} if spec.beta_required else {}
    if "bearer-key" in spec.accepts:
        headers["Authorization"] = f"Bearer {emu.api_key}"
    elif "api-key" in spec.accepts:
        headers["api-key"] = emu.api_key
    else:
        headers["Authorization"] = f"Bearer {emu.mint_token()}"
    return headers


def trusting(emu: Emulator) -> dict[str, Any]:
    """`verify=` for a client of this emulator: its CA when it serves HTTPS."""
    return {"verify": emu.ca_file} if emu.origin.startswith("https:") else {}


@functools.cache
def system_trust() -> ssl.SSLContext:
    """httpx's default `verify=True`, made once: each bare client would load the system's CAs again
    (50 ms of CPU), for emulators that speak plain HTTP."""
    return ssl.create_default_context()


def raw_client(emu: Emulator) -> httpx.Client:
    """A bare httpx client at the flavour's base URL, with what the flavour requires on every request."""
    params = {"api-version": emu.api_version} if emu.api_version else {}
    verify = ssl.create_default_context(cafile=emu.ca_file) if trusting(emu) else system_trust()
    return httpx.Client(base_url=emu.base_url, headers=raw_headers(emu), params=params, verify=verify)


def client_for(emu: Emulator, cls: Any = runsteps.Client, **options: Any) -> Any:
    """A runsteps Client (or AsyncClient) for the emulator's family, built as a user of that family would."""
    family = emu.flavour
    options = {**trusting(emu), **options}
    if family in ("azure", "azure-v1"):
        return cls.for_azure(emu.endpoint, api_key=emu.api_key, api_version=emu.api_version, **options)
    if family == "azure-agents":
        return cls.for_azure_agents(emu.endpoint, token_provider=emu.token_provider, **options)
    return cls(api_key=emu.api_key, base_url=emu.base_url, **options)


def environment_for(emu: Emulator, token_command: str) -> dict[str, str]:
    """What a shell exports to reach the emulator with the `runsteps` command (and nothing else)."""
    return emu.environment(token_command)


AZURE_VERSION = "2025-04-01-preview"


def official(emu: Emulator, how: str) -> Any:
    """The official client a user of the family would build: `OpenAI`, `AzureOpenAI key` or `token`, `AgentsClient`."""
    import openai
    from azure.ai.agents import AgentsClient

    if how == "OpenAI":
        return openai.OpenAI(base_url=emu.base_url, api_key=emu.api_key)
    if how == "AzureOpenAI key":
        return openai.AzureOpenAI(azure_endpoint=emu.endpoint, api_key=emu.api_key, api_version=AZURE_VERSION)
    if how == "AzureOpenAI token":
        return openai.AzureOpenAI(
            azure_endpoint=emu.endpoint, azure_ad_token_provider=emu.token_provider, api_version=AZURE_VERSION
        )
    # Over HTTPS, as azure-core insists for bearer tokens: trusting the emulator's CA is all it takes.
    return AgentsClient(endpoint=emu.endpoint, credential=emu.credential, connection_verify=emu.ca_file)
