#!/usr/bin/env python3
"""End-to-end: playmaker index and search on tests/fixtures/search (nb, nn and sv items).

Pins what an official sees: inflected, nynorsk and compound-part queries find the right
item in the top 3; every query syntax and facet; hostile input never breaks the command;
the index is incremental and atomic (a killed build leaves the old index usable).
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PM = os.environ["PLAYMAKER"]
SRC = os.environ["PLAYMAKER_SOURCE"]
FIXTURE = os.path.join(SRC, "tests", "fixtures", "search", "content")
failures = []

# (query, id expected in the top 3)
TOP3 = [
    ("rolle", "steinkjer-entreprenorrollen"),
    ("entreprenør", "steinkjer-entreprenorrollen"),
    ("regelverk", "steinkjer-entreprenorrollen"),
    ("innkjøp", "steinkjer-entreprenorrollen"),
    ("innkjøpsregelverk", "steinkjer-entreprenorrollen"),
    ("entreprenørrolle", "steinkjer-entreprenorrollen"),
    ("havbruk", "havbruksfondet"),
    ("fond", "havbruksfondet"),
    ("havbruksfond", "havbruksfondet"),
    ("næringsutvikling", "havbruksfondet"),
    ("kystkommune", "havbruksfondet"),
    ("inntekt", "havbruksfondet"),
    ("røynsler", "innbyggjarane-nynorsk"),
    ("innbyggerne", "innbyggjarane-nynorsk"),
    ("innbygger", "innbyggjarane-nynorsk"),
    ("parter", "innbyggjarane-nynorsk"),
    ("part", "innbyggjarane-nynorsk"),
    ("arbeiderne", "innbyggjarane-nynorsk"),
    ("innvandrer", "innvandrere-grundere"),
    ("innvandrerne", "innvandrere-grundere"),
    ("innvandrere", "innvandrere-grundere"),
    ("gründer", "innvandrere-grundere"),
    ("programmet", "innvandrere-grundere"),
    ("kommunerna", "landsbygden-svensk"),
    ("företagare", "landsbygden-svensk"),
    ("landsbygd", "landsbygden-svensk"),
    ("upphandling", "landsbygden-svensk"),
    ("demens", "demensvennlig"),
    ("sentralisering", "sentralisering"),
    ("sentralis*", "sentralisering"),
    ("fylkeskommune", "sentralisering"),
    ("fylke", "sentralisering"),
    ("sektorgrense", "sentralisering"),
    ("gård", "gardsbruk"),
    ("gårdene", "dem-og-oss"),
    ("velferdstjeneste", "gardsbruk"),
    ("tjeneste", "gardsbruk"),
    ("samskaping", "innbyggjarane-nynorsk"),
    ("samfunnsentreprenørskap", "stene2018"),
    ("Stene", "stene2018"),
    ("partane", "innbyggjarane-nynorsk"),
]

HOSTILE = [
    '"unbalanced', 'NEAR(', 'NEAR(a b)', 'col:', 'title:rolle', "'; DROP TABLE docs; --", 'OR', 'AND',
    'NOT', '-', '*', '"', '""', '(', ')', 'a OR', 'OR b', '- -', '-"', 'rolle -', 'kind:', ':',
    'sør-trøndelag', 'a AND NOT b', '^rolle', '{title}: x', 'kommune:', 'year:abc', 'fylke:"',
    'x' * 10240, ' '.join(['rolle'] * 2000), '\u0000', '\x01\x02\x03', 'é' * 3000, '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉',
    'kind:case kind:finding', 'municipality:Nowhere', 'county:Atlantis', '"a" * "b"', 'rolle*"*',
]


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, content=FIXTURE, db=None):
    cmd = [PM, *args[:1], "--content", content, "--db", db, *args[1:]]
    return subprocess.run(cmd, capture_output=True)


def search(db, *args, content=FIXTURE):
    r = run("search", "--json", *args, content=content, db=db)
    check(r.returncode == 0, f"search {args!r} exit {r.returncode}: {r.stderr[-300:]!r}")
    try:
        return json.loads(r.stdout)
    except ValueError:
        check(False, f"search {args!r} gave non-JSON: {r.stdout[:200]!r}")
        return {"results": [], "total": 0, "facets": {}}


def ids(res):
    return [r["id"] for r in res["results"]]


def main():
    tmp = tempfile.mkdtemp(prefix="pm-search-")
    db = os.path.join(tmp, "idx", "index.sqlite")

    # Building on demand, and saying so.
    r = run("search", "--", "rolle", db=db)
    check(r.returncode == 0 and b"building" in r.stderr, "search builds a missing index and says so")

    hits = 0
    for q, want in TOP3:
        got = ids(search(db, "--limit", "3", "--", q))
        if want in got:
            hits += 1
        else:
            print(f"  miss: {q!r} → {got} (wanted {want})")
    rate = hits / len(TOP3)
    print(f"top-3 hit rate: {hits}/{len(TOP3)} = {rate:.0%}")
    check(rate >= 0.95, f"top-3 hit rate {rate:.0%} < 95 %")

    # Query syntax.
    res = search(db, "--", "kommune")
    check("landsbygden-svensk" not in ids(search(db, "--", "kommunane -kommunerna")), "exclusion removes what it names")
    check("demensvennlig" not in ids(search(db, "--", "-demens", "samfunn")), "exclusion of demens")
    check("dem-og-oss" in ids(search(db, "--", "-demens dem")), "-demens keeps texts with 'dem'")
    check("demensvennlig" not in ids(search(db, "--", "dem")), "dem does not find demens")
    res = search(db, "--", "gründer OR upphandling")
    check({"innvandrere-grundere", "landsbygden-svensk"} <= set(ids(res)), "OR finds either")
    res = search(db, "--", '"tok entreprenørrollen"')
    check(ids(res) == ["steinkjer-entreprenorrollen"], f"phrase finds the item: {ids(res)}")
    check(search(db, "--", '"entreprenørrollen tok"')["total"] == 0, "phrase respects order")
    res = search(db, "--", "kind:case")
    check(res["total"] == 2 and set(res["facets"]["kind"]) == {"case"}, "kind: filter")
    check(ids(search(db, "--", "samskaping theme:samskaping kind:finding")) == ["innbyggjarane-nynorsk"], "theme: + kind:")
    check(set(ids(search(db, "--", "kommune:Steinkjer"))) == {"steinkjer-entreprenorrollen", "sentralisering"}, "kommune: by name")
    check(set(ids(search(db, "--", "municipality:5006"))) == {"steinkjer-entreprenorrollen", "sentralisering"}, "municipality: by number")
    check(set(ids(search(db, "--", "fylke:trøndelag"))) == {"steinkjer-entreprenorrollen", "sentralisering", "innvandrere-grundere"}, "fylke: by name")
    check(set(ids(search(db, "--", "county:Vestland"))) == {"innbyggjarane-nynorsk"}, "county:")
    check(set(ids(search(db, "--", "year:2019"))) == {"steinkjer-entreprenorrollen", "sentralisering"}, "year:")
    check(set(ids(search(db, "--year", "2019", "--kind", "driver"))) == {"sentralisering"}, "facet flags")
    check(ids(search(db, "--", "lang:sv")) == ["landsbygden-svensk"], "lang:")
    res = search(db, "--", "kommune")
    check("kind" in res["facets"] and "lang" in res["facets"], "facet counts")
    check(res["total"] >= 4, "kommune meets kommunene, kommunane, kommunerna")
    res = search(db, "--limit", "1", "--offset", "1", "--", "kommune")
    check(len(res["results"]) == 1, "limit/offset")
    res = search(db, "--", "innkjøpsregelverket")
    check(res["results"] and "<mark>" in res["results"][0]["snippet"], "snippet marks the match")
    check(set(res["results"][0].keys()) == {"id", "kind", "title", "score", "snippet", "path"}, "result fields")

    # Escaping: content is escaped before marking.
    c2 = os.path.join(tmp, "content2")
    shutil.copytree(FIXTURE, c2)
    with open(os.path.join(c2, "findings", "html.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: Skript <script>alert(1)</script>\nsummary: x\nlang: nb\n---\n"
                "Teksten har <b>rå</b> HTML & et skriptord: <script>alert(1)</script>\n")
    db2 = os.path.join(tmp, "db2.sqlite")
    res = search(db2, "--", "skriptord", content=c2)
    snip = res["results"][0]["snippet"] if res["results"] else ""
    check("<script>" not in snip and "<b>" not in snip and "<mark>" in snip, f"snippet escaped: {snip!r}")

    # Hostile input: exit 0 and JSON every time.
    for q in HOSTILE:
        if "\u0000" in q:
            continue  # an argv cannot hold NUL
        search(db, "--", q)
    r = subprocess.run([PM, "search", "--content", FIXTURE, "--db", db, "--json", "--", b"\xff\xfe rolle"], capture_output=True)
    check(r.returncode == 2 and b"UTF-8" in r.stderr, f"invalid UTF-8 refused with exit 2: {r.returncode} {r.stderr!r}")

    # Incremental: unchanged files are not analysed, a changed one is, a deleted one goes.
    r = run("index", content=c2, db=db2)
    check(b"0 indexed" in r.stdout and b"0 removed" in r.stdout, f"second build changes nothing: {r.stdout!r}")
    os.remove(os.path.join(c2, "findings", "html.md"))
    with open(os.path.join(c2, "findings", "gardsbruk.md"), "a", encoding="utf-8") as f:
        f.write("\nNytt ord: kvernhuset.\n")
    r = run("search", "--json", "--", "kvernhus", content=c2, db=db2)
    check(b"out of date" in r.stderr, "search refreshes a stale index and says so")
    check(ids(json.loads(r.stdout)) == ["gardsbruk"], "a changed file is re-analysed")
    check(search(db2, "--", "skriptord", content=c2)["total"] == 0, "a deleted file disappears")
    r = run("index", content=c2, db=db2)
    check(b"0 indexed" in r.stdout, f"refreshed index is up to date: {r.stdout!r}")
    # Another tree: rebuilt.
    r = run("search", "--json", "--", "kvernhus", content=FIXTURE, db=db2)
    check(b"another content tree" in r.stderr and json.loads(r.stdout)["total"] == 0, "index from another tree is rebuilt")

    # Atomic: killing a build leaves the old index usable.
    big = os.path.join(tmp, "big")
    shutil.copytree(FIXTURE, big)
    body = open(os.path.join(FIXTURE, "findings", "havbruksfondet.md"), encoding="utf-8").read()
    for i in range(6000):
        with open(os.path.join(big, "findings", f"kopi-{i}.md"), "w", encoding="utf-8") as f:
            f.write(body + f"\nKopi {i} av havbruksfondet. Ord{i} kommunestyresak{i}\n")
    db3 = os.path.join(tmp, "db3.sqlite")
    run("index", content=FIXTURE, db=db3)
    before = open(db3, "rb").read()
    p = subprocess.Popen([PM, "index", "--content", big, "--db", db3], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.3)
    p.send_signal(signal.SIGKILL)
    p.wait()
    after = open(db3, "rb").read()
    if p.returncode == -signal.SIGKILL and after != before:
        # The kill came after the new index was swapped in (e.g. while the process freed its
        # dictionaries): then the file must be the whole new index, never a half-written one.
        import sqlite3
        with sqlite3.connect(f"file:{db3}?mode=ro", uri=True) as c:
            check(c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "a swapped-in index is whole")
            n = c.execute("SELECT count(*) FROM entries WHERE path LIKE 'findings/kopi-%'").fetchone()[0]
        check(n == 6000, f"a swapped-in index holds the whole new tree ({n} of 6000)")
        print("note: the kill came after the swap; the new index is whole")
    elif p.returncode == -signal.SIGKILL:
        check(after == before, "a killed build leaves the old index as it was")
    else:
        print("note: the build finished before the kill; atomicity not exercised")
    res = search(db3, "--", "rolle")  # usable: refreshed for FIXTURE if the new tree got in
    check("steinkjer-entreprenorrollen" in ids(res), "the index still answers")

    shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
