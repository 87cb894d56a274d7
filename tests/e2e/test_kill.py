"""Crash safety: SIGKILL `playmaker index` and `playmaker notes` at random moments, many
times. The previous index / notes folder must stay complete and usable, and the next run
must succeed. (Issue 12; the site joins when its builder lands.)"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from pmtest import PLAYMAKER, SOURCE, check, check_eq, finish, load_json, run

RUNS = int(os.environ.get("PLAYMAKER_KILL_RUNS", "50"))
rng = random.Random(20261127)
work = __import__("tempfile").mkdtemp(prefix="pm-kill-")
content = os.path.join(work, "corpus", "content")
subprocess.run([sys.executable, os.path.join(SOURCE, "tests", "bench", "gen_corpus.py"), "1500",
                os.path.join(work, "corpus"), "--playmaker"], check=True, capture_output=True)
db = os.path.join(work, "index.sqlite")


def timed_full_run(cmd):
    t = time.perf_counter()
    p = subprocess.run([PLAYMAKER, *cmd], capture_output=True)
    return time.perf_counter() - t, p.returncode


def kill_at(cmd, delay):
    p = subprocess.Popen([PLAYMAKER, *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    p.send_signal(signal.SIGKILL)
    p.wait()


def search_total(query):
    rc, out, _ = run("search", "--content", content, "--db", db, "--json", "--limit", "1", query)
    obj = load_json(out, "search after a kill") if rc == 0 else None
    return obj["total"] if obj else -1


# --- index -----------------------------------------------------------------------------
full, rc = timed_full_run(["index", "--content", content, "--db", db])
check_eq(rc, 0, "first index build succeeds")
baseline = search_total("kommune")
check(baseline > 0, "the index answers")
edited = os.path.join(content, "findings", sorted(os.listdir(os.path.join(content, "findings")))[0])
original = open(edited, encoding="utf-8").read()
for i in range(RUNS):
    # Make every build do real work: touch the whole tree's analysis by a changed file,
    # and sometimes start from no index at all (a first build killed).
    with open(edited, "w", encoding="utf-8") as f:
        f.write(original.replace("title:", f"title: Endret {i}", 1))
    os.utime(edited)
    kill_at(["index", "--content", content, "--db", db], rng.uniform(0, full * 1.2))
    # Opened as Playmaker's readers open it (able to write, promising not to): a build killed
    # while committing in place leaves a hot journal, which the first such reader rolls back.
    with sqlite3.connect(f"file:{db}?mode=rw", uri=True) as c:
        c.execute("PRAGMA query_only=ON")
        ok = c.execute("PRAGMA integrity_check").fetchone()[0]
    check_eq(ok, "ok", f"index intact after kill {i}")
    leftovers = [f for f in os.listdir(work) if f.startswith(".index.sqlite")]
    check(len(leftovers) <= 1, f"at most one staging file left after kill {i}: {leftovers}")
with open(edited, "w", encoding="utf-8") as f:
    f.write(original)
rc = run("index", "--content", content, "--db", db)[0]
check_eq(rc, 0, "the next index build succeeds")
check_eq(search_total("kommune"), baseline, "and answers as before")
check_eq([f for f in os.listdir(work) if f.startswith(".index.sqlite")], [], "the next build clears staging files")

# --- notes -----------------------------------------------------------------------------
shipped = os.path.join(SOURCE, "content")
ndb = os.path.join(work, "notes-index.sqlite")
out = os.path.join(work, "notes")
cmd = ["notes", "--all-municipalities", "-o", out, "--content", shipped, "--db", ndb]
full, rc = timed_full_run(cmd)
check_eq(rc, 0, "first notes run succeeds")
expected = sorted(os.listdir(out))
check(len(expected) >= 357, f"a note per municipality ({len(expected)})")
sizes = {f: os.path.getsize(os.path.join(out, f)) for f in expected}
for i in range(RUNS):
    kill_at(cmd, rng.uniform(0, full * 1.2))
    now = sorted(os.listdir(out))
    check_eq(now, expected, f"notes folder complete after kill {i}")
    truncated = [f for f in now if os.path.getsize(os.path.join(out, f)) == 0]
    check_eq(truncated, [], f"no empty note after kill {i}")
check_eq(timed_full_run(cmd)[1], 0, "the next notes run succeeds")
check_eq(sorted(os.listdir(out)), expected, "and writes every note")
check_eq([f for f in os.listdir(work) if f.startswith(".notes.tmp")], [], "the next run clears staging folders")

finish()
