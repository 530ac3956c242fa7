# runsteps: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
GENERATED := client/runsteps/_generated
# Benchmarks compare against the official openai package: its own environment, never the test one.
BENCH_VENV := .venv-bench
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
BENCH_STAMP := $(BENCH_VENV)/.installed
# The supported Pythons, for nox: on PATH, or under pyenv (where this project's machines keep them).
PYENV_ROOT ?= $(HOME)/.pyenv
PYTHON_DIRS := $(wildcard $(PYENV_ROOT)/versions/3.11*/bin $(PYENV_ROOT)/versions/3.12*/bin $(PYENV_ROOT)/versions/3.13*/bin)
empty :=
space := $(empty) $(empty)
NOX_PATH := $(subst $(space),:,$(strip $(PYTHON_DIRS))):$(PATH)

PYTHONS := 3.11 3.12 3.13

.PHONY: install generate check-generated lint typecheck test unit unit-here browser demo bench clean $(PYTHONS:%=unit-%)

install: $(DEV)

# Made without pip and filled by this Python's pip (22.3+, `--python`): bootstrapping pip into the
# venv takes longer (8 s) than everything else the demo installs.
$(BIN)/python:
	$(PYTHON) -m venv --without-pip $(VENV)

PIP_INSTALL := $(PYTHON) -m pip --python $(BIN)/python install --quiet --disable-pip-version-check

# What the demo needs: the runtime dependencies, read from pyproject.toml. The package itself runs
# from client/ (building it as an editable install would double the demo's first run).
$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep=chr(10))" > $(VENV)/runtime-requirements.txt
	$(PIP_INSTALL) -r $(VENV)/runtime-requirements.txt
	touch $(RUNTIME)

# What development needs: the package (editable) and the `dev` dependency group (generator, linters,
# type checkers, test tools, nox, uv), which this Python's pip may be too old to read itself. pip
# installs the group's uv, and uv the rest (a minute of pip's time, a few seconds of uv's).
$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python scripts/groups.py dev > $(VENV)/dev-requirements.txt
	$(PIP_INSTALL) $$(grep '^uv==' $(VENV)/dev-requirements.txt)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e . -r $(VENV)/dev-requirements.txt
	touch $(DEV) $(RUNTIME)

# Regenerate the client from openapi.yaml with the pinned generator, templates and ruff; the sync
# surface from its async source; the package's export list from its table.
generate: $(DEV)
	$(BIN)/python scripts/generate.py $(GENERATED)
	$(BIN)/python scripts/unasync.py
	$(BIN)/python scripts/exports.py

# Regenerate into a temporary folder and fail on any difference with the committed code.
check-generated: $(DEV)
	$(BIN)/python scripts/generate.py --check $(GENERATED)
	$(BIN)/python scripts/unasync.py --check
	$(BIN)/python scripts/exports.py --check

lint: $(DEV)
	$(BIN)/ruff check client tests scripts bench examples noxfile.py
	$(BIN)/ruff format --check client tests scripts bench examples noxfile.py --exclude $(GENERATED)

# ... and every public symbol's type declared, none left to inference (pyright's completeness score).
typecheck: $(DEV)
	$(BIN)/mypy
	$(BIN)/pyright
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/pyright --verifytypes runsteps --ignoreexternal > $(VENV)/verifytypes.txt || true
	@grep -q "Type completeness score: 100%" $(VENV)/verifytypes.txt || { cat $(VENV)/verifytypes.txt; exit 1; }
	@grep "Type completeness score" $(VENV)/verifytypes.txt

# The suite on Python 3.11, 3.12 and 3.13, the three at once (many tests wait on sockets or on a
# scripted run's real time, and the others fill that time); each Python's output is printed whole
# when it ends.
unit: $(DEV)
	$(MAKE) --no-print-directory -j3 --output-sync=target $(PYTHONS:%=unit-%)

$(PYTHONS:%=unit-%): unit-%: $(DEV) browser
	PATH="$(NOX_PATH)" $(BIN)/nox --error-on-missing-interpreters -s tests-$*

# The suite once, on the .venv's Python (quicker while working). Four processes on two cores: a
# fourth keeps the cores busy while others wait on servers' timeouts and real-time demo runs; a
# process that runs out of tests takes some of another's, so none is left finishing a queue alone.
unit-here: $(DEV) browser
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -q -n 4 --dist worksteal

# The timeline's page is opened in Debian's headless Chromium by the tests: installed when missing.
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium; }

# Everything CI checks, at once: the checkers run while the suites wait.
test: $(DEV) browser
	$(MAKE) --no-print-directory -j6 --output-sync=target lint typecheck check-generated $(PYTHONS:%=unit-%)

demo: $(RUNTIME)
	PYTHONPATH=client $(BIN)/python -m runsteps demo

$(BENCH_STAMP): pyproject.toml bench/requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e . -r bench/requirements.txt
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python bench/run.py $(SECTIONS)

clean:
	rm -rf $(VENV) $(BENCH_VENV) .nox build dist .pytest_cache .mypy_cache .ruff_cache
