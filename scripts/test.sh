#!/usr/bin/env bash
# Sets up everything (idempotent), then runs the linters and the whole test suite against the real engine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Browser tests drive Debian's chromium (never a downloaded browser build).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test: /usr/bin/chromium is missing and this is not root: browser tests will be skipped" >&2
  fi
fi
# axe-core (pinned in tests/browser/package.json) checks the staff pages' accessibility in the browser tests
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ] || \
   ! grep -q "\"version\": \"$(sed -n 's/.*"axe-core": "\(.*\)".*/\1/p' tests/browser/package.json)\"" \
     tests/browser/node_modules/axe-core/package.json; then
  echo "test: installing axe-core for the browser tests"
  if ! command -v npm >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
  (cd tests/browser && npm install --no-package-lock --no-audit --no-fund --loglevel=error)
fi
echo "== ruff"
.venv/bin/ruff check .
echo "== engine data"
.venv/bin/outreach engine validate
echo "== engine evaluation (held-out NLU set, end-to-end conversations)"
.venv/bin/outreach engine evaluate
echo "== templates (literacy linter)"
.venv/bin/outreach templates lint > var/templates-lint.txt || { cat var/templates-lint.txt; exit 1; }
tail -1 var/templates-lint.txt
echo "== tests on SQLite (the embedded default)"
OUTREACH_TEST_BACKEND=sqlite .venv/bin/python -m pytest tests "$@"
echo "== tests on PostgreSQL (${OUTREACH_TEST_POSTGRES:=postgresql://postgres@127.0.0.1:5432/postgres})"
export OUTREACH_TEST_POSTGRES
if ! .venv/bin/python scripts/postgres_check.py "$OUTREACH_TEST_POSTGRES"; then
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "test: PostgreSQL is not reachable at $OUTREACH_TEST_POSTGRES, so the PostgreSQL run is SKIPPED." >&2
  echo "      Start it (or point OUTREACH_TEST_POSTGRES at one) to test the scale-out backend." >&2
  exit 0
fi
OUTREACH_TEST_BACKEND=postgresql .venv/bin/python -m pytest tests "$@"
