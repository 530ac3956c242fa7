"""A pytest fixture for users' own tests: `runsteps_emulator`, a running Emulator on a free port.

Load it in your `conftest.py` with `pytest_plugins = ["runsteps.emulator.pytest_plugin"]` (it is not
registered as an entry point, so it never loads into test suites that did not ask for it).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from runsteps.emulator._server import Emulator


@pytest.fixture
def runsteps_emulator() -> Iterator[Emulator]:
    """A running emulator with a manual clock; script runs with `add_run`, move time with `clock.advance`."""
    with Emulator() as emulator:
        yield emulator
