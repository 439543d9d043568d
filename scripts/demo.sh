#!/usr/bin/env bash
# Sets up everything (idempotent), seeds demo data and runs the stack until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/outreach demo
