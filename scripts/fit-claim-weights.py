#!/usr/bin/env python3
"""Fit the key-claim weights of ClaimScorer.swift by logistic regression, with
cross-validation by article to show that they generalize.

Usage:
  scripts/fit-claim-weights.py [--eval DIR] [--brief BIN] [--folds 5] [--anchor-weight W] [--l2 L]

It runs `brief claims --dump-features` (a hidden flag: every body sentence with its
measurements) over DIR/editorials-dev/articles, labels each sentence with the
annotators' unit type using DIR/score-claims.py (positive: "assumption", the author's
own claim), and fits one logistic regression (Newton's method, L2 penalty, no
randomness, so every run gives the same weights). The sentence closest to the
publisher's deck (the scorer's "anchor") is weighted W times as a positive example:
it is the thesis the reader most wants. Each fold's model is fitted without that
fold's articles and scored on them with the scorer's own `evaluate`; the table
compares the held-out figures with the in-sample ones, then the weights fitted on
all articles are printed as Swift, ready to paste into ClaimScorer.swift.

The data is read where it lies (default ../shared/eval next to the repository) and
is never written into the repository.
"""
import importlib.util, json, math, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def args():
    a = sys.argv[1:]
    opts = {"--eval": os.path.join(REPO, "..", "shared", "eval"), "--brief": os.path.join(REPO, ".build", "release", "brief"),
            "--folds": "5", "--anchor-weight": "25", "--l2": "3", "--only": "", "--anchor-loss": "softmax"}
    while a:
        k = a.pop(0)
        if k not in opts or not a:
            sys.exit(__doc__)
        opts[k] = a.pop(0)
    return opts


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score_claims", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def dot(w, x):
    return sum(a * b for a, b in zip(w, x))


def sigmoid(z):
    return 1 / (1 + math.exp(-z)) if z > -50 else 0.0


