"""Every shipped profile's HTML note, and 20 register-default municipalities', printed by
headless Chromium: at most 10 A4 pages, and never more than the note's own estimate."""
import concurrent.futures
import json
import os
import shutil
import subprocess
import tempfile

from notes_common import shipped_tree
from pmtest import check, check_eq, finish, run

CONTENT, work, base, profiles = shipped_tree("chromium")
CHROMIUM = shutil.which("chromium")
# Twenty municipalities without a profile, spread over counties, sizes and both countries.
defaults = ["0301", "1103", "1508", "1577", "1804", "1860", "3201", "3301", "3403", "3907",
            "4001", "4204", "4601", "4649", "5501", "5601", "5612", "SE-0114", "SE-1280", "SE-2583"]
jobs = [("--profile", p) for p in profiles] + [("--municipality", m) for m in defaults]
run("index", *base)


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return -1


def one(job):
    flag, name = job
    html = os.path.join(work, name + ".html")
    rc, _, err = run("note", flag, name, "-o", html, *base)
    if rc != 0:
        return name, None, None, f"note exit {rc}: {err[-200:]}"
    rc, out, _ = run("note", flag, name, "--json", *base)
    estimate = json.loads(out)["pages"]
    pdf = os.path.join(work, name + ".pdf")
    profile_dir = tempfile.mkdtemp(dir=work)
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={profile_dir}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                           "file://" + html], capture_output=True, timeout=120)
    return name, estimate, pdf_pages(pdf), proc.returncode


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    for name, estimate, pages, rc in ex.map(one, jobs):
        if estimate is None:
            check(False, f"{name}: {rc}")
            continue
        print(f"{name}: estimate {estimate}, printed {pages}")
        check(1 <= pages <= 10, f"{name} prints to at most 10 pages (printed {pages})")
        check(pages <= estimate, f"{name}: printed {pages} ≤ estimate {estimate}")

finish()
