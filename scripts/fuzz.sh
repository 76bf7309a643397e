#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/: `scripts/fuzz.sh TARGET SECONDS` or `scripts/fuzz.sh all
# SECONDS` (each target in turn). Configures and builds build-fuzz/ with clang when needed
# (scripts/install-deps.sh --fuzz installs it), writes fresh seeds from corpus/sample.jsonl, and
# keeps what each run found in build-fuzz/corpus/TARGET for the next run.
# Exits non-zero when a target crashes, leaks or times out, naming the reproducer to rerun with
# `build-fuzz/fuzz/TARGET REPRODUCER`. FUZZ_JOBS (default 2) is the make parallelism.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
targets=(record_json_fuzz jsonl_fuzz uprinfo_csv_fuzz un_report_fuzz document_split_fuzz
         analyzer_fuzz search_fuzz url_params_fuzz http_batch_fuzz office_xml_fuzz document_fuzz)

if (($# != 2)) || ! [[ "$2" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 TARGET|all SECONDS   (targets: ${targets[*]})" >&2
    exit 2
fi
if [[ "$1" == all ]]; then
    selected=("${targets[@]}")
elif [[ " ${targets[*]} " == *" $1 "* ]]; then
    selected=("$1")
else
    echo "unknown target $1 (targets: ${targets[*]})" >&2
    exit 2
fi
seconds="$2"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DTAWSIYA_BUILD_FUZZ=ON \
        -DTAWSIYA_BUILD_TESTS=OFF -DTAWSIYA_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j "${FUZZ_JOBS:-2}" --target "${selected[@]}"

python3 "$root/scripts/fuzz-seeds.py" "$build/seeds"

# Xapian and ICU are not instrumented: their allocations can look leaked to LeakSanitizer at
# exit, which is not what these runs look for.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$root/fuzz/ubsan.supp}"
status=0
for target in "${selected[@]}"; do
    max_len=65536
    [[ "$target" == http_batch_fuzz ]] && max_len=1048576  # request bodies are up to 1 MiB
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target/"
    mkdir -p "$corpus" "$artifacts"
    log="$build/logs/$target.log"
    mkdir -p "$(dirname "$log")"
    # libFuzzer ends a timed run with _exit, so the targets' atexit clean-up of their scratch
    # folder (the sample index) does not run: give them one here and remove it after.
    scratch="$build/tmp/$target"
    rm -rf "$scratch" && mkdir -p "$scratch"
    echo "== $target for ${seconds}s (log: $log)"
    # -timeout: one input taking longer than 10 s is a finding (a request would hold a thread).
    if TMPDIR="$scratch" "$build/fuzz/$target" "$corpus" "$build/seeds/$target" -max_total_time="$seconds" \
        -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts" >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^Done' "$log" | tr '\n' ' '
        echo
    else
        status=1
        echo "!! $target failed; the end of its log:"
        tail -n 40 "$log"
        reproducer="$(grep -oE 'Test unit written to .*' "$log" | tail -n 1 | sed 's/Test unit written to //')"
        echo "!! reproducer: ${reproducer:-none written} (rerun: $build/fuzz/$target ${reproducer:-})"
    fi
    rm -rf "$scratch"
done
exit "$status"
