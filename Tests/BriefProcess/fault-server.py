#!/usr/bin/env python3
"""A loopback HTTP server for the tests: it serves news pages (/article, /article-latin1,
/evil, /counted/NAME with /count/NAME saying how often it was asked) and misbehaves on
purpose (slow, truncated, endless, redirect loops, bombs, 404 and 500).

Listens on 127.0.0.1 at a free port and prints the port as its first line of standard
output. Exits when standard input reaches its end, so it never outlives the test process.
"""
import gzip
import http.server
import os
import signal
import sys
import threading
import time
import zlib

OK_BODY = "<html><head><title>Caf\u00e9</title></head><body><p>Caf\u00e9 cr\u00e8me</p></body></html>\n".encode("iso-8859-1")
GZIP_TEXT = ("Compressed text, repeated. " * 200).encode("ascii")

try:
    import brotli  # not in Debian's python3; /brotli answers 404 without it
except ImportError:
    brotli = None

ARTICLE_PARAGRAPHS = [
    "The city council approved a budget of 4.2 billion dollars on Tuesday, after a debate that lasted, by most accounts, well into the night.",
    "The plan raises spending on transit by 12 percent, cuts the parks budget, and sets aside money for the repair of bridges that engineers have called unsafe.",
    "Critics said the increase in transit spending, while welcome, would not cover the cost of the new lines, and that the cuts to parks would fall hardest on poorer districts.",
    "The mayor, who proposed the budget in March, said the council had made the right choice, and that the city would review its spending again next year.",
]


