#!/usr/bin/env bash
# Indexing side by side (issue 11): `tawsiya index` on the shared records beside Lucene++ 3.0.8
# (bench/lucene_index_peer.cpp, built when Debian's liblucene++-dev is installed) indexing the same
# records, each into a fresh directory, alternately so that both see the same machine load.
#
#   bench/index_vs_lucene.sh [--corpus ../shared/corpus] [--build build] [--runs 3]
#
# Prints each run's wall time, CPU time (user + sys) and peak RSS, then the medians and the ratio
# of tawsiya's wall time to the faster Lucene++ (target of issue 11: at most 1.5).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
corpus="$here/../../shared/corpus"
build="$here/../build"
runs=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ -d "$corpus/records" ]] || { echo "no shared records at $corpus/records (--corpus)" >&2; exit 77; }
[[ -x "$build/lucene_index_peer" ]] ||
  { echo "no $build/lucene_index_peer: apt-get install liblucene++-dev, then re-run cmake" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
records=("$corpus"/records/*.jsonl)

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(cat "${records[@]}" | wc -l) records"
run() {  # NAME COMMAND...: one timed run, appended to $work/NAME
  local name="$1"
  shift
  rm -rf "$work/db"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > /dev/null 2>&1
  read -r wall user sys peak < "$work/time"
  printf '%-22s wall %6.2f s  CPU %6.2f s  peak RSS %6.1f MB\n' "$name" "$wall" \
    "$(echo "$user + $sys" | bc)" "$(echo "$peak / 1024" | bc -l)"
  echo "$wall" >> "$work/$name"
}
for _ in $(seq "$runs"); do
  run tawsiya "$build/tawsiya" index "${records[@]}" --db "$work/db" --quiet
  run lucene++-1-thread "$build/lucene_index_peer" --db "$work/db" --threads 1 "${records[@]}"
  run lucene++-2-threads "$build/lucene_index_peer" --db "$work/db" --threads 2 "${records[@]}"
done
median() { sort -g "$work/$1" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
ours=$(median tawsiya)
one=$(median lucene++-1-thread)
two=$(median lucene++-2-threads)
best=$(echo "if ($one < $two) $one else $two" | bc -l)
printf 'median wall: tawsiya %.2f s, Lucene++ 1 thread %.2f s, 2 threads %.2f s; ratio to the faster %.2f (target <= 1.5)\n' \
  "$ours" "$one" "$two" "$(echo "$ours / $best" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
