#!/usr/bin/env bash
# Does batch work starve search? Starts `tawsiya serve` on 127.0.0.1 (response cache off, so every
# search is computed), measures search latency alone, then again while --clients clients loop
# POST /api/tag with a document of --paragraphs recommendations (default 200; the server takes at
# most 500), and prints p50 / p99 of both phases and the tag requests' statuses (200, and 503
# when the batch queue is full). A binary from before the batch pool is measured too (its server
# runs without the batch options), for comparison. Every loop stops by itself
# after --seconds (each phase lasts --seconds; a search's curl gives up after 30 s, a batch
# request's after --batch-timeout, so the whole run ends within 2 x --seconds + 121 s).
#
# The mixed load of record (issue 12): `--seconds 180 --alone-seconds 20 --match-clients 1` adds a
# client looping POST /api/match with one recommendation at a time, so search, match and tag run
# at once; the server's VmRSS is sampled every --rss-every seconds through the loaded phase and
# its spread after the first minute printed (target: within ±10% of its mean), the searches of
# each minute get their own p50 / p99, and any answer other than 200 is an error (a 503 of a full
# batch queue included). The load average is printed before and after: the cores are shared.
#
#   bench/batch_isolation.sh INDEX_DIR [--binary build/tawsiya] [--seconds 10] [--clients 4]
#                            [--paragraphs 200] [--threads 2] [--batch-threads 1] [--batch-queue 8]
#                            [--alone-seconds N (default --seconds)] [--match-clients 0]
#                            [--rss-every 5] [--batch-timeout 120]
#
# A batch request waits in the server's queue behind the others (one 200-paragraph tag takes ~1 s
# of a core, several on a loaded machine): its client gives up after --batch-timeout seconds.
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
batch_timeout=120
alone_seconds=""
match_clients=0
rss_every=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --paragraphs) paragraphs="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --batch-threads) batch_threads="$2"; shift 2 ;;
    --batch-queue) batch_queue="$2"; shift 2 ;;
    --alone-seconds) alone_seconds="$2"; shift 2 ;;
    --match-clients) match_clients="$2"; shift 2 ;;
    --rss-every) rss_every="$2"; shift 2 ;;
    --batch-timeout) batch_timeout="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
alone_seconds="${alone_seconds:-$seconds}"
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

# Recommendations for the match clients, one per request in turn.
match_texts=("Ratify the Optional Protocol to the Convention against Torture"
  "Take measures to combat violence against women, including domestic violence"
  "Ensure that all children have access to free primary education"
  "Abolish the death penalty and ratify the Second Optional Protocol"
  "Garantir la liberté d'expression et protéger les journalistes"
  "اتخاذ تدابير لمكافحة الاتجار بالأشخاص")

# search_loop FILE SECONDS: sequential searches for SECONDS, one line per search: status,
# time_total (s), seconds since the loop started.
search_loop() {
  local file="$1" start=$SECONDS end=$(( SECONDS + $2 )) i=0 answer
  while (( SECONDS < end )); do
    answer="$(curl -s -o /dev/null --max-time 30 -w '%{http_code} %{time_total}' \
      "$url/api/search?q=${queries[$(( i % ${#queries[@]} ))]}&page=$(( i % 5 + 1 ))")" || true
    echo "$answer $(( SECONDS - start ))" >> "$file"
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
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %8s %10s %10s %10s %8s\n' phase searches p50_ms p99_ms max_ms non200

search_loop "$out/alone" "$alone_seconds"
report "search alone" "$out/alone"

for c in $(seq "$clients"); do
  (
    end=$(( SECONDS + seconds + 1 ))
    while (( SECONDS < end )); do
      curl -s -o /dev/null --max-time "$batch_timeout" -w '%{http_code} %{time_total}\n' \
        -H 'Content-Type: application/json' --data-binary "@$out/document.json" "$url/api/tag" \
        >> "$out/tag.$c" || true
    done
  ) &
  loopers+=($!)
done
for c in $(seq "$match_clients"); do
  (
    end=$(( SECONDS + seconds + 1 )) i=$c
    while (( SECONDS < end )); do
      printf '{"text": "%s", "k": 10}' "${match_texts[$(( i % ${#match_texts[@]} ))]}" \
        > "$out/body.match.$c"
      curl -s -o /dev/null --max-time "$batch_timeout" -w '%{http_code} %{time_total}\n' \
        -H 'Content-Type: application/json' --data-binary "@$out/body.match.$c" "$url/api/match" \
        >> "$out/match.$c" || true
      i=$(( i + 1 ))
    done
  ) &
  loopers+=($!)
done
# The server's resident memory through the loaded phase, one "seconds kB" line per sample.
(
  start=$SECONDS
  while (( SECONDS < start + seconds + 1 )) && [[ -r /proc/$server/status ]]; do
    echo "$(( SECONDS - start )) $(awk '/^VmRSS/ { print $2 }' "/proc/$server/status")" >> "$out/rss"
    sleep "$rss_every"
  done
) &
loopers+=($!)
sleep 0.5  # the batch clients are running before the first search
batch_load="$clients clients tagging"
(( match_clients > 0 )) && batch_load+=", $match_clients matching"
search_loop "$out/loaded" "$seconds"
report "search, $batch_load" "$out/loaded"
if (( seconds >= 120 )); then  # a long run: each minute on its own, to see a drift
  for (( minute = 0; minute * 60 < seconds; minute++ )); do
    awk -v m="$minute" 'int($3 / 60) == m' "$out/loaded" > "$out/minute"
    [[ -s "$out/minute" ]] && report "  minute $(( minute + 1 ))" "$out/minute"
  done
fi
for pid in "${loopers[@]}"; do wait "$pid" || true; done
loopers=()
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %8s %10s %10s %10s %8s\n' batch requests p50_ms p99_ms max_ms non200
cat "$out"/tag.* > "$out/tags"
report "POST /api/tag" "$out/tags"
cut -d' ' -f1 "$out/tags" | sort | uniq -c | awk '{ printf "tag answers: %s x %s\n", $1, $2 }'
if (( match_clients > 0 )); then
  cat "$out"/match.[0-9]* > "$out/matches"
  report "POST /api/match" "$out/matches"
  cut -d' ' -f1 "$out/matches" | sort | uniq -c |
    awk '{ printf "match answers: %s x %s\n", $1, $2 }'
fi
errors=$(cat "$out/alone" "$out/loaded" "$out"/tag.* | awk '$1 != 200' | wc -l)
if (( match_clients > 0 )); then
  errors=$(( errors + $(cat "$out"/match.[0-9]* | awk '$1 != 200' | wc -l) ))
fi
echo "errors (answers other than 200, in every phase and client): $errors"
# RSS: every sample, then the spread of those after the first minute (or after the first third
# of a shorter run) around their mean.
awk -v settle=$(( seconds >= 120 ? 60 : seconds / 3 )) '
  { printf "%s%ss %.1f MB", (NR > 1 ? ", " : "server VmRSS: "), $1, $2 / 1024 }
  $1 >= settle { n++; sum += $2; if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2 }
  END {
    print ""
    if (n) printf "VmRSS after %ds: mean %.1f MB, min %.1f%%, max %+.1f%% of the mean (%d samples)\n",
      settle, sum / n / 1024, (min - sum / n) * 100 / (sum / n), (max - sum / n) * 100 / (sum / n), n
  }' "$out/rss"
