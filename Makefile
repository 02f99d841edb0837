# Two commands for a fresh clone (Python >= 3.11 with venv):
#   make run   - set up .venv, create/upgrade the SQLite database with the demo office, serve the dashboards
#   make test  - set up .venv (and, as root, the Debian packages and PostgreSQL), run the house rules and the whole test suite
#   make lint  - the house rules only: ruff (pyflakes, bugbear, import order, complexity) and import-linter (layers)
#   make bench - measure the costs at twenty years of office data against their floors (benchmarks/RESULTS.md)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint install bench clean

# running needs the workbench and its dependencies only; the test tools (pytest, Playwright, ruff…) come with
# `make test` / `make lint`
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/workbench init --demo
	$(BIN)/workbench serve

test: $(TEST_STAMP)
	bash .ci/system-setup.sh
	bash .ci/test-suite.sh

lint: $(TEST_STAMP)
	bash .ci/lint.sh

# not part of `make test`: builds the 20-year office once (benchmarks/.data/) and writes benchmarks/RESULTS.md;
# needs the test tools (Playwright drives Chromium for the dashboards)
bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench.py --years 20 --seed 1

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis test-artifacts
