"""Client settings, and how each server family wants to be reached (from arguments and the environment).

`Config` is plain data. Its smart constructors do the work: read the environment as each family's
official client does, choose the base URL, the credential and the headers, and refuse what cannot
work (a URL with a query, a key a header cannot carry) before anything is sent.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from runsteps._credentials import (
    ApiKey,
    AsyncTokenProvider,
    Credential,
    Tokens,
    check_header_name,
    check_header_value,
    check_provider,
    check_secret,
)
from runsteps._validation import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    check_retries,
    check_size,
    check_timeout,
    check_url,
    check_verify,
    warn_plain_http,
)
from runsteps._version import __version__

Family = Literal["openai", "azure", "azure-v1", "azure-agents"]

CONNECT_TIMEOUT = 10.0  # of which connecting may take at most this long
AZURE_AGENTS_API_VERSION = "v1"
USER_AGENT = f"runsteps/{__version__}"

# What a header value may hold: visible ASCII and inner spaces. A key read from a file with its
# newline, or pasted with a tab, would break the request (and h11 would quote it in its error).


class MissingSetting(ValueError):
    """A setting that neither the arguments nor the environment give: `what` it is, the `argument`
    that takes it and the environment `variables` that could hold it, so that the command line can
    say the same in its own words (its flags)."""

    def __init__(self, what: str, argument: str, variables: tuple[str, ...], hint: str = "") -> None:
        self.what, self.argument, self.variables, self.hint = what, argument, variables, hint
        where = f"pass {argument}=..." + (f" or set {' or '.join(variables)}" if variables else "")
        super().__init__(f"{what} is required: {where}{hint}")

    def __reduce__(self) -> Any:
        return type(self), (self.what, self.argument, self.variables, self.hint)


@attrs.frozen(repr=False)
class Config:
    """Resolved settings of a client. Build one with a smart constructor; the key is never in a repr."""

    base_url: str
    family: Family
    credential: Credential
    headers: Mapping[str, str]  # sent with every request, besides the credential
    query: Mapping[str, str]  # added to every request, pages included (Azure's api-version)
    timeout: float = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    ssl_context: ssl.SSLContext | None = None  # from `verify=`; None: the transports' default

    def __repr__(self) -> str:
        return f"Config(family={self.family!r}, base_url={self.base_url!r}, timeout={self.timeout}, max_retries={self.max_retries})"

    @property
    def connect_timeout(self) -> float:
        return min(CONNECT_TIMEOUT, self.timeout)

    # ---- smart constructors ----

    @classmethod
    def openai(
        cls,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        token_provider: AsyncTokenProvider | None = None,
        organization: str | None = None,
        project: str | None = None,
        environ: Mapping[str, str] = os.environ,
        **options: Any,
    ) -> Config:
        """OpenAI-compatible servers: `OPENAI_API_KEY`, `OPENAI_BASE_URL` (no default: api.openai.com,
        the old one, no longer serves this API), a bearer key."""
        url = base_url if base_url is not None else environ.get("OPENAI_BASE_URL")
        if not url:
            raise MissingSetting(
                "a base URL",
                "base_url",
                ("OPENAI_BASE_URL",),
                " (api.openai.com no longer serves this API, so there is no default; for Azure, "
                "use Client.for_azure or Client.for_azure_agents)",
            )
        credential: Credential
        if token_provider is not None:
            credential = Tokens(check_provider(token_provider))
        else:
            key = api_key if api_key is not None else environ.get("OPENAI_API_KEY")
            if not key and not _caller_authenticates(options):
                raise MissingSetting("an API key", "api_key", ("OPENAI_API_KEY",), " (or pass token_provider=...)")
            credential = ApiKey(check_secret("api_key", key), "Authorization") if key else None
        headers = {"OpenAI-Beta": "assistants=v2"}
        if organization:
            headers["OpenAI-Organization"] = organization
        if project:
            headers["OpenAI-Project"] = project
        return cls._build("openai", url, "base_url", credential, headers, {}, options)

    @classmethod
    def azure(
        cls,
        endpoint: str | None = None,
        *,
        api_version: str | None = None,
        api_key: str | None = None,
        token_provider: AsyncTokenProvider | None = None,
        environ: Mapping[str, str] = os.environ,
        **options: Any,
    ) -> Config:
        """Azure OpenAI, as openai's `AzureOpenAI` reaches it.

        `{endpoint}/openai/threads/...` with `?api-version=` on every request (classic), or an endpoint
        ending in `/openai/v1` (the v1 surface, no api-version). A token (`token_provider`, else
        `AZURE_OPENAI_AD_TOKEN`) is sent as `Authorization: Bearer`, a key (`AZURE_OPENAI_API_KEY`) as
        `api-key` (on the v1 surface as `Authorization: Bearer`, as the OpenAI client does there); an
        explicit argument wins over the environment, and a token over a key.
        """
        raw = endpoint if endpoint is not None else environ.get("AZURE_OPENAI_ENDPOINT")
        if not raw:
            raise MissingSetting("the endpoint", "endpoint", ("AZURE_OPENAI_ENDPOINT",))
        url = check_url("endpoint", raw)
        v1 = url.endswith("/openai/v1")
        base = url if v1 or url.endswith("/openai") else url + "/openai"
        version = api_version if api_version is not None or v1 else environ.get("OPENAI_API_VERSION")
        if not v1 and not version:
            raise MissingSetting(
                "an api-version",
                "api_version",
                ("OPENAI_API_VERSION",),
                " (or use the v1 surface, an endpoint ending in /openai/v1)",
            )
        # The v1 surface takes a key as a bearer token, as the OpenAI client Azure documents for it sends it.
        key_header: Literal["Authorization", "api-key"] = "Authorization" if v1 else "api-key"
        credential: Credential
        if token_provider is not None:
            credential = Tokens(check_provider(token_provider))
        elif api_key is not None:
            credential = ApiKey(check_secret("api_key", api_key), key_header)
        elif environ.get("AZURE_OPENAI_AD_TOKEN"):
            token = check_secret("AZURE_OPENAI_AD_TOKEN", environ["AZURE_OPENAI_AD_TOKEN"])
            credential = ApiKey(token, "Authorization")
        elif environ.get("AZURE_OPENAI_API_KEY"):
            credential = ApiKey(check_secret("AZURE_OPENAI_API_KEY", environ["AZURE_OPENAI_API_KEY"]), key_header)
        elif _caller_authenticates(options):
            credential = None
        else:
            raise MissingSetting(
                "a key or token",
                "api_key",
                ("AZURE_OPENAI_API_KEY", "AZURE_OPENAI_AD_TOKEN"),
                " (or pass token_provider=...)",
            )
        query = {"api-version": version} if version else {}
        family: Family = "azure-v1" if v1 else "azure"
        return cls._build(family, base, "endpoint", credential, {"OpenAI-Beta": "assistants=v2"}, query, options)

    @classmethod
    def azure_agents(
        cls,
        endpoint: str | None = None,
        *,
        token_provider: AsyncTokenProvider | None = None,
        api_version: str = AZURE_AGENTS_API_VERSION,
        environ: Mapping[str, str] = os.environ,
        **options: Any,
    ) -> Config:
        """Azure AI Agents, as azure-ai-agents' `AgentsClient` reaches it: the project endpoint
        (`PROJECT_ENDPOINT`), `?api-version=`, an Entra ID bearer token, no `OpenAI-Beta`."""
        raw = endpoint if endpoint is not None else environ.get("PROJECT_ENDPOINT")
        if not raw:
            raise MissingSetting("the project endpoint", "endpoint", ("PROJECT_ENDPOINT",))
        if not isinstance(api_version, str) or not api_version:
            raise ValueError(f"api_version must be a non-empty string, got {api_version!r}")
        credential: Credential
        if token_provider is not None:
            credential = Tokens(check_provider(token_provider))
        elif _caller_authenticates(options):
            credential = None
        else:
            raise MissingSetting(
                "a token",
                "token_provider",
                (),
                " for Azure AI Agents, e.g. azure.identity.get_bearer_token_provider(DefaultAzureCredential(), "
                '"https://ai.azure.com/.default")',
            )
        return cls._build("azure-agents", raw, "endpoint", credential, {}, {"api-version": api_version}, options)

    @classmethod
    def _build(
        cls,
        family: Family,
        url: str,
        url_name: str,
        credential: Credential,
        headers: dict[str, str],
        query: dict[str, str],
        options: dict[str, Any],
    ) -> Config:
        unknown = set(options) - {"timeout", "max_retries", "default_headers", "default_query", "max_response_bytes"}
        unknown -= {"http_client", "verify"}
        if unknown:
            raise TypeError(f"unexpected arguments: {', '.join(sorted(unknown))}")
        ssl_context = check_verify(options.get("verify", True))
        if ssl_context is not None and options.get("http_client") is not None:
            raise ValueError("verify= applies to the HTTP client runsteps makes: set it on your http_client instead")
        base = check_url(url_name, url)
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **headers}
        for name, value in (options.get("default_headers") or {}).items():
            headers[check_header_name(name)] = check_header_value(name, value)
        for name, value in (options.get("default_query") or {}).items():
            if not isinstance(name, str) or not isinstance(value, str):
                raise ValueError(f"default_query must map strings to strings, got {name!r}: {type(value).__name__}")
            query[name] = value
        if credential is not None and base.startswith("http://"):
            warn_plain_http(base)
        return cls(
            base_url=base,
            family=family,
            credential=credential,
            headers=headers,
            query=query,
            timeout=check_timeout(options.get("timeout"), DEFAULT_TIMEOUT),
            max_retries=check_retries(options.get("max_retries", DEFAULT_MAX_RETRIES)),
            max_response_bytes=check_size(options.get("max_response_bytes", DEFAULT_MAX_RESPONSE_BYTES)),
            ssl_context=ssl_context,
        )

    def with_options(self, *, timeout: float | None = None, max_retries: int | None = None) -> Config:
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["timeout"] = check_timeout(timeout, DEFAULT_TIMEOUT)
        if max_retries is not None:
            changes["max_retries"] = check_retries(max_retries)
        return attrs.evolve(self, **changes)


# ---- checks: each failure a ValueError naming the argument, never showing a secret ----


def _caller_authenticates(options: Mapping[str, Any]) -> bool:
    """Whether the caller brings their own authentication (their httpx client, or an auth header)."""
    headers = {str(k).lower() for k in (options.get("default_headers") or {})}
    return options.get("http_client") is not None or bool(headers & {"authorization", "api-key"})
