"""Hypothesis runs the same examples on every machine (`derandomize`): a failure in CI replays
locally, and CI never fails on an example no one else can see. To explore further, run pytest with
`--hypothesis-profile=explore`."""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=2000)
settings.load_profile("ci")

# The emulator's fixture, as users load it: `pytest_plugins = ["runsteps.emulator.pytest_plugin"]`.
pytest_plugins = ["runsteps.emulator.pytest_plugin"]
