"""`playmaker check` on fixture trees with planted errors: exact locations and exit codes."""
import os

from pmtest import FIXTURES, check, check_eq, copy_tree, finish, load_json, run, run_raw, write

# A clean tree exits 0 with a summary.
rc, out, err = run("check", "--content", os.path.join(FIXTURES, "mini"))
check_eq(rc, 0, "clean fixture exits 0")
check("0 errors, 0 warnings" in out, "clean fixture summary line")

# Plant one error per new file; the existing files stay valid.
root = copy_tree(os.path.join(FIXTURES, "mini"))
write(os.path.join(root, "cases/bad-yaml.md"), "---\ntitle: Dårlig\nthemes: [samskaping\nsummary: x\n---\nTekst.\n")
write(os.path.join(root, "cases/bad-cite.md"),
      "---\ntitle: Sitat\nsummary: S\ndate: 2019-03-01\n---\nFørste linje.\nHer siteres [@finnesikke2020].\n")
write(os.path.join(root, "cases/bad-link.md"),
      "---\ntitle: Lenke\nsummary: S\ndate: 2019-03-01\n---\nSe [[ukjent-sak]].\n")
write(os.path.join(root, "cases/bad-kommune.md"),
      "---\ntitle: Kommune\nsummary: S\ndate: 2019-03-01\nmunicipalities: [\"9999\"]\n---\n")
write(os.path.join(root, "cases/no-title.md"), "---\nsummary: S\ndate: 2019-03-01\n---\nTekst.\n")
write(os.path.join(root, "cases/bad-utf8.md"), b"---\ntitle: T\nsummary: S \xe6\xff\n---\n")
write(os.path.join(root, "cases/bad-lang.md"), "---\ntitle: T\nsummary: S\ndate: 2019-03-01\nlang: de\n---\n")
write(os.path.join(root, "cases/bad-theme.md"),
      "---\ntitle: T\nsummary: S\ndate: 2019-03-01\nthemes: [samskapning]\n---\n")
write(os.path.join(root, "cases/bad-related.md"),
      "---\ntitle: T\nsummary: S\ndate: 2019-03-01\nrelated: [ingen-slik]\n---\n")
write(os.path.join(root, "cases/dup.md"), "---\ntitle: T\nsummary: S\ndate: 2019-03-01\n---\n")
write(os.path.join(root, "findings/dup.md"), "---\ntitle: T\nsummary: S\ndate: 2019-03-01\n---\n")
write(os.path.join(root, "cases/bad-date.md"), "---\ntitle: T\nsummary: S\ndate: 1. mars 2019\n---\n")
write(os.path.join(root, "ukjent/notat.md"), "---\ntitle: T\n---\n")
write(os.path.join(root, "stray.txt"), "hei\n")
write(os.path.join(root, "profiles/bad.yaml"),
      "municipality: \"9999\"\nmålform: samisk\ndrivers: [bolyst]\npages: 0\n")
write(os.path.join(root, "literature/bad.json"),
      '[\n  {"id": "tom", "type": "book"},\n  {"id": "dato", "title": "T", "issued": {"date-parts": [["ny"]]}}\n]\n')

rc, out, err = run("check", "--content", root)
check_eq(rc, 1, "planted errors exit 1")
lines = out.splitlines()
expected = [
    "cases/bad-cite.md:7:14: error: unknown citation key 'finnesikke2020'",
    "cases/bad-date.md:4:7: error: bad date '1. mars 2019': use YYYY-MM-DD, YYYY-MM or YYYY",
    "cases/bad-kommune.md:5:18: error: municipality '9999' is not in the register",
    "cases/bad-lang.md:5:7: error: unknown lang 'de': use nb, nn, sv or en",
    "cases/bad-link.md:6:4: error: unknown link [[ukjent-sak]]",
    "cases/bad-related.md:5:11: error: unknown related id 'ingen-slik'",
    "cases/bad-theme.md:5:10: error: unknown theme 'samskapning' (did you mean 'samskaping'?)",
    "cases/bad-utf8.md:3:12: error: not valid UTF-8 (save the file as UTF-8)",
    "cases/bad-yaml.md:",
    "cases/no-title.md:1:1: error: missing 'title'",
    "findings/dup.md: error: duplicate id 'dup': also cases/dup.md",
    "literature/bad.json:2:3: error: entry 'tom' has neither author nor title",
    "literature/bad.json:3:59: error: malformed date in 'issued'",
    "profiles/bad.yaml:1:15: error: municipality '9999' is not in the register",
    "profiles/bad.yaml:2:10: error: målform 'samisk' must be bokmål, nynorsk or nøytral",
    "profiles/bad.yaml:3:11: error: driver 'bolyst' is not a driver item in drivers/",
    "profiles/bad.yaml:4:8: error: pages must be a page budget above 0",
    "stray.txt: error: unknown file",
    "ukjent/notat.md: error: not loaded",
]
for e in expected:
    check(any(l.startswith(e) for l in lines), f"reported: {e}")
check(any(l.startswith("cases/bad-yaml.md:4:") or l.startswith("cases/bad-yaml.md:3:") for l in lines),
      "bad YAML located on its line")
# The valid files still load: the summary counts them.
summary = lines[-1]
check(summary.startswith("checked "), "summary line last")
for line in lines[:-1]:
    check(": error: " in line or ": warning: " in line, f"diagnostic format: {line}")

# --json gives one object with every diagnostic.
rc, out, err = run("check", "--content", root, "--json")
check_eq(rc, 1, "--json keeps the exit code")
obj = load_json(out, "check --json")
if obj:
    check(obj["errors"] >= len(expected), "--json counts errors")
    check(obj["items"]["case"] >= 1, "valid items still loaded")
    check(any(d["path"] == "cases/bad-cite.md" and d["line"] == 7 and d["col"] == 14 for d in obj["diagnostics"]),
          "--json diagnostic has path, line, col")

# Usage errors exit 2; help exits 0.
check_eq(run("check", "--bogus")[0], 2, "unknown option exits 2")
check_eq(run("nosuchcommand")[0], 2, "unknown command exits 2")
check_eq(run("check", "--help")[0], 0, "--help exits 0")
check_eq(run("--help")[0], 0, "playmaker --help exits 0")
check("playmaker" in run("--version")[1], "--version prints the name")

check_eq(run("check", "--content", os.path.join(FIXTURES, "mini"), "--", "extra")[0], 0, "-- ends options")
rc, out, err = run_raw(b"municipalities", b"R\xf8yrvik")
check_eq(rc, 2, "invalid UTF-8 in an argument exits 2")
check(b"UTF-8" in err, "invalid UTF-8 is named")
missing = run("check", "--content", os.path.join(root, "nope"))
check_eq(missing[0], 1, "missing content folder is a content error")
check("no content folder" in missing[1], "missing content folder says so")

finish()
