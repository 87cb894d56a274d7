"""An installed Playmaker works from any folder, and a plugin built out of tree with
find_package(Playmaker) is loaded and used by it."""
import os
import shutil
import subprocess
import tempfile

from pmtest import FIXTURES, SOURCE, check, check_eq, finish

BUILD = os.environ.get("PLAYMAKER_BUILD", os.path.join(SOURCE, "build"))
work = tempfile.mkdtemp(prefix="pm-install-")
prefix = os.path.join(work, "prefix")


def sh(*cmd, **kw):
    p = subprocess.run(list(cmd), capture_output=True, text=True, **kw)
    if p.returncode != 0:
        print("$", " ".join(cmd), "\n", p.stdout[-2000:], p.stderr[-2000:])
    return p


try:
    check_eq(sh("cmake", "--install", BUILD, "--prefix", prefix).returncode, 0, "cmake --install succeeds")
    exe = os.path.join(prefix, "bin", "playmaker")
    for rel in ["bin/playmaker", "include/playmaker/plugin.hpp", "share/playmaker/templates/note/html.mustache",
                "share/playmaker/data/municipalities-no.csv", "lib/cmake/Playmaker/PlaymakerConfig.cmake"]:
        check(os.path.exists(os.path.join(prefix, rel)), f"installed {rel}")

    # The installed binary works from an unrelated folder, with its own resources and plugins.
    elsewhere = os.path.join(work, "elsewhere")
    shutil.copytree(os.path.join(SOURCE, "content"), os.path.join(elsewhere, "content"))
    env = {k: v for k, v in os.environ.items() if k not in ("PLAYMAKER_PLUGIN_PATH", "PLAYMAKER_SHARE")}
    p = sh(exe, "plugins", cwd=elsewhere, env=env)
    check(p.returncode == 0 and "html" in p.stdout and "bibtex" in p.stdout and prefix in p.stdout,
          "installed plugins load from the prefix")
    p = sh(exe, "note", "--municipality", "5006", cwd=elsewhere, env=env)
    check(p.returncode == 0 and "Steinkjer" in p.stdout, "installed playmaker writes a note")

    # A third party builds a renderer against the installed package.
    src = os.path.join(FIXTURES, "oot-plugin")
    obuild = os.path.join(work, "oot-build")
    p = sh("cmake", "-S", src, "-B", obuild, "-G", "Ninja", f"-DCMAKE_PREFIX_PATH={prefix}",
           f"-DCMAKE_BUILD_TYPE=Release")
    check_eq(p.returncode, 0, "out-of-tree plugin configures with find_package(Playmaker)")
    check_eq(sh("cmake", "--build", obuild).returncode, 0, "out-of-tree plugin builds")
    env["PLAYMAKER_PLUGIN_PATH"] = obuild
    p = sh(exe, "plugins", "--json", cwd=elsewhere, env=env)
    check('"plaintext"' in p.stdout, "the installed playmaker lists the out-of-tree plugin")
    p = sh(exe, "note", "--municipality", "5006", "--format", "txt", cwd=elsewhere, env=env)
    check(p.returncode == 0 and p.stdout.startswith("PLAINTEXT Hva skal til for at Steinkjer"),
          f"the out-of-tree renderer is used: {p.stdout[:80]!r} {p.stderr[-300:]}")
    check("== Litteraturliste" in p.stdout, "it sees the whole note model")
finally:
    shutil.rmtree(work, ignore_errors=True)

finish()
