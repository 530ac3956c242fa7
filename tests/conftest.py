"""Hypothesis runs the same examples on every machine (`derandomize`): a failure in CI replays
locally, and CI never fails on an example no one else can see. To explore further, run pytest with
`--hypothesis-profile=explore`."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest
from hypothesis import settings

from runsteps.emulator import Emulator
from runsteps.emulator.demo_script import add_demo_runs

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=2000)
settings.load_profile("ci")

# The emulator's fixture, as users load it: `pytest_plugins = ["runsteps.emulator.pytest_plugin"]`.
pytest_plugins = ["runsteps.emulator.pytest_plugin"]


def pytest_collection_finish() -> None:
    # The garbage collector took a tenth of the suite's CPU. What the imports and the collection made
    # lives to the end: frozen, no later collection walks it; and the tests' own objects are collected
    # every 10,000 allocations rather than every 700. Nothing here relies on when a collection runs
    # (the tests about cycles collect explicitly; memory is measured in processes of their own).
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


@pytest.fixture
def demo() -> Iterator[Callable[[str], Emulator]]:
    running: list[Emulator] = []

    def start(flavour: str) -> Emulator:
        # Azure AI Agents over HTTPS, as azure-core requires for its bearer tokens; the others over http.
        emu = Emulator(flavour=flavour, tls=flavour == "azure-agents").start()  # type: ignore[arg-type]
        add_demo_runs(emu)
        emu.clock.set(12)  # type: ignore[attr-defined]
        running.append(emu)
        return emu

    yield start
    for emu in running:
        emu.stop()
