"""Generate the client from openapi.yaml, or check that the committed client matches it.

    python scripts/generate.py OUTPUT            rewrite OUTPUT from openapi.yaml
    python scripts/generate.py --check OUTPUT    generate into a temporary folder; fail on any difference

The generator and ruff come from the project's .venv (pinned in pyproject.toml); the post-hooks in
generator-config.yml run ruff isolated from any configuration, so output depends only on the inputs.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The generator always writes a client and its errors; the package sends requests itself, so they would
# ship unused.
UNUSED = ("client.py", "errors.py")


def generate(output: Path, spec: Path = ROOT / "openapi.yaml") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "_generated"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(spec),
                "--config",
                str(ROOT / "generator-config.yml"),
                "--custom-template-path",
                str(ROOT / "templates"),
                "--meta",
                "none",
                "--fail-on-warning",
                "--output-path",
                str(target),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            # The post-hooks must find the pinned ruff installed beside this interpreter.
            env={
                **os.environ,
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            },
        )
        for name in UNUSED:
            (target / name).unlink()
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(target, output, ignore=shutil.ignore_patterns("__pycache__"))


def differences(expected: Path, actual: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"only in regenerated: {prefix}{name}" for name in cmp.left_only)
        found.extend(f"only in committed: {prefix}{name}" for name in cmp.right_only)
        found.extend(f"differs: {prefix}{name}" for name in cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(expected, actual, ignore=["__pycache__"]), "")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not args.check:
        generate(args.output)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "_generated"
        generate(fresh)
        problems = differences(fresh, args.output)
    if problems:
        print("generated code does not match openapi.yaml; run `make generate`:", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    print("generated code matches openapi.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
