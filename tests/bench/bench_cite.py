#!/usr/bin/env python3
"""Citations: Playmaker in process, and `playmaker cite` against `pandoc --citeproc`.

Usage: tests/bench/bench_cite.py [BUILD_DIR] [RUNS]   (default build, 20)

1. In process (bench_cite): the full reference list, 1,000 in-text citations and a ten-page
   note's 30 citations + reference list, on the shipped literature.
2. Whole process against whole process, in the same run: `playmaker cite --content content`
   (the shipped literature, plain text) vs `pandoc --citeproc -t plain` with Debian's apa.csl,
   nb-NO, `nocite: '@*'`, on the same bibliography. Medians of RUNS runs each, and the ratio.
Targets: the note under 5 ms in process; `playmaker cite` at least 10x faster than pandoc.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(SOURCE, "build"))
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
APA = "/usr/share/citation-style-language/styles/apa.csl"
BIB = os.path.join(SOURCE, "content", "literature", "references.json")


def timed(cmd):
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, min(times) * 1000


print("== in process (bench_cite)")
out = subprocess.run([os.path.join(BUILD, "bin", "bench_cite"), BIB, "200"], check=True,
                     capture_output=True, text=True).stdout
print("\n".join(l for l in out.splitlines() if not l.startswith("in_process")))
note_ms = float([l for l in out.splitlines() if l.startswith("in_process_note_ms=")][0].split("=")[1])

print(f"\n== whole process, same bibliography ({RUNS} runs each, median / min)")
with tempfile.TemporaryDirectory() as d:
    md = os.path.join(d, "nocite.md")
    with open(md, "w") as f:
        f.write("---\nnocite: '@*'\nlang: nb-NO\n---\n")
    pm = [os.path.join(BUILD, "bin", "playmaker"), "cite", "--content", os.path.join(SOURCE, "content")]
    pd = ["pandoc", "--citeproc", "-t", "plain", "--wrap=none", "--csl", APA, "--bibliography", BIB, md]
    pm_med, pm_min = timed(pm)
    pd_med, pd_min = timed(pd)
print(f"playmaker cite           {pm_med:8.2f} ms  / {pm_min:8.2f} ms")
print(f"pandoc --citeproc        {pd_med:8.2f} ms  / {pd_min:8.2f} ms")
print(f"ratio pandoc / playmaker {pd_med / pm_med:8.1f}x  (target >= 10x)")
print(f"\nten-page note in process {note_ms:.3f} ms (target < 5 ms): {'met' if note_ms < 5 else 'MISSED'}")
print(f"whole process 10x target: {'met' if pd_med / pm_med >= 10 else 'MISSED'}")
