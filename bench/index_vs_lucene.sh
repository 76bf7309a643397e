#!/usr/bin/env bash
# Indexing side by side (issue 11): `tawsiya index` on the shared records beside Lucene++ 3.0.8
# (bench/lucene_index_peer.cpp, built when Debian's liblucene++-dev is installed) indexing the same
# records, each into a fresh directory, alternately so that both see the same machine load.
#
#   bench/index_vs_lucene.sh [--corpus ../shared/corpus] [--build build] [--runs 3]
#
# tawsiya runs twice per round: with one writer (the default, every batch committed into the index)
# and with `--writers 2` (a new index built in two writers' segments, merged at the end).
# Prints each run's wall time, CPU time (user + sys) and peak RSS, then the medians and the ratios
# of tawsiya's wall and CPU times to the faster Lucene++ (target of issue 11: wall at most 1.5).
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
  echo "$user + $sys" | bc >> "$work/$name.cpu"
}
for _ in $(seq "$runs"); do
  run tawsiya "$build/tawsiya" index "${records[@]}" --db "$work/db" --quiet
  run tawsiya-2-writers "$build/tawsiya" index "${records[@]}" --db "$work/db" --quiet --writers 2
  run lucene++-1-thread "$build/lucene_index_peer" --db "$work/db" --threads 1 "${records[@]}"
  run lucene++-2-threads "$build/lucene_index_peer" --db "$work/db" --threads 2 "${records[@]}"
done
median() { sort -g "$work/$1" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
report() {  # SUFFIX WHAT: the medians of each and the ratios to the faster Lucene++
  local ours two_writers one two best
  ours=$(median "tawsiya$1")
  two_writers=$(median "tawsiya-2-writers$1")
  one=$(median "lucene++-1-thread$1")
  two=$(median "lucene++-2-threads$1")
  best=$(echo "if ($one < $two) $one else $two" | bc -l)
  printf 'median %s: tawsiya %.2f s, --writers 2 %.2f s, Lucene++ 1 thread %.2f s, 2 threads %.2f s; ratio to the faster Lucene++ %.2f, --writers 2 %.2f\n' \
    "$2" "$ours" "$two_writers" "$one" "$two" "$(echo "$ours / $best" | bc -l)" \
    "$(echo "$two_writers / $best" | bc -l)"
}
report "" "wall (target: ratio <= 1.5)"
report ".cpu" "CPU"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
