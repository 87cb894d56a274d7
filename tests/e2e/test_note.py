"""`playmaker note` and `notes`: tailored selection with reasons, profiles, languages,
citations against the reference list, renderers, and atomic output folders."""
import html
import os
import re
import tempfile

from pmtest import SOURCE, check, check_eq, copy_tree, finish, load_json, run, write

CONTENT = copy_tree(os.path.join(SOURCE, "content"))
work = os.path.dirname(CONTENT)
DB = os.path.join(work, "index.sqlite")
base = ["--content", CONTENT, "--db", DB]


def explain(*args):
    rc, out, err = run("note", *args, *base, "--json")
    check_eq(rc, 0, f"note {args} --json exits 0 ({err.strip()[-200:]})")
    return load_json(out, f"note {args} --json") or {"sections": [], "dropped": []}


def section(obj, sid):
    for s in obj["sections"]:
        if s["id"] == sid:
            return [i["id"] for i in s["items"]]
    return []


# Steinkjer: its own cases first, and every item says why it is there.
st = explain("--municipality", "5006")
check_eq(st.get("municipality"), "5006", "--json names the municipality")
cases = section(st, "eksempler")
check(set(cases[:2]) == {"steinkjer-bolystteam", "inn-pa-tunet-steinkjer"}, f"Steinkjer's own cases first: {cases}")
for s in st["sections"]:
    for i in s["items"]:
        check(i["reasons"], f"{i['id']} has reasons")
        check(isinstance(i["score"], (int, float)), f"{i['id']} has a score")
check(isinstance(st["pages"], (int, float)) and st["pages"] <= 10, f"Steinkjer within 10 pages ({st['pages']})")
check(all("id" in d and "score" in d for d in st["dropped"]), "dropped items have id and score")
check(any(s["id"] == "litteratur" and s["items"] == [] for s in st["sections"]), "sections without items have items: []")
same = [r for s in st["sections"] for i in s["items"] if i["id"] == "steinkjer-bolystteam" for r in i["reasons"]]
check(any("Steinkjer" in r for r in same), f"a case's reasons say it is from the municipality: {same}")

# Røyrvik gets its holiday-home case first; by name too (Sámi form).
ro = explain("--municipality", "Raarvihke")
check_eq(section(ro, "eksempler")[:1], ["royrvik-fritidsboliger"], "Røyrvik's holiday-home case first")
check(section(st, "funn") != section(ro, "funn"), "two profiles select different findings")

# Any municipality in the register gets a note from a default profile.
for m in ["0301", "1860", "SE-1860", "Tana", "5501"]:
    rc, out, err = run("note", "--municipality", m, *base)
    check_eq(rc, 0, f"note for {m} exits 0 ({err.strip()[-200:]})")
    check(out.startswith("<!DOCTYPE html>"), f"note for {m} is HTML")
check_eq(run("note", "--municipality", "9999", *base)[0], 2, "unknown municipality is a usage error")
check_eq(run("note", *base)[0], 2, "no municipality is a usage error")
check_eq(run("note", "--municipality", "5006", "--format", "nope", *base)[0], 2, "unknown format is a usage error")
check_eq(run("note", "--municipality", "5006", "--pages", "0", *base)[0], 2, "--pages 0 is a usage error")
sv = run("note", "--municipality", "SE-2380", *base)[1]
check('<html lang="sv">' in sv and "Sammanfattning" in sv, "a Swedish municipality gets Swedish")

# The HTML note names the municipality, its county, population and centrality, with SSB's credit.
rc, page, err = run("note", "--municipality", "5006", "--format", "html", *base)
text = html.unescape(re.sub(r"<[^>]+>", " ", page))
for want in ["Steinkjer", "Trøndelag", "24 032", "sentralitetsklasse 4", "Kilde: Statistisk sentralbyrå", "Valgt fordi"]:
    check(want in text, f"HTML note says {want!r}")
check('<html lang="nb">' in page, "HTML note has lang from the målform")
check("<script" not in page and " src=" not in page and "<link" not in page and "@import" not in page
      and "url(" not in page, "HTML note loads nothing from outside (no script, src, link, import, url)")
check("@page" in page and "A4" in page, "A4 print styles")

# Every citation in the note is in its reference list, and nothing else is.
refs = re.findall(r'<p id="ref-([^"]+)">', page)
check(len(refs) > 0, "the note has a reference list")
body = page.split('class="references"')[0]
cites = set(re.findall(r"\(([^()]*?\d{4}[a-z]?(?:, s\. [^;)]*)?(?:; [^()]*?\d{4}[a-z]?)*)\)", html.unescape(re.sub(r"<[^>]+>", "", body))))
rc, js, _ = run("note", "--municipality", "5006", "--json", *base)
chosen = [i["id"] for s in load_json(js, "json")["sections"] for i in s["items"]]
keys = set()
for cid in chosen:
    for sub in ["findings", "drivers", "opportunities", "challenges", "cases", "recommendations", "concepts"]:
        p = os.path.join(CONTENT, sub, cid + ".md")
        if os.path.exists(p):
            src = open(p, encoding="utf-8").read()
            fm = src.split("---")[1]
            keys.update(re.findall(r"@([a-z0-9]+)", src.split("---", 2)[2]))
            m = re.search(r"^sources:\s*\[(.*?)\]", fm, re.M)
            if m:
                keys.update(k.strip() for k in m.group(1).split(",") if k.strip())
