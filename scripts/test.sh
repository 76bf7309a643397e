#!/usr/bin/env bash
# Builds and runs every test: the Catch2 suite (ctest) and the browser test of the web page.
# Usage (as root on Debian 12): bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2

status=0
(cd build && ctest -j2 --output-on-failure --timeout 600) || status=1
if [[ -f tests/browser/run.sh ]]; then
    bash tests/browser/run.sh build || status=1
fi
exit $status
