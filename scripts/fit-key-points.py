#!/usr/bin/env python3
"""Fit Brief's key-point model (KeyPointWeights.swift) on the labelled development sets and
report its figures cross-validated by article, beside the baselines, in one run.

Usage:
  scripts/fit-key-points.py [--eval DIR] [--brief BIN] [--folds 5] [--write]

Needs numpy and rouge-score (`pip install numpy rouge-score==0.1.2`, in a virtual environment
if you like). Reads the sets where they lie (default ../shared/eval beside the repository),
never copies them into the repository, and says so and stops when they are absent.

What it fits, each by L2-penalised logistic regression (Newton's method: no randomness, the
same data always gives the same weights):
- the kind model: P(news report) from an article's mean sentence measurements (news-dev are
  reports; editorials-dev and essays-dev are argued);
- the claim model: P(a sentence is the author's claim) on editorials-dev and essays-dev
  (units labelled "assumption");
- the thesis model: which sentence of an argued piece states its position: a softmax over each
  article's sentences, the chosen one being the sentence closest to the publisher's deck
  (editorials) or the essay's first claim in its introduction (essays);
- the fact model: P(a sentence is a main fact) on news-dev, the positives being the sentences a
  greedy ROUGE oracle picks against the human highlights;
- Platt scaling of the claim and fact sums on held-out predictions, so that a score reads as a
  probability.
Cross-validation: the articles of each set are dealt into K folds (by sorted id, every K-th);
each fold's model is fitted without it, written as a model file and run through the real
binary (`brief claims --model FILE`) on that fold's articles; the figures below are those
held-out runs, scored by the sets' own scorers. `--write` then fits on every article and writes
Sources/BriefCore/Analysis/KeyPointWeights.swift.
"""
import importlib.util, json, math, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SETS = ("editorials-dev", "essays-dev", "news-dev")
THESIS_MIX = 1.0
POSITION_DECAY = 2.0

try:
    import numpy as np
    from rouge_score import rouge_scorer
except ImportError:
    sys.exit("fit-key-points: needs numpy and rouge-score (pip install numpy rouge-score==0.1.2)")


def options():
    a = sys.argv[1:]
    o = {"--eval": os.path.join(REPO, "..", "shared", "eval"), "--brief": os.path.join(REPO, ".build", "release", "brief"),
         "--folds": "5", "--write": False, "--l2": "3", "--thesis-weight": "1"}
    while a:
        k = a.pop(0)
        if k == "--write":
            o[k] = True
        elif k in o and a:
            o[k] = a.pop(0)
        else:
            sys.exit(__doc__)
    return o


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


ROUGE = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)


def news_reference(doc):
    return "\n".join(doc.get("summary_bullets") or [doc.get("summary", "")])


def oracle(doc, texts, k=3):
    """Greedy ROUGE-1+2 oracle: indices of up to k sentences that best match the highlights."""
    ref, chosen, best = news_reference(doc), [], 0.0
    for _ in range(k):
        gain = None
        for i, t in enumerate(texts):
            if i in chosen or len(t.split()) < 4:
                continue
            s = ROUGE.score(ref, "\n".join(texts[j] for j in sorted(chosen + [i])))
            v = s["rouge1"].fmeasure + s["rouge2"].fmeasure
            if v > best + 1e-9 and (gain is None or v > gain[0]):
                gain = (v, i)
        if gain is None:
            break
        best, chosen = gain[0], chosen + [gain[1]]
    return set(chosen)


# ---------------------------------------------------------------------------------------------
# Logistic regression, and a per-article softmax for the thesis.

def fit(x, y, l2, iterations=50, sample_weight=None):
    """Bias and weights minimising the (weighted) log loss + l2/2 |w|^2, the bias not penalised;
    l2 is one number or one per column."""
    n, d = x.shape
    xx = np.hstack([np.ones((n, 1)), x])
    w = np.zeros(d + 1)
    sw = np.ones(n) if sample_weight is None else sample_weight
    penalty = np.concatenate([[0.0], np.broadcast_to(np.asarray(l2, dtype=float), (d,))])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(xx @ w, -50, 50)))
        g = penalty * w + xx.T @ (sw * (p - y))
        h = np.diag(penalty) + (xx.T * (sw * p * (1 - p))) @ xx
        step = np.linalg.solve(h + 1e-9 * np.eye(d + 1), g)
        w = w - step
        if np.max(np.abs(step)) < 1e-7:
            break
    return w[0], w[1:]


