# Where the test PostgreSQL lives (sourced by the scripts and usable by hand).
export PGTEST_DIR="${PGTEST_DIR:-/tmp/cgtatlas-pg}"
export PGTEST_PORT="${PGTEST_PORT:-54329}"
export CGTATLAS_TEST_PG="${CGTATLAS_TEST_PG:-postgresql://postgres@127.0.0.1:${PGTEST_PORT}/cgtatlas_test}"
