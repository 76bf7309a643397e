#!/usr/bin/python3
"""Writes lexicon/sdg-targets.tsv from the Open SDG translations (MIT licence).

    /usr/bin/python3 scripts/sdg-targets.py [SOURCE_DIR] > lexicon/sdg-targets.tsv

SOURCE_DIR (default ../shared/corpus/raw/sdg-targets) holds {ar,en,fr}.global_{goals,targets,
indicators}.yml, keyed by number ("16-10-title"). One line per text: id, language, text, with the
id "4" for a goal's title, "4-short" for its short name, "4.7" for a target and "4.7.1" for an
indicator; tabs and line breaks in a text become spaces. The files are flat YAML maps of plain or
single-quoted scalars, continued on indented lines: read here without a YAML library (a line of
another shape stops the script with file:line). The licence of the source is
lexicon/sdg-targets.LICENSE.
"""
import os
import sys

import re

KEY = re.compile(r"^([0-9a-z-]+):(?: (.*))?$")


def read_flat_yaml(path):
    """key -> text of a flat YAML map of plain or single-quoted (possibly folded) scalars."""
    entries, key, parts = {}, None, []

    def finish():
        if key is None:
            return
        text = " ".join(p.strip() for p in parts if p.strip())
        if text.startswith("'"):
            if not text.endswith("'") or len(text) < 2:
                sys.exit(f"{path}: {key}: unterminated quoted value")
            text = text[1:-1].replace("''", "'")
        entries[key] = text

    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith((" ", "\t")):
                if key is None:
                    sys.exit(f"{path}:{number}: continuation before any key")
                parts.append(line)
                continue
            match = KEY.match(line)
            if not match:
                sys.exit(f"{path}:{number}: not a 'key: value' line")
            finish()
            key, parts = match.group(1), [match.group(2) or ""]
    finish()
    return entries

KINDS = ("goals", "targets", "indicators")
LANGS = ("en", "fr", "ar")


def key_to_id(key):
    parts = key.split("-")
    kind = parts[-1]
    number = ".".join(parts[:-1])
    return number + "-short" if kind == "short" else number if kind == "title" else None


def sort_key(text_id):
    number, _, short = text_id.partition("-")
    return ([int(p) if p.isdigit() else 1000 + ord(p[0]) for p in number.split(".")], short)


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/raw/sdg-targets"
    rows = {}
    for kind in KINDS:
        for lang in LANGS:
            path = os.path.join(source, f"{lang}.global_{kind}.yml")
            for key, text in read_flat_yaml(path).items():
                text_id = key_to_id(key)
                text = " ".join(text.split())
                if text_id is not None and text:
                    rows[(text_id, lang)] = text
    out = sys.stdout
    out.write("# The 17 goals, 169 targets and 252 indicators of the 2030 Agenda (official wording), from\n")
    out.write("# the Open SDG translations project, MIT licence: sdg-targets.LICENSE. Made by\n")
    out.write("# scripts/sdg-targets.py. id<TAB>language<TAB>text; ids: 4 (goal), 4-short, 4.7, 4.7.1.\n")
    for text_id, lang in sorted(rows, key=lambda r: (sort_key(r[0]), LANGS.index(r[1]))):
        out.write(f"{text_id}\t{lang}\t{rows[(text_id, lang)]}\n")


if __name__ == "__main__":
    main()
