"""`playmaker cite`: keys, formats, languages, exit codes, and literature errors at their line."""
import json
import os

from pmtest import FIXTURES, SOURCE, check, check_eq, copy_tree, finish, load_json, run, write

CONTENT = os.path.join(SOURCE, "content")

# All references, one per line, nothing else on stdout.
rc, out, err = run("cite", "--content", CONTENT)
check_eq(rc, 0, "cite exits 0")
lines = out.splitlines()
with open(os.path.join(CONTENT, "literature", "references.json"), encoding="utf-8") as f:
    check_eq(len(lines), len(json.load(f)), "one line per shipped reference")
check(lines[-1].startswith("Aasen, T. M. B., & Amundsen, O. (2011)."), "Aasen sorts as Åsen, last")

# Some keys: only those works, in list order, with suffixes computed over them alone.
rc, out, _ = run("cite", "stene2018", "illeris2015", "--content", CONTENT)
check_eq(out.splitlines(), [
    "Illeris, K. (2015). Læring (3. utg.). Samfundslitteratur.",
    "Stene, M., & Stickler, K. (2018). ReSeNS – Regional utvikling og samfunnsentreprenørskap "
    "Norge–Sverige. Eksempler, samfunnseffekter og rådgivermetodikk. Nord universitet/Mittuniversitetet.",
], "cite KEY… prints those entries in list order")

rc, out, err = run("cite", "finnesikke", "--content", CONTENT)
check_eq(rc, 2, "unknown key is a usage error")
check("finnesikke" in err, "unknown key named on stderr")

# Formats.
rc, out, _ = run("cite", "loga2018", "--content", CONTENT, "--format", "html")
check("<i>Norsk sosiologisk tidsskrift</i>" in out and
      '<a href="https://doi.org/10.18261/issn.2535-2512-2018-01-05">' in out, "html: <i> and <a>")
rc, out, _ = run("cite", "illeris2015", "--content", CONTENT, "--format", "md")
check_eq(out.strip(), "Illeris, K. (2015). *Læring* (3. utg.). Samfundslitteratur.", "md: *italic*")
rc, out, _ = run("cite", "illeris2015", "--content", CONTENT, "--format", "json")
data = load_json(out, "json") or [{}]
check_eq(data[0].get("key"), "illeris2015", "json: key")
check({"text": "Læring", "italic": True} in data[0].get("runs", []), "json: italic run")
rc, out, _ = run("cite", "illeris2015", "--content", CONTENT, "--lang", "en")
check_eq(out.strip(), "Illeris, K. (2015). Læring (3rd ed.). Samfundslitteratur.", "--lang en")
rc, _, err = run("cite", "--content", CONTENT, "--lang", "de")
check_eq(rc, 2, "unknown --lang is a usage error")
rc, _, err = run("cite", "--content", CONTENT, "--format", "pdf")
check_eq(rc, 2, "unknown --format is a usage error")

# The fixture tree: every type.
rc, out, _ = run("cite", "--content", os.path.join(FIXTURES, "cite"))
check_eq(rc, 0, "fixtures load without errors")

# A reference with neither author nor title, and a malformed date: errors at their lines,
# from cite (after the good entries) and from check.
root = copy_tree(os.path.join(FIXTURES, "cite"))
write(os.path.join(root, "literature", "bad.json"),
      '[\n  {"id": "god", "type": "book", "title": "God"},\n'
      '  {"id": "tom", "type": "book"},\n'
      '  {"id": "dato", "type": "book", "title": "T",\n'
      '   "issued": {"date-parts": [["i fjor"]]}}\n]\n')
rc, out, err = run("cite", "--content", root)
check_eq(rc, 1, "cite exits 1 on literature errors")
check("God. (u.å.)." in out, "the good entry is still printed")
check("literature/bad.json:3:3: error: entry 'tom' has neither author nor title" in err,
      "no author nor title: located at its line")
check("literature/bad.json:5:" in err and "malformed date" in err, "malformed date: located at its line")
rc, out, err = run("check", "--content", root)
check_eq(rc, 1, "check exits 1 on the same errors")
check("literature/bad.json:3:3: error: entry 'tom' has neither author nor title" in out,
      "check reports the missing author and title")
check("literature/bad.json:5:" in out and "malformed date" in out, "check reports the malformed date")
finish()
