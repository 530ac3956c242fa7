"""`make bench`: every benchmark in one run, each figure beside its baseline or peer from the same run,
and whether its goal is met. `python bench/run.py concurrency listing` runs only the sections named."""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import archive, concurrency, emulator_paging, listing, paging, parse, retrieve, startup

SECTIONS = {
    "startup": startup,
    "parse": parse,
    "listing": listing,
    "paging": paging,
    "retrieve": retrieve,
    "concurrency": concurrency,
    "emulator": emulator_paging,
    "archive": archive,
}


def main(names: list[str]) -> None:
    import os

    import openai

    import runsteps

    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        sys.exit(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    print(
        f"runsteps {runsteps.__version__}, openai {openai.__version__}, Python {platform.python_version()} "
        f"on {platform.machine()}, {os.cpu_count()} CPUs"
    )
    print("Compare the ratios, not the absolute times, across machines.\n")
    for name in names or SECTIONS:
        started = time.perf_counter()
        print(SECTIONS[name].run())
        print(f"({name}: {time.perf_counter() - started:.0f} s)\n", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
