# Two commands on a fresh machine: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_VENV := .venv-bench
# The scan under benchmark, installed as a user installs it with the faster inflate (`pip install
# linkedin-ai-exposure[fast]`; no test extras: pandas would bring numpy, which pyarrow then loads into the scan).
USER_VENV := .venv-user
SAMPLE := sample_exports/Complete_LinkedInDataExport_11-28-2026.zip
WEB_DIST := web/dist/manifest.json
WEB_PACKAGE := pyproject.toml $(shell find analyzer mappings -type f -not -name '*.pyc' -not -path '*/__pycache__/*')

.PHONY: demo test test-web lint format bench bench-batch bench-compare samples golden clean web

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,lint]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/linkedin-ai-exposure scan $(SAMPLE) --xlsx demo-exposure.xlsx --html demo-report.html --force

# Two workers, each taking whole test files (--dist loadfile) in the order collected, the files with a slow test
# first (--no-loadscope-reorder; see tests/conftest.py), so that what a file's tests share (a sample's report and
# workbook, read once) is built once and the two workers finish together. The browser app's own tests (tests/web/:
# the bundle in Node and in Chromium) are `make test-web`: they need the built bundle, Node and Chromium.
# Bytecode is cached even where the environment sets PYTHONDONTWRITEBYTECODE (some shells and CI images do): else
# both workers and every command the suite runs in a subprocess compile the package again.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest
test: $(STAMP)
	$(PYTEST) -q -n 2 --dist loadfile --no-loadscope-reorder --ignore=tests/web

# The browser app built (or rebuilt when its sources changed) and tested: Node runs the bundle, Debian's Chromium
# (driven by Playwright from PyPI, with the system's browser) runs the page. Missing pieces fail, never skip.
test-web: $(WEB_DIST) $(VENV)/.web-installed
	LIAE_WEB_TESTS=required $(PYTEST) -q -n 2 --dist loadfile tests/web

$(VENV)/.web-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[web]'
	touch $@

# The browser app: Pyodide from npm (npm ci checks it against package-lock.json), this checkout's wheel and the
# wheels of web/wheels.txt (pip checks their sha256), into web/dist (web/build.py says how).
web: $(WEB_DIST)

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error

$(WEB_DIST): $(STAMP) web/node_modules/.package-lock.json web/build.py web/wheels.txt $(wildcard web/src/*) $(WEB_PACKAGE)
	$(BIN)/python web/build.py

# ruff (lint and format) and mypy (strict) on the package; the tests and benchmark are linted too.
lint: $(STAMP)
	$(BIN)/ruff check analyzer tests bench web/build.py
	$(BIN)/ruff format --check analyzer tests bench web/build.py
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix analyzer tests bench web/build.py
	$(BIN)/ruff format analyzer tests bench web/build.py

samples: $(STAMP)
	$(BIN)/python sample_exports/generate.py

# Rewrites every golden file from the current output; read the diff, in both languages, before committing.
golden: $(STAMP)
	$(BIN)/python -m pytest -q --update-golden

$(USER_VENV)/.installed: pyproject.toml
	test -x $(USER_VENV)/bin/python || $(PYTHON) -m venv $(USER_VENV)
	$(USER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[fast]'
	touch $@

# pandas (the naive baseline) gets a venv of its own.
$(BENCH_VENV)/.installed: pyproject.toml
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	touch $@

# Then the browser app's start-up and scan times, when web/dist is built (bench/web.py).
bench: $(USER_VENV)/.installed $(BENCH_VENV)/.installed
	$(USER_VENV)/bin/python bench/run.py --naive-python $(BENCH_VENV)/bin/python
	$(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON)) bench/web.py

# batch mode over 200 generated exports, --jobs 1 and 2 (the section "Batch" of bench/results.md)
bench-batch: $(USER_VENV)/.installed
	$(USER_VENV)/bin/python bench/batch.py

# compare: the heavy archive against itself with 1 % of its messages changed (the section "Compare" of bench/results.md)
bench-compare: $(USER_VENV)/.installed
	$(USER_VENV)/bin/python bench/compare.py

clean:
	rm -rf $(VENV) $(BENCH_VENV) $(USER_VENV) build dist *.egg-info .pytest_cache demo-exposure.xlsx demo-report.html
	rm -rf web/dist web/node_modules web/.cache
