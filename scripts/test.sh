#!/usr/bin/env bash
# Builds (warnings are errors) and runs every test: the sources' layout (scripts/check-format.sh),
# the Catch2 suite (ctest), the browser test of the web page and, when
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

shared="${TAWSIYA_SHARED_CORPUS:-../shared/corpus}"
if [[ -f "$shared/eval/match-queries.jsonl" ]]; then
    echo "retrieval evaluation on $shared/eval (out-of-fold, beside the BM25 baseline):"
    ./build/retrieval_eval --corpus "$shared" --check || status=1
else
    echo "retrieval evaluation skipped: no $shared/eval"
fi
# A short run of every fuzz target (libFuzzer, ASan + UBSan; longer runs: bench/RESULTS.md).
bash scripts/install-deps.sh --fuzz
FUZZ_JOBS=2 bash scripts/fuzz.sh all 30 || status=1
exit $status
