"""The shipped knowledge base: loads clean, holds what the source note holds, spelled right."""
import glob
import json
import os
import re
import shutil
import subprocess

from pmtest import SOURCE, check, check_eq, finish, load_json, run

CONTENT = os.path.join(SOURCE, "content")

rc, out, err = run("check", "--content", CONTENT, "--json")
check_eq(rc, 0, "shipped content checks clean")
obj = load_json(out, "check --json") or {"items": {}, "errors": -1, "warnings": -1}
check_eq(obj["errors"], 0, "no errors")
check_eq(obj["warnings"], 0, "no warnings")
for kind, least in [("finding", 14), ("driver", 3), ("opportunity", 7), ("challenge", 4), ("concept", 6),
                    ("recommendation", 3), ("case", 6)]:
    check(obj["items"].get(kind, 0) >= least, f"at least {least} {kind} items (has {obj['items'].get(kind)})")
check_eq(obj["profiles"], 7, "seven profiles")

with open(os.path.join(CONTENT, "literature", "references.json"), encoding="utf-8") as f:
    refs = json.load(f)
listed = [r for r in refs if "Ufullstendig" not in r.get("note", "")]
check_eq(len(listed), 28, "all 28 entries of the note's literature list")
for r in listed:
    # Government documents (NOU, Meld. St.) have no author in the note: APA puts the title first.
    check(r.get("author") or r.get("editor") or r["type"] == "report" and r.get("title"), f"{r['id']} has an author")
    check(r.get("issued", {}).get("date-parts"), f"{r['id']} has a year")

# Facts carried over from the note's list: first author and year of each entry.
expected = {("Aasen", 2011), ("Andersen", 2018), ("Carayannis", 2009), ("Carlsson", 2010), ("Dembek", 2016),
            ("Ekmann", 2017), ("Gausdal", 2008), ("Guriby", 2016), ("Heringa", 2013), ("Holmen", 2016),
            ("Illeris", 2015), ("Loga", 2018), ("Loga", 2016), ("Lusch", 2014), ("Nilsen", 2019),
            ("Porter", 2011), ("Røiseland", 2016), ("Similä", 2006), ("Sletterød", 2014), ("Stene", 2013),
            ("Stene", 2015), ("Stene", 2019), ("Stene", 2018), ("Sørensen", 2006), ("Wekre", 2018),
            ("Wenger", 2004), ("Innovasjon i omsorg", 2011), ("Perspektivmeldingen 2017", 2016)}
have = set()
for r in listed:
    names = r.get("author") or r.get("editor")
    first = names[0].get("family") or names[0].get("literal", "") if names else r["title"]
    have.add((first, r["issued"]["date-parts"][0][0]))
for fam, year in sorted(expected):
    check((fam, year) in have, f"literature list holds {fam} ({year})")


def front_matter(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.match(r"---\n(.*?)\n---\n?(.*)", text, re.S)
    return (m.group(1), m.group(2)) if m else ("", text)


items = sorted(glob.glob(os.path.join(CONTENT, "*", "*.md")))
cited = set()
for path in items:
    fm, body = front_matter(path)
    for m in re.finditer(r"^sources:\s*\[(.*?)\]", fm, re.M):
        cited.update(k.strip() for k in m.group(1).split(",") if k.strip())
    cited.update(re.findall(r"@([A-Za-z0-9_][A-Za-z0-9_:./-]*[A-Za-z0-9_])", body))
for r in refs:
    check(r["id"] in cited, f"reference {r['id']} is cited by at least one item")

for path in glob.glob(os.path.join(CONTENT, "cases", "*.md")):
    fm, _ = front_matter(path)
    check(re.search(r"^municipalities:\s*\[\s*\S", fm, re.M), f"{os.path.basename(path)} names its municipality")
    check(re.search(r"^sources:\s*\[\s*\S", fm, re.M), f"{os.path.basename(path)} names a source")
    check(re.search(r"^date:", fm, re.M) and re.search(r"^summary:", fm, re.M), f"{os.path.basename(path)} has date and summary")

# Spelling: hunspell over each item's prose, with its own language's dictionary.
with open(os.path.join(CONTENT, ".spelling-allow.txt"), encoding="utf-8") as f:
    allow = {w.strip() for w in f if w.strip()}
dicts = {"nb": "nb_NO", "nn": "nn_NO"}
if shutil.which("hunspell"):
    for path in items:
        fm, body = front_matter(path)
        lang = (re.search(r"^lang:\s*(\w+)", fm, re.M) or [None, "nb"])[1]
        if lang not in dicts:
            continue
        prose = []
        for key in ("title", "summary", "outcome"):
            m = re.search(rf"^{key}:\s*(.*)$", fm, re.M)
            if m:
                prose.append(m.group(1).strip("\"'"))
        text = body
        text = re.sub(r"`[^`]*`", " ", text)
        text = re.sub(r"\[\[[^\]]*\]\]", " ", text)
        text = re.sub(r"@[A-Za-z0-9_:./-]+", " ", text)
        text = re.sub(r"\]\([^)]*\)", "] ", text)
        text = re.sub(r"https?://\S+", " ", text)
        prose.append(text)
        proc = subprocess.run(["hunspell", "-d", dicts[lang], "-l", "-i", "UTF-8"], input="\n".join(prose).encode(),
                              capture_output=True)
        unknown = sorted({w for w in proc.stdout.decode().split() if w not in allow})
        check(not unknown, f"{os.path.relpath(path, CONTENT)}: words outside the dictionary: {unknown}")
else:
    check(False, "hunspell is installed (scripts/install-deps)")

finish()
