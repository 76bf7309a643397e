#!/usr/bin/env bash
# The main job on the built-in sample corpus: install, build, index corpus/, serve the web page.
# Usage (as root on Debian 12): bash scripts/run-sample.sh [--port 8080] [--bind 127.0.0.1]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DTAWSIYA_BUILD_TESTS=OFF -DTAWSIYA_BUILD_BENCH=OFF >/dev/null
cmake --build build -j2 --target tawsiya

rm -rf build/sample-db
# --train: the taggers behind the match suggestions and the term translations of cross-language
# search, learned from what was indexed and the lexicon (and the UN parallel corpus when present).
parallel=()
[[ -d ../shared/corpus/parallel/unpc-devset ]] && parallel=(--parallel ../shared/corpus/parallel/unpc-devset)
./build/tawsiya index corpus/*.jsonl --db build/sample-db --train "${parallel[@]}"
exec ./build/tawsiya serve --db build/sample-db "$@"
