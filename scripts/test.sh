#!/usr/bin/env bash
# Builds (warnings are errors) and runs every test: the sources' layout (scripts/check-format.sh),
# the Catch2 suite (ctest), again under ASan + UBSan (build-asan/), the browser test of the web
# page and, when
# the shared corpus is beside the project, the retrieval evaluation, which fails when a row of
# tawsiya's out-of-fold figures falls below the baseline of the same run, and a 30 s run of each
# fuzz target.
# Usage (as root on Debian 12): bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --test
# The options are set here, not left to the cache: run-sample.sh configures the same folder
# without the tests.
# TAWSIYA_WERROR: a warning fails the build here, not only in review.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTAWSIYA_BUILD_TESTS=ON \
      -DTAWSIYA_BUILD_BENCH=ON -DTAWSIYA_WERROR=ON >/dev/null
cmake --build build -j2

status=0
bash scripts/check-format.sh || status=1
(cd build && ctest -j2 --output-on-failure --no-tests=error --timeout 600) || status=1
if [[ -f tests/browser/run.sh ]]; then
    bash tests/browser/run.sh build || status=1
fi

# ---- the Debian package: built, lintian, systemd-analyze verify, dpkg -i, served (20-40 s) ----
bash scripts/package-test.sh build || status=1
# ---- end of the Debian package ----

shared="${TAWSIYA_SHARED_CORPUS:-../shared/corpus}"
if [[ -f "$shared/eval/match-queries.jsonl" ]]; then
    echo "retrieval evaluation on $shared/eval (out-of-fold, beside the BM25 baseline):"
    ./build/retrieval_eval --corpus "$shared" --check || status=1
else
    echo "retrieval evaluation skipped: no $shared/eval"
fi

# --- Sanitizers: the Catch2 suite again, under AddressSanitizer + UndefinedBehaviorSanitizer ---
# build-asan/ (TAWSIYA_SANITIZE): the libraries, the test program and the `tawsiya` binary the CLI
# and HTTP tests start are all instrumented, so a leak, an overflow or any undefined behaviour
# fails the test that meets it (UB is fatal; LeakSanitizer runs when each process exits). The
# browser test is not run again (it drives the page, not the C++). Its cost: bench/RESULTS.md.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTAWSIYA_SANITIZE=ON \
      -DTAWSIYA_BUILD_TESTS=ON -DTAWSIYA_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j2
(cd build-asan &&
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest -j2 --output-on-failure --no-tests=error --timeout 900) || status=1
# --- end of the sanitizer block ---

# A short run of every fuzz target (libFuzzer, ASan + UBSan; longer runs: bench/RESULTS.md).
bash scripts/install-deps.sh --fuzz
FUZZ_JOBS=2 bash scripts/fuzz.sh all 30 || status=1
exit $status
