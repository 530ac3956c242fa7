"""The emulator's command-line options (`runsteps emulator`, `python -m runsteps.emulator`)."""

from __future__ import annotations

import argparse

from runsteps.emulator._names import ACTION_FAULTS, FAULTS, FLAVOURS, STREAM_FAULTS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument(
        "--flavour",
        choices=FLAVOURS,
        default="openai",
        metavar="FLAVOUR",
        help=f"the server family to behave as: {', '.join(FLAVOURS)} (default openai)",
    )
    parser.add_argument(
        "--archive", metavar="FILE", help="serve a `runsteps export` file (read-only) instead of demo runs"
    )
    parser.add_argument("--api-key", default="sk-emulator", help="the key clients must send (default sk-emulator)")
    parser.add_argument("--token-ttl", type=float, default=3600.0, help="seconds a minted bearer token stays valid")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="share of faulty responses, 0..1")
    parser.add_argument("--faults", default=",".join(FAULTS), help=f"comma-separated mix of {','.join(FAULTS)}")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fault sequence")
    parser.add_argument(
        "--action-faults",
        default="",
        metavar="LIST",
        help=f"faults for the requests that act, one each, in order: {','.join(ACTION_FAULTS)}",
    )
    parser.add_argument(
        "--stream-faults",
        default="",
        metavar="LIST",
        help=f"faults for the answers sent as event streams, one each, in order: {','.join(STREAM_FAULTS)}",
    )
    parser.add_argument("--duration", type=float, default=None, help="stop after this many seconds")
    parser.add_argument(
        "--speed", type=float, default=1.0, help="play the scripted runs this many times as fast (default 1)"
    )
    parser.add_argument("--quiet", action="store_true", help="print only the base URL")
    parser.add_argument(
        "--tls",
        action="store_true",
        help="serve HTTPS, with a certificate from a CA made for this run (needs the tls extra)",
    )
