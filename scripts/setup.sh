#!/usr/bin/env bash
# Sets up everything, idempotently: the app's virtualenv (.venv, Python 3.11+), the engine's virtualenv
# (.venv-engine, Python 3.10 + Rasa), the database schema, and the engine model (trained only when
# domain.yml, config.yml or data/ changed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
mkdir -p var && chmod 700 var  # the database, logs, keys and models: this account only

stamp_ok() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }

# --- the app ------------------------------------------------------------------------------------------
APP_PY=${OUTREACH_PYTHON:-}
if [ -z "$APP_PY" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      APP_PY=$(command -v "$candidate"); break
    fi
  done
fi
[ -n "$APP_PY" ] || { echo "setup: Python 3.11 or newer is needed for the app; install python3.11" >&2; exit 1; }
APP_KEY=$(cat pyproject.toml | sha256sum | cut -c1-16)
if ! stamp_ok .venv/.outreach-stamp "$APP_KEY"; then
  echo "setup: installing the app into .venv ($("$APP_PY" --version))"
  [ -x .venv/bin/python ] || "$APP_PY" -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -e '.[dev]' 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import bot, aiohttp, twilio, rasa_sdk" 
  echo "$APP_KEY" > .venv/.outreach-stamp
fi

# --- the engine -----------------------------------------------------------------------------------------
ENGINE_PY=${OUTREACH_ENGINE_PYTHON:-}
if [ -z "$ENGINE_PY" ]; then
  if command -v python3.10 >/dev/null && python3.10 --version >/dev/null 2>&1; then
    ENGINE_PY=$(command -v python3.10)
  else
    PYENV_DIR=$( (command -v pyenv >/dev/null && pyenv root) || echo "$HOME/.pyenv")
    ENGINE_PY=$(ls -d "$PYENV_DIR"/versions/3.10.*/bin/python3.10 2>/dev/null | sort -V | tail -1 || true)
  fi
fi
if [ -z "$ENGINE_PY" ] || [ ! -x "$ENGINE_PY" ]; then
  echo "setup: the Rasa engine needs Python 3.10 and none was found." >&2
  echo "       Install it (e.g. 'apt-get install python3.10' or 'pyenv install 3.10') or set OUTREACH_ENGINE_PYTHON." >&2
  exit 1
fi
ENGINE_KEY=$(cat engine/requirements.txt | sha256sum | cut -c1-16)
if ! stamp_ok .venv-engine/.outreach-stamp "$ENGINE_KEY"; then
  echo "setup: installing the Rasa engine into .venv-engine ($("$ENGINE_PY" --version); takes about 90 s)"
  [ -x .venv-engine/bin/python ] || "$ENGINE_PY" -m venv .venv-engine
  .venv-engine/bin/pip install --quiet --disable-pip-version-check -r engine/requirements.txt 2>&1 \
    | grep -v "^WARNING: Location" || true
  RASA_TELEMETRY_ENABLED=false .venv-engine/bin/rasa --version >/dev/null
  echo "$ENGINE_KEY" > .venv-engine/.outreach-stamp
fi

# --- message catalogs (compiled here, never committed) --------------------------------------------------
.venv/bin/pybabel compile -d locales --statistics 2>&1 | grep -v "^compiling" || true
.venv/bin/pybabel compile -d bot/staff/locales -D staff --statistics 2>&1 | grep -v "^compiling" || true

# --- database and model ---------------------------------------------------------------------------------
.venv/bin/outreach db upgrade
.venv/bin/outreach engine train
echo "setup: done"
