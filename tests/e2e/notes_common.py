"""What the PDF and DOCX tests compare against: the HTML note's headings and reference list."""
import html
import re


def strip(fragment):
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def html_outline(page):
    """(title, section headings, item titles, reference entries) of an HTML note, as text."""
    title = strip(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
    main = page.split("<main>", 1)[1]
    sections = [strip(h) for h in re.findall(r"<h2 [^>]*>(.*?)</h2>", main, re.S)]
    items = [strip(h) for h in re.findall(r"<h3>(.*?)</h3>", main, re.S)]
    refs = [strip(r) for r in re.findall(r'<p id="ref-[^"]+">(.*?)</p>', main, re.S)]
    return title, sections, items, refs


def squash(text):
    """Text without whitespace, so line breaks a printer chose do not matter."""
    # pdftotext joins a word broken at a hyphen at the end of a line ("TFoU-" + "rapport"):
    # hyphens are left out of the comparison too.
    return re.sub(r"[\s\-\u00ad]+", "", text)


def shipped_tree(tool=None, package=None):
    """A fresh copy of the shipped content and the arguments that point at it and its own
    index: (content, work folder, base args, profile ids). With `tool`, fails the test at once
    when that program is missing, naming the Debian package that brings it."""
    import os
    import shutil
    from pmtest import SOURCE, copy_tree
    if tool and not shutil.which(tool):
        print(f"FAIL: {tool} is not installed (scripts/install-deps installs {package or tool})")
        raise SystemExit(1)
    content = copy_tree(os.path.join(SOURCE, "content"))
    work = os.path.dirname(content)
    base = ["--content", content, "--db", os.path.join(work, "index.sqlite")]
    profiles = sorted(f[:-5] for f in os.listdir(os.path.join(content, "profiles")) if f.endswith(".yaml"))
    return content, work, base, profiles
