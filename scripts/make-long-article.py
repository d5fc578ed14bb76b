#!/usr/bin/env python3
"""Writes a long Markdown article for the benchmarks: a title, a section every 60
paragraphs, paragraphs of four sentences of news-like words (the same text for the same
size), and a last paragraph "Finis coronat opus." that marks the end.

    scripts/make-long-article.py SIZE_MB OUTPUT
"""
import random
import sys

size_mb, output = int(sys.argv[1]), sys.argv[2]
random.seed(4)
words = ("the market signals that policy should reflect a deeper shift in how ports insurers and "
         "shipping lines price risk while regulators argue about subsidies and the real question "
         "is whether demand will hold").split()
out, size, n = ["# A Very Long Read About Everything", ""], 0, 0
while size < size_mb * 1024 * 1024:
    if n % 60 == 0:
        out += [f"## Section {n // 60 + 1}", ""]
    sentences = []
    for _ in range(4):
        s = " ".join(random.choice(words) for _ in range(random.randint(12, 24)))
        sentences.append(s[0].upper() + s[1:] + ".")
    p = " ".join(sentences)
    out += [p, ""]
    size += len(p) + 2
    n += 1
out += ["Finis coronat opus.", ""]
with open(output, "w") as f:
    f.write("\n".join(out))
