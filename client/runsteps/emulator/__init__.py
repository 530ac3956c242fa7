"""A stateful run-steps server on loopback, for tests, the demo and users' own test suites.

Stdlib only. Scripted runs move on a clock that a test controls (`ManualClock`) or on real time
(`RealClock`); payloads come in the flavours of real servers; faults are injected from a seed.
"""

from ._faults import FAULTS, Fault, FaultPlan
from ._scenario import (
    FLAVOURS,
    Clock,
    Flavour,
    ManualClock,
    RealClock,
    RunScript,
    StepScript,
    code_interpreter_call,
    file_search_call,
    function_call,
    message_creation,
    tool_calls,
)
from ._server import Emulator

__all__ = [
    "FAULTS",
    "FLAVOURS",
    "Clock",
    "Emulator",
    "Fault",
    "FaultPlan",
    "Flavour",
    "ManualClock",
    "RealClock",
    "RunScript",
    "StepScript",
    "code_interpreter_call",
    "file_search_call",
    "function_call",
    "message_creation",
    "tool_calls",
]
