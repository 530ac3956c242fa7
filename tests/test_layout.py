"""The package's layout is what the README's design section says, and its layers import downward."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "client" / "runsteps"


def design_tree() -> list[str]:
    """The names the README's design section gives under `client/runsteps/`."""
    section = (ROOT / "README.md").read_text().split("## Design\n", 1)[1]
    tree = section.split("```text\n", 1)[1].split("```", 1)[0]
    lines = tree.split("client/runsteps/", 1)[1].splitlines()[1:]
    names: list[str] = []
    for line in lines:
        if not line.startswith("  ") or line.startswith("   "):
            if not line.startswith(" "):
                break  # the next top-level entry
            continue  # a continuation of the description
        names += re.findall(r"[\w.]+/?", line.split("  ", 2)[1].split("   ")[0])
    return names


def test_the_readme_design_tree_names_every_module_and_package_at_the_root_and_nothing_else() -> None:
    named = set(design_tree())
    present = {p.name + "/" if p.is_dir() else p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"}
    present -= {"py.typed", "__main__.py", "_version.py"}
    assert named == present


def test_at_most_fourteen_modules_stand_at_the_package_root() -> None:
    assert len(list(PACKAGE.glob("*.py"))) <= 14


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_core_never_imports_the_emulator_or_the_command_line() -> None:
    core = [
        p
        for p in PACKAGE.rglob("*.py")
        if not {"emulator", "_cli", "_generated", "__pycache__", "__main__.py"} & set(p.relative_to(PACKAGE).parts)
    ]
    assert len(core) > 20
    for path in core:
        wrong = {m for m in imports_of(path) if m.startswith(("runsteps.emulator", "runsteps._cli"))}
        assert not wrong, f"{path.relative_to(PACKAGE)} imports {wrong}"


def test_plans_do_no_io_they_import_no_client_transport_or_event_loop() -> None:
    for path in (PACKAGE / "_plans").glob("*.py"):
        wrong = {
            m
            for m in imports_of(path)
            if m.startswith(("runsteps._io", "runsteps._sync", "runsteps._async", "asyncio", "socket"))
        }
        assert not wrong, f"_plans/{path.name} imports {wrong}"


def test_no_test_sets_a_private_attribute_of_a_client() -> None:
    for path in Path(__file__).parent.glob("*.py"):
        assert not re.search(r"\b\w+\._(clock|sleep|http|config)\s*=", path.read_text()), path.name


NAMING_THE_CLIENTS = """
import sys, runsteps
runsteps.Client, runsteps.AsyncClient
print(" ".join(m for m in sys.modules if m.startswith(("runsteps.", "attr", "h11"))))
"""


def test_naming_the_clients_loads_httpx_and_nothing_heavier() -> None:
    # A program that only names the clients (annotations, isinstance, a command's --help) pays for httpx,
    # not for attrs, h11, the settings, the plans or the models: those load with the first client made.
    loaded = subprocess.run(
        [sys.executable, "-c", NAMING_THE_CLIENTS], capture_output=True, text=True, check=True
    ).stdout.split()
    allowed = {"runsteps._version", "runsteps._validation"} | {
        f"runsteps.{side}{module}" for side in ("_sync", "_async") for module in ("", ".client")
    }
    assert "runsteps._sync.client" in loaded
    assert set(loaded) <= allowed, sorted(set(loaded) - allowed)
