#!/usr/bin/env bash
# What the test suite needs from the system: Debian's Chromium and Thai fonts for the browser tests, node and npm
# for JupyterHub's proxy (the Hub test), and a PostgreSQL server for the PostgreSQL run. As root it installs and starts what is missing; otherwise it says
# what is missing (those tests then skip outside CI, and fail in CI).
set -euo pipefail

PG_ROLE=workbench
PG_PASSWORD=workbench
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
# (grep without -q: under pipefail, -q can exit before the writer finishes and fail the pipe at random)
fc-list 2>/dev/null | grep -i "TlwgTypist\|Garuda\|Loma" >/dev/null || packages+=(fonts-thai-tlwg fontconfig)
command -v pg_ctlcluster >/dev/null 2>&1 || packages+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)  # reads PDF exports back in tests
# JupyterHub's proxy (configurable-http-proxy) comes from npm (`make hub-proxy`) and runs on node
{ command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || packages+=(nodejs npm)

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "system-setup: installing ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${packages[@]}" postgresql-contrib >/dev/null
  else
    echo "system-setup: missing ${packages[*]} (run as root, or install them with apt-get)"
  fi
fi

if command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep "^$version main$" >/dev/null; then
    pg_createcluster "$version" main >/dev/null
  fi
  pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
-- lets the test suite drop its databases even while autovacuum is visiting them
GRANT pg_signal_backend TO $PG_ROLE;
SQL
  echo "system-setup: PostgreSQL $version is running on 127.0.0.1:5432 (role $PG_ROLE)"
fi
