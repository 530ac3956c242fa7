"""The pytest fixture users get with runsteps installed: a running emulator on a free port."""

from __future__ import annotations

import runsteps
from runsteps.emulator import Emulator


def test_runsteps_emulator_fixture_serves_scripted_runs(runsteps_emulator: Emulator) -> None:
    runsteps_emulator.add_completed_run("thread_1", "run_1", 3)
    with runsteps.Client(api_key=runsteps_emulator.api_key, base_url=runsteps_emulator.base_url) as client:
        assert [s.id for s in client.steps.list("run_1", thread_id="thread_1", order="asc")] == [
            "step_000000",
            "step_000001",
            "step_000002",
        ]
