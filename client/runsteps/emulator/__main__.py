"""python -m runsteps.emulator: serve scripted demo runs on loopback until interrupted."""

from __future__ import annotations

import argparse
import sys
import time

from ._faults import FAULTS, FaultPlan
from ._scenario import FLAVOURS, RealClock
from ._server import Emulator


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--flavour", choices=FLAVOURS, default="openai", help="payload flavour (default openai)")
    parser.add_argument("--api-key", default="sk-emulator", help="the key clients must send (default sk-emulator)")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="share of faulty responses, 0..1")
    parser.add_argument("--faults", default=",".join(FAULTS), help=f"comma-separated mix of {','.join(FAULTS)}")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fault sequence")
    parser.add_argument("--duration", type=float, default=None, help="stop after this many seconds")


def serve(args: argparse.Namespace) -> int:
    from .demo_script import add_demo_runs

    plan = FaultPlan(rate=args.fault_rate, mix=[f for f in args.faults.split(",") if f], seed=args.seed)
    emulator = Emulator(
        clock=RealClock(), flavour=args.flavour, api_key=args.api_key, faults=plan, host=args.host, port=args.port
    )
    with emulator:
        runs = add_demo_runs(emulator)
        print(f"runsteps emulator on {emulator.base_url} (flavour {args.flavour})", file=sys.stderr)
        for run in runs:
            print(f"  thread {run.thread_id} run {run.id}: {len(run.steps)} steps", file=sys.stderr)
        print(emulator.base_url, flush=True)
        deadline = None if args.duration is None else time.monotonic() + args.duration
        try:
            while deadline is None or time.monotonic() < deadline:
                time.sleep(0.1)
        except KeyboardInterrupt:
            pass
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m runsteps.emulator", description=__doc__)
    add_arguments(parser)
    return serve(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
