"""`--format docx` for every shipped profile opens in LibreOffice (Debian
libreoffice-writer-nogui): it converts to PDF without error, to at most 10 pages, and the
text holds the headings and the reference list with Norwegian letters intact."""
import os
import re
import shutil
import subprocess
import tempfile

from notes_common import html_outline, shipped_tree, squash
from pmtest import check, check_eq, finish, run

CONTENT, work, base, profiles = shipped_tree("libreoffice", "libreoffice-writer-nogui")
OFFICE = shutil.which("libreoffice")

htmldir, docxdir, outdir = (os.path.join(work, d) for d in ("html", "docx", "out"))
check_eq(run("notes", "-o", htmldir, *base)[0], 0, "notes (html) exits 0")
rc, _, err = run("notes", "-o", docxdir, "--format", "docx", *base)
check_eq(rc, 0, f"notes --format docx exits 0 ({err[-300:]})")
docs = sorted(os.path.join(docxdir, f) for f in os.listdir(docxdir))

# One LibreOffice run for all of them (it starts slowly), with a profile of its own.
profile = tempfile.mkdtemp(dir=work)
proc = subprocess.run([OFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                       "--convert-to", "pdf", "--outdir", outdir, *docs],
                      capture_output=True, text=True, timeout=600)
check_eq(proc.returncode, 0, f"libreoffice converts without error ({proc.stderr[-300:]})")
check("Error" not in proc.stderr and "Error" not in proc.stdout, f"libreoffice reports no error: {proc.stderr[-300:]}")


def pages_of(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else -1


for name in profiles:
    pdf = os.path.join(outdir, name + ".pdf")
    check(os.path.exists(pdf), f"{name}.docx converted to PDF")
    if not os.path.exists(pdf):
        continue
    page = open(os.path.join(htmldir, name + ".html"), encoding="utf-8").read()
    title, sections, items, refs = html_outline(page)
    lang = re.search(r'<html lang="([a-z]+)"', page).group(1)
    pages = pages_of(pdf)
    print(f"{name}: {pages} pages")
    check(1 <= pages <= 10, f"{name}.docx: at most 10 pages in LibreOffice ({pages})")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True).stdout.decode("utf-8")
    flat = squash(text)
    for h in [title] + sections + items:
        check(squash(h) in flat, f"{name}: {h!r} in LibreOffice's PDF")
    for r in refs:
        check(squash(r) in flat, f"{name}: reference {r[:50]!r}… in LibreOffice's PDF")
    if lang in ("nb", "nn"):
        for letter in "æøå":
            check(letter in text, f"{name}: Norwegian letter {letter} survives")
    sheets = [p for p in text.split("\f") if p.strip()]
    check(all(re.search(r"(\d+)\s*/\s*(\d+)\s*$", p.strip()) for p in sheets), f"{name}: page numbers in the footer")

finish()
