#!/usr/bin/python3
"""Writes lexicon/sdg-targets.tsv from the Open SDG translations (MIT licence).

    /usr/bin/python3 scripts/sdg-targets.py [SOURCE_DIR] > lexicon/sdg-targets.tsv

SOURCE_DIR (default ../shared/corpus/raw/sdg-targets) holds {ar,en,fr}.global_{goals,targets,
indicators}.yml, keyed by number ("16-10-title"). One line per text: id, language, text, with the
id "4" for a goal's title, "4-short" for its short name, "4.7" for a target and "4.7.1" for an
indicator; tabs and line breaks in a text become spaces. Needs python3-yaml. The licence of the
source is lexicon/sdg-targets.LICENSE.
"""
import os
import sys

import yaml

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
            with open(os.path.join(source, f"{lang}.global_{kind}.yml"), encoding="utf-8") as f:
                for key, text in (yaml.safe_load(f) or {}).items():
                    text_id = key_to_id(str(key))
                    if text_id is None or not isinstance(text, str):
                        continue
                    text = " ".join(text.split())
                    if text:
                        rows[(text_id, lang)] = text
    out = sys.stdout
    out.write("# The 17 goals, 169 targets and 252 indicators of the 2030 Agenda (official wording), from\n")
    out.write("# the Open SDG translations project, MIT licence: sdg-targets.LICENSE. Made by\n")
    out.write("# scripts/sdg-targets.py. id<TAB>language<TAB>text; ids: 4 (goal), 4-short, 4.7, 4.7.1.\n")
    for text_id, lang in sorted(rows, key=lambda r: (sort_key(r[0]), LANGS.index(r[1]))):
        out.write(f"{text_id}\t{lang}\t{rows[(text_id, lang)]}\n")


if __name__ == "__main__":
    main()
