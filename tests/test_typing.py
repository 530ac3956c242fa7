"""Typed for editors: a user's script using every public call and model field passes `mypy --strict`
and pyright in strict mode (and runs), while misuses a type-checker should catch are caught."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from runsteps.emulator import Emulator, ManualClock
from runsteps.emulator.demo_script import add_demo_runs

HERE = Path(__file__).resolve().parent / "typing"
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent


MISUSES = ["rejected_order", "rejected_status", "rejected_include"]


@pytest.mark.parametrize("tool", ["mypy", "pyright"])
def test_the_users_script_passes_strict_checking_and_each_misuse_is_rejected(tool: str) -> None:
    # One run over every script: the package is checked once, not once a script. mypy keeps its cache
    # in this Python's environment (it re-checks whatever changed), so a second run takes a second, not eight.
    cache = Path(sys.prefix) / ".mypy-cache-user-script"
    mypy = [str(BIN / "mypy"), "--strict", "--cache-dir", str(cache)]
    command = mypy if tool == "mypy" else [str(BIN / "pyright")]
    paths = [str(HERE / f"{name}.py") for name in ["user_script", *MISUSES]]
    done = subprocess.run([*command, *paths], capture_output=True, text=True, cwd=ROOT, timeout=300)
    errors = [line for line in done.stdout.splitlines() if ": error:" in line or " - error:" in line]
    assert done.returncode != 0, done.stdout + done.stderr
    assert [line for line in errors if "user_script.py:" in line] == [], done.stdout
    for misuse in MISUSES:
        assert any(f"{misuse}.py:" in line for line in errors), f"{tool} let {misuse}.py through:\n{done.stdout}"


def test_the_script_runs_against_the_emulator(tmp_path: Path) -> None:
    with Emulator(clock=ManualClock(t=100)) as emu:
        add_demo_runs(emu)
        done = subprocess.run(
            [sys.executable, str(HERE / "user_script.py"), emu.base_url, emu.api_key],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 40  # lines the script made of what it read
