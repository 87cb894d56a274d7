"""`--format pdf` for every shipped profile: headless chromium prints the HTML note to at
most 10 A4 pages, tagged, with an outline, title, language and page numbers, and its text
holds the headings and the reference list with Norwegian letters intact."""
import os
import re
import shutil
import subprocess

from notes_common import html_outline, shipped_tree, squash
from pmtest import check, check_eq, finish, run

CONTENT, work, base, profiles = shipped_tree("chromium")

htmldir, pdfdir = os.path.join(work, "html"), os.path.join(work, "pdf")
check_eq(run("notes", "-o", htmldir, *base)[0], 0, "notes (html) exits 0")
rc, _, err = run("notes", "-o", pdfdir, "--format", "pdf", "--jobs", "2", *base, timeout=600)
check_eq(rc, 0, f"notes --format pdf exits 0 ({err[-300:]})")
check_eq(sorted(os.listdir(pdfdir)) if os.path.isdir(pdfdir) else [], [p + ".pdf" for p in profiles],
         "one .pdf per profile")


def info(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return dict((k.strip(), v.strip()) for k, _, v in (l.partition(":") for l in out.splitlines()))


for name in profiles:
    path = os.path.join(pdfdir, name + ".pdf")
    if not os.path.exists(path):
        continue
    page = open(os.path.join(htmldir, name + ".html"), encoding="utf-8").read()
    title, sections, items, refs = html_outline(page)
    lang = re.search(r'<html lang="([a-z]+)"', page).group(1)
    meta = info(path)
    pages = int(meta.get("Pages", "0"))
    print(f"{name}: {pages} pages")
    check(1 <= pages <= 10, f"{name}: at most 10 pages ({pages})")
    check("A4" in meta.get("Page size", ""), f"{name}: A4 ({meta.get('Page size')})")
    check_eq(meta.get("Title"), title, f"{name}: PDF title")
    check_eq(meta.get("Tagged"), "yes", f"{name}: tagged PDF")
    raw = open(path, "rb").read()
    check(f"/Lang ({lang})".encode() in raw, f"{name}: PDF language {lang}")
    check(b"/Outlines" in raw, f"{name}: a document outline")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True).stdout.decode("utf-8")
    flat = squash(text)
    for h in sections + items:
        check(squash(h) in flat, f"{name}: heading {h!r} in the PDF text")
    for r in refs:
        check(squash(r) in flat, f"{name}: reference {r[:50]!r}… in the PDF text")
    if lang in ("nb", "nn"):
        for letter in "æøåÆØÅ"[:3]:
            check(letter in text, f"{name}: Norwegian letter {letter} survives")
    # Every page ends with its number: "3 / 9".
    sheets = [p for p in text.split("\f") if p.strip()]
    numbered = [re.search(r"(\d+)\s*/\s*(\d+)\s*$", p.strip()) for p in sheets]
    check(all(m and int(m.group(1)) == i + 1 and int(m.group(2)) == pages for i, m in enumerate(numbered)),
          f"{name}: page numbers n / {pages} on every page")

finish()
