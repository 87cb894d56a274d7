"""The oracle: `playmaker cite --format text` against `pandoc --citeproc` with Debian's apa.csl.

For every shipped reference (content/literature/) in nb, and for every fixture reference
(tests/fixtures/cite/) in nb, nn, sv and en, Playmaker's entry must equal pandoc's
(`-t plain --wrap=none`), entry by entry in list order, ignoring only whitespace.

Where pandoc is wrong by APA 7, a named exception below says why; an exception that no
longer differs is reported, so the list cannot rot. pandoc is a test-time tool only: when it
or apa.csl is missing the test is skipped (exit 77), never failed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from pmtest import FIXTURES, SOURCE, check, check_eq, finish, load_json, run

APA = "/usr/share/citation-style-language/styles/apa.csl"
LOCALES = {"nb": "nb-NO", "nn": "nn-NO", "sv": "sv-SE", "en": "en-US"}

# (language or "*", citation key) -> why pandoc is wrong by APA 7. Shipped references:
# none — every one of them must match pandoc exactly.
EXCEPTIONS = {
    ("*", "w5"): "article number: pandoc 2.17's citeproc has no CSL 1.0.2 'article-locator' term "
                 "and prints 'Journal, 3, e12'; APA 7 (10.1, ex. 6) writes 'Article e12' "
                 "(nb 'Artikkel', sv 'Artikel'). Its DOI field is already a URL, which pandoc "
                 "prefixes a second time ('https://doi.org/https://doi.org/…').",
    ("nb", "d"): "Aa-tie: 'Berg, A., & Aas, B.' and 'Berg, A., & Ås, C.' — pandoc lets the "
                 "tertiary difference Å/Aa decide before the second author's initials; Aa is Å "
                 "in Norwegian, so Playmaker orders by the initials (B. before C.).",
    ("nb", "e"): "Aa-tie: see ('nb', 'd').",
    ("nn", "d"): "Aa-tie: see ('nb', 'd').",
    ("nn", "e"): "Aa-tie: see ('nb', 'd').",
    ("en", "w2"): "en date order: pandoc sorts by the en-US numeric date text, so '06/2020' "
                  "precedes '2001'; APA 7 (9.47) orders one author's works by year.",
    ("en", "c"): "en date order: see ('en', 'w2') — the work it is swapped with.",
}


def pandoc_available():
    return shutil.which("pandoc") and os.path.exists(APA)


def norm(s):
    return re.sub(r"\s+", "", s)


def pandoc_entries(content, lang):
    lit = os.path.join(content, "literature")
    bib = [os.path.join(lit, f) for f in sorted(os.listdir(lit)) if f.endswith(".json")]
    with tempfile.TemporaryDirectory() as d:
        md = os.path.join(d, "nocite.md")
        with open(md, "w", encoding="utf-8") as f:
            f.write(f"---\nnocite: '@*'\nlang: {LOCALES[lang]}\n---\n")
        args = ["pandoc", "--citeproc", "-t", "plain", "--wrap=none", "--csl", APA]
        for b in bib:
            args += ["--bibliography", b]
        out = subprocess.run(args + [md], capture_output=True, check=True).stdout.decode("utf-8")
    # one entry per paragraph
    return [p.strip() for p in out.split("\n\n") if p.strip()]


def compare(content, lang, what, allow_exceptions):
    rc, out, err = run("cite", "--content", content, "--lang", lang, "--format", "json")
    check_eq(rc, 0, f"{what}: playmaker cite exits 0 ({err.strip()})")
    ours = load_json(out, what) or []
    theirs = pandoc_entries(content, lang)
    check_eq(len(ours), len(theirs), f"{what}: as many entries as pandoc")
    equal = 0
    used = set()
    for i, (mine, pd) in enumerate(zip(ours, theirs)):
        key = mine["key"]
        exc = EXCEPTIONS.get((lang, key)) or EXCEPTIONS.get(("*", key))
        if norm(mine["text"]) == norm(pd):
            equal += 1
            if exc and allow_exceptions:
                print(f"note: exception ({lang}, {key}) no longer differs from pandoc")
            continue
        if exc and allow_exceptions:
            used.add(key)
            print(f"exception [{lang}] {key}: {exc}\n  playmaker: {mine['text']}\n  pandoc:    {pd}")
            continue
        check(False, f"{what}: entry {i + 1} ({key}) differs\n  playmaker: {mine['text']}\n  pandoc:    {pd}")
    print(f"{what}: {equal}/{len(theirs)} equal to pandoc, {len(used)} named exception(s)")
    # the plain-text format is the same entries, one per line and nothing else
    rc, text, _ = run("cite", "--content", content, "--lang", lang)
    check_eq(text.splitlines(), [e["text"] for e in ours], f"{what}: --format text is one entry per line")


if not pandoc_available():
    print("SKIP: pandoc or apa.csl (citation-style-language-styles) not installed")
    sys.exit(77)

compare(os.path.join(SOURCE, "content"), "nb", "shipped references (nb)", allow_exceptions=False)
for lang in LOCALES:
    compare(os.path.join(FIXTURES, "cite"), lang, f"fixtures ({lang})", allow_exceptions=True)
finish()
