#!/usr/bin/env bash
# The house rules (.ci/lint.sh), then the whole test suite: every test on the embedded SQLite database (browser tests included), then every
# database test again on a real PostgreSQL server when one is reachable (always in CI).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PG_URL=${WORKBENCH_TEST_POSTGRES_URL:-postgresql+psycopg://workbench:workbench@127.0.0.1:5432/postgres}

echo "=== house rules: ruff and import-linter (see pyproject.toml) ==="
bash .ci/lint.sh
lint_status=$?

echo "=== test suite on SQLite ==="
$PY -m pytest -q -p no:cacheprovider "$@"
sqlite_status=$?

pg_status=0
if pg_isready -q -h 127.0.0.1 2>/dev/null; then
  echo "=== test suite on PostgreSQL (database tests, and the JupyterHub test; other browser tests ran above) ==="
  WORKBENCH_TEST_POSTGRES_URL=$PG_URL $PY -m pytest -q -p no:cacheprovider -m "not browser or hub" "$@"
  pg_status=$?
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable on 127.0.0.1:5432, and CI needs it" >&2
  pg_status=1
else
  echo "PostgreSQL is not reachable on 127.0.0.1:5432: the PostgreSQL run is skipped (it always runs in CI)"
fi

[ $lint_status -eq 0 ] && [ $sqlite_status -eq 0 ] && [ $pg_status -eq 0 ]
