#!/usr/bin/env bash
# What reading an index as three shards over Xapian's remote protocol costs (docs/scale.md): the
# shared corpus's records indexed once whole and once as `--shards 3`, the shards served by three
# xapian-tcpsrv on 127.0.0.1, and the in-process search benchmark (bench/search_bench.cpp: p50 and
# p99 of 2,000 queries of one word and of three words, with facets) run on each.
#
#   bench/shards_overhead.sh [WORK_DIR]     (default /tmp/tawsiya-shards-bench; reused if there)
#
# Needs xapian-tools (scripts/install-deps.sh) and a build with -DTAWSIYA_BUILD_BENCH=ON.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/tawsiya-shards-bench}"
binary="$here/../build/tawsiya"
bench="$here/../build/search_bench"
corpus="${TAWSIYA_SHARED_CORPUS:-$here/../../shared/corpus}"
[[ -x "$bench" ]] || { echo "no $bench: configure with -DTAWSIYA_BUILD_BENCH=ON" >&2; exit 2; }
command -v xapian-tcpsrv > /dev/null || { echo "xapian-tcpsrv missing (xapian-tools)" >&2; exit 2; }
[[ -d "$corpus/records" ]] || { echo "no shared corpus at $corpus" >&2; exit 2; }

mkdir -p "$work/models"
[[ -d "$work/single" ]] || "$binary" index "$corpus"/records/*.jsonl --db "$work/single" --quiet
[[ -d "$work/shard2" ]] ||
    "$binary" index "$corpus"/records/*.jsonl --shards 3 --db-prefix "$work/shard" --quiet

# Each xapian-tcpsrv in a session of its own (setsid): on SIGTERM it signals its whole process
# group, which must not be this script's.
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM -- "-$p" 2> /dev/null || true; done' EXIT
{
    echo "# bench/shards_overhead.sh"
    for i in 0 1 2; do
        port=$((17300 + i))
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$work/shard$i" \
            > "$work/tcpsrv$i.log" 2>&1 < /dev/null &
        pids+=($!)
        echo "shard tcp://127.0.0.1:$port"
    done
    echo "models models"
} > "$work/shards.conf"
sleep 1

echo "== one index ($work/single)"
TAWSIYA_SHARED_CORPUS="$corpus" TAWSIYA_BENCH_DB="$work/single" "$bench" \
    --benchmark_filter='ThreeWordsWithFacets|OneWord' 2>&1 | grep -E '^(BM_|Benchmark)'
echo "== three shards over xapian-tcpsrv ($work/shards.conf)"
TAWSIYA_SHARED_CORPUS="$corpus" TAWSIYA_BENCH_DB="$work/shards.conf" "$bench" \
    --benchmark_filter='ThreeWordsWithFacets|OneWord' 2>&1 | grep -E '^(BM_|Benchmark)'
