"""The names of flavours, faults and the token route: plain literals, so the command line's help and
the token command load nothing else."""

from __future__ import annotations

from typing import Literal, get_args

Flavour = Literal["openai", "azure", "azure-v1", "azure-agents", "compat", "spec"]
FLAVOURS: tuple[Flavour, ...] = get_args(Flavour)

Fault = Literal["429", "429-ms", "500", "502-html", "503", "cut", "slow", "empty-more"]
FAULTS: tuple[Fault, ...] = get_args(Fault)

ActionFault = Literal["none", "lost-answer", "late-answer", "drop-before", "refuse-503", "proxy-503"]
ACTION_FAULTS: tuple[ActionFault, ...] = get_args(ActionFault)

StreamFault = Literal["none", "drop", "stall", "error", "out-of-order", "duplicate", "multiline"]
STREAM_FAULTS: tuple[StreamFault, ...] = get_args(StreamFault)

# Where the emulator hands out a fresh bearer token (for `python -m runsteps.emulator.token`).
TOKEN_PATH = "/_emulator/token"
