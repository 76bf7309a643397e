#!/usr/bin/python3
"""TF-IDF + linear SVM baseline for bench/match_eval.cpp: the same splits, the same rows.

    /usr/bin/python3 bench/baseline_tfidf_svm.py [--corpus DIR] [--sample FILE] [--queries FILE]
                                                 [--only uprinfo|morocco|dev]

Needs Debian's python3-sklearn (apt-get install python3-sklearn), hence /usr/bin/python3.
Features: word unigrams and bigrams, sublinear TF-IDF, min_df 2, of the raw text. Classifiers:
one-vs-rest LinearSVC (C=1). A multi-label scheme predicts the labels with a positive decision, or
the best one when none is positive; a single-label scheme the best one. Ranking (responsible
bodies) by decision value. Matching: cosine of TF-IDF vectors of the query and of each record (its
language versions concatenated).
"""
import argparse
import json
import os
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC


def read_records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def vectorizer():
    return TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=(1, 2))


def f1_scores(predicted, gold):
    tp, fp, fn = {}, {}, {}
    for p, g in zip(predicted, gold):
        p, g = set(p), set(g)
        for label in p:
            d = tp if label in g else fp
            d[label] = d.get(label, 0) + 1
        for label in g - p:
            fn[label] = fn.get(label, 0) + 1
    t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro = 2 * t / (2 * t + f_p + f_n) if t else 0.0
    labels = set(tp) | set(fn)
    per = []
    for label in labels:
        a, b, c = tp.get(label, 0), fp.get(label, 0), fn.get(label, 0)
        per.append(2 * a / (2 * a + b + c) if a else 0.0)
    return micro, (sum(per) / len(per) if per else 0.0)


def multilabel_decide(decisions, classes):
    out = []
    for row in decisions:
        chosen = [classes[i] for i in np.nonzero(row > 0)[0]]
        out.append(chosen or [classes[int(np.argmax(row))]])
    return out


def fit_multilabel(x, label_lists):
    binarizer = MultiLabelBinarizer()
    y = binarizer.fit_transform(label_lists)
    keep = y.sum(axis=0) > 0
    model = OneVsRestClassifier(LinearSVC(C=1.0)).fit(x, y[:, keep])
    return model, list(np.array(binarizer.classes_)[keep])


def row(task, metric, value):
    print(f"| {task:<34} | {metric:<16} | {value:8.3f} |")


def header(title):
    print(f"\n### {title} (baseline)\n")
    print(f"| {'task':<34} | {'metric':<16} | {'TF-IDF+SVM':>8} |")
    print(f"|{'-' * 36}|{'-' * 18}|{'-' * 10}|")


def eval_uprinfo(corpus):
    path = os.path.join(corpus, "records", "uprinfo-2008-2014.jsonl")
    if not os.path.exists(path):
        print(f"\n(UPR Info: {path} missing, skipped)")
        return
    start = time.time()
    records = [r for r in read_records(path) if "en" in r["text"]]
    train = [r for r in records if r.get("session", 99) <= 13]
    test = [r for r in records if r.get("session", 99) > 13]
    vec = vectorizer()
    x_train = vec.fit_transform([r["text"]["en"] for r in train])
    x_test = vec.transform([r["text"]["en"] for r in test])

    issues = lambda r: r.get("tags", {}).get("uprinfo_issue", [])
    tr = [(i, issues(r)) for i, r in enumerate(train) if issues(r)]
    model, classes = fit_multilabel(x_train[[i for i, _ in tr]], [l for _, l in tr])
    te = [i for i, r in enumerate(test) if issues(r)]
    predicted = multilabel_decide(model.decision_function(x_test[te]), classes)
    micro, macro = f1_scores(predicted, [issues(test[i]) for i in te])

    action = lambda r: (r.get("tags", {}).get("uprinfo_action") or [None])[0]
    tr = [i for i, r in enumerate(train) if action(r)]
    clf = LinearSVC(C=1.0).fit(x_train[tr], [action(train[i]) for i in tr])
    te = [i for i, r in enumerate(test) if action(r)]
    accuracy = float(np.mean(clf.predict(x_test[te]) == np.array([action(test[i]) for i in te])))

    header("UPR Info, sessions 1-13 -> 14-17")
    row("uprinfo_issue", "micro-F1", micro)
    row("uprinfo_issue", "macro-F1", macro)
    row("uprinfo_action", "accuracy", accuracy)
    print(f"\n{len(train)} trained, {len(test)} tagged in {time.time() - start:.1f} s")


