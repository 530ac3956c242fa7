"""The test suite on every supported Python: `make test` runs the three sessions at once
(`nox -s tests-3.11`, `tests-3.12`, `tests-3.13`), each complete, in one process each (three Pythons
and the checkers already fill the machine's two cores).

An interpreter that cannot be found is a failure, not a skip (`--error-on-missing-interpreters`
in the Makefile): a green run means all three ran.
"""

from __future__ import annotations

import nox

PYTHONS = ["3.11", "3.12", "3.13"]
PYPROJECT = nox.project.load_toml("pyproject.toml")
nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "uv"  # the `uv` of the dev group


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "test"))
    # Bytecode cached even where the machine turns it off: each worker and each command-line process
    # would otherwise compile the package again (twice the suite's collection time).
    # The README's blocks run once each: what they show does not depend on the interpreter. The
    # in-order run of them all goes to 3.11 (the quickest), the others to 3.13, and the other tests
    # of what no interpreter changes (`once`: pages in a browser, `make demo`) to 3.12, so that the
    # suites end together.
    share = {
        "3.11": "(not readme and not once) or in_order",
        "3.12": "not readme",
        "3.13": "not in_order and not once",
    }
    selected = ["-m", share[str(session.python)]]
    session.run("python", "-m", "pytest", "-q", *selected, *session.posargs, env={"PYTHONDONTWRITEBYTECODE": ""})
