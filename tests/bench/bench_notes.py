#!/usr/bin/env python3
"""Notes benchmark (issue 7), in one run on the shipped content:
  1. one note in process (bench_notes: build + render, median);
  2. the whole `playmaker note` process beside `pandoc --citeproc` turning the same note's
     Markdown (the chosen items with their [@key] citations) into HTML with apa.csl, nb-NO;
  3. all 357 Norwegian municipalities' notes: `playmaker notes --all-municipalities` (2 cores).
Targets: one note ≤ 5 ms in process; the playmaker process ≥ 10× faster than pandoc's;
all 357 notes ≤ 5 s.
Usage: tests/bench/bench_notes.py [BUILD_DIR]"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build"))
pm = os.path.join(build, "bin", "playmaker")
work = tempfile.mkdtemp(prefix="pm-bench-notes-")
content = os.path.join(work, "content")
shutil.copytree(os.path.join(root, "content"), content)
db = os.path.join(work, "index.sqlite")
base = ["--content", content, "--db", db]
subprocess.run([pm, "index", *base], check=True, capture_output=True)

print(subprocess.run([os.path.join(build, "bin", "bench_notes"), content, db, "5006", "200"],
                     check=True, capture_output=True, text=True).stdout, end="")


def timed(cmd, n=15):
    """Median wall seconds, and median CPU seconds (user + system of the child), which a
    loaded machine disturbs far less than wall time."""
    import resource
    times, cpu = [], []
    for _ in range(n):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


# The same note as an author would write it for pandoc: the chosen items' Markdown with
# their citations unresolved, and the bibliography beside it.
chosen = json.loads(subprocess.run([pm, "note", "--municipality", "5006", "--json", *base], check=True,
                                   capture_output=True, text=True).stdout)
parts = ["---\ntitle: Steinkjer\nlang: nb-NO\nnocite: ''\n---\n"]
for s in chosen["sections"]:
    if not s["items"]:
        continue
    parts.append(f"\n# {s['id']}\n")
    for i in s["items"]:
        for kind in os.listdir(content):
            p = os.path.join(content, kind, i["id"] + ".md")
            if os.path.exists(p):
                text = open(p, encoding="utf-8").read().split("---", 2)[2]
                text = re.sub(r"\[\[([a-z0-9-]+)\]\]", r"\1", text)
                parts.append(f"\n## {i['id']}\n{text}")
md = os.path.join(work, "note.md")
open(md, "w", encoding="utf-8").write("".join(parts) + "\n# Litteraturliste\n")
csl = "/usr/share/citation-style-language/styles/apa.csl"
bib = os.path.join(content, "literature", "references.json")
pandoc = shutil.which("pandoc")
t_pm, c_pm = timed([pm, "note", "--municipality", "5006", "-o", os.path.join(work, "pm.html"), *base])
print(f"whole process: playmaker note (HTML) {t_pm * 1000:.1f} ms wall, {c_pm * 1000:.1f} ms CPU (medians of 15)")
if pandoc and os.path.exists(csl):
    t_pd, c_pd = timed([pandoc, md, "--citeproc", "--csl", csl, "--bibliography", bib, "-M", "lang=nb-NO", "-s",
                        "-o", os.path.join(work, "pd.html")])
    print(f"whole process: pandoc --citeproc (HTML) {t_pd * 1000:.1f} ms wall, {c_pd * 1000:.1f} ms CPU (medians of 15)")
    print(f"ratio pandoc / playmaker: {t_pd / t_pm:.1f}x wall, {c_pd / c_pm:.1f}x CPU (target >= 10x)")
else:
    print("pandoc or apa.csl missing: no pandoc figure")

t = time.perf_counter()
subprocess.run([pm, "notes", "--all-municipalities", "-o", os.path.join(work, "notes"), *base], check=True,
               capture_output=True)
t_all = time.perf_counter() - t
n = len(os.listdir(os.path.join(work, "notes")))
print(f"playmaker notes --all-municipalities: {n} notes in {t_all:.2f} s on {os.cpu_count()} cores (target: 357 in <= 5 s)")
shutil.rmtree(work, ignore_errors=True)
