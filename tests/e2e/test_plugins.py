"""`playmaker plugins`: built-in plugins load from shared libraries; broken ones are refused
with their reason while the rest load; a later folder overrides an earlier one."""
import os

from pmtest import FIXTURES, check, check_eq, copy_tree, finish, load_json, run, write

BUILD = os.environ.get("PLAYMAKER_BUILD", "build")
PF = os.path.join(BUILD, "tests", "plugin-fixtures")


def plugins(path=None):
    env = dict(os.environ)
    env.pop("PLAYMAKER_PLUGIN_PATH", None)
    if path:
        env["PLAYMAKER_PLUGIN_PATH"] = path
    rc, out, err = run("plugins", "--json", env=env)
    check_eq(rc, 0, f"plugins exits 0 (path {path})")
    return load_json(out, "plugins --json") or {"plugins": []}


# The built-in folder alone.
obj = plugins()
names = {p["name"]: p for p in obj["plugins"]}
check("bibtex" in names and names["bibtex"]["loaded"], "bibtex importer loaded from a shared library")
check(names.get("bibtex", {}).get("path", "").endswith(".so"), "listing gives the library path")
check(".bib" in names.get("bibtex", {}).get("offers", []), "listing says what it offers")

# Broken plugins are refused, each with its reason; the good ones still load.
folders = ":".join(os.path.join(PF, f) for f in ["broken", "good", "dup", "override"])
obj = plugins(folders)
recs = obj["plugins"]
by = {}
for r in recs:
    by.setdefault(r["name"], []).append(r)
reason = lambda n: (by.get(n) or [{}])[0].get("refused", "")
check("plugin API 999" in reason("wrongapi") or "API 999" in reason("wrongapi"), f"wrong API refused: {reason('wrongapi')}")
check("missing symbol" in reason("missingsym"), f"missing symbol refused: {reason('missingsym')}")
check("not a Playmaker plugin" in reason("notaplugin"), f"not a plugin refused: {reason('notaplugin')}")
check("manifest" in reason("nomanifest").lower(), f"no manifest refused: {reason('nomanifest')}")
dupa = by.get("dupa", [])
check(len(dupa) == 2 and dupa[0]["loaded"] and "duplicate" in dupa[1].get("refused", ""), "duplicate name in one folder refused")
check(any(r["loaded"] for r in by.get("extra", [])), "a good plugin beside broken ones loads")
bib = by.get("bibtex", [])
check(len(bib) == 2 and not bib[0]["loaded"] and bib[0].get("overridden_by", "").endswith("override/bibtex.so")
      and bib[1]["loaded"] and bib[1]["version"] == "9.9.9", "a later folder's plugin overrides the built-in one")

rc, out, _ = run("plugins", env=dict(os.environ, PLAYMAKER_PLUGIN_PATH=folders))
check_eq(rc, 0, "text listing exits 0 with refused plugins")
check("refused" in out and "overridden" in out and "loaded" in out, "text listing shows loaded, overridden, refused")

# A .bib file is read through the bibtex plugin, like CSL-JSON.
root = copy_tree(os.path.join(FIXTURES, "mini"))
write(os.path.join(root, "literature", "extra.bib"), "@book{illeris2015,\n  author = {Illeris, Knud},\n  title = {L{\\ae}ring},\n  year = 2015,\n  publisher = {Gyldendal}\n}\n")
write(os.path.join(root, "findings", "laering.md"), "---\ntitle: Læring\nsummary: S\ndate: 2019-03-01\nsources: [illeris2015]\n---\nSe [@illeris2015].\n")
rc, out, err = run("check", "--content", root)
check_eq(rc, 0, f"BibTeX reference resolves citations: {out}")
write(os.path.join(root, "literature", "dup.bib"), "@book{stene2013,\n  author = {Stene, Morten},\n  title = {X},\n  year = 2013\n}\n")
rc, out, err = run("check", "--content", root)
check_eq(rc, 1, "a key in both .bib and .json is an error")
check("duplicate citation key 'stene2013'" in out, "duplicate key across .bib and .json named")

finish()
