#!/usr/bin/env python3
"""The public site in a real browser (Debian chromium driven by npm playwright-core, the
site served on loopback under a sub-path): for every query of a fixed list the site's search
shows the same top 3 as `playmaker search --json`; a nonsense query shows "no results"; a
facet narrows; axe-core finds no WCAG 2.1 AA violation on any page type; search works from
the keyboard alone; no console errors; no request leaves loopback; planted script never
runs; from file:// the page says why search cannot work."""
import functools
import glob
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(__file__))
import pmtest  # noqa: E402
from pmtest import check, check_eq  # noqa: E402

NODE = shutil.which("node")
CHROMIUM = shutil.which("chromium")
BROWSER = os.path.join(pmtest.SOURCE, "tests", "browser")
if not NODE or not CHROMIUM or not os.path.isdir(os.path.join(BROWSER, "node_modules", "playwright-core")):
    print("skipped: needs node, chromium and `npm ci` in tests/browser (scripts/install-deps)")
    sys.exit(77)

from site_search_queries import QUERIES  # noqa: E402
NONSENSE = "qxzvbnmkkw"

work = tempfile.mkdtemp(prefix="pm-browser-")
try:
    www = os.path.join(work, "www")
    bases, sites, contents = {}, {}, {}
    contents["main"] = pmtest.copy_tree(os.path.join(pmtest.SOURCE, "content"))
    fixture = pmtest.copy_tree(os.path.join(pmtest.FIXTURES, "search", "content"))
    # Planted markup in an item that the search finds.
    pmtest.write(os.path.join(fixture, "findings", "planted.md"),
                 "---\ntitle: \"Plantet <script>window.__pmPwned=true</script> tittel\"\n"
                 "summary: \"Plantet <img src=x onerror='window.__pmPwned=true'> sammendrag\"\nlang: nb\n---\n"
                 "Plantet <script>window.__pmPwned=true</script> brødtekst & mer.\n")
    contents["fixture"] = fixture
    # Five entries a page, so the main site's lists have several pages for axe to check.
    envs = {"main": pmtest.share_with_site_settings({"page_size": 5})}
    for name, content in contents.items():
        site = os.path.join(www, "sub", "path", name)
        db = os.path.join(work, name + ".sqlite")
        rc, out, err = pmtest.run("site", "--content", content, "--db", db, "-o", site, timeout=300,
                                  env=envs.get(name))
        check_eq(rc, 0, f"site {name} builds: {err}")
        sites[name] = (site, db)

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=www)
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    for name in sites:
        bases[name] = f"http://127.0.0.1:{port}/sub/path/{name}/"

    expected = []
    for name, qs in QUERIES.items():
        for q in qs:
            rc, out, err = pmtest.run("search", "--content", contents[name], "--db", sites[name][1], "--json",
                                      "--limit", "10", "--", q)
            data = pmtest.load_json(out, f"search {q}") or {"results": []}
            top10 = [r["id"] for r in data["results"]]
            expected.append({"base": bases[name], "q": q, "top": top10[:3], "top10": top10, "total": data.get("total")})
    main_site = sites["main"][0]
    item = sorted(glob.glob(os.path.join(main_site, "cases", "*.html")))
    note = sorted(p for p in glob.glob(os.path.join(main_site, "notes", "*.html")) if not p.endswith("index.html"))
    rel = lambda p: os.path.relpath(p, main_site)
    cfg = {
        "chromium": CHROMIUM,
        "queries": [{"base": e["base"], "q": e["q"]} for e in expected] + [{"base": bases["main"], "q": NONSENSE}],
        "facet": {"base": bases["main"], "q": "kommune"},
        "pages": {
            "home": bases["main"] + "index.html",
            "item": bases["main"] + rel(item[0]) if item else bases["main"] + "index.html",
            "list": bases["main"] + "cases/index.html",
            "list-page-2": bases["main"] + "findings/index.page-2.html",
            "search": bases["main"] + "search/index.html?q=kommune",
            "note": bases["main"] + rel(note[0]) if note else bases["main"] + "notes/index.html",
            "404": bases["main"] + "404.html",
            "item-nn": bases["fixture"] + "findings/innbyggjarane-nynorsk.html",
            "search-sv": bases["fixture"] + "search/index.html?q=kommunerna",
        },
        "keyboard": {"home": bases["main"] + "index.html", "q": "kommune"},
        "planted": {"base": bases["fixture"], "q": "plantet", "page": bases["fixture"] + "findings/planted.html"},
        "fileUrl": "file://" + os.path.join(main_site, "search", "index.html") + "?q=kommune",
    }
    cfg_path = os.path.join(work, "cfg.json")
    with open(cfg_path, "w", encoding="utf-8") as f:
        json.dump(cfg, f)
    proc = subprocess.run([NODE, os.path.join(BROWSER, "site_check.js"), cfg_path], capture_output=True, timeout=600)
    httpd.shutdown()
    if proc.returncode != 0:
        print(proc.stderr.decode("utf-8", "replace"))
    check_eq(proc.returncode, 0, "the browser run finishes")
    report = json.loads(proc.stdout.decode("utf-8") or "{}")

    same = 0
    for e, r in zip(expected, report.get("queries", [])):
        got = r["ids"][:3]
        if got == e["top"]:
            same += 1
        else:
            print(f"  differs: {e['q']!r}: CLI {e['top']} site {got} ({r['status']})")
    print(f"top-3 identical for {same}/{len(expected)} queries")
    # The whole first page, and the number of matches, agree too (same bm25, same ties).
    same10 = sum(1 for e, r in zip(expected, report.get("queries", [])) if r["ids"] == e["top10"])
    totals = sum(1 for e, r in zip(expected, report.get("queries", []))
                 if str(e["total"]) in r["status"] or (e["total"] == 0 and r["none"]))
    print(f"first page (10) identical for {same10}/{len(expected)}; totals equal for {totals}/{len(expected)}")
    for e, r in zip(expected, report.get("queries", [])):
        if r["ids"] != e["top10"]:
            print(f"  page differs: {e['q']!r}:\n    CLI  {e['top10']}\n    site {r['ids']}")
    check_eq(same10, len(expected), "queries whose first page on the site equals the CLI's")
    check_eq(totals, len(expected), "queries whose number of matches on the site equals the CLI's")
    check(len(expected) >= 30, "at least 30 queries")
    check_eq(same, len(expected), "queries whose top 3 on the site equal the CLI's")
    nonsense = report["queries"][-1] if report.get("queries") else {}
    check(nonsense.get("none") and not nonsense.get("ids"), "a nonsense query shows the no-results message")
    print("facet:", report.get("facet"))
    fa = report.get("facet", {})
    num = lambda s: int("".join(c for c in (s or "") if c.isdigit()) or 0)
    check(fa and 0 < num(fa.get("after")) < num(fa.get("before")), "a facet link narrows the results")
    for page, violations in report.get("axe", {}).items():
        print(f"axe {page}: {len(violations)} violations", violations if violations else "")
        check_eq(violations, [], f"axe violations on the {page} page")
    print("keyboard:", report.get("keyboard"))
    kb = report.get("keyboard", {})
    check(kb.get("first", "").startswith("skip|"), "the first Tab reaches the skip link")
    check(kb.get("firstOutline"), "the skip link shows focus")
    check(kb.get("reachedSearch") and kb.get("searchOutline"), "Tab reaches the search field, with visible focus")
    check(kb.get("results", 0) > 0, "typing and Enter show results")
    check(kb.get("reachedFacet") and 0 < kb.get("afterFacet", 0), "a facet can be chosen from the keyboard")
    check_eq(report.get("console"), [], "console errors")
    check_eq(report.get("outside"), [], "requests that left loopback")
    check("planted" in report.get("plantedFound", []), "the planted item is found")
    check(not report.get("pwned"), "planted script never runs")
    check(len(report.get("file", "")) > 20, "from file:// the page explains why search cannot work")
    qs = [r for r in report.get("queries", [])]
    if qs:
        print("median bytes per query (cold, all files): %d; files %d; median time to results %.1f ms" % (
            statistics.median(r["bytes"] for r in qs), statistics.median(r["files"] for r in qs),
            statistics.median(r["ms"] for r in qs)))
finally:
    shutil.rmtree(work, True)
pmtest.finish()
