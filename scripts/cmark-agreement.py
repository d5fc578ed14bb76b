#!/usr/bin/env python3
"""How often Brief's headings agree with cmark's on real Markdown.

Usage: scripts/cmark-agreement.py CORPUS_DIR [--brief PATH] [--show N]

CORPUS_DIR holds *.md files (make one with ../shared/tools/make-corpus.sh OUT; the files
are in OUT/files). For every document, compares the title plus sections of
`brief outline --format json` (level and text, in order) with the headings that
`cmark --to xml` puts at the top level of the document. Brief reads headings inside
lists and block quotes as that container's text, so only top-level headings count on
both sides. Prints the agreement rate and the disagreeing documents grouped by class.
"""
import argparse, json, os, re, subprocess, sys, xml.etree.ElementTree as ET
from collections import Counter

NS = "{http://commonmark.org/xml/1.0}"

def inline_text(el):
    out = []
    def walk(e):
        tag = e.tag.replace(NS, "")
        if tag in ("text", "code"):
            out.append(e.text or "")
        elif tag in ("softbreak", "linebreak"):
            out.append(" ")
        elif tag in ("html_inline",):
            return
        for c in e:
            walk(c)
    walk(el)
    return re.sub(r"\s+", " ", "".join(out)).strip()

def clean(s):
    # Brief removes control characters from untrusted text; compare on the same footing.
    s = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", "", s)
    return re.sub(r"\s+", " ", s).strip()

def cmark_headings(path):
    with open(path, "rb") as f:
        data = f.read()
    xml = subprocess.run(["cmark", "--to", "xml"], input=data, capture_output=True, check=True).stdout
    root = ET.fromstring(xml)
    heads = []
    for child in root:
        if child.tag == NS + "heading":
            heads.append((int(child.get("level")), clean(inline_text(child))))
    return heads

def brief_headings(obj):
    heads = []
    def walk(nodes):
        for n in nodes:
            if n["kind"] == "section":
                heads.append((n["level"], clean(n["text"])))
            walk(n.get("children", []))
    walk(obj["outline"])
    return heads

def classify(b, c):
    if len(b) != len(c):
        return "count differs (%+d)" % (len(b) - len(c))
    for (bl, bt), (cl, ct) in zip(b, c):
        if bl != cl:
            return "level differs"
        if bt != ct:
            return "text differs"
    return "same"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--brief", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "brief"))
    ap.add_argument("--show", type=int, default=3)
    a = ap.parse_args()
    files = sorted(f for f in os.listdir(a.corpus) if f.endswith((".md", ".markdown")))
    out = subprocess.run([a.brief, "outline", "--format", "json", a.corpus], capture_output=True, check=False)
    results = {}
    for line in out.stdout.decode("utf-8").splitlines():
        obj = json.loads(line)
        results[os.path.basename(obj["source"])] = obj
    agree = 0
    classes = Counter()
    examples = {}
    for name in files:
        c = cmark_headings(os.path.join(a.corpus, name))
        obj = results.get(name)
        if obj is None:
            classes["missing from brief output"] += 1
            continue
        b = brief_headings(obj)
        title = clean(obj["title"])
        # The title is taken from a leading level-1 heading; it then stands first.
        if c and c[0] == (1, title) and len(c) == len(b) + 1:
            b = [(1, title)] + b
        kind = classify(b, c)
        if kind == "same":
            agree += 1
        else:
            classes[kind] += 1
            examples.setdefault(kind, []).append((name, b, c))
    total = len(files)
    print(f"documents: {total}")
    print(f"agree with cmark (title + sections = top-level headings): {agree}/{total} = {100.0 * agree / max(total, 1):.2f}%")
    for kind, n in classes.most_common():
        print(f"  {kind}: {n}")
        for name, b, c in examples.get(kind, [])[: a.show]:
            diff = [(x, y) for x, y in zip(b, c) if x != y][:2]
            print(f"    {name}: brief {len(b)} vs cmark {len(c)}; first differences: {diff if diff else (b[len(c):][:2] or c[len(b):][:2])}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
