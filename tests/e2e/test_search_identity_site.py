#!/usr/bin/env python3
"""The site's search analyses every query word as `playmaker search` does, for any word: the
JS analysis (site/assets/pm-analysis.js) reads the lexicon exactly as a site exports it from
a content tree (the shipped one, plus two items of compounds), the core's terms are the
query terms of the index the site was built from (tests/tools/analysis_dump with the index),
and the words are content words, their inflections, random compounds of content words and
of dictionary words with inflections, dictionary words with endings, and words no content
relates to that the dictionaries lemmatise otherwise than Snowball (mangelende). Every
term must be identical."""
import glob
import json
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
DICS = "/usr/share/hunspell"
if not NODE or not os.path.exists(DUMP) or not os.path.exists(os.path.join(DICS, "nb_NO.dic")):
    print("skipped: needs node, the nb/nn dictionaries and", DUMP)
    sys.exit(77)

# Compounds hunspell builds by its compounding rules, in bokmål and nynorsk.
EXTRA = """---
title: Ressurslogikken i landbruksbedriftene
summary: Skolebokprosjektet viste at ressurslogikken styrer kulturarbeidet.
lang: nb
themes: [samskaping]
date: 2022-03-01
---
Landbruksbedriftene og ressurslogikken: næringslivsutviklingen i distriktskommunene
trenger sykehjemsplasser, barnehageplassene og datamaskinene. Skolebøkene ble
delt ut i ressursbøkene til lærerinnene.
"""
EXTRA_NN = """---
title: Ressurslogikken i bygdebedriftene
summary: Kulturarbeidarane i distriktskommunane laga skulebøker.
lang: nn
themes: [samskaping]
date: 2022-04-01
---
Innbyggjarane i fylkeskommunane meiner at næringsutviklingsarbeidet og
reiselivsbedriftene treng fleire kulturarbeidarar.
"""

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
rng = random.Random(20261128)
work = tempfile.mkdtemp(prefix="pm-ident-site-")
try:
    content = os.path.join(work, "content")
    shutil.copytree(os.path.join(pmtest.SOURCE, "content"), content)
    pmtest.write(os.path.join(content, "findings", "ressurslogikk.md"), EXTRA)
    pmtest.write(os.path.join(content, "findings", "ressurslogikk-nn.md"), EXTRA_NN)
    site = os.path.join(work, "site")
    rc, out, err = pmtest.run("site", "--content", content, "-o", site, "--db", os.path.join(work, "index.sqlite"),
                              timeout=600)
    pmtest.check_eq(rc, 0, "site builds: " + err)
    data = os.path.join(site, "search", "data")
    vocab = set()
    for path in glob.glob(os.path.join(data, "t", "*.json")):
        with open(path, encoding="utf-8") as f:
            vocab.update(json.load(f).keys())

    content_words = set()
    for path in glob.glob(os.path.join(content, "**", "*.md"), recursive=True):
        with open(path, encoding="utf-8") as f:
            content_words.update(w.lower() for w in WORD.findall(f.read()))

    heads = []
    for name in ("nb_NO.dic", "nn_NO.dic"):
        with open(os.path.join(DICS, name), encoding="latin-1") as f:
            lines = f.read().split("\n")[1:]
        heads += [l.split("/")[0] for l in lines if l and l[0].isalpha() and "/" in l]
    heads = sorted(h for h in set(heads) if h.isalpha() and h.islower() and len(h) >= 4)

    endings = ["", "e", "en", "ene", "er", "et", "a", "ar", "ane", "ast", "s", "ens", "ets", "te", "de", "ende", "ne"]
    tails = ["", "en", "ene", "er", "et", "a", "ar", "ane", "ane", "s", "ane"]
    long_content = sorted(w for w in content_words if len(w) >= 4)
    words = set(content_words)
    cases = """ressurslogikk ressurslogikken ressurslogikker ressurslogikkene ressurslogikks skolebok skolebøker
    skolebøkene skolebøkenes ressursbok ressursbøkene ressursbøker skolebokprosjekt skolebokprosjekter
    landbruksbedrift landbruksbedriftene bygdebedrift bygdebedrifta kulturarbeidar kulturarbeidaren
    kulturarbeider kulturarbeiderne innbyggere innbyggjar skulebok skulebøkene distriktskommune
    distriktskommunen reiselivsbedrift reiselivsbedrifta næringsutviklingsarbeid mangelende mangelendes
    ressurslogikkenes bokstavrimene fjordbrukslandskapet""".split()
    words.update(cases)
    # Content words and dictionary words with endings not in the content.
    for w in long_content:
        for e in rng.sample(endings, 4):
            words.add(w + e)
    for h in rng.sample(heads, 2500):
        words.add(h + rng.choice(endings))
    # Dictionary words and compounds of dictionary words alone, inflected: unrelated to the content.
    for _ in range(2000):
        a, b = rng.choice(heads), rng.choice(heads)
        words.add(a + rng.choice(["", "s", "e"]) + b + rng.choice(tails + ["ende", "ende", "endes"]))
    # Compounds: content + content, content + dictionary, dictionary + content, inflected.
    dict_sample = rng.sample(heads, 3000)
    for _ in range(4000):
        a = rng.choice(long_content if rng.random() < 0.6 else dict_sample)
        b = rng.choice(long_content if rng.random() < 0.6 else dict_sample)
        words.add(a + rng.choice(["", "s", "e"]) + b + rng.choice(tails))
    words = sorted(w for w in words if w and "\t" not in w)

    lst = os.path.join(work, "words.txt")
    with open(lst, "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    subprocess.run([DUMP, lst, work, os.path.join(work, "index.sqlite")], check=True, timeout=900)
    subprocess.run([NODE, os.path.join(pmtest.SOURCE, "tests", "browser", "analysis_identity.js"), lst, work, data],
                   check=True, timeout=600)
    with open(os.path.join(work, "expected.tsv"), encoding="utf-8") as f:
        expected = [l.split("\t") for l in f.read().split("\n") if l]
    with open(os.path.join(work, "actual.tsv"), encoding="utf-8") as f:
        actual = [l.split("\t") for l in f.read().split("\n") if l]
    pmtest.check_eq(len(expected), len(actual), "lines")
    identical = sum(1 for e, a in zip(expected, actual) if e == a)
    wrong = [(e, a) for e, a in zip(expected, actual) if e != a]
    unrelated = sum(1 for w in words if w not in content_words)
    print(f"{len(words)} words ({unrelated} not in the content), {len(vocab)} index terms; "
          f"{identical} identical; {len(wrong)} differ")
    for e, a in wrong[:25]:
        print("  C++:", e, "\n  JS: ", a, "| in index:", e[1] in vocab, a[1] in vocab)
    pmtest.check(len(words) >= 10000, f"at least 10,000 words (got {len(words)})")
    pmtest.check_eq(len(wrong), 0, "words the site analyses otherwise than the core")
finally:
    shutil.rmtree(work, True)
pmtest.finish()
