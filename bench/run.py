"""`make bench`: every benchmark in one run, printed as figures and as ratios to baselines of the same run."""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import paging, parse, retrieve, watch


def main() -> None:
    import openai

    import runsteps

    print(
        f"runsteps {runsteps.__version__}, openai {openai.__version__}, Python {platform.python_version()} on {platform.machine()}"
    )
    print("Figures are medians; compare the ratios, not the absolute times, across machines.\n")
    for section in (parse, retrieve, paging, watch):
        started = time.perf_counter()
        print(section.run())
        print(f"({time.perf_counter() - started:.1f} s)\n")


if __name__ == "__main__":
    main()
