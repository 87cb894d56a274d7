"""Helpers for end-to-end tests: run the real playmaker binary on real files."""
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile

PLAYMAKER = os.environ.get("PLAYMAKER", "build/bin/playmaker")
SOURCE = os.environ.get("PLAYMAKER_SOURCE", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
FIXTURES = os.path.join(SOURCE, "tests", "fixtures")

failures = []


def run(*args, cwd=None, input=None, timeout=120, env=None):
    """Runs playmaker; returns (exit code, stdout, stderr) as text."""
    proc = subprocess.run([PLAYMAKER, *args], cwd=cwd, input=input, capture_output=True,
                          timeout=timeout, env=env)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def run_raw(*args, timeout=120):
    """Runs playmaker with byte arguments (for invalid UTF-8)."""
    proc = subprocess.run([PLAYMAKER.encode(), *args], capture_output=True, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def copy_tree(src, name="content"):
    """A fresh temporary copy of a content tree; returns its path."""
    d = tempfile.mkdtemp(prefix="pm-e2e-")
    atexit.register(shutil.rmtree, d, True)
    dst = os.path.join(d, name)
    shutil.copytree(src, dst)
    return dst


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as f:
        f.write(data)


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def check_eq(actual, expected, what):
    if actual != expected:
        failures.append(what)
        print(f"FAIL: {what}\n  expected: {expected!r}\n  actual:   {actual!r}")


def load_json(text, what):
    try:
        return json.loads(text)
    except ValueError as e:
        failures.append(f"{what}: not JSON ({e}): {text[:200]!r}")
        print("FAIL:", failures[-1])
        return None


def finish():
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("ok")


def share_with_site_settings(settings):
    """An environment whose PLAYMAKER_SHARE is the source's resources with top-level
    `settings` ({"page_size": 5}) put into site/site.yaml, for one test's site builds."""
    d = tempfile.mkdtemp(prefix="pm-share-")
    atexit.register(shutil.rmtree, d, True)
    os.symlink(os.path.join(SOURCE, "core", "data"), os.path.join(d, "data"))
    os.symlink(os.path.join(SOURCE, "templates"), os.path.join(d, "templates"))
    os.makedirs(os.path.join(d, "site"))
    os.symlink(os.path.join(SOURCE, "site", "assets"), os.path.join(d, "site", "assets"))
    with open(os.path.join(SOURCE, "site", "site.yaml"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    for key, value in settings.items():
        lines = [l for l in lines if not l.startswith(key + ":")] + [f"{key}: {value}"]
    write(os.path.join(d, "site", "site.yaml"), "\n".join(lines) + "\n")
    return dict(os.environ, PLAYMAKER_SHARE=d)
