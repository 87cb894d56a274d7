#!/usr/bin/env python3
"""Search benchmark: Playmaker's index against a plain FTS5 unicode61 table, same text.

Usage: bench_search.py BENCH_BINARY [SIZES...] [--work DIR]
  BENCH_BINARY  the built bench_search (build/bin/bench_search)
  SIZES         corpus sizes (default 10000 100000)

For each size: generates the shared corpus (gen_corpus.py N DIR --playmaker), indexes it
with Playmaker and with plain FTS5, runs the same 1,000 mixed queries (one word, two-word
AND, phrase, prefix) against both, and prints index seconds, query p50/p99 (µs), peak
memory and the ratios Playmaker/plain. Targets (issue 4): index ≤ 1.5×, p50 and p99 ≤ 2×,
peak memory ≤ 2 GiB at 100k items.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402


def queries(n=1000, seed=7):
    rng = random.Random(seed)
    nouns = [w for w in gen_corpus.NOUNS if len(w) > 3]
    adjs = gen_corpus.ADJECTIVES
    out = []
    for i in range(n):
        k = i % 4
        if k == 0:
            w = rng.choice(nouns)
            out.append((w, f'"{w}"'))
        elif k == 1:
            a, b = rng.choice(nouns), rng.choice(nouns)
            out.append((f"{a} {b}", f'"{a}" "{b}"'))
        elif k == 2:
            a, b = rng.choice(adjs), rng.choice(nouns)
            out.append((f'"{a} {b}"', f'"{a} {b}"'))
        else:
            w = rng.choice([x for x in nouns if len(x) >= 7])
            p = w[: rng.randint(4, 6)]
            out.append((f"{p}*", f'"{p}"*'))
    return out


def run(binary, *args):
    r = subprocess.run([binary, *args], capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    work = None
    if "--work" in argv:
        work = argv[argv.index("--work") + 1]
        args = [a for a in args if a != work]
    binary = args[0]
    sizes = [int(s) for s in args[1:]] or [10000, 100000]
    work = work or tempfile.mkdtemp(prefix="pm-bench-")
    qfile = os.path.join(work, "queries.tsv")
    with open(qfile, "w", encoding="utf-8") as f:
        for pm, plain in queries():
            f.write(f"{pm}\t{plain}\n")
    rows = []
    for n in sizes:
        d = os.path.join(work, f"c{n}")
        if not os.path.isdir(os.path.join(d, "content")):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), str(n), d, "--playmaker"], check=True)
        content = os.path.join(d, "content")
        plain_db, pm_db = os.path.join(d, "plain.sqlite"), os.path.join(d, "pm.sqlite")
        ip = run(binary, "index-plain", content, plain_db)
        im = run(binary, "index-pm", content, pm_db)
        qp = run(binary, "query-plain", plain_db, qfile)
        qm = run(binary, "query-pm", pm_db, qfile)
        rows.append((n, ip, im, qp, qm))
        print(f"\n== {n} items")
        print(f"index   plain {ip['seconds']:.2f} s (insert only {ip['insert_seconds']:.2f} s, peak {ip['peak_kb']/1024:.0f} MiB)"
              f"   playmaker {im['seconds']:.2f} s (peak {im['peak_kb']/1024:.0f} MiB)   ratio {im['seconds']/ip['seconds']:.2f}")
        print(f"query   plain p50 {qp['p50_us']:.0f} µs p99 {qp['p99_us']:.0f} µs (mean hits {qp['mean_hits']:.0f})"
              f"   playmaker p50 {qm['p50_us']:.0f} µs p99 {qm['p99_us']:.0f} µs (mean hits {qm['mean_hits']:.0f}, open {qm['open_s']:.2f} s, peak {qm['peak_kb']/1024:.0f} MiB)")
        print(f"ratios  p50 {qm['p50_us']/qp['p50_us']:.2f}  p99 {qm['p99_us']/qp['p99_us']:.2f}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
