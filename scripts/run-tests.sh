#!/usr/bin/env bash
# Start a throwaway PostgreSQL on loopback, run the whole suite, stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-env.sh
bash scripts/pg-start.sh
trap 'bash scripts/pg-stop.sh' EXIT
.venv/bin/python -m pytest "$@"
