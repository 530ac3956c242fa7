"""A stateful run-steps server on loopback, for tests, the demo and users' own test suites.

Standard library and attrs only. Scripted runs move on a clock that a test controls (`ManualClock`)
or on real time (`RealClock`); flavours answer as each server family does (routes, credentials,
api-version, error bodies, request ids, payloads); faults are injected from a seed;
`Emulator.from_archive` serves a `runsteps export` file. Names are imported when first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from runsteps.emulator._faults import (
        FaultPlan,
    )
    from runsteps.emulator._flavours import (
        FLAVOUR_TABLE,
        FlavourSpec,
    )
    from runsteps.emulator._names import (
        FAULTS,
        FLAVOURS,
        Fault,
        Flavour,
    )
    from runsteps.emulator._scenario import (
        Clock,
        Continuation,
        ManualClock,
        Pause,
        RealClock,
        RunScript,
        StepScript,
        activities,
        azure_tool_call,
        code_interpreter_call,
        file_search_call,
        function_call,
        message_creation,
        required_function_call,
        required_mcp_call,
        tool_calls,
    )
    from runsteps.emulator._server import (
        Emulator,
        Request,
    )
    from runsteps.emulator._tokens import (
        Credential,
        TokenProvider,
    )

_WHERE = {
    "FaultPlan": "._faults",
    "FAULTS": "._names",
    "FLAVOURS": "._names",
    "Fault": "._names",
    "Flavour": "._names",
    "FLAVOUR_TABLE": "._flavours",
    "FlavourSpec": "._flavours",
    "Clock": "._scenario",
    "ManualClock": "._scenario",
    "Continuation": "._scenario",
    "Pause": "._scenario",
    "required_function_call": "._scenario",
    "required_mcp_call": "._scenario",
    "RealClock": "._scenario",
    "RunScript": "._scenario",
    "StepScript": "._scenario",
    "activities": "._scenario",
    "azure_tool_call": "._scenario",
    "code_interpreter_call": "._scenario",
    "file_search_call": "._scenario",
    "function_call": "._scenario",
    "message_creation": "._scenario",
    "tool_calls": "._scenario",
    "Emulator": "._server",
    "Request": "._server",
    "Credential": "._tokens",
    "TokenProvider": "._tokens",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "FAULTS",
    "FLAVOURS",
    "FLAVOUR_TABLE",
    "Clock",
    "Continuation",
    "Credential",
    "Emulator",
    "Fault",
    "FaultPlan",
    "Flavour",
    "FlavourSpec",
    "ManualClock",
    "Pause",
    "RealClock",
    "Request",
    "RunScript",
    "StepScript",
    "TokenProvider",
    "activities",
    "azure_tool_call",
    "code_interpreter_call",
    "file_search_call",
    "function_call",
    "message_creation",
    "required_function_call",
    "required_mcp_call",
    "tool_calls",
]
