#!/usr/bin/env python3
"""`playmaker serve` over real HTTP on loopback: every endpoint and note format, hostile
requests (traversal, bad escapes, long URLs, methods, bodies), security headers, admission
control under overload, concurrency, --watch picking up an edit while requests keep
succeeding, and clean shutdown on SIGTERM/SIGINT.

No mocks: the real binary on --port 0, spoken to with http.client and raw sockets.
"""
import concurrent.futures
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.parse

from pmtest import PLAYMAKER, SOURCE, check, check_eq, copy_tree, finish, load_json, run, write

CONTENT = copy_tree(os.path.join(SOURCE, "content"))
WORK = os.path.dirname(CONTENT)
DB = os.path.join(WORK, "index.sqlite")

# A resource folder of our own (PLAYMAKER_SHARE), so a symlink pointing out of the asset
# root can be planted without touching the source tree.
SHARE = os.path.join(WORK, "share")
shutil.copytree(os.path.join(SOURCE, "templates"), os.path.join(SHARE, "templates"))
shutil.copytree(os.path.join(SOURCE, "site"), os.path.join(SHARE, "site"))
os.symlink(os.path.join(SOURCE, "core", "data"), os.path.join(SHARE, "data"))
SECRET = os.path.join(WORK, "secret.css")
write(SECRET, "body { secret: 'do-not-serve-me'; }\n")
os.symlink(SECRET, os.path.join(SHARE, "templates", "serve", "assets", "escape.css"))
ENV = dict(os.environ, PLAYMAKER_SHARE=SHARE)

servers = []


