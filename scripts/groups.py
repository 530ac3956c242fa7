"""Print a dependency group of pyproject.toml (PEP 735), one requirement a line, included groups resolved.

    python scripts/groups.py dev > requirements.txt

For installers that do not read dependency groups themselves (pip before 25.1).
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def requirements(groups: dict[str, list[Any]], name: str) -> list[str]:
    found: list[str] = []
    for item in groups[name]:
        found += requirements(groups, item["include-group"]) if isinstance(item, dict) else [item]
    return found


if __name__ == "__main__":
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    print("\n".join(requirements(groups, sys.argv[1])))
