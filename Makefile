# runsteps: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
GENERATED := client/runsteps/_generated
# Benchmarks compare against the official openai package: its own environment, never the test one.
BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed
# The supported Pythons, for nox: on PATH, or under pyenv (where this project's machines keep them).
PYENV_ROOT ?= $(HOME)/.pyenv
PYTHON_DIRS := $(wildcard $(PYENV_ROOT)/versions/3.11*/bin $(PYENV_ROOT)/versions/3.12*/bin $(PYENV_ROOT)/versions/3.13*/bin)
empty :=
space := $(empty) $(empty)
NOX_PATH := $(subst $(space),:,$(strip $(PYTHON_DIRS))):$(PATH)

.PHONY: install generate check-generated lint typecheck test unit unit-here demo bench clean

install: $(DEV)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# What the demo needs: the package and its runtime dependencies, nothing more.
$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $(RUNTIME)

# What development needs: generator, linters, type checkers, test tools, nox.
$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(DEV) $(RUNTIME)

# Regenerate the client from openapi.yaml with the pinned generator, templates and ruff.
generate: $(DEV)
	$(BIN)/python scripts/generate.py $(GENERATED)

# Regenerate into a temporary folder and fail on any difference with the committed code.
check-generated: $(DEV)
	$(BIN)/python scripts/generate.py --check $(GENERATED)

lint: $(DEV)
	$(BIN)/ruff check client tests scripts bench examples noxfile.py
	$(BIN)/ruff format --check client tests scripts bench examples noxfile.py --exclude $(GENERATED)

typecheck: $(DEV)
	$(BIN)/mypy
	$(BIN)/pyright

# The suite on Python 3.11, 3.12 and 3.13.
unit: $(DEV)
	PATH="$(NOX_PATH)" $(BIN)/nox --error-on-missing-interpreters -s tests

# The suite once, on the .venv's Python (quicker while working).
unit-here: $(DEV)
	$(BIN)/python -m pytest -q

test: lint typecheck check-generated unit

demo: $(RUNTIME)
	$(BIN)/runsteps demo

$(BENCH_STAMP): pyproject.toml bench/requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e . -r bench/requirements.txt
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python bench/run.py $(SECTIONS)

clean:
	rm -rf $(VENV) $(BENCH_VENV) .nox build dist .pytest_cache .mypy_cache .ruff_cache
