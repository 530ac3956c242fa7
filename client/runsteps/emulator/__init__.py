"""A stateful run-steps server on loopback, for tests, the demo and users' own test suites.

Standard library and attrs only. Scripted runs move on a clock that a test controls (`ManualClock`)
or on real time (`RealClock`); flavours answer as each server family does (routes, credentials,
api-version, error bodies, request ids, payloads); faults are injected from a seed.
"""

from ._faults import FAULTS, Fault, FaultPlan
from ._flavours import FLAVOUR_TABLE, FLAVOURS, Flavour, FlavourSpec
from ._scenario import (
    Clock,
    ManualClock,
    RealClock,
    RunScript,
    StepScript,
    activities,
    azure_tool_call,
    code_interpreter_call,
    file_search_call,
    function_call,
    message_creation,
    tool_calls,
)
from ._server import Emulator, Request
from ._tokens import Credential, TokenProvider

__all__ = [
    "FAULTS",
    "FLAVOURS",
    "FLAVOUR_TABLE",
    "Clock",
    "Credential",
    "Emulator",
    "Fault",
    "FaultPlan",
    "Flavour",
    "FlavourSpec",
    "ManualClock",
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
    "tool_calls",
]
