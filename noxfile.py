"""The test suite on every supported Python: `make test` runs the three sessions at once
(`nox -s tests-3.11`, `tests-3.12`, `tests-3.13`), each complete, in two worker processes.

An interpreter that cannot be found is a failure, not a skip (`--error-on-missing-interpreters`
in the Makefile): a green run means all three ran.
"""

from __future__ import annotations

import nox

PYTHONS = ["3.11", "3.12", "3.13"]
PYPROJECT = nox.project.load_toml("pyproject.toml")
nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = True


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "test"))
    session.run("python", "-m", "pytest", "-q", "-n", "2", *session.posargs)
