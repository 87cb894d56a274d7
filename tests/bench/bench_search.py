#!/usr/bin/env python3
"""Search benchmark: Playmaker's index against a plain FTS5 unicode61 table, same text.

Usage: bench_search.py BENCH_BINARY [SIZES...] [--work DIR] [--repeat R] [--index-repeat R]
  BENCH_BINARY  the built bench_search (build/bin/bench_search)
  SIZES         corpus sizes (default 10000 100000)
  --repeat      query rounds (default 3); --index-repeat index rounds (default: --repeat)

For each size: generates the shared corpus (gen_corpus.py N DIR --playmaker), indexes it
with Playmaker and with plain FTS5, runs the same 1,000 mixed queries (one word, two-word
AND, phrase, prefix) against both, and prints index seconds, query p50/p99 (µs), peak
memory and the ratios Playmaker/plain. Each phase runs in its own process; the rounds
interleave plain and Playmaker (plain, Playmaker, plain, …) so that a busy machine weighs
on both alike, and the figures are medians over the rounds.

Plain FTS5 runs MATCH … ORDER BY bm25 LIMIT 10. Playmaker's "page" is what a results page
needs: the top 10 with snippets and the total count; "+facets" adds the facet counts.
Targets (issue 4): index ≤ 1.5×, p50 and p99 ≤ 2×, peak memory ≤ 2 GiB at 100k items.
"""
import json
import os
import random
import statistics
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


def run(binary, *args, env=None):
    e = dict(os.environ)
    e.pop("BENCH_FACETS", None)
    e.pop("BENCH_NO_SNIPPETS", None)
    e.update(env or {})
    r = subprocess.run([binary, *args], capture_output=True, text=True, check=True, env=e)
    return json.loads(r.stdout.strip().splitlines()[-1])


def median(rows, key):
    return statistics.median(r[key] for r in rows)


def loadavg():
    try:
        return "%.1f" % os.getloadavg()[0]
    except OSError:
        return "?"


def option(argv, name, default):
    if name in argv:
        i = argv.index(name)
        value = argv[i + 1]
        del argv[i:i + 2]
        return value
    return default


def main(argv):
    argv = list(argv[1:])
    work = option(argv, "--work", None)
    repeat = int(option(argv, "--repeat", "3"))
    index_repeat = int(option(argv, "--index-repeat", str(repeat)))
    binary = argv[0]
    sizes = [int(s) for s in argv[1:]] or [10000, 100000]
    work = work or tempfile.mkdtemp(prefix="pm-bench-")
    os.makedirs(work, exist_ok=True)
    qfile = os.path.join(work, "queries.tsv")
    with open(qfile, "w", encoding="utf-8") as f:
        for pm, plain in queries():
            f.write(f"{pm}\t{plain}\n")
    for n in sizes:
        d = os.path.join(work, f"c{n}")
        if not os.path.isdir(os.path.join(d, "content")):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), str(n), d, "--playmaker"], check=True)
        content = os.path.join(d, "content")
        plain_db, pm_db = os.path.join(d, "plain.sqlite"), os.path.join(d, "pm.sqlite")
        loads = [loadavg()]
        ip, im = [], []
        for _ in range(index_repeat):
            ip.append(run(binary, "index-plain", content, plain_db))
            im.append(run(binary, "index-pm", content, pm_db))
        loads.append(loadavg())
        qp, qm, qf = [], [], []
        for _ in range(repeat):
            qp.append(run(binary, "query-plain", plain_db, qfile))
            qm.append(run(binary, "query-pm", pm_db, qfile))
            qf.append(run(binary, "query-pm", pm_db, qfile, env={"BENCH_FACETS": "1"}))
        loads.append(loadavg())
        ips, ims = median(ip, "seconds"), median(im, "seconds")
        print(f"\n== {n} items (medians of {index_repeat} index and {repeat} query rounds; load average {' → '.join(loads)})")
        print(f"index   plain {ips:.2f} s (insert only {median(ip, 'insert_seconds'):.2f} s, peak {median(ip, 'peak_kb')/1024:.0f} MiB)"
              f"   playmaker {ims:.2f} s (peak {median(im, 'peak_kb')/1024:.0f} MiB)   ratio {ims/ips:.2f}")
        p50, p99 = median(qp, "p50_us"), median(qp, "p99_us")
        print(f"query   plain     p50 {p50:.0f} µs p99 {p99:.0f} µs (mean hits {median(qp, 'mean_hits'):.0f})")
        for name, rows in (("page", qm), ("+facets", qf)):
            m50, m99 = median(rows, "p50_us"), median(rows, "p99_us")
            print(f"        {name:9} p50 {m50:.0f} µs p99 {m99:.0f} µs (mean hits {median(rows, 'mean_hits'):.0f},"
                  f" open {median(rows, 'open_s'):.2f} s, peak {median(rows, 'peak_kb')/1024:.0f} MiB)"
                  f"   ratios p50 {m50/p50:.2f} p99 {m99/p99:.2f}")
        print("        per round p50 plain/page/+facets: " + ", ".join(
            f"{a['p50_us']:.0f}/{b['p50_us']:.0f}/{c['p50_us']:.0f}" for a, b, c in zip(qp, qm, qf)))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
