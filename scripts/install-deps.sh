#!/usr/bin/env bash
# Installs what tawsiya needs on Debian 12, as root. `--test` adds what the tests need (Chromium
# for the browser test, Node for its driver); `--fuzz` adds clang, whose libFuzzer and sanitizer
# runtimes scripts/fuzz.sh builds with. The load script bench/http_load.sh also needs wrk
# (`apt-get install wrk`), which no test uses. Does nothing for packages already installed.
set -euo pipefail

packages=(cmake g++ make pkg-config libxapian-dev libicu-dev libboost-program-options-dev
          libboost-dev rapidjson-dev liblinear-dev catch2 libbenchmark-dev)
# The document readers (indexer/readers/): Poppler for PDF, libzip + libxml2 for .docx/.odt.
packages+=(libpoppler-cpp-dev libzip-dev libxml2-dev)
# The indexing peer of the benchmarks (bench/lucene_index_peer.cpp, issue 11): Lucene++, 2 MB;
# only bench/ links it, and CMake skips the peer where it is missing.
packages+=(liblucene++-dev)
# jemalloc, the `tawsiya` binary's allocator when installed (CMakeLists.txt, issue 11): ~12% less
# CPU for `tawsiya index` than glibc's malloc.
packages+=(libjemalloc-dev)
# Shards and replicas (docs/scale.md): xapian-tcpsrv, xapian-replicate(-server); the loopback
# test tests/test_shards.cpp starts them.
packages+=(xapian-tools)
for flag in "$@"; do
    case "$flag" in
        --test) packages+=(chromium nodejs npm python3 clang-format-14)  # clang-format: check-format.sh
                # scripts/package-test.sh: the .deb (dpkg-dev and file for its shlibs Depends, help2man
                # for its man pages), its checks (lintian, systemd-analyze) and curl to ask the server.
                packages+=(dpkg-dev file help2man lintian systemd curl) ;;
        --fuzz) packages+=(clang python3) ;;  # python3 writes the seeds (scripts/fuzz-seeds.py)
        *) echo "unknown option $flag (--test, --fuzz)" >&2; exit 2 ;;
    esac
done

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
# nodejs/npm may come from outside apt (a machine image with its own Node): accept those.
if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs/}")
    missing=("${missing[@]/npm/}")
fi
read -r -a missing <<<"${missing[*]:-}"
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
