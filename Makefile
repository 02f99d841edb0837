# Two commands for a fresh clone (Python >= 3.11 with venv):
#   make run   - set up .venv, create/upgrade the SQLite database with the demo office, serve the dashboards
#   make test  - set up .venv (and, as root, the Debian packages and PostgreSQL), run the house rules and the whole test suite
#   make lint  - the house rules only: ruff (pyflakes, bugbear, import order, complexity) and import-linter (layers)
#   make hub-proxy - JupyterHub's proxy (configurable-http-proxy, npm) into .venv/node/ (deploy/jupyterhub_config.py)
#   make bench - measure the costs at twenty years of office data against their floors (benchmarks/RESULTS.md)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint install bench clean hub-proxy

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
	$(MAKE) hub-proxy
	bash .ci/test-suite.sh

# JupyterHub's proxy, from the npm registry, into .venv/node/ (deploy/jupyterhub_config.py and the Hub test find
# it there); without npm the Hub test skips (and fails in CI, where system-setup installs Debian's nodejs and npm)
HUB_PROXY := $(VENV)/node/node_modules/.bin/configurable-http-proxy
hub-proxy: $(HUB_PROXY)

$(HUB_PROXY):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --no-audit --no-fund --silent --prefix $(VENV)/node configurable-http-proxy@^4.6; \
	else echo "hub-proxy: npm not found: the JupyterHub test will skip (install Debian's nodejs and npm)"; fi

lint: $(TEST_STAMP)
	bash .ci/lint.sh

# not part of `make test`: builds the 20-year office once (benchmarks/.data/) and writes benchmarks/RESULTS.md;
# needs the test tools (Playwright drives Chromium for the dashboards)
bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench.py --years 20 --seed 1

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis test-artifacts
