#!/usr/bin/env python3
"""The site's search client analyses words exactly as the core does: the C++ analysis
(tests/tools/analysis_dump) and the JS one (site/assets/pm-analysis.js with the exported
lexicon) agree on every word of a list of more than 10,000 — nb, nn, sv and en words,
inflections, and compounds, most of them absent from any content."""
import glob
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pmtest  # noqa: E402

BUILD = os.environ.get("PLAYMAKER_BUILD", os.path.join(pmtest.SOURCE, "build"))
DUMP = os.path.join(BUILD, "bin", "analysis_dump")
NODE = shutil.which("node")
if not NODE or not os.path.exists(DUMP):
    print("skipped: needs node and", DUMP)
    sys.exit(77)

WORD = re.compile(r"[^\W_]+", re.UNICODE)
rng = random.Random(20261127)
words = set()

# Words of the content trees in the repository.
for pattern in ("content/**/*.md", "tests/fixtures/**/*.md", "tests/fixtures/**/*.json", "tests/fixtures/**/*.yaml"):
    for path in glob.glob(os.path.join(pmtest.SOURCE, pattern), recursive=True):
        with open(path, encoding="utf-8", errors="replace") as f:
            words.update(WORD.findall(f.read()))

# Dictionary headwords (nb, nn) with inflectional endings, and compounds of them.
heads = []
for name in ("nb_NO.dic", "nn_NO.dic"):
    path = os.path.join("/usr/share/hunspell", name)
    if os.path.exists(path):
        with open(path, encoding="latin-1") as f:
            lines = f.read().split("\n")[1:]
        heads += [l.split("/")[0] for l in lines if l and l[0].isalpha() and "/" in l]
heads = [h for h in heads if h.isalpha() and len(h) >= 3]
sample = rng.sample(heads, min(4000, len(heads)))
endings_no = ["", "en", "ene", "er", "et", "a", "ar", "ane", "ast", "s", "ens", "ets", "te", "de", "ende", "heten", "lig"]
for h in sample:
    words.add(h)
    words.add(h + rng.choice(endings_no))
long_heads = [h for h in sample if len(h) >= 4]
for _ in range(3000):
    a, b = rng.choice(long_heads), rng.choice(long_heads)
    words.add(a + rng.choice(["", "s", "e"]) + b + rng.choice(["", "en", "ene", "er", "et"]))

# Swedish and English forms: the Snowball stemmers on their own endings.
sv = """kommun län region företag näringsliv utveckling samverkan landsbygd bygd förening
arbete arbetsmarknad entreprenör innovation invånare befolkning skola stad by gård
företagare verksamhet fullt löst möjlighet utmaning kunskap forskning politik
kommunal regional lokal nationell social ekonomisk hållbar""".split()
endings_sv = ["", "en", "et", "er", "ar", "or", "arna", "erna", "orna", "heten", "heter", "ande", "ade", "ernas",
              "arnas", "ens", "ets", "s", "lig", "ig", "els", "ast", "at", "het", "hetens", "andet", "dd", "tt"]
for w in sv:
    for e in endings_sv:
        words.add(w + e)
en = """generate generous communication community arsenal running hopping hoped hoping sky skies dying
news howe atlas cosmos bias andes innings outing proceed exceeded succeeding national rational
relational conditional valency hesitancy digitizer conformabli radicalli differentli vileli analogousli
vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti
sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance
inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption
homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll roll
caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping
tanned falling hissing fizzed failing filing happy sky cry by say boy agreement enjoy yelling""".split()
for w in en:
    for e in ["", "s", "ed", "ing", "ly", "ness", "ful", "ation", "ization", "ingly", "edly", "er", "est", "ies"]:
        words.add(w + e)
# Case, accents and decomposed letters fold as in the core.
for w in list(words)[:300]:
    words.add(w.upper())
    words.add(w.capitalize())
words.update(["Idé", "kafé", "KAFÉ", "a\u030arsak", "o\u0308ver", "2019", "covid19", "Ålesund", "ÆRE", "øy"])

words = sorted(w for w in words if w and "\t" not in w and "\n" not in w)
tmp = tempfile.mkdtemp(prefix="pm-ident-")
try:
    lst = os.path.join(tmp, "words.txt")
    with open(lst, "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    subprocess.run([DUMP, lst, tmp], check=True, timeout=600)
    subprocess.run([NODE, os.path.join(pmtest.SOURCE, "tests", "browser", "analysis_identity.js"), lst, tmp],
                   check=True, timeout=600)
    with open(os.path.join(tmp, "expected.tsv"), encoding="utf-8") as f:
        expected = f.read().split("\n")
    with open(os.path.join(tmp, "actual.tsv"), encoding="utf-8") as f:
        actual = f.read().split("\n")
    with open(os.path.join(tmp, "lexicon.json"), encoding="utf-8") as f:
        lexicon_size = f.read().count('":"')
    same = sum(1 for a, b in zip(expected, actual) if a == b and a)
    diffs = [(a, b) for a, b in zip(expected, actual) if a != b]
    print(f"{len(words)} words; {same} identical (nb, sv, en terms); lexicon decides {lexicon_size} of them")
    for a, b in diffs[:25]:
        print("  C++:", a, "\n  JS: ", b)
    pmtest.check(len(words) >= 10000, f"at least 10,000 words (got {len(words)})")
    pmtest.check_eq(len(diffs), 0, "words the JS analysis gives other terms for")
    pmtest.check_eq(len(expected), len(actual), "lines")
finally:
    shutil.rmtree(tmp, True)
pmtest.finish()
