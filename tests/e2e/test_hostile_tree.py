"""A hostile content tree: 100 generated malformed files among the valid shipped ones.
Every malformed file gets at least one located error, every valid item is still indexed,
and nothing crashes. (Issue 12.)"""
import os
import random
import sqlite3

from pmtest import SOURCE, check, check_eq, copy_tree, finish, load_json, run, write

rng = random.Random(12)
root = copy_tree(os.path.join(SOURCE, "content"))
valid = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs
               if f.endswith(".md") and "/" in os.path.relpath(os.path.join(d, f), root) and not f == "README.md")

makers = [
    lambda i: b"---\ntitle: [unclosed\nsummary: x\n---\n",
    lambda i: b"---\ntitle: T\nsummary: bad \xff\xfe bytes\n---\n",
    lambda i: b"no front matter at all\n",
    lambda i: b"---\ntitle: T\n",  # never closes
    lambda i: b"",
    lambda i: b"---\n---\n",
    lambda i: b"---\ntitle: \"open\nsummary: swallowed\n---\n",
    lambda i: b"---\ntitle: A\ntitle: B\n---\n",
    lambda i: b"---\ntitle: T\ndate: 2019-13-45\n---\n",
    lambda i: b"---\ntitle: T\nlang: klingon\n---\n",
    lambda i: b"---\ntitle: T\nthemes: notalist\n---\n",
    lambda i: b"---\ntitle: T\nmunicipalities: [\"0000\"]\n---\n",
    lambda i: b"---\ntitle: T\n---\nSee [@nosuchkey" + str(i).encode() + b"].\n",
    lambda i: b"---\ntitle: T\n---\nSee [[no-such-item-" + str(i).encode() + b"]].\n",
    lambda i: b"---\ntitle: " + b"[" * 5000 + b"\n---\n",
    lambda i: b"---\ntitle: T\n" + b"- " * 3000 + b"x\n---\n",
    lambda i: bytes(rng.randrange(256) for _ in range(2000)),
    lambda i: b"---\ntitle: " + b"x" * (2 * 1024 * 1024) + b"\n" + b"y: " * 100 + b"\n---\n",
    lambda i: b"---\n- just\n- a list\n---\n",
    lambda i: b"---\ntitle: &a [*a, *a]\nsummary: *b\n---\n",
]
planted = []
kinds = ["findings", "cases", "drivers", "concepts", "challenges"]
for i in range(100):
    if i % 10 == 9:  # bad literature files, in both formats
        name = f"literature/hostile-{i}.json" if i % 20 == 9 else f"literature/hostile-{i}.bib"
        data = (b'[{"id": "h%d", "issued": {"date-parts": [["x"]]}}, {"title": 1}]' % i) if name.endswith(".json") \
            else (b"@book{h%d,\n  title = {never closed,\n" % i)
    elif i % 10 == 8:
        name = f"profiles/hostile-{i}.yaml"
        data = b"municipality: \"9999\"\nm\xc3\xa5lform: latin\npages: -3\n"
    else:
        name = f"{kinds[i % len(kinds)]}/hostile-{i}.md"
        data = makers[i % len(makers)](i)
    write(os.path.join(root, name), data)
    planted.append(name)

rc, out, err = run("check", "--content", root, "--json", timeout=300)
check_eq(rc, 1, "check exits 1 on a hostile tree")
obj = load_json(out, "check --json") or {"diagnostics": []}
erring = {d["path"] for d in obj["diagnostics"] if d["severity"] == "error"}
for name in planted:
    check(name in erring, f"{name} gets a located error")
valid_erring = [v for v in valid if v in erring]
check_eq(valid_erring, [], "no valid file gets an error")

db = os.path.join(os.path.dirname(root), "index.sqlite")
rc, out, err = run("index", "--content", root, "--db", db, timeout=300)
check(rc in (0, 1), f"index returns cleanly ({rc}): {err[-300:]}")
with sqlite3.connect(db) as c:
    paths = {r[0] for r in c.execute("SELECT path FROM entries")}
missing = [v for v in valid if v not in paths]
check_eq(missing, [], "every valid item is indexed")
for q in ["kommune", "hostile", "title"]:
    rc, out, _ = run("search", "--content", root, "--db", db, "--json", q)
    check(rc == 0 and load_json(out, "search") is not None, f"search {q!r} answers on a hostile tree")
finish()