def platt(z, y):
    """a, b with P = logistic(a z + b) fitted to labels y (a tiny penalty keeps it finite)."""
    b, w = fit(np.asarray(z).reshape(-1, 1), np.asarray(y, dtype=float), 1e-3)
    return float(w[0]), float(b)


# ---------------------------------------------------------------------------------------------

class Data:
    """Every sentence of every article of the three sets, with its measurements and labels."""

    def __init__(self, o):
        self.eval = o["--eval"]
        self.brief = o["--brief"]
        self.sc = load_module(os.path.join(self.eval, "score-claims.py"), "score_claims")
        self.docs, self.files, self.rows = {}, {}, {}
        for s in SETS:
            labels = os.path.join(self.eval, s, "labels.jsonl")
            self.docs[s] = {d["id"]: d for d in map(json.loads, open(labels, encoding="utf-8")) if d}
            folder = os.path.join(self.eval, s, "articles")
            self.files[s] = {os.path.splitext(f)[0]: os.path.join(folder, f) for f in sorted(os.listdir(folder))
                             if f.endswith(".txt")}
            out = run([self.brief, "claims", "--dump-features", *self.files[s].values()])
            rows = {}
            for line in out.splitlines():
                r = json.loads(line)
                rows.setdefault(os.path.splitext(os.path.basename(r["source"]))[0], []).append(r["sentence"])
            self.rows[s] = rows
        first = self.rows[SETS[0]]
        any_doc = next(iter(first.values()))
        self.names = list(any_doc[0]["features"])
        self.kind_names = list(any_doc[0]["kindFeatures"])
        self.label()

    def label(self):
        sc = self.sc
        self.y, self.chosen, self.kind_x = {}, {}, {}
        for s in SETS:
            for i, sentences in self.rows[s].items():
                doc = self.docs[s][i]
                self.kind_x[(s, i)] = [sentences[0]["kindFeatures"][n] for n in self.kind_names]
                if s == "news-dev":
                    picked = oracle(doc, [r["text"] for r in sentences])
                    self.y[(s, i)] = [1.0 if k in picked else 0.0 for k in range(len(sentences))]
                    continue
                labels = []
                for r in sentences:
                    span = sc.locate(doc, r["text"])
                    labels.append(1.0 if span and sc.label_of(doc, span) == "assumption" else 0.0)
                self.y[(s, i)] = labels
                chosen = None
                if s == "editorials-dev":
                    a = sc.anchor(doc)
                    for k, r in enumerate(sentences):
                        span = sc.locate(doc, r["text"])
                        if a and span and r["words"] >= 4 and min(span[1], a[1]) - max(span[0], a[0]) > 0.5 * (a[1] - a[0]):
                            chosen = k
                            break
                else:  # the essay's first claim in its introduction
                    for k, r in enumerate(sentences):
                        if r["paragraph"] == sentences[0]["paragraph"] and labels[k] and r["words"] >= 4:
                            chosen = k
                            break
                self.chosen[(s, i)] = chosen

    def matrix(self, keys):
        x = [[r["features"][n] for n in self.names] for key in keys for r in self.rows[key[0]][key[1]]]
        y = [v for key in keys for v in self.y[key]]
        return np.array(x, dtype=float), np.array(y, dtype=float)


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def fit_model(data, keys, l2, thesis_weight):
    """Every part of the model, fitted on the articles `keys` ((set, id) pairs)."""
    argued = [k for k in keys if k[0] != "news-dev"]
    news = [k for k in keys if k[0] == "news-dev"]
    kx = np.array([data.kind_x[k] for k in keys])
    ky = np.array([1.0 if k[0] == "news-dev" else 0.0 for k in keys])
    # The two kinds weigh the same whatever their numbers (reports called argued cost the news
    # figures more than the reverse costs the editorials'; measured both ways); the share of one-sentence paragraphs
    # (a convention of news writing, but also of a file's format) is penalised more, so that it
    # tips a close decision instead of making it alone.
    penalty = np.array([10.0 if n == "loneSentence" else 0.1 for n in data.kind_names])
    balance = np.where(ky == 1, (ky == 0).sum() / max((ky == 1).sum(), 1), 1.0)
    kb, kw = fit(kx, ky, penalty, sample_weight=balance)
    xa, ya = data.matrix(argued)
    cb, cw = fit(xa, ya, l2)
    # Thesis: one softmax group per editorial with a sentence matching its deck (words >= 4 rows
    # only). Essays have no deck; their introduction's claim as the thesis made the editorials'
    # thesis worse (held-out top-3 17 of 95 decks instead of 47), so they are left out.
    groups, offset = [], 0
    for key in argued:
        if key[0] != "editorials-dev":
            offset += len(data.rows[key[0]][key[1]])
            continue
        sentences = data.rows[key[0]][key[1]]
        rows = [offset + k for k, r in enumerate(sentences) if r["words"] >= 4]
        c = data.chosen.get(key)
        if c is not None and len(rows) > 1:
            groups.append((rows, offset + c))
        offset += len(sentences)
    tb, tw = fit_thesis(xa, groups, l2 / max(thesis_weight, 1e-9))
    xn, yn = data.matrix(news)
    fb, fw = fit(xn, yn, l2)
    # Calibration on the training articles' own sums (L2 models are close to calibrated already;
    # Platt scaling corrects what the penalty shrank).
    ca = platt(xa @ cw + cb, ya)
    fa = platt(xn @ fw + fb, yn)
    values = {"kind.bias": kb, "claim.bias": cb, "thesis.bias": tb, "fact.bias": fb,
              "claim.calibration.a": ca[0], "claim.calibration.b": ca[1],
              "fact.calibration.a": fa[0], "fact.calibration.b": fa[1],
              "conclusion.threshold": 0.8,
              # Chosen on the held-out runs (see the README): the share of the thesis sum in the
              # order of the claims after it, and the position decay of the facts of a report.
              "claim.thesis.mix": THESIS_MIX, "fact.position.decay": POSITION_DECAY}
    for n, v in zip(data.kind_names, kw):
        values["kind." + n] = v
    for prefix, w in (("claim", cw), ("thesis", tw), ("fact", fw)):
        for n, v in zip(data.names, w):
            values[prefix + "." + n] = v
    return values


