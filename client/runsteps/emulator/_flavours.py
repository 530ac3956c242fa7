"""What differs between server families, as data: one row per flavour, read by the routes and renderers.

Nothing else in the emulator asks which flavour it is; it asks the row what to do.
"""

from __future__ import annotations

from typing import Literal

import attrs

from runsteps.emulator._names import FLAVOURS, Flavour

Auth = Literal["bearer-key", "api-key", "bearer-token"]
ErrorShape = Literal["openai", "azure", "gateway"]

AZURE_API_VERSIONS = (
    "2024-02-15-preview",
    "2024-05-01-preview",
    "2024-07-01-preview",
    "2024-08-01-preview",
    "2024-09-01-preview",
    "2024-10-01-preview",
    "2024-10-21",
    "2024-12-01-preview",
    "2025-01-01-preview",
    "2025-03-01-preview",
    "2025-04-01-preview",
)
AGENTS_API_VERSIONS = ("v1", "2025-05-01", "2025-05-15-preview")
PROJECT = "emulator"  # the Azure AI Agents project name the emulator serves


@attrs.frozen
class FlavourSpec:
    """How one server family routes, authenticates, answers errors and shapes its payloads."""

    name: Flavour
    prefix: str  # the path every route lives under
    accepts: frozenset[Auth]
    api_versions: tuple[str, ...] | None  # None: api-version is not read at all
    api_version_required: bool
    beta_required: bool  # requests without `OpenAI-Beta: assistants=v2` are refused
    request_id_headers: tuple[str, ...]
    error_shape: ErrorShape  # of ordinary errors
    auth_error_shape: ErrorShape  # of a refused credential
    poll_hint: bool  # sends `openai-poll-after-ms` for moving objects
    # payloads
    step_expiry: tuple[str, ...]  # `expires_at` (api.openai.com), `expired_at` (upstream, Azure), or both
    metadata: bool  # steps and runs carry `metadata: {}`
    usage: Literal["details", "plain", "absent", "empty"]  # of a finished step
    code_outputs: bool  # code-interpreter calls carry their outputs (Azure completes them with none)
    timestamp_scale: int  # 1000: milliseconds
    missing_timestamp: int | None  # what stands for "no timestamp" (-1 on some compatible servers)
    empty_strings: bool  # `assistant_id: ""`, and an empty `last_error` on steps that did not fail
    run_extras: bool  # runs carry `parallel_tool_calls` (older servers do not)
    list_shape: Literal["openai", "agents"]  # agents: `{"data", "last_id", "has_more"}`
    export: tuple[tuple[str, str], ...]  # the environment a shell needs, `{url}` `{endpoint}` `{key}` filled in


FLAVOUR_TABLE: dict[Flavour, FlavourSpec] = {
    spec.name: spec
    for spec in (
        FlavourSpec(
            name="openai",
            prefix="/v1",
            accepts=frozenset({"bearer-key", "bearer-token"}),
            api_versions=None,
            api_version_required=False,
            beta_required=True,
            request_id_headers=("x-request-id",),
            error_shape="openai",
            auth_error_shape="openai",
            poll_hint=True,
            step_expiry=("expires_at",),
            metadata=False,
            usage="details",
            code_outputs=True,
            timestamp_scale=1,
            missing_timestamp=None,
            empty_strings=False,
            run_extras=True,
            list_shape="openai",
            export=(("OPENAI_BASE_URL", "{url}"), ("OPENAI_API_KEY", "{key}")),
        ),
        FlavourSpec(
            name="azure",
            prefix="/openai",
            accepts=frozenset({"api-key", "bearer-token"}),
            api_versions=AZURE_API_VERSIONS,
            api_version_required=True,
            beta_required=False,
            request_id_headers=("apim-request-id", "x-ms-request-id"),
            error_shape="azure",
            auth_error_shape="azure",
            poll_hint=False,
            step_expiry=("expired_at",),
            metadata=True,
            usage="absent",
            code_outputs=False,
            timestamp_scale=1,
            missing_timestamp=None,
            empty_strings=False,
            run_extras=True,
            list_shape="openai",
            export=(
                ("RUNSTEPS_SERVER", "azure"),
                ("AZURE_OPENAI_ENDPOINT", "{endpoint}"),
                ("AZURE_OPENAI_API_KEY", "{key}"),
                ("OPENAI_API_VERSION", AZURE_API_VERSIONS[-1]),
            ),
        ),
        FlavourSpec(
            name="azure-v1",
            prefix="/openai/v1",
            accepts=frozenset({"bearer-key", "api-key", "bearer-token"}),
            api_versions=("v1", "preview"),
            api_version_required=False,
            beta_required=False,
            request_id_headers=("apim-request-id", "x-ms-request-id"),
            error_shape="azure",
            auth_error_shape="azure",
            poll_hint=False,
            step_expiry=("expired_at",),
            metadata=True,
            usage="absent",
            code_outputs=False,
            timestamp_scale=1,
            missing_timestamp=None,
            empty_strings=False,
            run_extras=True,
            list_shape="openai",
            export=(
                ("RUNSTEPS_SERVER", "azure"),
                ("AZURE_OPENAI_ENDPOINT", "{endpoint}"),
                ("AZURE_OPENAI_API_KEY", "{key}"),
            ),
        ),
        FlavourSpec(
            name="azure-agents",
            prefix=f"/api/projects/{PROJECT}",
            accepts=frozenset({"bearer-token"}),
            api_versions=AGENTS_API_VERSIONS,
            api_version_required=True,
            beta_required=False,
            request_id_headers=("apim-request-id", "x-ms-request-id"),
            error_shape="azure",
            auth_error_shape="gateway",
            poll_hint=False,
            step_expiry=("expired_at",),
            metadata=True,
            usage="plain",
            code_outputs=True,
            timestamp_scale=1,
            missing_timestamp=None,
            empty_strings=False,
            run_extras=True,
            list_shape="agents",
            export=(
                ("RUNSTEPS_SERVER", "azure-agents"),
                ("PROJECT_ENDPOINT", "{endpoint}"),
                ("RUNSTEPS_TOKEN_COMMAND", "{token_command}"),
            ),
        ),
        FlavourSpec(
            name="compat",
            prefix="/v1",
            accepts=frozenset({"bearer-key", "bearer-token"}),
            api_versions=None,
            api_version_required=False,
            beta_required=False,
            request_id_headers=("x-request-id",),
            error_shape="openai",
            auth_error_shape="openai",
            poll_hint=False,
            step_expiry=("expires_at",),
            metadata=False,
            usage="empty",
            code_outputs=True,
            timestamp_scale=1000,
            missing_timestamp=-1,
            empty_strings=True,
            run_extras=False,
            list_shape="openai",
            export=(("OPENAI_BASE_URL", "{url}"), ("OPENAI_API_KEY", "{key}")),
        ),
        FlavourSpec(
            name="spec",
            prefix="/v1",
            accepts=frozenset({"bearer-key", "bearer-token"}),
            api_versions=None,
            api_version_required=False,
            beta_required=True,
            request_id_headers=("x-request-id",),
            error_shape="openai",
            auth_error_shape="openai",
            poll_hint=True,
            step_expiry=("expired_at",),
            metadata=True,
            usage="plain",
            code_outputs=True,
            timestamp_scale=1,
            missing_timestamp=None,
            empty_strings=False,
            run_extras=True,
            list_shape="openai",
            export=(("OPENAI_BASE_URL", "{url}"), ("OPENAI_API_KEY", "{key}")),
        ),
    )
}
assert tuple(FLAVOUR_TABLE) == FLAVOURS, "every flavour has its row, in order"
