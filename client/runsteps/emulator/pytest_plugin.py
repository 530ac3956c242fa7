"""A pytest fixture for users' own tests: `runsteps_emulator`, a running Emulator on a free port.

Loaded automatically by pytest when runsteps is installed (the `pytest11` entry point).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._server import Emulator


@pytest.fixture
def runsteps_emulator() -> Iterator[Emulator]:
    """A running emulator with a manual clock; script runs with `add_run`, move time with `clock.advance`."""
    with Emulator() as emulator:
        yield emulator
