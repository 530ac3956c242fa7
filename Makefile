# runsteps: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GENERATED := client/runsteps/_generated

.PHONY: install generate check-generated lint typecheck test unit demo bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Regenerate the client from openapi.yaml with the pinned generator, templates and ruff.
generate: $(STAMP)
	$(BIN)/python scripts/generate.py $(GENERATED)

# Regenerate into a temporary folder and fail on any difference with the committed code.
check-generated: $(STAMP)
	$(BIN)/python scripts/generate.py --check $(GENERATED)

lint: $(STAMP)
	$(BIN)/ruff check client tests scripts
	$(BIN)/ruff format --check client tests scripts --exclude $(GENERATED)

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q

test: lint typecheck check-generated unit

demo: $(STAMP)
	$(BIN)/runsteps demo

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