def fit_thesis(x, groups, l2):
    """The softmax-only model (no pointwise term): bias is irrelevant to the ranking, kept 0."""
    n, d = x.shape
    w = np.zeros(d)
    for _ in range(40):
        g = l2 * w
        h = l2 * np.eye(d)
        for rows, chosen in groups:
            xg = x[rows]
            z = xg @ w
            e = np.exp(z - z.max())
            q = e / e.sum()
            mu = xg.T @ q
            g += mu - x[chosen]
            h += (xg.T * q) @ xg - np.outer(mu, mu)
        step = np.linalg.solve(h, g)
        w -= step
        if np.max(np.abs(step)) < 1e-7:
            break
    return 0.0, w


def write_model(values, path):
    with open(path, "w") as f:
        for k in sorted(values):
            f.write(f"{k} {values[k]:.6g}\n")


def news_rouge(docs, picks):
    tot = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for d in docs:
        s = ROUGE.score(news_reference(d), "\n".join(picks.get(d["id"], [])))
        for m in tot:
            tot[m] += s[m].fmeasure
    return {m: round(100 * v / max(len(docs), 1), 1) for m, v in tot.items()}


def news_lead(doc, splitter, k=3):
    """The first k body sentences by the news scorer's own splitter (its lead-3 baseline)."""
    return [s for line in doc["text"].split("\n")[1:] for s in splitter.sentences(line)][:k]


def main():
    o = options()
    if not all(os.path.isdir(os.path.join(o["--eval"], s)) for s in SETS):
        print(f"fit-key-points: no evaluation data at {o['--eval']} (expected {', '.join(SETS)}); nothing was run.")
        return
    data = Data(o)
    l2, tweight, k = float(o["--l2"]), float(o["--thesis-weight"]), int(o["--folds"])
    keys = [(s, i) for s in SETS for i in sorted(data.rows[s])]
    folds = [[key for s in SETS for key in [(s, i) for i in sorted(data.rows[s])][f::k]] for f in range(k)]
    held = {s: {} for s in SETS}       # id -> picked texts (held-out)
    kinds = {s: {} for s in SETS}      # id -> kind decided (held-out)
    scores = {s: [] for s in SETS}     # (score, label) of every sentence (held-out)
    tmp = tempfile.mkdtemp(prefix="brief-fit-")
    for f in range(k):
        training = [key for g in range(k) if g != f for key in folds[g]]
        values = fit_model(data, training, l2, tweight)
        path = os.path.join(tmp, f"fold{f}.model")
        write_model(values, path)
        for s in SETS:
            ids = [i for (t, i) in folds[f] if t == s]
            files = [data.files[s][i] for i in ids]
            for line in run([o["--brief"], "claims", "--model", path, "--format", "json", "--limit", "3", *files]).splitlines():
                r = json.loads(line)
                i = os.path.splitext(os.path.basename(r["source"]))[0]
                held[s][i] = [c["text"] for c in r["claims"]]
                kinds[s][i] = r.get("kind")
            for line in run([o["--brief"], "claims", "--model", path, "--dump-features", *files]).splitlines():
                r = json.loads(line)
                i = os.path.splitext(os.path.basename(r["source"]))[0]
                sentence = r["sentence"]
                kinds[s].setdefault(i, sentence["kind"])
                scores[s].append((sentence["score"], i, sentence["index"]))
    report(data, held, kinds, scores)
    if o["--write"]:
        values = fit_model(data, keys, l2, tweight)
        swift = os.path.join(REPO, "Sources", "BriefCore", "Analysis", "KeyPointWeights.swift")
        with open(swift, "w") as out:
            out.write("/// Written by `scripts/fit-key-points.py --write` (fitted on editorials-dev, essays-dev and\n")
            out.write("/// news-dev); do not edit by hand. Names: `KeyPointModel.valueNames`.\n")
            out.write("enum KeyPointWeights {\n    static let values: [String: Double] = [\n")
            for key in sorted(values):
                out.write(f"        \"{key}\": {values[key]:.4f},\n")
            out.write("    ]\n}\n")
        print(f"\nwrote {os.path.relpath(swift, REPO)}")


