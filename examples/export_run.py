"""Export every step of a run to a JSON lines file, resuming where an earlier export stopped.

    python examples/export_run.py THREAD RUN steps.jsonl

Uses OPENAI_API_KEY and OPENAI_BASE_URL. Each line is a step's `to_json()` (JSON-equal to what the
server sent; `runsteps export` keeps its bytes and key order too). If the file already has lines, the
export continues after the last one (the pager's cursor makes this safe: no step is lost or written
twice, even when an error stopped the previous export).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import runsteps


def last_exported_id(path: Path) -> str | None:
    if not path.exists():
        return None
    last = None
    with path.open() as lines:
        for line in lines:
            if line.strip():
                last = json.loads(line)["id"]
    return last


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("thread")
    parser.add_argument("run")
    parser.add_argument("out", type=Path)
    args = parser.parse_args()

    after = last_exported_id(args.out)
    written = 0
    with runsteps.Client() as client, args.out.open("a") as out:
        pager = client.steps.list(args.run, thread_id=args.thread, order="asc", limit=100, after=after)
        try:
            for step in pager:
                out.write(step.to_json() + "\n")
                written += 1
        except runsteps.RunStepsError as exc:
            out.flush()
            print(f"stopped after {pager.cursor or after}: {exc}; run again to resume", file=sys.stderr)
            return 1
    resumed = f" (resumed after {after})" if after else ""
    print(f"exported {written} steps to {args.out}{resumed}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
