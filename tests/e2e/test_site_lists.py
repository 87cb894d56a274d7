"""playmaker site: the lists a reader browses. On an item page every item shows once, in the
first of the page's lists it belongs to (related, links to, mentioned in, related from), however
often the content names it. Kind lists and facet pages are cut into pages of `page_size`
entries (site.yaml), each page with its number in the title, a labelled pagination nav that
marks the current page, relative links that name their file, a place in the sitemap, and its
own fingerprint (an edit re-renders only the pages that show the edited item)."""
import os
import re
import xml.dom.minidom
from html.parser import HTMLParser

import pmtest
from pmtest import check, check_eq, run
from test_site import parse_site, resolve

# The item page's lists, in the order the page shows them.
LISTS = ("h-related", "h-links", "h-cited", "h-relfrom")


class ItemLists(HTMLParser):
    """The links inside each <section aria-labelledby=…> of an item page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.section, self.lists = None, {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            self.section = a.get("aria-labelledby")
        elif tag == "a" and self.section in LISTS:
            self.lists.setdefault(self.section, []).append(a.get("href"))

    def handle_endtag(self, tag):
        if tag == "section":
            self.section = None


class Pagination(HTMLParser):
    """The pagination nav of a list page: its label, links, the current page, prev/next."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.label, self.links, self.current, self.rel = 0, None, [], [], {}
        self.title, self.in_title, self.entries, self.in_entries = "", False, [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self.in_title = True
        if tag == "ul" and "entries" in (a.get("class") or ""):
            self.in_entries = True
        if tag == "a" and self.in_entries:
            self.entries.append(a.get("href"))
        if tag == "nav" and "pagination" in (a.get("class") or ""):
            self.depth, self.label = 1, a.get("aria-label")
        elif self.depth and tag == "a":
            self.links.append(a.get("href"))
            if a.get("aria-current") == "page":
                self.current.append(a.get("href"))
            if a.get("rel") in ("prev", "next"):
                self.rel[a["rel"]] = a.get("href")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "ul":
            self.in_entries = False
        if tag == "nav":
            self.depth = 0

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def item_lists(site, rel):
    p = ItemLists()
    with open(os.path.join(site, rel), encoding="utf-8") as f:
        p.feed(f.read())
    return p.lists


def pagination(site, rel):
    p = Pagination()
    with open(os.path.join(site, rel), encoding="utf-8") as f:
        p.feed(f.read())
    return p


def check_once(site, rel):
    """Every item in an item page's lists shows once, across all of them."""
    lists = item_lists(site, rel)
    hrefs = [h for name in LISTS for h in lists.get(name, [])]
    check_eq(sorted(set(hrefs)), sorted(hrefs), f"{rel}: every item shows once in the page's lists")
    return lists


def main():
    content = pmtest.copy_tree(os.path.join(pmtest.FIXTURES, "mini"))
    work = os.path.dirname(content)
    # `related` names bolyst twice and demografi, whose own `related` names this item back; the
    # body links bolyst twice and gardsdrift, which bolyst also lists under `related`.
    pmtest.write(os.path.join(content, "findings", "dobbel.md"),
                 "---\ntitle: Dobbelt nevnt\nsummary: Nevner de samme flere ganger.\nlang: nb\n"
                 "date: 2018-01-01\nrelated: [bolyst, demografi, bolyst]\n---\n"
                 "Se [[bolyst]], [[gardsdrift]] og igjen [[bolyst]].\n")
    with open(os.path.join(content, "drivers", "demografi.md"), encoding="utf-8") as f:
        demografi = f.read()
    pmtest.write(os.path.join(content, "drivers", "demografi.md"),
                 demografi.replace("date: 2019-03-01\n", "date: 2019-03-01\nrelated: [dobbel]\n"))
    # Twelve more cases on one theme: with five entries a page, 13 cases make three pages.
    for i in range(12):
        pmtest.write(os.path.join(content, "cases", f"tilfelle-{i:02d}.md"),
                     f"---\ntitle: Tilfelle {i:02d}\nsummary: Sammendrag {i:02d}.\nlang: nb\n"
                     f"themes: [samskaping]\ndate: 2020-01-{i + 1:02d}\n---\nTekst {i}.\n")
    env = pmtest.share_with_site_settings({"page_size": 5})
    site = os.path.join(work, "_site")
    args = ("site", "--content", content, "-o", site, "--base-url", "https://example.no/pm/")
    rc, _, err = run(*args, env=env)
    check_eq(rc, 0, "site builds: " + err)

    # --- Each item once on an item page.
    lists = check_once(site, "findings/dobbel.html")
    check_eq(lists.get("h-related"), ["../cases/bolyst.html", "../drivers/demografi.html"],
             "related: each listed item once, in the order written")
    check_eq(lists.get("h-links"), ["../findings/gardsdrift.html"],
             "links to: only what `related` does not already show")
    check_eq(lists.get("h-relfrom"), None, "related from: nothing that `related` already shows")
    lists = check_once(site, "cases/bolyst.html")
    check_eq(lists.get("h-related"), ["../findings/gardsdrift.html"], "bolyst: related")
    check_eq(lists.get("h-links"), None, "bolyst: the item it both relates to and links is shown under related")
    check_eq(lists.get("h-cited"), ["../findings/dobbel.html"], "bolyst: mentioned in, once")
    check_eq(lists.get("h-relfrom"), None, "bolyst: an item that mentions it is not repeated under related from")
    lists = check_once(site, "drivers/demografi.html")
    check_eq(lists.get("h-related"), ["../findings/dobbel.html"], "demografi: related")
    check_eq(lists.get("h-relfrom"), None, "demografi: a mutual relation shows under related only")

    # --- Pagination.
    pages = parse_site(site)
    cases = ["cases/index.html", "cases/index.page-2.html", "cases/index.page-3.html"]
    theme = ["themes/samskaping.html", "themes/samskaping.page-2.html", "themes/samskaping.page-3.html"]
    for group, n in ((cases, 13), (theme, 13)):
        for p in group:
            check(p in pages, f"page {p} exists")
        check(group[-1].replace("3", "4") not in pages, f"no page after {group[-1]}")
        seen = []
        for i, p in enumerate(group):
            if p not in pages:
                continue
            nav = pagination(site, p)
            count = len(nav.entries)
            check_eq(count, 5 if i < 2 else 3, f"{p}: entries on the page")
            seen += nav.entries
            check(nav.label, f"{p}: the pagination nav has an aria-label")
            check_eq(nav.current, [os.path.basename(p)], f"{p}: the current page is marked aria-current")
            check_eq(nav.rel.get("prev"), os.path.basename(group[i - 1]) if i else None, f"{p}: previous link")
            check_eq(nav.rel.get("next"), os.path.basename(group[i + 1]) if i + 1 < len(group) else None,
                     f"{p}: next link")
            for q in group:
                check(os.path.basename(q) in nav.links, f"{p}: links to {q}")
            check(re.search(rf"\b{i + 1}\b.*\b3\b", nav.title), f"{p}: page number in the title ({nav.title!r})")
        check_eq(len(seen), n, f"{group[0]}: every entry on some page")
        check_eq(len(set(seen)), n, f"{group[0]}: no entry on two pages")
    check_eq(pagination(site, "cases/index.html").entries[0], "../cases/tilfelle-11.html", "newest first across pages")
    check_eq(pagination(site, "drivers/index.html").label, None, "a list that fits one page has no pagination")
    titles = {pagination(site, p).title for p in cases}
    check_eq(len(titles), 3, "every page of a list has its own title")

    # Every link resolves and names its file (works from file://).
    broken = []
    for rel, page in pages.items():
        if rel == "404.html":
            continue
        for href in page.links:
            r = resolve(site, rel, href)
            if r is None:
                continue
            if not os.path.isfile(os.path.join(site, r[0])):
                broken.append(f"{rel}: {href}")
            check(href.endswith(".html") or ".html#" in href or href.startswith("#") or href.endswith(".xml"),
                  f"{rel}: link {href} names its file")
    check_eq(broken, [], "every internal link resolves")

    # The sitemap lists every page of every list.
    doc = xml.dom.minidom.parse(os.path.join(site, "sitemap.xml"))
    locs = {n.firstChild.data for n in doc.getElementsByTagName("loc")}
    for p in cases[1:] + theme:
        check("https://example.no/pm/" + p in locs, f"the sitemap lists {p}")

    # The default page size (site.yaml) keeps these lists on one page.
    plain = os.path.join(work, "plain")
    rc, _, err = run("site", "--content", content, "-o", plain)
    check_eq(rc, 0, "site with the shipped settings: " + err)
    check(not os.path.exists(os.path.join(plain, "cases", "index.page-2.html")), "13 cases fit one page by default")

    # An edit to one case re-renders its page and the list pages that show it, nothing else.
    before = {rel: os.stat(os.path.join(site, rel)).st_ino for rel in pages}
    p = os.path.join(content, "cases", "tilfelle-04.md")  # the 8th newest: on page 2
    with open(p, encoding="utf-8") as f:
        text = f.read()
    pmtest.write(p, text.replace("Sammendrag 04.", "Nytt sammendrag."))
    rc, _, err = run(*args, env=env)
    check_eq(rc, 0, "rebuild after an edit: " + err)
    after = {rel: os.stat(os.path.join(site, rel)).st_ino for rel in pages}
    changed = sorted(r for r in pages if before[r] != after[r] and not r.startswith("notes/"))
    # The front page shows the newest items with their summaries; the year 2020 has 12 items.
    check_eq(changed, ["cases/index.page-2.html", "cases/tilfelle-04.html", "index.html",
                       "themes/samskaping.page-2.html", "years/2020.page-2.html"],
             "an edit re-renders the item's page and the list pages that show it")

    pmtest.finish()


if __name__ == "__main__":
    main()
