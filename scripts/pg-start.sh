#!/usr/bin/env bash
# Start PostgreSQL as the postgres user (pg_ctl refuses root) with a data dir of its own.
set -euo pipefail
source "$(dirname "$0")/pg-env.sh"
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ ! -f "$PGTEST_DIR/PG_VERSION" ]; then
  mkdir -p "$PGTEST_DIR"; [ "$(id -u)" -eq 0 ] && chown postgres "$PGTEST_DIR"
  as_pg "$BIN/initdb -D $PGTEST_DIR -U postgres --auth=trust --locale=C.UTF-8 -E UTF8" >/dev/null
fi
if ! as_pg "$BIN/pg_ctl -D $PGTEST_DIR status" >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl -D $PGTEST_DIR -l $PGTEST_DIR/server.log -w -o '-p $PGTEST_PORT -k /tmp -h 127.0.0.1' start" >/dev/null
fi
as_pg "$BIN/psql -h 127.0.0.1 -p $PGTEST_PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='cgtatlas_test'\"" | grep -q 1 \
  || as_pg "$BIN/createdb -h 127.0.0.1 -p $PGTEST_PORT -U postgres cgtatlas_test"
echo "PostgreSQL ready at $CGTATLAS_TEST_PG"
