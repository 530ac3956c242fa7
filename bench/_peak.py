"""`python -m bench._peak ARGS`: the `runsteps` command with ARGS, run in this process, then this
process's peak resident memory in KiB on the last line of stdout."""

from __future__ import annotations

import sys

from runsteps._cli import main

from ._measure import peak_rss_kib

if __name__ == "__main__":
    code = main(sys.argv[1:])
    print(peak_rss_kib(), flush=True)
    sys.exit(code)
