#!/usr/bin/env bash
# Writes a man page per command of the tawsiya binary, from its --help texts, with help2man:
# tawsiya.1 (the command list) and tawsiya-COMMAND.1 for each command that `tawsiya --help` lists,
# gzipped as Debian wants them. Run at build time by cmake/packaging.cmake.
# Usage: man-pages.sh TAWSIYA_BINARY OUTPUT_DIR VERSION
set -euo pipefail
binary="$(realpath "$1")" out="$2" version="$3"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

page() {  # page NAME SUMMARY PROGRAM
    help2man --no-info --no-discard-stderr --version-string="$version" --name="$2" \
             --section=1 --output="$work/$1.1" "$3"
    gzip -9n -c "$work/$1.1" >"$out/$1.1.gz"
}

page tawsiya "full-text search and recommendation matching for UN human-rights recommendations" \
     "$binary"
# The command list of `tawsiya --help`: "  NAME  summary" lines after "commands:".
"$binary" --help | sed -n '/^commands:/,/^$/p' | sed -n 's/^  \([a-z-]*\)  *\(.*\)$/\1\t\2/p' |
    while IFS=$'\t' read -r command summary; do
        # help2man runs a program: this one is `tawsiya COMMAND`, named as the page.
        printf '#!/bin/sh\nexec "%s" %s "$@"\n' "$binary" "$command" >"$work/tawsiya-$command"
        chmod +x "$work/tawsiya-$command"
        page "tawsiya-$command" "$summary" "$work/tawsiya-$command"
    done
