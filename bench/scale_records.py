#!/usr/bin/env python3
"""Records for the scale benchmark (issue 11): the shared records, copied with new ids.

Copy 0 is the shared records as they are (34,046). Copy c > 0 gives every record the id
"ID~c" and moves it to another state and year: a permutation of the states under review (and
of the recommending states, by the same permutation) and one of the years, both drawn from a
random generator seeded by c, so that a state's or a year's postings are not the same list
repeated 30 times. Texts, tags and every other field are kept. Written to stdout as JSON lines;
generated at benchmark time, never committed (the shared corpus stays where it is).

    bench/scale_records.py --corpus ../shared/corpus --from 1 --to 9 > /tmp/copies.jsonl
"""
import argparse
import json
import pathlib
import random
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus")
    parser.add_argument("--from", dest="first", type=int, default=0, help="first copy")
    parser.add_argument("--to", dest="last", type=int, required=True, help="copy after the last")
    args = parser.parse_args()

    records = []
    for path in sorted(pathlib.Path(args.corpus, "records").glob("*.jsonl")):
        with open(path, encoding="utf-8") as lines:
            records += [line.rstrip("\n") for line in lines if line.strip()]
    if not records:
        sys.exit(f"no records under {args.corpus}/records")
    parsed = [json.loads(line) for line in records]
    states = sorted({r["state"] for r in parsed if r.get("state")})
    years = sorted({r["year"] for r in parsed if isinstance(r.get("year"), int)})

    out = sys.stdout
    for copy in range(args.first, args.last):
        if copy == 0:
            out.write("\n".join(records) + "\n")
            continue
        rng = random.Random(copy)
        moved = states[:]
        rng.shuffle(moved)
        state_of = dict(zip(states, moved))
        shifted = years[:]
        rng.shuffle(shifted)
        year_of = dict(zip(years, shifted))
        for record in parsed:
            r = dict(record)
            r["id"] = f"{record['id']}~{copy}"
            if r.get("state") in state_of:
                r["state"] = state_of[r["state"]]
            if r.get("recommending_states"):
                r["recommending_states"] = [state_of.get(s, s) for s in r["recommending_states"]]
            if r.get("year") in year_of:
                r["year"] = year_of[r["year"]]
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
