"""playmaker site: a complete static site from a fixture tree — every item has a page, every
internal link resolves (a link checker that parses every page), nothing loads from outside,
every page has lang, planted markup is escaped everywhere, sitemap and feed are valid XML
with absolute URLs, a rebuild re-renders only what an edit touches, and a killed build
leaves the previous site whole."""
import json
import os
import signal
import subprocess
import time
import urllib.parse
import xml.dom.minidom
from html.parser import HTMLParser

import pmtest
from pmtest import check, check_eq, run

PLANT = '<script>alert(1)</script><img src=x onerror="alert(2)">'


class Page(HTMLParser):
    """Collects links, resource loads, ids, the html lang, and scripts/onerror attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.loads, self.ids = [], [], set()
        self.lang = None
        self.scripts = 0      # inline scripts
        self.script_srcs = []
        self.handlers = []
        self.landmarks = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("header", "nav", "main", "footer"):
            self.landmarks.add(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "script":
            if a.get("src"):
                self.script_srcs.append(a["src"])
            else:
                self.scripts += 1
        self.handlers += [k for k in a if k.startswith("on")]
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "form" and a.get("action"):
            self.links.append(a["action"])
        for k in ("src", "srcset", "data", "poster"):
            if a.get(k):
                self.loads.append(a[k])
        if tag == "link" and a.get("href"):
            self.loads.append(a["href"])


def parse_site(root):
    pages = {}
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith(".html"):
                p = os.path.join(d, f)
                page = Page()
                with open(p, encoding="utf-8") as fh:
                    text = fh.read()
                page.feed(text)
                page.text = text
                pages[os.path.relpath(p, root)] = page
    return pages


def resolve(root, page_rel, href):
    """The file and fragment an internal link points at; None for external links."""
    u = urllib.parse.urlsplit(href)
    if u.scheme or href.startswith("//"):
        return None
    target = os.path.normpath(os.path.join(os.path.dirname(page_rel), urllib.parse.unquote(u.path))) if u.path else page_rel
    return target, u.fragment


def main():
    content = pmtest.copy_tree(os.path.join(pmtest.FIXTURES, "mini"))
    work = os.path.dirname(content)
    pmtest.write(os.path.join(content, "findings", "planted.md"),
                 "---\ntitle: 'Farlig " + PLANT.replace("'", "''") + "'\nsummary: 'Sammendrag " +
                 PLANT.replace("'", "''") + "'\nlang: nn\nthemes: [samskaping]\ndate: 2020-05-01\n"
                 "related: [bolyst]\n---\nBrødtekst " + PLANT + "\n\n<div onclick=\"x()\">rå</div> [[bolyst]]\n")
    site = os.path.join(work, "_site")
    db = os.path.join(work, "index.sqlite")
    rc, out, err = run("site", "--content", content, "-o", site, "--db", db, "--base-url", "https://example.no/pm")
    check_eq(rc, 0, "site builds: " + err)
    pages = parse_site(site)

    # Every item has a page; the fixed pages exist.
    items = []
    for d in ("cases", "drivers", "findings"):
        for f in os.listdir(os.path.join(content, d)):
            items.append(f"{d}/{f[:-3]}.html")
    for p in items + ["index.html", "404.html", "literature/index.html", "concepts/index.html",
                      "search/index.html", "tilgjengelighet/index.html", "notes/index.html",
                      "notes/steinkjer.html", "themes/index.html", "themes/samskaping.html",
                      "years/2019.html", "counties/50.html", "roles/playmaker.html"]:
        check(p in pages, f"page {p} exists")
    for f in ("robots.txt", "sitemap.xml", "feed.xml", "assets/site.css"):
        check(os.path.isfile(os.path.join(site, f)), f"{f} exists")

    # Every internal link resolves, to a file and (when given) to an id in it.
    broken = []
    for rel, page in pages.items():
        if rel == "404.html":
            continue  # its links are absolute (a server shows it at any depth)
        for href in page.links:
            r = resolve(site, rel, href)
            if r is None:
                continue
            target, frag = r
            if not os.path.isfile(os.path.join(site, target)):
                broken.append(f"{rel}: {href}")
            elif frag and target.endswith(".html") and frag not in pages[target].ids:
                broken.append(f"{rel}: {href} (no id {frag})")
            check(href.endswith(".html") or ".html#" in href or href.startswith("#") or href.endswith(".xml"),
                  f"{rel}: link {href} names its file (works from file://)")
    check_eq(broken, [], "every internal link resolves")
    absolute = [f"{rel}: {h}" for rel, page in pages.items() if rel != "404.html"
                for h in page.links if h.startswith("https://example.no/pm")]
    check_eq(absolute, [], "links between pages are relative (only 404.html's are absolute)")

    # Nothing loads from outside the site; every page has lang and landmarks.
    for rel, page in pages.items():
        for src in page.loads:
            if rel == "404.html" and src.startswith("https://example.no/pm/"):
                continue
            check(resolve(site, rel, src) is not None, f"{rel} loads {src} from outside")
        check(page.lang in ("nb", "nn", "sv", "en"), f"{rel} has lang ({page.lang})")
        check(page.landmarks >= {"header", "nav", "main", "footer"}, f"{rel} has landmarks")
        # The planted markup shows as text: no script element, no on* attribute anywhere.
        check_eq(page.scripts, 0, f"{rel}: no inline <script>")
        # Only the search page loads scripts, and only the site's own search client.
        allowed = ["../assets/pm-analysis.js", "../assets/search.js"] if rel == "search/index.html" else []
        check_eq(page.script_srcs, allowed, f"{rel}: scripts")
        check_eq(page.handlers, [], f"{rel}: no on* attributes")
        check("<script>" not in page.text and "<img src=x" not in page.text, f"{rel}: planted markup escaped")
    check("&lt;script&gt;" in pages["findings/planted.html"].text, "planted title shown as text")
    # The search index: every data file is JSON with < > & escaped, the planted title too.
    data_files = 0
    for dp, _, fs in os.walk(os.path.join(site, "search", "data")):
        for f in fs:
            with open(os.path.join(dp, f), encoding="utf-8") as fh:
                raw = fh.read()
            data_files += 1
            check(not any(c in raw for c in "<>&"), f"search/data/{f}: < > & escaped")
            json.loads(raw)
    check(data_files > 5, "the site has a search index")
    check_eq(pages["findings/planted.html"].lang, "nn", "an item page carries the item's lang")
    check('onclick' not in pages["findings/planted.html"].text, "raw HTML in Markdown stays out")
    check("Kilde: Statistisk sentralbyrå" in pages["cases/bolyst.html"].text, "SSB credit where municipalities show")
    check("Kilde: Statistisk sentralbyrå" in pages["counties/index.html"].text, "SSB credit on the county list")
    # The evidence graph both ways.
    bolyst = pages["cases/bolyst.html"]
    check("../findings/gardsdrift.html" in bolyst.links, "related item linked")
    check("../findings/planted.html" in bolyst.links, "back-link from the item that links here")
    check(any(h.startswith("../literature/index.html#ref-stene2013") for h in bolyst.links), "citation links to the literature")
    lit = pages["literature/index.html"]
    check("../cases/bolyst.html" in lit.links, "the literature page says which items cite a work")

    # Sitemap and feed: valid XML, absolute URLs.
    for f in ("sitemap.xml", "feed.xml"):
        try:
            doc = xml.dom.minidom.parse(os.path.join(site, f))
        except Exception as e:  # noqa: BLE001
            check(False, f"{f} is valid XML: {e}")
            continue
        tag = "loc" if f == "sitemap.xml" else "id"
        urls = [n.firstChild.data for n in doc.getElementsByTagName(tag)]
        check(len(urls) > 3, f"{f} lists pages")
        check(all(u.startswith("https://example.no/pm/") for u in urls), f"{f} has absolute URLs")
    with open(os.path.join(site, "feed.xml"), encoding="utf-8") as fh:
        check("&lt;script&gt;" in fh.read(), "planted title escaped in the feed")

    # Without --base-url: no sitemap or feed.
    plain = os.path.join(work, "plain")
    rc, _, err = run("site", "--content", content, "-o", plain, "--db", db)
    check_eq(rc, 0, "site without base URL: " + err)
    check(not os.path.exists(os.path.join(plain, "sitemap.xml")), "no sitemap without --base-url")
    check(not os.path.exists(os.path.join(plain, "feed.xml")), "no feed without --base-url")
    rc, _, err = run("site", "--content", content, "-o", plain, "--base-url", "example.no")
    check_eq(rc, 2, "a relative base URL is a usage error")

    # An index that cannot be written stops the build (it is brought up to date beside the
    # pages) and leaves the site as it was.
    blocker = os.path.join(work, "not-a-folder")
    pmtest.write(blocker, "x")
    before = sorted(os.listdir(plain))
    rc, _, err = run("site", "--content", content, "-o", plain, "--db", os.path.join(blocker, "index.sqlite"))
    check_eq(rc, 4, "an index that cannot be written fails the site build: " + err)
    check("search index" in err and "unchanged" in err, "and says so: " + err)
    check(".tmp-" not in err, "naming the site's folder, not the staging one: " + err)
    check_eq(sorted(os.listdir(plain)), before, "the site is left as it was")

    # Incremental: nothing changed -> nothing rendered; one edit -> its page and its neighbours.
    rc, _, err = run("site", "--content", content, "-o", site, "--db", db, "--base-url", "https://example.no/pm")
    check("0 rendered" in err, "an unchanged rebuild renders nothing: " + err)
    check("from the cache" in err and "(0 parsed" in err, "an unchanged rebuild parses nothing: " + err)
    p = os.path.join(content, "drivers", "demografi.md")
    with open(p, encoding="utf-8") as fh:
        text = fh.read()
    pmtest.write(p, text + "\nEn ny setning.\n")
    before = {rel: os.stat(os.path.join(site, rel)).st_ino for rel in pages}
    rc, _, err = run("site", "--content", content, "-o", site, "--db", db, "--base-url", "https://example.no/pm")
    check_eq(rc, 0, "rebuild after an edit: " + err)
    check("(1 parsed" in err, "only the edited file is parsed again: " + err)
    after = {rel: os.stat(os.path.join(site, rel)).st_ino for rel in pages}
    changed = sorted(r for r in pages if before[r] != after[r])
    check("drivers/demografi.html" in changed, "the edited item's page is rendered again")
    check("cases/bolyst.html" not in changed, "an unrelated item page is reused")
    check(all(r.startswith("notes/") or r == "drivers/demografi.html" for r in changed),
          f"only the edited page and notes are rendered again: {changed}")

    # Killing a build leaves the previous site whole.
    with open(os.path.join(site, "index.html"), encoding="utf-8") as fh:
        index_before = fh.read()
    files_before = sorted(os.path.relpath(os.path.join(d, f), site) for d, _, fs in os.walk(site) for f in fs)
    pmtest.write(os.path.join(content, "drivers", "demografi.md"), text + "\nEndret igjen.\n")
    proc = subprocess.Popen([pmtest.PLAYMAKER, "site", "--content", content, "-o", site, "--db", db,
                             "--base-url", "https://example.no/pm", "--all-municipalities", "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Wait until it is rendering pages, then kill it.
    deadline = time.time() + 60
    seen = b""
    while time.time() < deadline and b"pages" not in seen:
        seen += proc.stderr.read1(4096) if hasattr(proc.stderr, "read1") else b""
        if proc.poll() is not None:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    files_after = sorted(os.path.relpath(os.path.join(d, f), site) for d, _, fs in os.walk(site) for f in fs)
    check_eq(files_after, files_before, "a killed build leaves the previous site's files")
    with open(os.path.join(site, "index.html"), encoding="utf-8") as fh:
        check_eq(fh.read(), index_before, "a killed build leaves the previous pages as they were")
    check(b"pages" in seen, "the killed build was rendering when it was killed")

    # A build starts from the site the one before it replaced (kept in the cache) and brings
    # it up to date in place: after edits, an added and a removed item, and a taxonomy
    # change that empties a list page, the site is byte for byte a fresh build's.
    base = ["--content", content, "--db", db, "--base-url", "https://example.no/pm"]
    bolyst = os.path.join(content, "cases", "bolyst.md")
    with open(bolyst, encoding="utf-8") as fh:
        bolyst_text = fh.read()
    rounds = [
        lambda: pmtest.write(os.path.join(content, "drivers", "demografi.md"), text + "\nTredje gang.\n"),
        # A new item that relates to an old one, and links to another.
        lambda: pmtest.write(os.path.join(content, "findings", "ny.md"),
                             "---\ntitle: Et nytt funn\nsummary: Kort.\nthemes: [samskaping]\ndate: 2024-02-02\n"
                             "related: [gardsdrift]\n---\nNy tekst om [[demografi]].\n"),
        # An item others link to and relate to is renamed: their pages show its new title.
        lambda: pmtest.write(bolyst, bolyst_text.replace("title: Bolystteamet", "title: Bolystlaget")),
        lambda: os.remove(os.path.join(content, "findings", "planted.md")),
        lambda: pmtest.write(os.path.join(content, "drivers", "demografi.md"), text),
        lambda: None,
    ]
    # Files put into the live site by hand do not live on in the builds that recycle it.
    pmtest.write(os.path.join(site, "handmade.html"), "<p>hand</p>")
    pmtest.write(os.path.join(site, "themes", "extra", "note.txt"), "hand")
    for i, change in enumerate(rounds):
        change()
        rc, _, err = run("site", *base, "-o", site)
        check_eq(rc, 0, f"rebuild {i} after the kill: " + err)
    fresh = os.path.join(work, "fresh")
    rc, _, err = run("site", *base, "-o", fresh, "--no-cache")
    check_eq(rc, 0, "a fresh build: " + err)

    def tree(root):
        out = {}
        for d, _, fs in os.walk(root):
            for f in fs:
                with open(os.path.join(d, f), "rb") as fh:
                    out[os.path.relpath(os.path.join(d, f), root)] = fh.read()
        return out
    got, want = tree(site), tree(fresh)
    check_eq(sorted(got), sorted(want), "a recycled build has a fresh build's files")
    differ = [rel for rel in want if got.get(rel) != want[rel]]
    check_eq(differ, [], "a recycled build's files hold what a fresh build's do")
    check(not os.path.exists(os.path.join(site, "findings", "planted.html")), "a removed item's page is gone")
    empty = [d for d, sub, fs in os.walk(site) if not sub and not fs]
    check_eq(empty, [], "no empty folders are left behind")

    # Two builds of one site at once: the second waits for the first, and the site is whole.
    pmtest.write(os.path.join(content, "drivers", "demografi.md"), text + "\nFjerde gang.\n")
    slow = ["site", *base, "-o", site, "--all-municipalities", "--jobs", "1"]
    first = subprocess.Popen([pmtest.PLAYMAKER, *slow], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = b""
    deadline = time.time() + 60
    while time.time() < deadline and b"pages" not in seen and first.poll() is None:
        seen += first.stderr.read1(4096)
    rc, _, err = run(*slow)
    first_err = seen + first.stderr.read()
    check_eq(first.wait(), 0, "the first of two builds at once succeeds: " + first_err.decode(errors="replace")[-300:])
    check_eq(rc, 0, "the second succeeds too: " + err[-300:])
    check("waiting for another build" in err, "the second waited for the first: " + err[-300:])
    rc, _, err = run("site", *base, "-o", fresh, "--no-cache", "--all-municipalities")
    check_eq(rc, 0, "a fresh build: " + err)
    got, want = tree(site), tree(fresh)
    check(sorted(got) == sorted(want) and all(got[r] == want[r] for r in want),
          "after two builds at once the site is a fresh build's")

    pmtest.finish()


if __name__ == "__main__":
    main()
