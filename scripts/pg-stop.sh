#!/usr/bin/env bash
set -uo pipefail
source "$(dirname "$0")/pg-env.sh"
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || exit 0
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
as_pg "$BIN/pg_ctl -D $PGTEST_DIR -m fast stop" >/dev/null 2>&1 || true
