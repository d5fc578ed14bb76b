#!/usr/bin/env python3
"""Article extraction: Brief against trafilatura and readability-lxml, in one run.

Usage: bench-extraction.py BRIEF PAGES_DIR TRUTH.jsonl SCORER [--rounds N]

Each tool extracts every page on one thread; its output is scored by SCORER (the shared
score-extraction.py) and timed. Brief is timed as a whole process (`BRIEF_JOBS=1 brief extract
--format json PAGES…`, start-up included); the Python tools in-process, interpreter and import
excluded, which favours them. Prints one line per tool and the speed ratios.
"""
import glob, json, os, subprocess, sys, tempfile, time

def brief(binary, pages, out):
    env = dict(os.environ, BRIEF_JOBS="1")
    start = time.perf_counter()
    with open(out, "wb") as f:
        subprocess.run([binary, "extract", "--format", "json", *pages], stdout=f, env=env, check=False)
    return time.perf_counter() - start

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "td", "th", "blockquote", "div", "article",
          "section", "tr", "dd", "dt", "figcaption", "br", "table", "ul", "ol"}

def block_lines(root):
    """The text of an lxml tree one block a line, each block's text once (as the truth is written)."""
    lines, run = [], []
    def flush():
        text = " ".join("".join(run).split())
        if text:
            lines.append(text)
        run.clear()
    def walk(e):
        block = e.tag in BLOCKS
        if block:
            flush()
        if e.text:
            run.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                run.append(child.tail)
        if block:
            flush()
    walk(root)
    flush()
    return lines

def python_tool(name, pages, out):
    if name == "trafilatura":
        import trafilatura
        def run(html):
            doc = trafilatura.bare_extraction(html, with_metadata=True)
            if doc is None:
                return {}
            return {"title": doc.title, "byline": doc.author, "text": doc.text or ""}
    else:
        from readability import Document
        import lxml.html
        def run(html):
            doc = Document(html)
            body = lxml.html.fromstring(doc.summary(html_partial=True))
            return {"title": doc.short_title(), "text": "\n".join(block_lines(body))}
    texts = [(p, open(p, "rb").read()) for p in pages]
    rows = []
    start = time.perf_counter()
    for path, html in texts:
        try:
            result = run(html)  # bytes: each tool finds the charset itself
        except Exception:
            result = {}
        rows.append(dict(result, source=path))
    elapsed = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return elapsed

def score(scorer, truth, out):
    result = subprocess.run([sys.executable, scorer, truth, out], capture_output=True, text=True)
    return json.loads(result.stdout)

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    binary, pages_dir, truth, scorer = args[:4]
    pages = sorted(glob.glob(os.path.join(pages_dir, "*.html")))
    tmp = tempfile.mkdtemp()
    times = {}
    for tool in ["brief", "trafilatura", "readability-lxml"]:
        out = os.path.join(tmp, tool + ".jsonl")
        best = None
        for _ in range(rounds):  # the best of N: this machine is shared
            t = brief(binary, pages, out) if tool == "brief" else python_tool(tool, pages, out)
            best = t if best is None else min(best, t)
        times[tool] = best
        s = score(scorer, truth, out)
        print(f"{tool:17} F1 {s['f1']:.3f}  P {s['precision']:.3f}  R {s['recall']:.3f}  "
              f"title {s['title']}%  byline {s['byline']}%  {best:.2f} s for {len(pages)} pages")
    for tool in ["trafilatura", "readability-lxml"]:
        print(f"brief is {times[tool] / times['brief']:.1f}x faster than {tool}")

if __name__ == "__main__":
    main()
