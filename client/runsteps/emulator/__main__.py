"""python -m runsteps.emulator (also `runsteps emulator`): serve the demo runs on loopback until interrupted."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from typing import Any

from runsteps.emulator._faults import FaultPlan
from runsteps.emulator._options import add_arguments
from runsteps.emulator._scenario import RealClock
from runsteps.emulator._server import Emulator


def serve(args: argparse.Namespace) -> int:
    try:
        plan = FaultPlan(
            rate=args.fault_rate,
            mix=_listed(args.faults),
            seed=args.seed,
            actions=_listed(args.action_faults),
            streams=_listed(args.stream_faults),
        )
        if args.token_ttl <= 0:
            raise ValueError(f"--token-ttl must be positive, got {args.token_ttl}")
        if not 0 < args.speed < float("inf"):
            raise ValueError(f"--speed must be a positive number, got {args.speed}")
        options = {
            "clock": RealClock(speed=args.speed),
            "flavour": args.flavour,
            "api_key": args.api_key,
            "faults": plan,
            "host": args.host,
            "port": args.port,
            "token_ttl": args.token_ttl,
            "tls": args.tls,
        }
        emulator = Emulator.from_archive(args.archive, **options) if args.archive else Emulator(**options)
        emulator.start()
    except (ValueError, ImportError) as exc:
        print(f"runsteps emulator: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        what = f"read {args.archive}" if exc.filename else f"listen on {args.host}:{args.port}"
        print(f"runsteps emulator: cannot {what}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    # Stopped by a signal, it still stops as at the end of --duration: its CA file removed.
    signal.signal(signal.SIGTERM, _terminated)
    try:
        _serve(emulator, args)
    except KeyboardInterrupt:
        return INTERRUPTED
    except _Terminated:
        return TERMINATED
    return 0


def _serve(emulator: Emulator, args: argparse.Namespace) -> None:
    """Say where it serves, then serve until --duration ends (or forever); stopped on the way out."""
    from runsteps.emulator.demo_script import add_demo_runs

    with emulator:
        runs = [] if args.archive else add_demo_runs(emulator)
        if not args.quiet:
            token_command = f"{sys.executable} -m runsteps.emulator.token {emulator.origin}"
            exports = " ".join(f"{k}={_quoted(v)}" for k, v in emulator.environment(token_command).items())
            lines = [f"runsteps emulator ({args.flavour}) on {emulator.base_url}"]
            lines += [f"  thread {run.thread_id} run {run.id}: {_count(len(run.steps), 'step')}" for run in runs]
            if runs:
                lines.append(DEMO_CLOCK)
            if emulator.archive is not None:
                threads = emulator.archive.runs
                lines.append(
                    f"  {args.archive}: {_count(sum(len(r) for r in threads.values()), 'run')} in "
                    f"{_count(len(threads), 'thread')}"
                )
            lines.append(f"in a shell: export {exports}")
            print("\n".join(lines), file=sys.stderr)
        print(emulator.base_url, flush=True)
        deadline = None if args.duration is None else time.monotonic() + args.duration
        while deadline is None or time.monotonic() < deadline:
            time.sleep(0.1)


INTERRUPTED, TERMINATED = 130, 143  # as shells report Ctrl-C and SIGTERM


class _Terminated(Exception):
    pass


def _terminated(signum: int, frame: object) -> None:
    raise _Terminated


DEMO_CLOCK = (
    "  they play once, in real time from now: run_demo ends after about\n"
    "  10 s; run_tools waits at requires_action from 1 s until answered;\n"
    "  thread_acting holds run_to_cancel and run_to_answer to act on;\n"
    "  restart the emulator to replay them"
)


def _listed(text: str) -> list[Any]:
    """The names in a comma-separated option, as typed: FaultPlan says which it does not know."""
    return [name for name in text.split(",") if name]


def _count(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


def _quoted(value: str) -> str:
    return value if all(c.isalnum() or c in "/:._-" for c in value) else "'" + value.replace("'", "'\\''") + "'"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m runsteps.emulator", description=__doc__)
    add_arguments(parser)
    return serve(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
