#!/usr/bin/env bash
# Store benchmarks: fills a SQLite file (and, when FLOWWATCH_TEST_POSTGRES
# is set, a PostgreSQL database) with FLOWWATCH_BENCH_ARTICLES generated
# articles (default 100000, about 300000 claims), then reports p50/p99 of
# filtered claim pages, counts and full-text search, and SaveArticle time.
# The filled stores are kept (bench/out/sqlite-N.db, database
# flowwatch_bench_N) so that later runs only query; -clean removes them.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${FLOWWATCH_BENCH_ARTICLES:-100000}"
export FLOWWATCH_BENCH_ARTICLES="$n"

if [[ "${1:-}" == "-clean" ]]; then
  rm -f "bench/out/sqlite-$n.db" "bench/out/sqlite-$n.db-wal" "bench/out/sqlite-$n.db-shm"
  if [[ -n "${FLOWWATCH_TEST_POSTGRES:-}" ]]; then
    psql "$FLOWWATCH_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS flowwatch_bench_$n WITH (FORCE)"
  fi
  exit 0
fi

benchtime="${BENCHTIME:-300x}"
echo "== sqlite, $n articles"
go test -run '^$' -bench . -benchtime "$benchtime" -timeout 2h ./sqlite/
if [[ -n "${FLOWWATCH_TEST_POSTGRES:-}" ]]; then
  echo "== postgres, $n articles"
  go test -run '^$' -bench . -benchtime "$benchtime" -timeout 2h ./postgres/
else
  echo "FLOWWATCH_TEST_POSTGRES is unset: PostgreSQL not benchmarked"
fi