def solve(a, b):
    """Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def fit(rows, names, l2, iterations=15, groups=(), group_weight=0.0):
    """L2 logistic regression by Newton's method; returns (bias, weights).

    rows: (x, y, sample weight). groups: (list of x, index of the chosen one) per article:
    a softmax term (weighted group_weight) that asks the chosen sentence to outscore the
    rest of its article."""
    d = len(names) + 1
    w = [0.0] * d
    for _ in range(iterations):
        g = [0.0] * d
        h = [[0.0] * d for _ in range(d)]
        for xs, chosen in groups:
            zs = [dot(w[1:], x) for x in xs]
            top = max(zs)
            es = [math.exp(z - top) for z in zs]
            total = sum(es)
            ps = [e / total for e in es]
            mu = [sum(p * x[i] for p, x in zip(ps, xs)) for i in range(d - 1)]
            for i in range(d - 1):
                g[i + 1] += group_weight * (mu[i] - xs[chosen][i])
            for p, x in zip(ps, xs):
                if p < 1e-9:
                    continue
                for i in range(d - 1):
                    if x[i]:
                        hi = h[i + 1]
                        for j in range(i, d - 1):
                            hi[j + 1] += group_weight * p * x[i] * x[j]
            for i in range(d - 1):
                if mu[i]:
                    hi = h[i + 1]
                    for j in range(i, d - 1):
                        hi[j + 1] -= group_weight * mu[i] * mu[j]
        for x, y, sw in rows:
            xx = [1.0] + x
            p = sigmoid(dot(w, xx))
            e = sw * (p - y)
            s = sw * p * (1 - p)
            for i in range(d):
                g[i] += e * xx[i]
                if xx[i]:
                    hi = h[i]
                    for j in range(i, d):
                        hi[j] += s * xx[i] * xx[j]
        for i in range(d):
            for j in range(i):
                h[i][j] = h[j][i]
        for i in range(1, d):  # no penalty on the bias
            g[i] += l2 * w[i]
            h[i][i] += l2
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w[0], w[1:]


def main():
    o = args()
    sc = load_scorer(os.path.join(o["--eval"], "score-claims.py"))
    labels = os.path.join(o["--eval"], "editorials-dev", "labels.jsonl")
    art_dir = os.path.join(o["--eval"], "editorials-dev", "articles")
    docs = {json.loads(l)["id"]: json.loads(l) for l in open(labels) if l.strip()}
    files = sorted(os.path.join(art_dir, f) for f in os.listdir(art_dir) if f.endswith(".txt"))
    out = subprocess.run([o["--brief"], "claims", "--dump-features", *files], check=True,
                         capture_output=True, text=True).stdout

    by_doc = {}
    names = None
    for line in out.splitlines():
        r = json.loads(line)
        doc_id = os.path.splitext(os.path.basename(r["source"]))[0]
        s = r["sentence"]
        names = names or list(s["features"])
        doc = docs[doc_id]
        span = sc.locate(doc, s["text"])
        label = sc.label_of(doc, span) if span else None
        by_doc.setdefault(doc_id, []).append((s, label))
    if o["--only"]:
        keep = o["--only"].split(",")
        names = [n for n in names if n in keep]

    anchor_weight = float(o["--anchor-weight"])
    l2 = float(o["--l2"])

    softmax = o["--anchor-loss"] == "softmax"

    def examples(ids):
        rows, groups = [], []
        for i in ids:
            doc = docs[i]
            a = sc.anchor(doc)
            xs, chosen = [], None
            for s, label in by_doc[i]:
                x = [s["features"][n] for n in names]
                y = 1.0 if label == "assumption" else 0.0
                sw = 1.0
                if a:
                    sp = sc.locate(doc, s["text"])
                    if sp and min(sp[1], a[1]) - max(sp[0], a[0]) > 0.5 * (a[1] - a[0]):
                        y = 1.0
                        if s["words"] >= 4:
                            chosen = len(xs)
                        if not softmax:
                            sw = anchor_weight
                if s["words"] >= 4:
                    xs.append(x)
                rows.append((x, y, sw))
            if softmax and chosen is not None:
                groups.append((xs, chosen))
        return rows, groups

    def train(ids):
        rows, groups = examples(ids)
        return fit(rows, names, l2, groups=groups, group_weight=anchor_weight if softmax else 0.0)

    def picks(ids, bias, w):
        result = {}
        for i in ids:
            scored = []
            for s, _ in by_doc[i]:
                if s["words"] < 4:
                    continue
                z = bias + dot(w, [s["features"][n] for n in names])
                scored.append((-z, s["index"], s["text"]))
            result[i] = [t for _, _, t in sorted(scored)[:3]]
        return result

    ids = sorted(by_doc)
    k = int(o["--folds"])
    folds = [ids[f::k] for f in range(k)]
    held = {}
    for f in range(k):
        training = [i for g in range(k) if g != f for i in folds[g]]
        bias, w = train(training)
        held.update(picks(folds[f], bias, w))
    bias, w = train(ids)
    full = picks(ids, bias, w)
    fields = ("precision@3", "R1@1", "hit@3")
    held_r = sc.evaluate([docs[i] for i in ids], held, 3)
    full_r = sc.evaluate([docs[i] for i in ids], full, 3)
    print(f"{'':22} " + " ".join(f"{f:>11}" for f in fields))
    print(f"{k}-fold held-out      " + " ".join(f"{held_r[f]:>11}" for f in fields))
    print(f"fitted on all          " + " ".join(f"{full_r[f]:>11}" for f in fields))
    print("(top 3 by score without the near-duplicate check; `brief claims` adds it)")
    print()
    print(f"    static let bias = {bias:.2f}")
    print("    static let weights: [Feature: Double] = [")
    for n, v in zip(names, w):
        print(f"        .{n}: {v:.2f},")
    print("    ]")


if __name__ == "__main__":
    main()
