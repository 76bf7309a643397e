#!/usr/bin/env python3
"""Checks the project's sample corpus and its development queries.

    python3 scripts/check-corpus.py [--shared ../shared/corpus]

- corpus/sample.jsonl: every line a record of docs/record-format.md with an English, French and
  Arabic version, unique ids, a mechanism and body, tags of the three OHCHR schemes, responsible
  bodies;
- corpus/dev/match-queries.jsonl: every query has a language, a text and relevant ids that exist;
- with the shared corpus present, no sample text is a copy of a shared one (the sample is written
  by the project, see corpus/README.md).
Exits 1 with one line per problem (file:line: reason).
"""
import argparse
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MECHANISMS = {"upr", "treaty_body", "special_procedure"}
SCHEMES = {"uhri_theme", "sdg", "affected_persons"}


def normalized(text):
    text = re.sub(r"\([^()]*\)\s*[;.؛]?\s*$", "", text)  # recommending states
    return re.sub(r"\W+", " ", text.lower()).strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=os.environ.get(
        "TAWSIYA_SHARED_CORPUS", os.path.join(ROOT, "..", "shared", "corpus")))
    args = parser.parse_args()
    problems = []
    sample = os.path.join(ROOT, "corpus", "sample.jsonl")
    queries = os.path.join(ROOT, "corpus", "dev", "match-queries.jsonl")

    records = {}
    counts = {"mechanism": {}, "lang": {"ar": 0, "fr": 0, "en": 0}}
    with open(sample, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{sample}:{n}"
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: broken JSON: {e}")
                continue
            rid = r.get("id")
            if not isinstance(rid, str) or not rid:
                problems.append(f"{where}: missing id")
                continue
            if rid in records:
                problems.append(f"{where}: duplicate id {rid}")
            records[rid] = r
            text = r.get("text", {})
            for lang in ("ar", "fr", "en"):
                if not isinstance(text.get(lang), str) or len(text[lang].split()) < 4:
                    problems.append(f"{where}: {rid} has no real '{lang}' version")
                else:
                    counts["lang"][lang] += 1
            if "ar" in text and not re.search(r"[\u0600-\u06FF]", text["ar"]):
                problems.append(f"{where}: {rid}: the Arabic version has no Arabic letters")
            mechanism = r.get("mechanism")
            if mechanism not in MECHANISMS:
                problems.append(f"{where}: {rid}: mechanism {mechanism!r}")
            counts["mechanism"][mechanism] = counts["mechanism"].get(mechanism, 0) + 1
            if not r.get("body") or not r.get("state") or not isinstance(r.get("year"), int):
                problems.append(f"{where}: {rid}: body, state and year are required in the sample")
            if mechanism == "upr" and not r.get("recommending_states"):
                problems.append(f"{where}: {rid}: a UPR record without recommending states")
            tags = r.get("tags", {})
            if not SCHEMES & set(tags):
                problems.append(f"{where}: {rid}: no tag of {sorted(SCHEMES)}")
            if not r.get("responsible"):
                problems.append(f"{where}: {rid}: no responsible body")

    query_count = 0
    with open(queries, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{queries}:{n}"
            if not line.strip():
                continue
            try:
                q = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: broken JSON: {e}")
                continue
            query_count += 1
            if q.get("lang") not in ("ar", "fr", "en") or not q.get("text"):
                problems.append(f"{where}: a query needs lang and text")
            relevant = q.get("relevant") or []
            if not relevant:
                problems.append(f"{where}: no relevant ids")
            for rid in relevant:
                if rid not in records:
                    problems.append(f"{where}: relevant id {rid} is not in the sample")
            for rid in relevant:
                r = records.get(rid)
                lang = q.get("lang")
                if r and lang in r.get("text", {}) and \
                        normalized(r["text"][lang]) == normalized(q.get("text", "")):
                    problems.append(f"{where}: the query copies {rid} instead of rewording it")

    if os.path.isdir(os.path.join(args.shared, "records")):
        own = {}
        for rid, r in records.items():
            for text in r.get("text", {}).values():
                key = normalized(text)
                if len(key) > 30:
                    own[key] = rid
        copied = set()
        records_dir = os.path.join(args.shared, "records")
        for name in sorted(os.listdir(records_dir)):
            if not name.endswith(".jsonl"):
                continue
            with open(os.path.join(records_dir, name), encoding="utf-8") as f:
                for line in f:
                    for text in json.loads(line).get("text", {}).values():
                        rid = own.get(normalized(text))
                        if rid and rid not in copied:
                            copied.add(rid)
                            problems.append(f"{sample}: {rid} copies a text of {name}")

    for p in problems:
        print(p)
    print(f"{len(records)} records ({counts['mechanism']}), versions {counts['lang']}, "
          f"{query_count} dev queries, {len(problems)} problems")
    if len(records) < 150 or query_count < 60:
        print("the sample needs at least 150 records and 60 dev queries")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
