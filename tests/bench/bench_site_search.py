#!/usr/bin/env python3
"""The site search's cost at scale (issue 9): builds the site of a synthetic corpus
(gen_corpus.py N DIR --playmaker), serves it on loopback, runs the fixed query list of
tests/e2e/test_site_browser.py in headless Debian chromium (playwright-core) and prints:
the median raw bytes of index and lexicon files fetched per query (cold: a fresh page per
query; with and without meta.json + table.json, which a visitor fetches once), the client's
own size (JS, loaded once), the median time from submitting to results shown, and how
many queries give the CLI's top 3.
Targets: ≤ 100 kB index data per query (median), ≤ 300 kB client, < 100 ms after the chunks.

    python3 tests/bench/bench_site_search.py build/bin/playmaker [N] [--work DIR]
"""
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SOURCE, "tests", "e2e"))
os.environ.setdefault("PLAYMAKER_SOURCE", SOURCE)
import site_search_queries as Q  # noqa: E402

args = [a for a in sys.argv[1:] if not a.startswith("--work")]
playmaker = os.path.abspath(args[0] if args else "build/bin/playmaker")
n = int(args[1]) if len(args) > 1 else 10000
work = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--work=")), None) or tempfile.mkdtemp(prefix="pm-bss-")
corpus = os.path.join(work, "corpus")
site = os.path.join(work, "www", "site")
db = os.path.join(work, "index.sqlite")
if not os.path.isdir(os.path.join(corpus, "content")):
    subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), str(n), corpus, "--playmaker"], check=True,
                   stdout=subprocess.DEVNULL)
t0 = time.time()
subprocess.run([playmaker, "site", "--content", os.path.join(corpus, "content"), "--db", db, "-o", site], check=True,
               stderr=subprocess.DEVNULL)
print(f"site build (with the search export): {time.time() - t0:.1f} s")
data = os.path.join(site, "search", "data")
total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(data) for f in fs)
print(f"search data on disk: {total / 1e6:.1f} MB in {sum(len(fs) for _, _, fs in os.walk(data))} files")
client = sum(os.path.getsize(os.path.join(site, "assets", f)) for f in ("pm-analysis.js", "search.js"))
print(f"client code (pm-analysis.js + search.js, uncompressed): {client} bytes")

http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
    http.server.SimpleHTTPRequestHandler, directory=os.path.join(work, "www")))
threading.Thread(target=httpd.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{httpd.server_address[1]}/site/"
queries = Q.QUERIES["main"] + Q.QUERIES["fixture"]
cfg = {"chromium": shutil.which("chromium"), "queries": [{"base": base, "q": q} for q in queries]}
cfg_path = os.path.join(work, "cfg.json")
with open(cfg_path, "w", encoding="utf-8") as f:
    json.dump(cfg, f)
proc = subprocess.run(["node", os.path.join(SOURCE, "tests", "browser", "site_check.js"), cfg_path],
                      capture_output=True, check=True, timeout=1800)
httpd.shutdown()
report = json.loads(proc.stdout)
rows = report["queries"]
once = ("meta.json", "table.json")
cold = [r["bytes"] for r in rows]
warm = [sum(b for f, b in r["list"] if f not in once) for r in rows]
index_only = [sum(b for f, b in r["list"] if f not in once and not f.startswith("d/")) for r in rows]
same = same10 = 0
for q, r in zip(queries, rows):
    out = subprocess.run([playmaker, "search", "--content", os.path.join(corpus, "content"), "--db", db, "--json",
                          "--limit", "10", "--", q], capture_output=True, text=True).stdout
    page = [x["id"] for x in json.loads(out)["results"]]
    top = page[:3]
    same += top == r["ids"][:3]
    same10 += page == r["ids"]
    if top != r["ids"][:3]:
        print(f"  differs: {q!r}: CLI {top} site {r['ids'][:3]}")
print(f"queries: {len(rows)}; top 3 equal to the CLI's: {same}/{len(rows)}; first page (10): {same10}/{len(rows)}")
print(f"median bytes per query, cold (everything incl. meta+table+results): {statistics.median(cold):,.0f}")
print(f"median bytes per query after the first (terms, positions, lexicon, results): {statistics.median(warm):,.0f}")
print(f"median bytes per query, term/position/lexicon chunks only: {statistics.median(index_only):,.0f}")
print(f"max bytes per query, cold: {max(cold):,}  (query {rows[cold.index(max(cold))]['q']!r})")
print(f"median time to results with the chunks in memory: {statistics.median(r['msWarm'] for r in rows):.1f} ms "
      f"(max {max(r['msWarm'] for r in rows):.1f} ms)")
print(f"median time from query to results shown: {statistics.median(r['ms'] for r in rows):.1f} ms "
      f"(p90 {sorted(r['ms'] for r in rows)[int(len(rows) * 0.9)]:.1f} ms)")
