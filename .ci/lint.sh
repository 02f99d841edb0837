#!/usr/bin/env bash
# The house rules as checks (configured in pyproject.toml): ruff (pyflakes, bugbear, import order, complexity,
# pycodestyle) over the code, tests and notebooks, and import-linter's contracts (the layers, ipywidgets only under
# workbench.ui). Fails when either fails; run by .ci/test-suite.sh before the tests and by `make lint`.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${WORKBENCH_VENV:-.venv}/bin

$BIN/ruff check --no-cache .
ruff_status=$?
$BIN/lint-imports --no-cache
imports_status=$?
[ $ruff_status -eq 0 ] && [ $imports_status -eq 0 ]
