#!/usr/bin/env bash
# Load test of `tawsiya serve`: starts the server on an index, runs wrk at 1, 8 and 64 connections
# against a mix of search URLs (bench/http_load.lua), prints throughput, p50, p99 and errors per
# level, then the server's resident memory (VmRSS, VmHWM).
#
#   bench/http_load.sh INDEX_DIR [--binary build/tawsiya] [--seconds 10] [--threads N] [--cache-mib N]
#
# --cache-mib 0 turns the server's response cache off, so every request is a search.
#
# Build an index of the whole shared corpus first, e.g.
#   build/tawsiya index ../shared/corpus/records/*.jsonl corpus/sample.jsonl --db /tmp/tawsiya-full
# Targets: >= 2,000 req/s, zero errors, < 300 MB RSS with the whole shared corpus indexed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
db="${1:?usage: bench/http_load.sh INDEX_DIR [--binary PATH] [--seconds N] [--threads N] [--cache-mib N]}"
shift
binary="$here/../build/tawsiya"
seconds=10
threads=0
cache=16
while [[ $# -gt 0 ]]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --cache-mib) cache="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[[ -x "$binary" ]] || { echo "no tawsiya binary at $binary (--binary PATH)" >&2; exit 2; }

out="$(mktemp -d)"
"$binary" serve --db "$db" --port 0 --threads "$threads" --cache-mib "$cache" > "$out/stdout" 2> "$out/access.log" &
server=$!
trap 'kill -TERM $server 2> /dev/null || true; wait $server 2> /dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 100); do
  [[ -s "$out/stdout" ]] && break
  sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$out/stdout" | head -1)"
[[ -n "$url" ]] || { echo "the server did not start:" >&2; cat "$out/access.log" >&2; exit 1; }
url="${url%/}"

echo "server: $url (pid $server), index $db, $(nproc) cores, ${seconds}s per level"
printf '%-12s %10s %10s %10s %8s %8s\n' connections req/s p50_ms p99_ms non2xx sockerr
total_errors=0
for connections in 1 8 64; do
  wrk_threads=$(( connections < $(nproc) ? connections : $(nproc) ))
  line="$(wrk -t "$wrk_threads" -c "$connections" -d "${seconds}s" --latency -s "$here/http_load.lua" "$url" | grep '^RESULT')"
  rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<< "$line")
  p50=$(sed 's/.*p50_ms=\([0-9.]*\).*/\1/' <<< "$line")
  p99=$(sed 's/.*p99_ms=\([0-9.]*\).*/\1/' <<< "$line")
  non2xx=$(sed 's/.*non2xx=\([0-9]*\).*/\1/' <<< "$line")
  sockerr=$(sed 's/.*socket_errors=\([0-9]*\).*/\1/' <<< "$line")
  printf '%-12s %10s %10s %10s %8s %8s\n' "$connections" "$rps" "$p50" "$p99" "$non2xx" "$sockerr"
  total_errors=$(( total_errors + non2xx + sockerr ))
done
rss=$(awk '/^VmRSS/ {print $2 " " $3}' "/proc/$server/status")
hwm=$(awk '/^VmHWM/ {print $2 " " $3}' "/proc/$server/status")
echo "server memory: VmRSS $rss, peak VmHWM $hwm"
echo "errors: $total_errors"
if (( total_errors > 0 )); then
  echo "first failing requests in the access log:"
  grep -v ' 200 ' "$out/access.log" | grep -E '^[A-Z]+ ' | head -5
fi
