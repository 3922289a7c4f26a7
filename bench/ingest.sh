#!/usr/bin/env bash
# Ingest benchmark (issue 3): generates FLOWWATCH_BENCH_ARTICLES articles
# (default 100000) as text files, ingests them with the real binary into a
# fresh SQLite file, and prints articles/s, peak RSS, database size and
# p50/p99 of `claims` with two filters and of `search`.
#   bench/ingest.sh            # text files (the target: >= 1,000 articles/s)
#   bench/ingest.sh -jsonl     # one JSON Lines file of records instead
# The corpus stays in $TMPDIR/flowwatch-bench-ingest-N for reruns.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${FLOWWATCH_BENCH_ARTICLES:-100000}"
exec go run ./bench/ingest -n "$n" "$@"