def group_hash(record):
    """The fold key of match_eval.cpp: FNV-1a of the French text (else Arabic, else English)
    without ASCII spaces and punctuation, ASCII letters lower-cased."""
    text = ""
    for lang in ("fr", "ar", "en"):
        if lang in record["text"]:
            text = record["text"][lang]
            break
    h = 1469598103934665603
    for c in text.encode("utf-8"):
        if c < 0x80 and (chr(c).isspace() or chr(c) in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"):
            continue
        if 0x41 <= c <= 0x5A:
            c += 0x20
        h ^= c
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def query_text(record):
    return record["text"].get("fr") or next(iter(record["text"].values()))


def eval_morocco(corpus):
    path = os.path.join(corpus, "records", "morocco-didh.jsonl")
    if not os.path.exists(path):
        print(f"\n(Morocco: {path} missing, skipped)")
        return
    start = time.time()
    records = read_records(path)
    folds = 5
    body_right = body_n = 0
    all_right = all_n = 0
    mech_right = mech_n = 0
    axis_pred, axis_gold = [], []
    p1, r3 = [], []
    for fold in range(folds):
        train = [r for r in records if group_hash(r) % folds != fold]
        test = [r for r in records if group_hash(r) % folds == fold]
        vec = vectorizer()
        x_train = vec.fit_transform([query_text(r) for r in train])
        x_test = vec.transform([query_text(r) for r in test])

        tr = [i for i, r in enumerate(train) if r.get("mechanism")]
        clf = LinearSVC(C=1.0).fit(x_train[tr], [train[i]["mechanism"] for i in tr])
        te = [i for i, r in enumerate(test) if r.get("mechanism")]
        if te:
            mech_right += int(np.sum(clf.predict(x_test[te]) == np.array([test[i]["mechanism"] for i in te])))
            mech_n += len(te)

        tr = [i for i, r in enumerate(train) if r.get("body")]
        clf = LinearSVC(C=1.0).fit(x_train[tr], [train[i]["body"] for i in tr])
        te = [i for i, r in enumerate(test) if r.get("body")]
        if te:
            all_right += int(np.sum(clf.predict(x_test[te]) == np.array([test[i]["body"] for i in te])))
            all_n += len(te)
        te = [i for i, r in enumerate(test)
              if r.get("body") and r.get("mechanism") in ("treaty_body", "special_procedure")]
        if te:
            body_right += int(np.sum(clf.predict(x_test[te]) == np.array([test[i]["body"] for i in te])))
            body_n += len(te)

        axis = lambda r: r.get("tags", {}).get("didh_axis", [])
        tr = [i for i, r in enumerate(train) if axis(r)]
        model, classes = fit_multilabel(x_train[tr], [axis(train[i]) for i in tr])
        te = [i for i, r in enumerate(test) if axis(r)]
        if te:
            axis_pred += multilabel_decide(model.decision_function(x_test[te]), classes)
            axis_gold += [axis(test[i]) for i in te]

        tr = [i for i, r in enumerate(train) if r.get("responsible")]
        model, classes = fit_multilabel(x_train[tr], [train[i]["responsible"] for i in tr])
        te = [i for i, r in enumerate(test) if r.get("responsible")]
        if te:
            decisions = model.decision_function(x_test[te])
            for row_values, i in zip(decisions, te):
                ranked = [classes[j] for j in np.argsort(-row_values)[:3]]
                gold = set(test[i]["responsible"])
                p1.append(1.0 if ranked[0] in gold else 0.0)
                r3.append(len(gold & set(ranked)) / len(gold))

    header("Morocco, 5-fold grouped by text")
    row("body (treaty bodies, special proc.)", "accuracy", body_right / body_n if body_n else 0)
    row("body (every record, UPR's too)", "accuracy", all_right / all_n if all_n else 0)
    row("mechanism (every record)", "accuracy", mech_right / mech_n if mech_n else 0)
    row("didh_axis", "micro-F1", f1_scores(axis_pred, axis_gold)[0])
    row("responsible", "precision@1", float(np.mean(p1)) if p1 else 0)
    row("responsible", "recall@3", float(np.mean(r3)) if r3 else 0)
    print(f"\n{len(records)} records, {folds} folds in {time.time() - start:.1f} s")


def eval_dev(sample, queries):
    if not (os.path.exists(sample) and os.path.exists(queries)):
        print(f"\n(matching: {sample} or {queries} missing, skipped)")
        return
    records = read_records(sample)
    vec = TfidfVectorizer(sublinear_tf=True)
    x = vec.fit_transform([" ".join(r["text"].values()) for r in records])
    ids = [r["id"] for r in records]
    recall, mrr = {}, {}
    with open(queries, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            q = json.loads(line)
            relevant = set(q.get("relevant") or q.get("relevant_ids") or q.get("expected") or [])
            if not relevant:
                continue
            scores = (x @ vec.transform([q["text"]]).T).toarray().ravel()
            top = [ids[i] for i in np.argsort(-scores)[:10]]
            found = sum(1 for i in top if i in relevant)
            rank = next((n + 1 for n, i in enumerate(top) if i in relevant), None)
            for key in (q.get("lang", "?"), "all"):
                recall.setdefault(key, []).append(found / len(relevant))
                mrr.setdefault(key, []).append(1.0 / rank if rank else 0.0)
    print(f"\n### Matching: {len(recall.get('all', []))} dev queries (baseline: TF-IDF cosine)\n")
    print("| lang     | queries | recall@10 |    MRR |\n|----------|---------|-----------|--------|")
    for key in sorted(recall):
        print(f"| {key:<8} | {len(recall[key]):7d} | {np.mean(recall[key]):9.3f} | {np.mean(mrr[key]):6.3f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.environ.get("TAWSIYA_SHARED_CORPUS", "../shared/corpus"))
    parser.add_argument("--sample", default="corpus/sample.jsonl")
    parser.add_argument("--queries", default="corpus/dev/match-queries.jsonl")
    parser.add_argument("--only", choices=["uprinfo", "morocco", "dev"])
    args = parser.parse_args()
    print(f"baseline_tfidf_svm: corpus {args.corpus}")
    if args.only in (None, "dev"):
        eval_dev(args.sample, args.queries)
    if args.only in (None, "morocco"):
        eval_morocco(args.corpus)
    if args.only in (None, "uprinfo"):
        eval_uprinfo(args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
