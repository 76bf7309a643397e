#!/usr/bin/env bash
# The scale benchmark of issue 11: one machine, a million records.
#
#   bench/scale_bench.sh WORK_DIR [--corpus ../shared/corpus] [--build build] [--copies "1 9 30"]
#                        [--queries 2000] [--matches 500]
#
# Builds one index in WORK_DIR/db in steps of copies of the shared records (bench/scale_records.py:
# copy 0 is the 34,046 records as they are, each further copy the same texts under new ids, moved
# to other states and years): by default 1 copy (34,046 records), then up to 9 (306,414), then up
# to 30 (1,021,380). After each step it prints
#   - the `tawsiya index` run of that step (wall, CPU, peak RSS) and the total so far, the index
#     size on disk (du);
#   - in-process latency: build/scale_eval (search p50/p99 for one word, three words AND with
#     facets, with a filter; match p50/p99; opening and first query);
#   - the server: `tawsiya serve --cache-mib 0` started on the index, its start-up time (until
#     /api/health answers), its first search's time, then the times of 200 searches and its
#     resident memory (VmRSS, VmHWM) after them.
# The records are generated at benchmark time in WORK_DIR and deleted after each step; the index
# stays (about 1.7 GB at 1M: remove WORK_DIR afterwards). Use a Release build. Run it under
# `nice` on a shared machine: a run to 1M takes about half an hour on 2 cores.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="${1:?usage: bench/scale_bench.sh WORK_DIR [--corpus DIR] [--build DIR] [--copies LIST]}"
shift
corpus="$here/../../shared/corpus"
build="$here/../build"
copies="1 9 30"
queries=2000
matches=500
while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    --matches) matches="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
tawsiya="$build/tawsiya"
for program in "$tawsiya" "$build/scale_eval"; do
  [[ -x "$program" ]] || { echo "no $program: build with -DTAWSIYA_BUILD_BENCH=ON" >&2; exit 2; }
done
[[ -d "$corpus/records" ]] || { echo "no shared records at $corpus/records (--corpus)" >&2; exit 77; }
command -v curl > /dev/null || { echo "curl is not installed" >&2; exit 2; }
mkdir -p "$work"
db="$work/db"
rm -rf "$db"

echo "scale benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: $(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" 2> /dev/null || echo unknown)"

# The server's start-up, first query, 200 more searches and memory, on the index as it is now.
serve_check() {
  local out port pid start url
  out="$(mktemp -d)"
  start=$(date +%s.%N)
  "$tawsiya" serve --db "$db" --port 0 --cache-mib 0 > "$out/stdout" 2> "$out/stderr" &
  pid=$!
  for _ in $(seq 600); do
    [[ -s "$out/stdout" ]] && break
    sleep 0.05
  done
  url="$(sed -n 's/^listening on //p' "$out/stdout" | head -1)"
  url="${url%/}"
  if [[ -z "$url" ]]; then
    echo "  the server did not start:"; cat "$out/stderr"; kill "$pid" 2> /dev/null || true
    rm -rf "$out"; return 1
  fi
  until curl -sf "$url/api/health" > /dev/null; do sleep 0.02; done
  local ready first
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  first=$(curl -s -o /dev/null -w '%{time_total}' "$url/api/search?q=torture+prison+conditions")
  local words=(torture women children education health migrants journalists prison police
               discrimination disability corruption poverty water elections refugees trafficking
               minorities detention justice)
  : > "$out/times"
  for i in $(seq 0 199); do
    local a=${words[$((i % 20))]} b=${words[$(((i * 7 + 3) % 20))]} c=${words[$(((i * 13 + 5) % 20))]}
    curl -s -o /dev/null -w '%{time_total}\n' "$url/api/search?q=$a+$b+$c" >> "$out/times"
  done
  local p50 p99
  p50=$(sort -g "$out/times" | awk '{ t[NR] = $1 } END { print t[int(NR * 0.50)] * 1000 }')
  p99=$(sort -g "$out/times" | awk '{ t[NR] = $1 } END { print t[int(NR * 0.99)] * 1000 }')
  printf '  server: ready in %.2f s; first search %.1f ms; 200 searches (three words, facets, over HTTP) p50 %.1f ms p99 %.1f ms\n' \
    "$ready" "$(echo "$first * 1000" | bc)" "$p50" "$p99"
  awk '/^Vm(RSS|HWM)/ { printf "  server %s %.1f MB\n", $1, $2 / 1024 }' "/proc/$pid/status"
  kill -TERM "$pid"; wait "$pid" 2> /dev/null || true
  rm -rf "$out"
}

done_copies=0
total_wall=0
total_cpu=0
for upto in $copies; do
  records="$work/records-$done_copies-$upto.jsonl"
  python3 "$here/scale_records.py" --corpus "$corpus" --from "$done_copies" --to "$upto" > "$records"
  added=$(wc -l < "$records")
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$tawsiya" index "$records" --db "$db" --quiet
  rm -f "$records"
  read -r wall user sys peak < "$work/time"
  total_wall=$(echo "$total_wall + $wall" | bc)
  total_cpu=$(echo "$total_cpu + $user + $sys" | bc)
  size=$(du -sb "$db" | cut -f1)
  echo
  echo "== copies $done_copies..$((upto - 1)): +$added records"
  printf '  index: this step %.1f s wall, %.1f s CPU, peak RSS %.1f MB; so far %.1f s wall, %.1f s CPU; size %.0f MB\n' \
    "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$peak / 1024" | bc -l)" "$total_wall" "$total_cpu" \
    "$(echo "$size / 1048576" | bc -l)"
  "$build/scale_eval" --db "$db" --corpus "$corpus" --queries "$queries" --matches "$matches" | sed 's/^/  /'
  serve_check
  done_copies=$upto
done
