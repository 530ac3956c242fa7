"""Print a fresh bearer token from a running emulator: a `--token-command` for shells and scripts.

python -m runsteps.emulator.token http://127.0.0.1:8765
"""

from __future__ import annotations

import json
import sys
import urllib.request

from runsteps.emulator._names import TOKEN_PATH


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m runsteps.emulator.token ORIGIN (the emulator's http://host:port)", file=sys.stderr)
        return 2
    origin = args[0].rstrip("/")
    try:
        with urllib.request.urlopen(origin + TOKEN_PATH, timeout=10) as answer:
            print(json.loads(answer.read())["token"])
    except (OSError, ValueError, KeyError) as exc:
        print(f"runsteps emulator token: cannot get a token from {origin}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
