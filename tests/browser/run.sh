#!/usr/bin/env bash
# The browser test, as scripts/test.sh runs it: installs playwright-core (npm, no browser download)
# and drives Debian's Chromium against the real server built in BUILD_DIR (default: build).
# Screenshots are kept in BUILD_DIR/browser-artifacts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-build}" && pwd)"
cd "$here"
if [[ ! -d node_modules/playwright-core ]]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
exec node page.test.mjs --binary "$build/tawsiya" --artifacts "$build/browser-artifacts"
