"""Generate the client from openapi.yaml, or check that the committed client matches it.

    python scripts/generate.py OUTPUT            rewrite OUTPUT from openapi.yaml
    python scripts/generate.py --check OUTPUT    generate into a temporary folder; fail on any difference

The generator (openapi-python-client 0.29, pinned in pyproject.toml) runs as a library, so that its
templates get what scripts/fields.py works out about each field; only the templates in templates/
replace its own. Ruff comes from the project's .venv too: the post-hooks in generator-config.yml run
it isolated from any configuration, so output depends only on the inputs.
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml  # type: ignore[import-untyped]
from fields import TEMPLATE_GLOBALS, know_models  # beside this script (run as one, or with scripts/ on sys.path)
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError

ROOT = Path(__file__).resolve().parent.parent
# The generator always writes a client, its errors and its types; the package sends requests itself
# and its models share runsteps/_model_base.py, so they would ship unused.
UNUSED = ("client.py", "errors.py", "types.py")


def generate(output: Path, spec: Path = ROOT / "openapi.yaml") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "_generated"
        config = Config.from_sources(
            ConfigFile.load_from_path(ROOT / "generator-config.yml"), MetaType.NONE, spec, "utf-8", True, target
        )
        data = GeneratorData.from_dict(yaml.safe_load(spec.read_text()), config=config)
        if isinstance(data, GeneratorError):
            raise SystemExit(f"openapi.yaml cannot be read: {data.header}: {data.detail}")
        know_models(data.models)
        project = Project(openapi=data, config=config, custom_template_path=ROOT / "templates")
        project.env.globals.update(TEMPLATE_GLOBALS)
        with _post_hooks_find_our_ruff(), contextlib.redirect_stdout(io.StringIO()):
            problems = [*data.errors, *project.build()]
        if problems:  # as the generator's --fail-on-warning: a schema it could not read is an error
            raise SystemExit("\n".join(f"{p.level.value}: {p.header}: {p.detail}" for p in problems))
        for name in UNUSED:
            (target / name).unlink()
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(target, output, ignore=shutil.ignore_patterns("__pycache__"))


@contextlib.contextmanager
def _post_hooks_find_our_ruff() -> Iterator[None]:
    """The post-hooks run `ruff` by name: the pinned one, installed beside this interpreter."""
    before = os.environ.get("PATH", "")
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{before}"
    try:
        yield
    finally:
        os.environ["PATH"] = before


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
