# runsteps: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GENERATED := client/runsteps/_generated
# Benchmarks compare against the official openai package: its own environment, never the test one.
BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed

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
	$(BIN)/ruff check client tests scripts bench examples
	$(BIN)/ruff format --check client tests scripts bench examples --exclude $(GENERATED)

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q

test: lint typecheck check-generated unit

demo: $(STAMP)
	$(BIN)/runsteps demo

$(BENCH_STAMP): pyproject.toml bench/requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -e . -r bench/requirements.txt
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python bench/run.py

clean:
	rm -rf $(VENV) $(BENCH_VENV) build dist .pytest_cache .mypy_cache .ruff_cache
