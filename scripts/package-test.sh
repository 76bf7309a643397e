#!/usr/bin/env bash
# The Debian package, checked as CI does it: builds tawsiya_VERSION_ARCH.deb from the build folder
# (cpack), checks it with lintian (no errors) and its unit with `systemd-analyze verify`, installs it
# with dpkg -i, indexes the sample corpus and serves it with the installed binary and the installed
# /etc/tawsiya/tawsiya.conf on a free loopback port, asks it for a search with curl, stops it, and
# purges the package. Needs root, no running systemd (the server is started directly). 20 to 40 s
# on 2 cores when the binary is built (lintian takes most of it).
# Usage: bash scripts/package-test.sh [BUILD_DIR]   (after scripts/install-deps.sh --test)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"

cmake --build "$build" -j2 --target tawsiya
(cd "$build" && cpack -G DEB >/dev/null)
deb="$(ls "$build"/tawsiya_*.deb)"
echo "package: $deb"
dpkg-deb --info "$deb" | sed -n 's/^ \(Depends\|Version\|Installed-Size\):/  \1:/p'

# lintian: no errors (warnings are printed, not fatal).
lintian --fail-on error "$deb"

work="$(mktemp -d)"
pid=""
cleanup() {
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" || true
    dpkg --purge tawsiya >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

dpkg -i "$deb" >/dev/null
dpkg-query -W -f='${Conffiles}\n' tawsiya | grep -q /etc/tawsiya/tawsiya.conf
test -f /usr/share/man/man1/tawsiya-serve.1.gz
# Offline: reads the unit and checks its binary, its settings and (when man is installed) that its
# Documentation= man page exists; needs no running systemd.
man_check=--man=yes
command -v man >/dev/null || man_check=--man=no
systemd-analyze verify "$man_check" /lib/systemd/system/tawsiya.service

/usr/bin/tawsiya --version
/usr/bin/tawsiya index corpus/sample.jsonl --db "$work/db" --quiet
# The installed configuration, with the index and a free port from the command line.
/usr/bin/tawsiya serve --config /etc/tawsiya/tawsiya.conf --db "$work/db" --port 0 \
    >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
for _ in $(seq 100); do
    grep -q '^listening on ' "$work/serve.out" 2>/dev/null && break
    sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$work/serve.out")"
[[ "$url" == http://127.0.0.1:* ]] || { cat "$work/serve.err"; echo "no server" >&2; exit 1; }
answer="$(curl -fsS "${url}api/search?q=torture")"
grep -q '"total":[1-9]' <<<"$answer" || { echo "unexpected answer: $answer" >&2; exit 1; }
curl -fsS -o /dev/null "$url"  # the page
kill "$pid"
wait "$pid"
pid=""
echo "package test passed: $url answered a search from the installed binary"
