"""The command line as the tests run it.

`run` calls `runsteps`' entry point in this process, with the arguments, environment and stdin given
and stdout and stderr captured: what a shell gives the program, without an interpreter's start-up
(half a second of CPU per call, most of the suite's time when every call was a process). Output is
not a terminal there, as in a pipe. Where the process itself is under test (exit by signal, a
closed pipe, a pty, Ctrl-C, `python -m runsteps`), tests start a real one.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence

from runsteps._cli import main
from runsteps.emulator import Emulator


def shell(**values: str) -> dict[str, str]:
    """A clean environment: nothing of this machine's OPENAI_* or AZURE_* settings leaks in."""
    return {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **values}


def reaching(emu: Emulator) -> dict[str, str]:
    """A clean environment that reaches `emu` as its banner says: its variables, and for bearer tokens
    the emulator's own token command."""
    token_command = f"{sys.executable} -m runsteps.emulator.token {emu.origin}"
    return shell(**emu.environment(token_command))


def run(
    args: Sequence[str], env: Mapping[str, str], *, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`runsteps ARGS` with exactly `env` as its environment; its exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    code: list[int] = []

    def call() -> None:
        try:
            code.append(main(list(args)))
        except SystemExit as exit_:  # argparse's usage errors and --help
            code.append(exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 1)

    saved = (dict(os.environ), sys.stdin, sys.stdout, sys.stderr)
    os.environ.clear()
    os.environ.update(env)
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin or ""), out, err
    try:
        # In a thread so that a hang fails this test instead of stopping the suite.
        worker = threading.Thread(target=call, name="runsteps-cli", daemon=True)
        worker.start()
        worker.join(timeout)
    finally:
        os.environ.clear()
        os.environ.update(saved[0])
        sys.stdin, sys.stdout, sys.stderr = saved[1:]
    if worker.is_alive():
        raise subprocess.TimeoutExpired(["runsteps", *args], timeout, out.getvalue(), err.getvalue())
    return subprocess.CompletedProcess(["runsteps", *args], code[0], out.getvalue(), err.getvalue())
