"""`make bench`: every benchmark in one run, each figure beside its baseline or peer from the same run,
and whether its goal is met. `python bench/run.py concurrency listing` runs only the sections named;
a full run also writes the README's performance table (dated) from its figures.

Before anything is timed, every package's bytecode is compiled, and the child processes may use and
write it whatever `PYTHONDONTWRITEBYTECODE` says: start-up figures count imports, not compiling.
"""

from __future__ import annotations

import compileall
import datetime
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import (  # noqa: E402
    _report,
    archive,
    concurrency,
    emulator_paging,
    listing,
    migration,
    paging,
    parse,
    retrieve,
    startup,
    streaming,
)
from bench._measure import HEADLINES  # noqa: E402

SECTIONS = {
    "startup": startup,
    "parse": parse,
    "listing": listing,
    "paging": paging,
    "retrieve": retrieve,
    "concurrency": concurrency,
    "emulator": emulator_paging,
    "archive": archive,
    "migration": migration,
    "streaming": streaming,
}


def compile_everything() -> None:
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    for entry in [str(ROOT / "client"), *sys.path]:
        if entry.endswith(("site-packages", "client")) and Path(entry).is_dir():
            compileall.compile_dir(entry, quiet=2, workers=0)


def main(names: list[str]) -> None:
    import azure.ai.agents
    import openai

    import runsteps

    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        sys.exit(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    compile_everything()
    machine = (
        f"runsteps {runsteps.__version__}, openai {openai.__version__}, azure-ai-agents {azure.ai.agents.__version__}, "
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    )
    print(machine)
    print("Compare the ratios, not the absolute times, across machines.\n")
    for name in names or SECTIONS:
        started = time.perf_counter()
        print(SECTIONS[name].run())
        print(f"({name}: {time.perf_counter() - started:.0f} s)\n", flush=True)
    table = _report.markdown(HEADLINES, f"Measured by `make bench` on {datetime.date.today().isoformat()}: {machine}.")
    print(table)
    if not names:
        _report.write_into(ROOT / "README.md", table)
        print("\n(written into README.md)")


if __name__ == "__main__":
    main(sys.argv[1:])