check_eq(sorted(refs), sorted(keys), "reference list = works the chosen items cite")

# Markdown: a YAML metadata block, resolved citations, the reference list.
rc, md, _ = run("note", "--municipality", "5006", "--format", "md", *base)
check(md.startswith("---\ntitle: \"Hva skal til for at Steinkjer"), "Markdown starts with a YAML block")
check("[@" not in md and "[[" not in md, "Markdown has citations and links resolved")
check("# Litteraturliste" in md, "Markdown has the reference list")

# A fixture profile: include, exclude, a section of the author's own, nynorsk, pages.
write(os.path.join(CONTENT, "profiles", "testkommune.yaml"),
      'municipality: "5046"\nmålform: nynorsk\ninclude: [maurtuva-vekstgard]\nexclude: [tenke-og-gjore-nytt]\n'
      'themes: [landbruk]\nsections:\n  forord: |\n    Eit føreord skrive av forfattaren sjølv.\npages: 10\n')
tk = explain("--profile", "testkommune")
chosen = {i for s in tk["sections"] for i in section(tk, s["id"])}
check("maurtuva-vekstgard" in chosen, "include keeps an item")
check("tenke-og-gjore-nytt" not in chosen and all(d["id"] != "tenke-og-gjore-nytt" for d in tk["dropped"]),
      "exclude keeps an item out")
rc, nn, _ = run("note", "--profile", "testkommune", *base)
check("Eit føreord skrive av forfattaren sjølv." in nn, "the author's section text is kept")
for h in ["Føreord", "Samandrag", "Innleiing", "Utvalde funn", "Litteraturliste"]:
    check(f">{h}</h2>" in nn, f"nynorsk heading {h}")
for h in ["Forord", "Sammendrag", "Innledning", "Utvalgte funn", "Utfordringer"]:
    check(f">{h}</h2>" not in nn, f"no bokmål heading {h} in a nynorsk note")
check('<html lang="nn">' in nn, "nynorsk note has lang nn")
check('lang="nb"' in nn, "bokmål items in a nynorsk note carry their own lang")
rc, small, _ = run("note", "--profile", "testkommune", "--pages", "6", "--json", *base)
small = load_json(small, "small")
check(small["pages"] <= 6 and len(small["dropped"]) > len(tk["dropped"]), "a smaller budget drops more")
rc, en, _ = run("note", "--profile", "testkommune", "--lang", "en", *base)
check('<html lang="en">' in en and ">References</h2>" in en, "--lang overrides the målform")

# --explain prints reasons and what the budget dropped.
rc, ex, _ = run("note", "--municipality", "5006", "--explain", *base)
check(rc == 0 and "steinkjer-bolystteam" in ex and "tatt med av profilen" in ex, "--explain gives reasons")

# -o writes a file; notes writes one per profile into a folder, atomically.
out = os.path.join(work, "steinkjer.html")
check_eq(run("note", "--municipality", "5006", "-o", out, *base)[0], 0, "note -o exits 0")
check(os.path.exists(out) and open(out, encoding="utf-8").read().startswith("<!DOCTYPE html>"), "note -o writes HTML")
outdir = os.path.join(work, "notes")
rc, _, err = run("notes", "-o", outdir, *base)
check_eq(rc, 0, f"notes exits 0 ({err[-200:]})")
files = sorted(os.listdir(outdir)) if os.path.isdir(outdir) else []
check_eq(len(files), 8, f"one note per profile: {files}")
check("steinkjer.html" in files, "notes are named by profile")
write(os.path.join(outdir, "keep.txt"), "old")
rc, _, _ = run("notes", "-o", outdir, "--format", "nope", *base)
check_eq(rc, 2, "a bad format fails before writing")
check(os.path.exists(os.path.join(outdir, "keep.txt")), "a failed notes run leaves the old folder")
rc, _, _ = run("notes", "-o", outdir, "--format", "md", *base)
check(rc == 0 and not os.path.exists(os.path.join(outdir, "keep.txt")) and
      os.path.exists(os.path.join(outdir, "steinkjer.md")), "a new run replaces the folder whole")
leftovers = [f for f in os.listdir(work) if f.startswith(".notes.tmp")]
check_eq(leftovers, [], "no staging folders left behind")

finish()
