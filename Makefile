# Two commands on a fresh machine: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_VENV := .venv-bench
SAMPLE := sample_exports/Complete_LinkedInDataExport_11-28-2026.zip

.PHONY: demo test lint format bench samples golden clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,lint]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/linkedin-ai-exposure scan $(SAMPLE) --xlsx demo-exposure.xlsx --force

test: $(STAMP)
	$(BIN)/python -m pytest -q

# ruff (lint and format) and mypy (strict) on the package; the tests and benchmark are linted too.
lint: $(STAMP)
	$(BIN)/ruff check analyzer tests bench
	$(BIN)/ruff format --check analyzer tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix analyzer tests bench
	$(BIN)/ruff format analyzer tests bench

samples: $(STAMP)
	$(BIN)/python sample_exports/generate.py

# Rewrites every golden file from the current output; read the diff, in both languages, before committing.
golden: $(STAMP)
	$(BIN)/python -m pytest -q --update-golden

# The scan runs from $(VENV) as a user would install it; pandas (the naive baseline) gets a venv of its own.
$(BENCH_VENV)/.installed: pyproject.toml
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	touch $@

bench: $(STAMP) $(BENCH_VENV)/.installed
	$(BIN)/python bench/run.py --naive-python $(BENCH_VENV)/bin/python

clean:
	rm -rf $(VENV) $(BENCH_VENV) build dist *.egg-info .pytest_cache demo-exposure.xlsx
