#!/usr/bin/env python3
"""Site benchmark: `playmaker site` beside Hugo on the shared corpus, in one run.

Usage: bench_site.py PLAYMAKER [N=10000] [--work DIR]

Generates the corpus (gen_corpus.py N --playmaker and --hugo), then measures, each in its
own process (wall seconds, peak RSS from wait4): hugo (Debian) with the corpus's minimal
layout; Pagefind indexing Hugo's output; `playmaker site` from scratch (and the phases it
reports on stderr); `playmaker site` again after one item changes (a sentence with words
the corpus never had, so the dictionaries load), and after another gets the same sentence
(words the index knows); and
`playmaker notes --all-municipalities` on its own.

Pagefind is the npm package pinned in this folder's package-lock.json, installed only for
benchmarks: `cd tests/bench && npm ci`. Without it the script names the reference figure.
Targets: site ≤ Hugo + Pagefind (≈ 6.9 s reference), aim Hugo (≈ 3.3 s); peak memory
below Hugo's; rebuild after one edit ≤ 10 % of the full build.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PAGEFIND_HINT = "pagefind: not installed (cd tests/bench && npm ci); reference: hugo + pagefind ≈ 6.9 s"


def pagefind_command():
    """Pagefind from this folder's node_modules: the platform binary itself when it is there (no
    node start-up in the figure), else through npx; None when `npm ci` has not been run here."""
    for binary in sorted(glob.glob(os.path.join(HERE, "node_modules", "@pagefind", "*", "bin", "pagefind"))):
        if os.access(binary, os.X_OK):
            return [binary]
    if shutil.which("npx") and os.path.isdir(os.path.join(HERE, "node_modules", "pagefind")):
        if subprocess.run(["npx", "--no-install", "pagefind", "--version"], cwd=HERE,
                          capture_output=True).returncode == 0:
            return ["npx", "--no-install", "pagefind"]
    return None


def measure(argv, cwd=None):
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.monotonic() - t0
    err = proc.stderr.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f"FAILED ({code}): {' '.join(argv)}\n{err[-2000:]}")
    return secs, usage.ru_maxrss / 1024, err


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--work")]
    work = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--work=")), None)
    playmaker = os.path.abspath(args[0])
    n = int(args[1]) if len(args) > 1 else 10000
    work = work or tempfile.mkdtemp(prefix="pm-bench-site-")
    os.makedirs(work, exist_ok=True)
    gen = os.path.join(HERE, "gen_corpus.py")
    pm, hugo_site = os.path.join(work, "pm"), os.path.join(work, "hugo")
    for d, flag in ((pm, "--playmaker"), (hugo_site, "--hugo")):
        if not os.path.isdir(d):
            subprocess.run([sys.executable, gen, str(n), d, flag], check=True, stdout=subprocess.DEVNULL)
    rows = []
    hugo = shutil.which("hugo")
    if hugo:
        out = os.path.join(work, "hugo-out")
        shutil.rmtree(out, ignore_errors=True)
        s, m, _ = measure([hugo, "--quiet", "-s", hugo_site, "-d", out])
        rows.append(("hugo (pages, minimal layout)", s, m))
        pagefind = pagefind_command()
        if pagefind:
            s2, m2, _ = measure(pagefind + ["--site", out], cwd=HERE)
            rows.append(("pagefind (indexing hugo's pages)", s2, m2))
            rows.append(("hugo + pagefind", s + s2, max(m, m2)))
        else:
            rows.append((PAGEFIND_HINT, float("nan"), float("nan")))
    else:
        rows.append(("hugo: not installed (apt-get install hugo)", float("nan"), float("nan")))

    site = os.path.join(work, "_site")
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(os.path.join(work, ".playmaker"), ignore_errors=True)
    content = os.path.join(pm, "content")
    base = [playmaker, "site", "--content", content, "-o", site, "--base-url", "https://example.no/"]
    full, fm, full_err = measure(base, cwd=work)
    rows.append(("playmaker site (full, no cache)", full, fm))
    again, am, _ = measure(base, cwd=work)
    rows.append(("playmaker site (nothing changed)", again, am))
    # One edit that brings words the corpus has never had (the dictionaries must load), then
    # the same sentence added to another item (words the index knows).
    # The edited files are put back afterwards, so the next run over the same --work folder
    # meets the words as new again.
    findings = sorted(os.listdir(os.path.join(content, "findings")))
    edits, originals = [], {}
    try:
        for victim, label in ((findings[0], "after one edit, new words"), (findings[1], "after one edit, known words")):
            path = os.path.join(content, "findings", victim)
            with open(path, encoding="utf-8") as f:
                originals[path] = f.read()
            with open(path, "a", encoding="utf-8") as f:
                f.write("\nEn setning lagt til for benchmarken.\n")
            secs, mem, err = measure(base, cwd=work)
            rows.append((f"playmaker site ({label})", secs, mem))
            edits.append((label, secs, err))
    finally:
        for path, text in originals.items():
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    notes_out = os.path.join(work, "notes")
    ns, nm, _ = measure([playmaker, "notes", "--content", content, "-o", notes_out, "--all-municipalities"], cwd=work)
    rows.append(("playmaker notes --all-municipalities (incl. index build)", ns, nm))
    ns2, nm2, _ = measure([playmaker, "notes", "--content", content, "-o", notes_out, "--all-municipalities"], cwd=work)
    rows.append(("playmaker notes --all-municipalities (index ready)", ns2, nm2))

    print(f"{n} items, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    for name, s, m in rows:
        print(f"  {name:60s} {s:7.2f} s  {m:8.0f} MiB")
    for label, secs, _ in edits:
        print(f"  rebuild {label}: {secs / full * 100:.1f} % of the full build (target ≤ 10 %)")
    # Whatever the full build reported on stderr (its phases, when it prints them), without the
    # page counter it redraws.
    said = [l.strip() for l in full_err.replace("\r", "\n").splitlines() if l.strip()]
    said = [l for l in said if not re.fullmatch(r"site: \d+/\d+ pages", l)]
    print("  the full site build said:")
    for line in said:
        print("    " + line)
    for label, _, err in edits:
        print(f"  the build {label} said:", err.strip().splitlines()[-1] if err.strip() else "")


if __name__ == "__main__":
    main()
