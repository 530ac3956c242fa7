"""Write the imports for type checkers and `__all__` of runsteps/__init__.py from its `_EXPORTS` table,
or check that they match it.

    python scripts/exports.py            rewrite the block between `# <exports>` and `# </exports>`
    python scripts/exports.py --check    fail if the block is not what the table gives
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path

INIT = Path(__file__).resolve().parent.parent / "client/runsteps/__init__.py"
START, END = "# <exports>\n", "# </exports>\n"


def table(source: str) -> dict[str, tuple[str, ...]]:
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "_EXPORTS":
            value = ast.literal_eval(node.value) if node.value is not None else {}
            return dict(value)
    raise SystemExit(f"{INIT}: no _EXPORTS table")


def block(exports: dict[str, tuple[str, ...]]) -> str:
    lines = [START, "if TYPE_CHECKING:\n"]
    for module, names in exports.items():
        lines.append(f"    from {module} import (\n")
        lines.extend(f"        {name} as {name},\n" for name in names)
        lines.append("    )\n")
    every = sorted({name for names in exports.values() for name in names} | {"__version__"})
    lines.append("\n__all__ = [\n")
    lines.extend(f'    "{name}",\n' for name in every)
    lines.append("]\n")
    lines.append(END)
    return "".join(lines)


def written(source: str) -> str:
    """The module with its block written from its table, formatted by the project's pinned ruff."""
    before, rest = source.split(START, 1)
    _, after = rest.split(END, 1)
    text = before + block(table(source)) + after
    config = ["--config", str(INIT.parents[2] / "pyproject.toml"), "--stdin-filename", str(INIT)]
    for command in (["check", "--fix-only", "--select", "I", "--quiet"], ["format", "--quiet"]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *command, *config, "-"], input=text, capture_output=True, text=True
        )
        if done.returncode:
            raise SystemExit(done.stderr)
        text = done.stdout
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    source = INIT.read_text()
    expected = written(source)
    if not args.check:
        INIT.write_text(expected)
        return 0
    if expected != source:
        print("runsteps/__init__.py's exports do not match its _EXPORTS table; run `make generate`", file=sys.stderr)
        return 1
    print("runsteps/__init__.py's exports match its _EXPORTS table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
