"""A CI gate: wait for a run to finish, then fail the job unless it completed with no failed step.

    python examples/wait_in_ci.py THREAD RUN --timeout 600

Uses OPENAI_API_KEY and OPENAI_BASE_URL. Exit 0 when the run completed and every step succeeded;
1 otherwise (the failed steps and their errors are printed); 124 when the timeout ran out.
"""

from __future__ import annotations

import argparse
import sys

import runsteps


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("thread")
    parser.add_argument("run")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait at most (default 600)")
    args = parser.parse_args()

    with runsteps.Client() as client:
        try:
            run = client.runs.wait(args.run, thread_id=args.thread, timeout=args.timeout)
        except runsteps.PollTimeoutError as exc:
            print(f"::error::run {args.run} still {exc.last.status} after {args.timeout:g}s")
            return 124
        failed = [s for s in client.steps.list(args.run, thread_id=args.thread, order="asc") if s.status != "completed"]
    for step in failed:
        error = step.last_error.message if step.last_error else "no error given"
        print(f"::error::step {step.id} {step.status}: {error}")
    print(f"run {args.run}: {run.status}, {len(failed)} steps not completed")
    return 0 if run.status == "completed" and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
