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


def check(tool: str, path: Path) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / "mypy"), "--strict", "--no-incremental"] if tool == "mypy" else [str(BIN / "pyright")]
    return subprocess.run([*command, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.mark.parametrize("tool", ["mypy", "pyright"])
def test_a_script_using_every_call_and_field_passes_strict_type_checking(tool: str) -> None:
    done = check(tool, HERE / "user_script.py")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("tool", ["mypy", "pyright"])
@pytest.mark.parametrize("script", ["rejected_order", "rejected_status", "rejected_include"])
def test_misuse_is_rejected(tool: str, script: str) -> None:
    done = check(tool, HERE / f"{script}.py")
    assert done.returncode != 0 and "error" in done.stdout, done.stdout + done.stderr


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
