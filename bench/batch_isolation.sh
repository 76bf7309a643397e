#!/usr/bin/env bash
# Does batch work starve search? Starts `tawsiya serve` on 127.0.0.1 (response cache off, so every
# search is computed), measures search latency alone, then again while --clients clients loop
# POST /api/tag with a document of --paragraphs recommendations (default 200; the server takes at
# most 500), and prints p50 / p99 of both phases and the tag requests' statuses (200, and 503
# when the batch queue is full). A binary from before the batch pool is measured too (its server
# runs without the batch options), for comparison. Every loop stops by itself
# after --seconds (each phase lasts --seconds; each curl gives up after 30 s, so the whole run
# ends within 2 x --seconds + 31 s).
#
#   bench/batch_isolation.sh INDEX_DIR [--binary build/tawsiya] [--seconds 10] [--clients 4]
#                            [--paragraphs 200] [--threads 2] [--batch-threads 1] [--batch-queue 8]
#
# curl's time_total is the request alone (connect to last byte), not the start of the process.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
db="${1:?usage: bench/batch_isolation.sh INDEX_DIR [--binary PATH] [--seconds N] [--clients N]}"
shift
binary="$here/../build/tawsiya"
seconds=10
clients=4
paragraphs=200
threads=2
batch_threads=1
batch_queue=8
while [[ $# -gt 0 ]]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --paragraphs) paragraphs="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --batch-threads) batch_threads="$2"; shift 2 ;;
    --batch-queue) batch_queue="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
command -v curl > /dev/null || { echo "curl is not installed" >&2; exit 2; }
[[ -x "$binary" ]] || { echo "no tawsiya binary at $binary (--binary PATH)" >&2; exit 2; }

# A binary from before the batch pool has no --batch-threads: measure it as it is, for comparison.
batch_options=(--batch-threads "$batch_threads" --batch-queue "$batch_queue")
if ! "$binary" serve --help 2>&1 | grep -q -- --batch-threads; then
  batch_options=()
  batch_threads="(none)"
  batch_queue="(none)"
fi
out="$(mktemp -d)"
"$binary" serve --db "$db" --bind 127.0.0.1 --port 0 --threads "$threads" --cache-mib 0 \
  "${batch_options[@]}" > "$out/stdout" 2> "$out/access.log" &
server=$!
loopers=()
cleanup() {
  for pid in "${loopers[@]}"; do kill "$pid" 2> /dev/null || true; done
  kill -TERM "$server" 2> /dev/null || true
  wait 2> /dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT
for _ in $(seq 100); do
  [[ -s "$out/stdout" ]] && break
  sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$out/stdout" | head -1)"
[[ -n "$url" ]] || { echo "the server did not start:" >&2; cat "$out/access.log" >&2; exit 1; }
url="${url%/}"

# A concluding-observations document: one recommendation per numbered paragraph, so that the
# server splits it into --paragraphs recommendations and matches each.
{
  printf '{"text": "'
  subjects=("ratify the Optional Protocol to the Convention against Torture"
    "establish a moratorium on executions with a view to abolishing the death penalty"
    "guarantee inclusive education for children with disabilities"
    "investigate all allegations of torture and ill-treatment in detention"
    "adopt a comprehensive law against discrimination, including on grounds of sexual orientation"
    "strengthen the independence of the national human rights institution"
    "ensure access to justice for women victims of domestic violence"
    "protect journalists and human rights defenders from harassment")
  for i in $(seq "$paragraphs"); do
    printf '%d. The Committee recommends that the State party %s in all regions.\\n' \
      "$(( i + 11 ))" "${subjects[$(( i % 8 ))]}"
  done
  printf '"}'
} > "$out/document.json"

queries=(torture "death+penalty" education "women+violence" disability journalists
  "human+rights+institution" detention discrimination children)

# search_loop FILE: sequential searches until the phase ends, one time_total (s) per line.
search_loop() {
  local file="$1" end=$(( SECONDS + seconds )) i=0
  while (( SECONDS < end )); do
    curl -s -o /dev/null --max-time 30 -w '%{http_code} %{time_total}\n' \
      "$url/api/search?q=${queries[$(( i % ${#queries[@]} ))]}&page=$(( i % 5 + 1 ))" >> "$file"
    i=$(( i + 1 ))
  done
}

# report NAME FILE: count, p50, p99 and max in ms, and the non-200 answers.
report() {
  awk '$1 != 200 { bad++ } { print $2 * 1000 } END { print "non200 " bad + 0 > "/dev/stderr" }' \
    "$2" 2> "$out/bad" | sort -n > "$out/sorted"
  local n p50 p99 max
  n=$(wc -l < "$out/sorted")
  p50=$(awk -v n="$n" 'NR == int((n - 1) * 0.50) + 1 { printf "%.1f", $1 }' "$out/sorted")
  p99=$(awk -v n="$n" 'NR == int((n - 1) * 0.99) + 1 { printf "%.1f", $1 }' "$out/sorted")
  max=$(tail -1 "$out/sorted" | awk '{ printf "%.1f", $1 }')
  printf '%-28s %8s %10s %10s %10s %8s\n' "$1" "$n" "$p50" "$p99" "$max" "$(cut -d' ' -f2 "$out/bad")"
}

echo "server: $url (pid $server), index $db, $(nproc) cores, --threads $threads," \
  "--batch-threads $batch_threads, --batch-queue $batch_queue, $paragraphs paragraphs per tag," \
  "${seconds}s per phase"
printf '%-28s %8s %10s %10s %10s %8s\n' phase searches p50_ms p99_ms max_ms non200

search_loop "$out/alone"
report "search alone" "$out/alone"

for c in $(seq "$clients"); do
  (
    end=$(( SECONDS + seconds + 1 ))
    while (( SECONDS < end )); do
      curl -s -o /dev/null --max-time 30 -w '%{http_code}\n' -H 'Content-Type: application/json' \
        --data-binary "@$out/document.json" "$url/api/tag" >> "$out/tag.$c"
    done
  ) &
  loopers+=($!)
done
sleep 0.5  # the tag clients are running before the first search
search_loop "$out/loaded"
report "search, $clients clients tagging" "$out/loaded"
for pid in "${loopers[@]}"; do wait "$pid" || true; done
loopers=()
cat "$out"/tag.* | sort | uniq -c | awk '{ printf "tag answers: %s x %s\n", $1, $2 }'
