"""Write the sync public surface from the async one, or check that the committed one matches.

    python scripts/unasync.py            rewrite client/runsteps/_sync/ from client/runsteps/_async/
    python scripts/unasync.py --check    fail on any difference with what is committed

The async modules are the source: each line is rewritten by the substitutions below (as httpcore
writes its sync code), then formatted by the project's pinned ruff. What cannot be written this way
(how a body is read, how functions are called, how a token is awaited) lives in
runsteps._io.async_io / sync_io, which the two clients import under the same name.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "client/runsteps/_async"
TARGET = ROOT / "client/runsteps/_sync"
MODULES = (
    "__init__.py",
    "client.py",
    "performer.py",
    "resources.py",
    "steps.py",
    "runs.py",
    "messages.py",
    "threads.py",
    "iterators.py",
    "streams.py",
)

SUBSTITUTIONS = [
    (r"runsteps\._async\b", "runsteps._sync"),
    (r"\basync_io\b", "sync_io"),
    (r"\btransport\._async\b", "transport._sync"),
    (r"\bAsyncTransport\b", "SyncTransport"),
    (r"\b(\w+) \| Awaitable\[\1\]", r"\1"),
    (r"\basync def\b", "def"),
    (r"\basync (with|for)\b", r"\1"),
    (r"\bawait ", ""),
    (r"\b__a(enter|exit|iter|next)__\b", r"__\1__"),
    (r"\.aclose\(\)", ".close()"),
    (r"\bhttpx\.AsyncClient\b", "httpx.Client"),
    # Names: AsyncClient -> Client, AsyncIterator -> Iterator ...; `runsteps.AsyncClient` in prose stays.
    (r"(?<![.\w])Async([A-Z]\w*)", r"\1"),
]
HEADER = "# Generated from _async/{name} by scripts/unasync.py (make generate): edit that file, not this one.\n"


def unasync(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        for pattern, replacement in SUBSTITUTIONS:
            line = re.sub(pattern, replacement, line)
        lines.append(line)
    return "".join(lines)


def write(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in MODULES:
        text = unasync((SOURCE / name).read_text())
        (target / name).write_text(HEADER.format(name=name) + text if text else text)
    ruff = [sys.executable, "-m", "ruff"]
    files = [str(target / name) for name in MODULES]
    # The project's own ruff settings (pyproject.toml), pinned: the same source always gives the same bytes.
    config = ["--config", str(ROOT / "pyproject.toml")]
    subprocess.run([*ruff, "check", *config, "--fix-only", "--quiet", "--select", "F401,I", *files], check=True)
    subprocess.run([*ruff, "format", *config, "--quiet", *files], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not args.check:
        write(TARGET)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "_sync"
        write(fresh)
        stale = [name for name in MODULES if (fresh / name).read_bytes() != (TARGET / name).read_bytes()]
    if stale:
        print("the sync surface does not match its async source; run `make generate`:", file=sys.stderr)
        for name in stale:
            print(f"  differs: client/runsteps/_sync/{name}", file=sys.stderr)
        return 1
    print("the sync surface matches its async source")
    return 0


if __name__ == "__main__":
    sys.exit(main())
