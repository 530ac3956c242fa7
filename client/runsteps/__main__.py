"""The `runsteps` command line (also `python -m runsteps`)."""

from runsteps._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