def news_page(title, paragraphs, extra_head=""):
    body = "".join("<p>%s</p>\n" % p for p in paragraphs)
    return ("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%s - The Loopback Times</title>
<meta name="author" content="Jane Smith"><meta property="article:published_time" content="2026-03-04T10:00:00Z">
%s</head><body>
<nav class="main-nav"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>%s</h1>
%s<p>Read <a href="/docs/budget.html">the full budget</a> for the figures, by department.</p>
</article>
<footer class="site-footer">Copyright The Loopback Times. <a href="/privacy">Privacy</a></footer>
</body></html>
""" % (title, extra_head, title, body))


ARTICLE = news_page("Council Approves the New Budget", ARTICLE_PARAGRAPHS).encode("utf-8")
ARTICLE_LATIN1 = news_page("Caf\u00e9 Owners Welcome the Budget",
                           [p.replace("The city", "The caf\u00e9s of the city") for p in ARTICLE_PARAGRAPHS]
                           ).replace('<meta charset="utf-8">', "").encode("iso-8859-1")
EVIL = news_page("Evil \x1b]0;pwned\x07 Title",
                 ["Evil \x1b[2J\x1b]52;c;cm0gLXJmIH4K\x07 text \x9b31m with &#27;[5m entities, long enough to count, with commas, and words."]
                 + ARTICLE_PARAGRAPHS).encode("utf-8")
counts = {}  # name -> how often /counted/NAME was asked

lock = threading.Lock()
concurrent_now = {}  # group -> transfers in /concurrent/GROUP now
concurrent_max = {}  # group -> the most seen at once
bomb = None  # gzip of 50 MB of zeros, made at the first /bomb


def gzip_bomb():
    global bomb
    with lock:
        if bomb is None:
            compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
            zeros = bytes(1 << 20)
            parts = [compressor.compress(zeros) for _ in range(50)]
            parts.append(compressor.flush())
            bomb = b"".join(parts)
        return bomb


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass  # quiet: the test's output is the test's

    def send_body(self, status, body, content_type="text/plain; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location, status=302):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as the test wanted

    def route(self):
        path = self.path.split("?", 1)[0]
        if path.startswith("http://"):  # the absolute form: we are the client's proxy
            path = "/" + (path.split("/", 3) + [""])[3]
        parts = path.strip("/").split("/")
        if path == "/article":
            self.send_body(200, ARTICLE, "text/html; charset=utf-8")
        elif path == "/article-latin1":
            self.send_body(200, ARTICLE_LATIN1, "text/html; charset=ISO-8859-1")
        elif path == "/evil":
            self.send_body(200, EVIL, "text/html")
        elif parts[0] == "counted" and len(parts) == 2:
            with lock:
                counts[parts[1]] = counts.get(parts[1], 0) + 1
            self.send_body(200, ARTICLE, "text/html; charset=utf-8")
        elif parts[0] == "count" and len(parts) == 2:
            with lock:
                self.send_body(200, str(counts.get(parts[1], 0)).encode("ascii"))
        elif path == "/redirect-article":
            self.redirect("/article", 301)
        elif path == "/plain":
            self.send_body(200, b"Plain Text News\n\nThe council met on Tuesday and approved the budget, which raises transit spending.\n")
        elif path == "/ok":
            self.send_body(200, OK_BODY, "text/html; charset=iso-8859-1")
        elif parts[0] == "redirect" and len(parts) == 2 and parts[1].isdigit():
            n = int(parts[1])
            self.redirect("/ok" if n <= 1 else "/redirect/%d" % (n - 1))
        elif path == "/loop":
            self.redirect("/loop")
        elif path == "/redirect-file":
            self.redirect("file:///etc/passwd")
        elif path == "/gzip":
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                self.send_body(200, gzip.compress(GZIP_TEXT), headers=[("Content-Encoding", "gzip")])
            else:
                self.send_body(200, GZIP_TEXT)
        elif path == "/brotli":
            if brotli is not None and "br" in self.headers.get("Accept-Encoding", ""):
                self.send_body(200, brotli.compress(GZIP_TEXT), headers=[("Content-Encoding", "br")])
            else:
                self.send_body(404, b"no brotli\n")
        elif path == "/bad-gzip":
            self.send_body(200, b"this is not gzip at all", headers=[("Content-Encoding", "gzip")])
        elif path == "/404":
            self.send_body(404, b"not here\n")
        elif path == "/500":
            self.send_body(500, b"broken\n")
        elif path == "/slow":
            time.sleep(10)
            self.send_body(200, b"too late\n")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()  # no length, no chunking: the body ends when the connection does
            while True:
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(1)
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"%x\r\n%s\r\n" % (65536, b"y" * 65536)
            while True:
                self.wfile.write(chunk)
        elif path == "/bomb":
            self.send_body(200, gzip_bomb(), "application/octet-stream", [("Content-Encoding", "gzip")])
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(2 << 20))
            self.end_headers()
            self.wfile.write(b"z" * 65536)  # then nothing: the client must not wait for the rest
        elif path == "/ua":
            self.send_body(200, self.headers.get("User-Agent", "").encode("utf-8"))
        elif path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.send_header("ETag", '"v1"')
                self.end_headers()
            else:
                self.send_body(200, b"version 1\n", headers=[("ETag", '"v1"')])
        elif parts[0] == "concurrent" and len(parts) == 2:
            group = parts[1]
            with lock:
                concurrent_now[group] = concurrent_now.get(group, 0) + 1
                concurrent_max[group] = max(concurrent_max.get(group, 0), concurrent_now[group])
            time.sleep(0.3)
            with lock:
                concurrent_now[group] -= 1
            self.send_body(200, b"done\n")
        elif parts[0] == "concurrent-max" and len(parts) == 2:
            with lock:
                self.send_body(200, str(concurrent_max.get(parts[1], 0)).encode("ascii"))
        elif path == "/close":
            self.close_connection = True  # no response at all
        elif path == "/garbage":
            self.wfile.write(b"\x00\xffthis is not HTTP\r\n\r\n")
            self.close_connection = True
        else:
            self.send_body(404, b"unknown path\n")


def exit_when_parent_goes():
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    # The test process starts us from a thread that blocks signals, and the mask is
    # inherited: unblock them, or SIGTERM would never end us.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, range(1, signal.NSIG))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
