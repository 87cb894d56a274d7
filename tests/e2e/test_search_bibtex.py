#!/usr/bin/env python3
"""BibTeX literature is searchable like CSL-JSON: `check` and `cite` read `.bib` files
through the bibtex importer plugin, and so does the index — a work known only from a
`.bib` file is found by `playmaker search`, leaves the index when the file goes, and comes
back (incrementally) when it returns."""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))
import pmtest  # noqa: E402
from pmtest import check, check_eq, copy_tree, run  # noqa: E402

content = copy_tree(os.path.join(pmtest.FIXTURES, "search", "content"))
db = os.path.join(os.path.dirname(content), "index.sqlite")
bib = os.path.join(content, "literature", "zotero.bib")
shutil.copy(os.path.join(pmtest.FIXTURES, "bibtex", "zotero.bib"), bib)


def ids(query):
    rc, out, err = run("search", "--content", content, "--db", db, "--json", query)
    check_eq(rc, 0, f"search {query!r} exits 0 ({err.strip()[-300:]})")
    data = pmtest.load_json(out, f"search {query!r}") or {}
    return [r["id"] for r in data.get("results", [])]


check("loga_samskaping_2018" in ids("lokalsamfunn"), "a work from a .bib file is found by a title word")
check("stene_samfunnsentreprenorskap_2013" in ids("samfunnsentreprenørskap kind:reference"),
      "and by a title word with the reference filter")
check("loga_samskaping_2018" in ids("Loga"), "and by its author")

os.remove(bib)
check("loga_samskaping_2018" not in ids("lokalsamfunn"), "a removed .bib file leaves the index")
shutil.copy(os.path.join(pmtest.FIXTURES, "bibtex", "zotero.bib"), bib)
check("loga_samskaping_2018" in ids("lokalsamfunn"), "and comes back with the file")

pmtest.finish()