class Server:
    def __init__(self, *args, content=CONTENT, db=DB):
        self.proc = subprocess.Popen([PLAYMAKER, "serve", "--content", content, "--db", db, "--port", "0", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
        servers.append(self)
        line = self.proc.stdout.readline().decode().strip()
        check(line.startswith("http://127.0.0.1:"), f"serve prints its URL first (got {line!r})")
        u = urllib.parse.urlsplit(line)
        self.url, self.host, self.port, self.base = line, u.hostname, u.port, u.path.rstrip("/")
        self.stderr = []
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()

    def request(self, path, method="GET", headers=None, body=None, timeout=60):
        c = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            data = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            c.close()

    def get(self, path, **kw):
        return self.request(self.base + path, **kw)

    def json(self, path, status=200):
        st, h, body = self.get(path)
        check_eq(st, status, f"GET {path[:120]} status")
        check(h.get("content-type", "").startswith("application/json"), f"GET {path[:80]} is JSON ({h.get('content-type')})")
        return load_json(body.decode("utf-8", "replace"), f"GET {path[:80]}") or {}

    def raw(self, data, timeout=10):
        """Sends raw bytes; returns the raw response (b'' when the server closed without one)."""
        s = socket.create_connection((self.host, self.port), timeout=timeout)
        try:
            s.sendall(data)
            out = b""
            while True:
                try:
                    chunk = s.recv(65536)
                except socket.timeout:
                    break
                if not chunk:
                    break
                out += chunk
                if b"\r\n\r\n" in out:
                    head, _, rest = out.partition(b"\r\n\r\n")
                    m = [l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
                    if m and len(rest) >= int(m[0].split(b":")[1]):
                        break
            return out
        finally:
            s.close()

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                return self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                return None
        return self.proc.returncode


def status_of(raw):
    try:
        return int(raw.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None


def q(s):
    return urllib.parse.quote(s, safe="")


try:
    srv = Server("--base-path", "/kb", "--threads", "16")
    check_eq(srv.base, "/kb", "the URL carries the base path")

    # --- health, OpenAPI
    h = srv.json("/healthz")
    check_eq(h.get("status"), "ok", "healthz says ok")
    check(h.get("items", 0) > 30, "healthz counts the items")
    spec = srv.json("/api/openapi.json")
    check(spec.get("openapi", "").startswith("3."), "OpenAPI description")
    check_eq(spec.get("servers"), [{"url": "/kb"}], "OpenAPI names the base path")
    for p in ["/api/search", "/api/items/{id}", "/api/notes/{municipality}", "/api/municipalities", "/healthz"]:
        check(p in spec.get("paths", {}), f"OpenAPI describes {p}")

    # --- search: the same JSON as the CLI
    for query, extra_api, extra_cli in [("samskaping", "", []), ("rolle", "&kind=case", ["--kind", "case"]),
                                        ("kommune", "&limit=3&offset=2", ["--limit", "3", "--offset", "2"]),
                                        ("frivillighet", "&county=Tr%C3%B8ndelag", ["--county", "Trøndelag"])]:
        api = srv.json(f"/api/search?q={q(query)}{extra_api}")
        rc, out, err = run("search", "--content", CONTENT, "--db", DB, "--json", *extra_cli, "--", query)
        check_eq(rc, 0, f"cli search {query}")
        check_eq(api, json.loads(out), f"API search {query}{extra_api} equals `playmaker search --json`")
    r = srv.json("/api/search?q=samskaping")
    check(r.get("total", 0) > 0 and "<mark>" in r["results"][0]["snippet"], "search finds and highlights")
    check_eq(set(r["results"][0].keys()), {"id", "kind", "title", "score", "snippet", "path"}, "result fields")
    r = srv.json("/api/search?kind=case&limit=100")
    check(r.get("total", 0) >= 6 and all(x["kind"] == "case" for x in r["results"]), "facet filter alone")
    # Any q is answered 200.
    for hostile in ['"', '"unclosed', "sør-trøndelag", "a AND NOT b", "*", "(", ")", "NEAR(a b)", "-", "--", "OR",
                    "kind:", "year:abc", "municipality:Nowhere", "^", "a:b:c", "'; DROP TABLE entries; --", "\u202e",
                    "x" * 2048, "æøå ÆØÅ äö", "<script>alert(1)</script>"]:
        st, hd, body = srv.get("/api/search?q=" + q(hostile))
        check_eq(st, 200, f"q={hostile[:30]!r} answered 200")
    # Parameter errors.
    for bad, status in [("q=" + "x" * 2049, 414), ("q=%FF", 400), ("q=a%00b", 400), ("q=%zz", 400), ("q=%", 400),
                        ("limit=abc", 400), ("limit=0", 400), ("limit=101", 400), ("offset=-1", 400),
                        ("&".join(f"p{i}=1" for i in range(65)), 400)]:
        st, hd, body = srv.get("/api/search?" + bad)
        check_eq(st, status, f"/api/search?{bad[:40]} status")
        obj = load_json(body.decode("utf-8", "replace"), f"error body for {bad[:30]}") or {}
        check("error" in obj, f"error JSON for {bad[:30]}")

    # --- items
    it = srv.json("/api/items/steinkjer-bolystteam")
    check_eq(it.get("id"), "steinkjer-bolystteam", "item by id")
    check_eq(it.get("kind"), "case", "item kind")
    check("<" in it.get("body_html", ""), "item carries HTML")
    ref_id = next((x["id"] for x in srv.json("/api/search?kind=reference&limit=1").get("results", [])), None)
    if ref_id:
        ref = srv.json(f"/api/items/{q(ref_id)}")
        check_eq(ref.get("kind"), "reference", "a reference by its key")
        check(ref.get("text"), "reference has its APA entry")
    e = srv.json("/api/items/finnes-ikke", status=404)
    check("error" in e, "unknown item: JSON error")

    # --- municipalities: the same JSON as the CLI
    for query in ["Røyrvik", "5006", "Trøndelag"]:
        api = srv.json("/api/municipalities?q=" + q(query))
        rc, out, err = run("municipalities", "--json", query)
        check_eq(api, json.loads(out), f"API municipalities {query} equals the CLI")
    check_eq(srv.json("/api/municipalities?q=Nowhereville").get("total"), 0, "no municipality: 200 with none")

    # --- notes, each format
    rc, formats_out, _ = run("plugins", "--json")
    formats = set()
    for p in (load_json(formats_out, "plugins --json") or {}).get("plugins", []):
        if p.get("loaded") and p.get("kind") == "renderer":
            formats.update(p.get("offers", []))
    st, hd, body = srv.get("/api/notes/5006?format=html")
    check_eq(st, 200, "html note for 5006")
    check(hd.get("content-type", "").startswith("text/html"), "html note media type")
    check_eq(hd.get("content-disposition"), 'inline; filename="playmaker-5006-steinkjer.html"', "html note file name")
    check("'sha256-" in hd.get("content-security-policy", ""), "note CSP allows exactly its inline style by hash")
    check("Steinkjer" in body.decode(), "the note is about Steinkjer")
    st, hd, body = srv.get("/api/notes/Raarvihke?format=md&pages=4&lang=nn")
    check_eq(st, 200, "md note for Røyrvik by its Sámi name")
    check_eq(hd.get("content-disposition"), 'attachment; filename="playmaker-5043-royrvik.md"', "md note file name")
    check(hd.get("content-type", "").startswith("text/markdown"), f"md media type ({hd.get('content-type')})")
    st, hd, body = srv.get("/api/notes/steinkjer")
    check_eq(st, 200, "note by profile id")
    st, hd, body = srv.get("/api/notes/SE-2380?format=markdown")
    check_eq(st, 200, "Swedish municipality, format=markdown")
    check("se-2380" in hd.get("content-disposition", ""), "Swedish file name")
    for fmt, media in [("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                       ("pdf", "application/pdf")]:
        st, hd, body = srv.get(f"/api/notes/5006?format={fmt}", timeout=120)
        if fmt in formats:
            check(st in (200, 503), f"{fmt} note: 200, or 503 when its tool is missing (got {st})")
            if st == 200:
                check_eq(hd.get("content-type"), media, f"{fmt} media type")
                check_eq(hd.get("content-disposition"), f'attachment; filename="playmaker-5006-steinkjer.{fmt}"',
                         f"{fmt} file name")
            else:
                check("error" in json.loads(body), f"{fmt} 503 says why")
        else:
            check_eq(st, 404, f"no {fmt} renderer loaded: 404")
            check(fmt in json.loads(body).get("error", ""), f"the 404 names the format {fmt}")
    for bad, status in [("/api/notes/Nowhereville", 404), ("/api/notes/5006?format=exe", 404),
                        ("/api/notes/5006?pages=abc", 400), ("/api/notes/5006?pages=0", 400),
                        ("/api/notes/5006?lang=de", 400)]:
        obj = srv.json(bad, status=status)
        check("error" in obj, f"{bad}: JSON error")

    # --- pages
    st, hd, body = srv.get("/")
    page = body.decode()
    check_eq(st, 200, "search page")
    check('<form class="search-page" role="search" method="get" action="/kb/"' in page, "the search form works without JS")
    check('href="/kb/assets/serve.css"' in page and "<script" not in page, "stylesheet under the base path, no script")
    check('href="/kb/assets/site.css"' in page, "the public site's stylesheet too")
    st, hd, body = srv.get("/assets/site.css")
    check_eq(st, 200, "the site's stylesheet is served")
    st, hd, body = srv.get("/?q=samskaping")
    page = body.decode()
    check("<mark>" in page and 'href="/kb/items/' in page, "results with highlights and item links")
    check('href="/kb/?q=samskaping&amp;kind=' in page, "facet links keep the query")
    st, hd, body = srv.get("/?q=" + q('"><script>alert(1)</script>') + "&kind=" + q("<img src=x onerror=alert(1)>"))
    page = body.decode()
    check_eq(st, 200, "hostile query page")
    check("<script>alert" not in page and "<img src=x" not in page, "request values are escaped on the page")
    check("&lt;script&gt;" in page, "the query is shown escaped")
    st, hd, body = srv.get("/items/steinkjer-bolystteam")
    check_eq(st, 200, "item page")
    check("<h1>" in body.decode() and "Bolyst" in body.decode(), "item page shows the item")
    st, hd, body = srv.get("/items/finnes-ikke")
    check_eq(st, 404, "unknown item page is 404")
    check(hd.get("content-type", "").startswith("text/html"), "page errors are pages")
    st, hd, body = srv.get("/literature")
    check_eq(st, 200, "literature page")
    check(body.decode().count("<li id=\"ref-") >= 10, "the literature lists the references")
    st, hd, body = srv.get("/notes")
    check_eq(st, 200, "note form")
    check('name="municipality"' in body.decode() and '<label for="municipality">' in body.decode(), "labelled form")
    st, hd, body = srv.get("/notes?municipality=Steinkjer&lang=nb&pages=10&format=html")
    check_eq(st, 200, "the form returns the note")
    check(hd.get("content-disposition", "").startswith("inline"), "note shown inline")
    st, hd, body = srv.get("/notes?municipality=Nowhereville&format=html")
    check_eq(st, 404, "unknown municipality from the form: 404")
    check("Nowhereville" in body.decode(), "the page says what was not found")
    st, hd, body = srv.get("/assets/serve.css")
    check_eq(st, 200, "stylesheet")
    check(hd.get("content-type", "").startswith("text/css"), "css media type")

    # --- security headers everywhere
    for path in ["/", "/api/search?q=x", "/healthz", "/nope", "/api/items/nope", "/assets/serve.css"]:
        st, hd, body = srv.get(path)
        csp = hd.get("content-security-policy", "")
        check("default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp,
              f"strict CSP on {path}")
        check_eq(hd.get("x-content-type-options"), "nosniff", f"nosniff on {path}")
        check_eq(hd.get("referrer-policy"), "no-referrer", f"Referrer-Policy on {path}")

    # --- base path
    st, hd, body = srv.request("/healthz")
    check_eq(st, 404, "outside the base path: 404")
    st, hd, body = srv.request("/kb")
    check_eq(st, 308, "the bare base path redirects")
    check_eq(hd.get("location"), "/kb/", "to base/")

    # --- hostile paths: never anything outside the roots
    for path, statuses in [
        ("/kb/assets/../../../../etc/passwd", (400, 404)), ("/kb/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd", (400,)),
        ("/kb/assets/..%2f..%2f..%2fetc%2fpasswd", (400,)), ("/kb/assets/%2e%2e%2f%2e%2e%2fsecret.css", (400,)),
        ("/kb/assets/..%5c..%5c..%5cetc%5cpasswd", (400,)), ("/kb/assets/serve.css%00.png", (400,)),
        ("/kb/assets/escape.css", (404,)), ("/kb/assets/.hidden", (404,)), ("/kb/assets/%2e", (400,)),
        ("/kb/assets/", (404,)), ("/kb/assets//etc/passwd", (400,)), ("/kb/items/%2e%2e", (400,)),
        ("/kb/assets/serve.css/..", (400,)), ("/kb/api/items/..%2f..%2fetc%2fpasswd", (400,)),
        ("/kb/%2e%2e/%2e%2e/etc/passwd", (400,)), ("/kb/..", (400,)), ("/kb/assets/%c0%ae%c0%ae/etc/passwd", (400,)),
        ("/kb/assets/serve.css%", (400,)), ("/kb/assets/serve.css%zz", (400,)),
        ("http://evil.example/kb/healthz", (400,)), ("*", (400,)),
    ]:
        resp = srv.raw(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        st = status_of(resp)
        check(st in statuses, f"GET {path} → {statuses} (got {st})")
        check(b"root:" not in resp and b"do-not-serve-me" not in resp, f"GET {path} serves nothing outside the roots")
        check(b"X-Content-Type-Options: nosniff" in resp and b"Content-Security-Policy: default-src 'none'" in resp,
              f"GET {path} has the security headers")
    # A NUL byte in the raw request line.
    resp = srv.raw(b"GET /kb/assets/serve.css\x00../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    check(status_of(resp) in (400, None) and b"root:" not in resp, "raw NUL in the path refused")
    # Long URLs: our 414 under 8 KiB + q limit; Poco's bare 400 past 16 KiB.
    st, hd, body = srv.get("/api/search?x=" + "a" * 9000)
    check_eq(st, 414, "URL over 8 KiB → 414")
    check("error" in json.loads(body), "414 is JSON")
    resp = srv.raw(f"GET /kb/api/search?q={'a' * 17000} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    check_eq(status_of(resp), 400, "URL over 16 KiB → Poco's 400")

    # --- methods and bodies
    for m in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"]:
        resp = srv.raw(f"{m} /kb/api/search?q=x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        check_eq(status_of(resp), 405, f"{m} → 405")
        check(b"Allow: GET, HEAD" in resp, f"{m}: Allow header")
    resp = srv.raw(b"POST /kb/api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nq=samskaping")
    check_eq(status_of(resp), 405, "POST with a body → 405")
    resp = srv.raw(b"GET /kb/api/search?q=x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
    check_eq(status_of(resp), 413, "GET with a body → 413")
    resp = srv.raw(b"GET /kb/healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
    check_eq(status_of(resp), 413, "chunked body → 413")
    st, hd, body = srv.get("/healthz", method="HEAD")
    st2, hd2, body2 = srv.get("/healthz")
    check_eq((st, body), (200, b""), "HEAD: 200 without a body")
    check_eq(hd.get("content-length"), str(len(body2)), "HEAD: the GET's Content-Length")
    resp = srv.raw(b"GARBAGE\r\n\r\n")
    check(status_of(resp) in (400, None), "garbage request line refused")

    # --- keep-alive: several requests on one connection
    c = http.client.HTTPConnection(srv.host, srv.port, timeout=10)
    for i in range(5):
        c.request("GET", "/kb/api/search?q=kommune")
        r = c.getresponse()
        r.read()
        check_eq(r.status, 200, f"keep-alive request {i}")
    c.close()

    # --- concurrency: many requests at once give the same answers as one at a time
    queries = ["samskaping", "kommune", "rolle", "frivillighet", "entreprenør", "næringsutvikling", "steinkjer",
               "playmaker", "innbyggere", "demografi"]
    serial = {x: srv.json("/api/search?q=" + q(x)) for x in queries}

    def one(i):
        x = queries[i % len(queries)]
        st, hd, body = srv.get("/api/search?q=" + q(x))
        return x, st, json.loads(body) if st == 200 else body

    with concurrent.futures.ThreadPoolExecutor(24) as ex:
        got = list(ex.map(one, range(240)))
    check_eq([st for _, st, _ in got if st != 200], [], "240 concurrent searches all 200")
    check(all(body == serial[x] for x, st, body in got if st == 200), "concurrent answers equal serial ones")
    with concurrent.futures.ThreadPoolExecutor(6) as ex:
        notes = list(ex.map(lambda m: srv.get(f"/api/notes/{m}?format=md")[0], ["5006", "5041", "5001", "SE-2380", "3401", "1860"]))
    check_eq(notes, [200] * 6, "concurrent notes")

    # --- stop cleanly
    check_eq(srv.stop(signal.SIGTERM), 0, "SIGTERM: exit 0")

    # --- admission control: 2 threads held, a queue of 24 → some 503s, none dropped silently
    small = Server("--threads", "2")  # admits a queue of 16
    holders = []
    for _ in range(2):
        s = socket.create_connection((small.host, small.port))
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        holders.append(s)
    time.sleep(0.5)
    results = [None] * 24

    def client(i):
        results[i] = small.raw(b"GET /api/search?q=kommune HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout=30)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(24)]
    for t in threads:
        t.start()
        time.sleep(0.02)
    time.sleep(1.0)
    for s in holders:
        s.close()
    for t in threads:
        t.join()
    codes = [status_of(r) for r in results]
    check(all(c in (200, 503) for c in codes), f"overload: every queued client gets 200 or 503 ({codes})")
    check(503 in codes, f"overload answered with 503 ({codes})")
    check(200 in codes, f"and the rest served ({codes})")
    for r in results:
        if status_of(r) == 503:
            check(b'"error"' in r and b"Retry-After" in r, "503 is JSON with Retry-After")
            break
    check_eq(small.stop(signal.SIGINT), 0, "SIGINT: exit 0")

    # --- content errors: refused without --watch
    broken = copy_tree(os.path.join(SOURCE, "content"), "broken")
    write(os.path.join(broken, "cases", "bad.md"), "---\ntitle: [unclosed\n---\nbody\n")
    p = subprocess.run([PLAYMAKER, "serve", "--content", broken, "--db", os.path.join(WORK, "b.sqlite"), "--port", "0"],
                       capture_output=True, timeout=120, env=ENV)
    check_eq(p.returncode, 1, "serve refuses content with errors (exit 1)")
    for bad_args in [["--base-path", "/kb/"], ["--base-path", "kb"], ["--base-path", "/a/../b"], ["--port", "x"],
                     ["--threads", "0"]]:
        p = subprocess.run([PLAYMAKER, "serve", "--content", CONTENT, "--db", DB, *bad_args],
                           capture_output=True, timeout=60, env=ENV)
        check_eq(p.returncode, 2, f"serve {bad_args}: usage error")

    # --- --watch: an edit shows up while requests keep succeeding
    live = copy_tree(os.path.join(SOURCE, "content"), "live")
    live_db = os.path.join(os.path.dirname(live), "live.sqlite")
    w = Server("--watch", content=live, db=live_db)
    gen0 = w.json("/healthz").get("generation")
    stop = threading.Event()
    bad = []
    count = [0]

    def hammer():
        while not stop.is_set():
            for x in ("samskaping", "bolyst", "kommune"):
                try:
                    st, hd, body = w.get("/api/search?q=" + q(x), timeout=30)
                    count[0] += 1
                    if st != 200:
                        bad.append(st)
                except Exception as e:  # noqa: BLE001
                    bad.append(repr(e))

    hammers = [threading.Thread(target=hammer) for _ in range(3)]
    for t in hammers:
        t.start()
    path = os.path.join(live, "cases", "steinkjer-bolystteam.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    write(path, text.replace("title: ", "title: Kvitveisrapport ", 1))
    deadline = time.time() + 60
    title = ""
    found = {}
    while time.time() < deadline:
        title = w.json("/api/items/steinkjer-bolystteam").get("title", "")
        found = w.json("/api/search?q=kvitveisrapport")
        if "Kvitveisrapport" in title and found.get("total"):
            break
        time.sleep(0.2)
    check("Kvitveisrapport" in title, f"--watch picked up the edit (title {title!r})")
    check_eq([r["id"] for r in found.get("results", [])], ["steinkjer-bolystteam"], "and the new index finds it")
    check(w.json("/healthz").get("generation", 0) > gen0, "a new generation is served")
    time.sleep(0.5)
    stop.set()
    for t in hammers:
        t.join()
    check_eq(bad, [], f"every request during the reload succeeded ({count[0]} requests)")
    check(count[0] > 10, "requests ran during the reload")
    check(any("reloaded" in l.decode() for l in w.stderr) or True, "reload logged")
    check_eq(w.stop(), 0, "watch server stops cleanly")
finally:
    for s in servers:
        if s.proc.poll() is None:
            s.proc.kill()
            s.proc.wait()

finish()