def report(data, held, kinds, scores):
    sc = data.sc
    print("Held-out figures (each article scored by a model fitted without it):\n")
    for s in ("editorials-dev", "essays-dev"):
        docs = [data.docs[s][i] for i in sorted(data.rows[s])]
        r = sc.evaluate(docs, held[s], 3)
        lead = sc.evaluate(docs, {d["id"]: [d["text"][a:b].strip() for a, b in sc.body_sentences(d)[:3]] for d in docs}, 3)
        tr = sc.evaluate(docs, {d["id"]: [d["text"][a:b].strip() for a, b in sc.textrank(d, 3)] for d in docs}, 3)
        print(f"{s:16} {'precision@3':>11} {'R1@1':>6} {'hit@3':>6}")
        for name, x in (("brief", r), ("lead-3", lead), ("textrank-3", tr)):
            print(f"  {name:14} {x['precision@3']:>11} {x['R1@1']:>6} {x['hit@3']:>6}")
    docs = [data.docs["news-dev"][i] for i in sorted(data.rows["news-dev"])]
    r = news_rouge(docs, held["news-dev"])
    splitter = load_module(os.path.join(data.eval, "score-news.py"), "score_news")
    lead = news_rouge(docs, {d["id"]: news_lead(d, splitter) for d in docs})
    print(f"{'news-dev':16} {'ROUGE-1':>7} {'ROUGE-2':>7} {'ROUGE-Lsum':>10}")
    for name, x in (("brief", r), ("lead-3", lead)):
        print(f"  {name:14} {x['rouge1']:>7} {x['rouge2']:>7} {x['rougeLsum']:>10}")
    print("\nKind decided (held-out):")
    for s in SETS:
        counts = {}
        for i, kd in kinds[s].items():
            counts[kd] = counts.get(kd, 0) + 1
        want = "news" if s == "news-dev" else "argued"
        right = sum(v for kd, v in counts.items() if (kd == "news") == (want == "news"))
        print(f"  {s:16} {right}/{len(kinds[s])} right ({want}); " + ", ".join(f"{kd} {v}" for kd, v in sorted(counts.items())))
    print("\nReliability (held-out scores of every sentence of 4+ words, binned; an article's sentences are")
    print("scored by the model of the kind decided for it: claim scores against the annotators' claims,")
    print("fact scores against the highlight oracle's sentences):")
    tables = (("claim model", ("editorials-dev", "essays-dev"), lambda kd: kd != "news"),
              ("fact model", ("news-dev",), lambda kd: kd == "news"))
    print(f"  {'score':>9} " + " ".join(f"{name + ': sentences, labelled':>34}" for name, _, _ in tables))
    bins = [[[0, 0.0, 0.0] for _ in tables] for _ in range(10)]
    for c, (_, sets, takes) in enumerate(tables):
        for s in sets:
            for score, i, index in scores[s]:
                if not takes(kinds[s][i]) or data.rows[s][i][index]["words"] < 4:
                    continue
                b = min(int(score * 10), 9)
                bins[b][c][0] += 1
                bins[b][c][1] += data.y[(s, i)][index]
                bins[b][c][2] += score
    for b in range(10):
        cells = []
        for c in range(len(tables)):
            n, pos, total = bins[b][c]
            cells.append(f"{n:>7}  {100 * pos / n:>5.1f}% (mean score {100 * total / n:>4.1f}%)" if n else "-")
        print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}  " + " ".join(f"{x:>34}" for x in cells))


if __name__ == "__main__":
    main()
