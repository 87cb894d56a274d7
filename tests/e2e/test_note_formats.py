"""`--format docx`: a valid Office Open XML package with Word styles, the note's outline as
headings, its reference list, properties, A4 and page numbers — checked in its XML, without
LibreOffice. `--format pdf` without chromium: one line naming the Debian package, exit 3,
and every other format still works."""
import os
import re
import zipfile
import xml.etree.ElementTree as ET

from notes_common import html_outline
from pmtest import SOURCE, check, check_eq, copy_tree, finish, run, write

CONTENT = copy_tree(os.path.join(SOURCE, "content"))
work = os.path.dirname(CONTENT)
DB = os.path.join(work, "index.sqlite")
base = ["--content", CONTENT, "--db", DB]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
profiles = sorted(f[:-5] for f in os.listdir(os.path.join(CONTENT, "profiles")) if f.endswith(".yaml"))
REGION = {"nb": "nb-NO", "nn": "nn-NO", "sv": "sv-SE", "en": "en-US"}

# An author in one profile reaches the document properties.
with open(os.path.join(CONTENT, "profiles", "steinkjer.yaml"), "a", encoding="utf-8") as f:
    f.write('author: "Åse Ødegård, Distriktssenteret"\n')

htmldir, docxdir = os.path.join(work, "html"), os.path.join(work, "docx")
rc, _, err = run("notes", "-o", htmldir, *base)
check_eq(rc, 0, f"notes (html) exits 0 ({err[-200:]})")
rc, _, err = run("notes", "-o", docxdir, "--format", "docx", *base)
check_eq(rc, 0, f"notes --format docx exits 0 ({err[-200:]})")
check_eq(sorted(os.listdir(docxdir)), [p + ".docx" for p in profiles], "one .docx per profile")


def para_text(p):
    out = []
    for el in p.iter():
        if el.tag == W + "t" and el.text:
            out.append(el.text)
        elif el.tag == W + "tab":
            out.append("\t")
    return "".join(out)


def style_of(p):
    s = p.find(f"{W}pPr/{W}pStyle")
    return s.get(W + "val") if s is not None else "Normal"


for name in profiles:
    path = os.path.join(docxdir, name + ".docx")
    page = open(os.path.join(htmldir, name + ".html"), encoding="utf-8").read()
    title, sections, items, refs = html_outline(page)
    lang = re.search(r'<html lang="([a-z]+)"', page).group(1)
    try:
        z = zipfile.ZipFile(path)
    except zipfile.BadZipFile as e:
        check(False, f"{name}.docx is a zip ({e})")
        continue
    names = set(z.namelist())
    for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                 "word/_rels/document.xml.rels", "word/numbering.xml", "word/settings.xml",
                 "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"]:
        check(part in names, f"{name}: {part} in the package")
    check_eq(z.testzip(), None, f"{name}: every zip entry reads back")
    parts = {}
    for part in names:
        if part.endswith(".xml") or part.endswith(".rels"):
            try:
                parts[part] = ET.fromstring(z.read(part))
            except ET.ParseError as e:
                check(False, f"{name}: {part} is well-formed XML ({e})")
    doc = parts.get("word/document.xml")
    if doc is None:
        continue
    paras = [(style_of(p), para_text(p)) for p in doc.iter(W + "p")]
    by_style = lambda s: [t for st, t in paras if st == s]
    check_eq(by_style("Title"), [title], f"{name}: the title in style Title")
    check_eq(by_style("Heading1"), sections, f"{name}: every section heading in Heading 1, in order")
    check_eq(by_style("Heading2"), items, f"{name}: every item title in Heading 2, in order")
    check_eq(by_style("Bibliography"), refs, f"{name}: the reference list, entry for entry, in style Bibliography")
    check(len(by_style("TOC1")) == len(sections), f"{name}: a table of contents entry per section")
    instr = "".join(t.text or "" for t in doc.iter(W + "instrText"))
    check("TOC" in instr, f"{name}: the contents are a Word TOC field")
    everything = "\n".join(t for _, t in paras)
    if lang in ("nb", "nn"):
        for letter in "æøå":
            check(letter in everything, f"{name}: Norwegian letter {letter} survives")
    # Italics and links are kept.
    bib = [p for p in doc.iter(W + "p") if style_of(p) == "Bibliography"]
    check(any(r.find(f"{W}rPr/{W}i") is not None for p in bib for r in p.iter(W + "r")),
          f"{name}: italic titles in the reference list")
    rels = parts.get("word/_rels/document.xml.rels")
    links = [h for h in doc.iter(W + "hyperlink") if h.get(R + "id")]
    check(len(links) > 0, f"{name}: external links kept as hyperlinks")
    targets = {r.get("Id"): r.get("Target") for r in rels} if rels is not None else {}
    check(all(h.get(R + "id") in targets for h in links), f"{name}: every hyperlink has its relationship")
    check(all(" " not in t for t in targets.values()), f"{name}: link targets are valid URIs")
    # Each bookmark a hyperlink points at exists.
    mark_list = [b.get(W + "name") for b in doc.iter(W + "bookmarkStart")]
    marks = set(mark_list)
    check_eq(len(mark_list), len(marks), f"{name}: bookmark names are unique")
    anchors = {h.get(W + "anchor") for h in doc.iter(W + "hyperlink") if h.get(W + "anchor")}
    check(anchors <= marks, f"{name}: internal links point at bookmarks ({sorted(anchors - marks)[:3]})")
    check(all(len(m) <= 40 for m in marks), f"{name}: bookmark names within Word's 40 characters")
    # A4 and the HTML note's margins; the footer counts pages.
    sect = doc.find(f"{W}body/{W}sectPr")
    check(sect is not None and sect.find(W + "pgSz").get(W + "w") == "11906" and
          sect.find(W + "pgSz").get(W + "h") == "16838", f"{name}: A4 page")
    check(sect is not None and sect.find(W + "footerReference") is not None, f"{name}: a footer")
    footer = z.read("word/footer1.xml").decode()
    check("PAGE" in footer and "NUMPAGES" in footer, f"{name}: page numbers in the footer")
    # Styles: the ones Word knows by name, the pinned fonts, a hanging indent for references.
    styles = parts["word/styles.xml"]
    ids = {s.get(W + "styleId"): s for s in styles.iter(W + "style")}
    for sid in ["Normal", "Title", "Heading1", "Heading2", "Heading3", "ListBullet", "Bibliography", "Hyperlink"]:
        check(sid in ids, f"{name}: style {sid}")
    for level in (1, 2, 3):
        ol = ids["Heading%d" % level].find(f"{W}pPr/{W}outlineLvl")
        check(ol is not None and ol.get(W + "val") == str(level - 1), f"{name}: Heading {level} is outline level {level}")
    ind = ids["Bibliography"].find(f"{W}pPr/{W}ind")
    check(ind is not None and int(ind.get(W + "hanging", "0")) > 0, f"{name}: Bibliography has a hanging indent")
    st = z.read("word/styles.xml").decode()
    check('"Liberation Serif"' in st and '"Liberation Sans"' in st, f"{name}: the HTML note's fonts")
    check(f'w:val="{REGION[lang]}"' in st, f"{name}: document language {REGION[lang]}")
    # Document properties.
    core = parts["docProps/core.xml"]
    dc = "{http://purl.org/dc/elements/1.1/}"
    check_eq(core.find(dc + "title").text, title, f"{name}: property title")
    check_eq(core.find(dc + "language").text, REGION[lang], f"{name}: property language")
    creator = core.find(dc + "creator").text
    check_eq(creator, "Åse Ødegård, Distriktssenteret" if name == "steinkjer" else "Playmaker", f"{name}: property author")

# A Markdown body's lists, emphasis and links reach Word (a profile section of the author's own).
write(os.path.join(CONTENT, "profiles", "testkommune.yaml"),
      'municipality: "5046"\nmålform: nynorsk\npages: 10\nsections:\n  forord: |\n'
      '    Eit *føreord* med **vekt** og [lenkje](<https://example.org/a bø>).\n\n'
      '    - første punkt\n    - andre punkt\n\n    1. ein\n    2. to\n')
out = os.path.join(work, "test.docx")
rc, _, err = run("note", "--profile", "testkommune", "--format", "docx", "-o", out, *base)
check_eq(rc, 0, f"note --format docx -o exits 0 ({err[-200:]})")
z = zipfile.ZipFile(out)
doc = ET.fromstring(z.read("word/document.xml"))
paras = [(style_of(p), para_text(p), p) for p in doc.iter(W + "p")]
check([t for s, t, _ in paras if s == "ListBullet"][:2] == ["første punkt", "andre punkt"], "bullets in List Bullet")
check([t for s, t, _ in paras if s == "ListNumber"][:2] == ["ein", "to"], "numbered items in List Number")
fore = next((p for s, t, p in paras if t.startswith("Eit føreord")), None)
check(fore is not None and any(r.find(f"{W}rPr/{W}i") is not None for r in fore.iter(W + "r")), "emphasis is italic")
check(fore is not None and any(r.find(f"{W}rPr/{W}b") is not None for r in fore.iter(W + "r")), "strong is bold")
rels = z.read("word/_rels/document.xml.rels").decode()
check("https://example.org/a%20b%C3%B8" in rels, "a link with a space and ø is escaped in its relationship")
check('w:val="nn-NO"' in z.read("word/styles.xml").decode(), "a nynorsk note is nn-NO")
check('<w:lang w:val="nb-NO"/>' in z.read("word/document.xml").decode(), "bokmål items in a nynorsk note carry nb-NO")

# To stdout when it is not a terminal: the same package.
rc, _, _ = run("note", "--profile", "testkommune", "--format", "docx", *base)
check_eq(rc, 0, "docx to a pipe works")

# Without chromium: exit 3 and one line naming the Debian package; nothing else breaks.
env = dict(os.environ, PATH=os.path.join(work, "no-such-bin"))
rc, out, err = run("note", "--profile", "steinkjer", "--format", "pdf", "-o", os.path.join(work, "x.pdf"), *base, env=env)
check_eq(rc, 3, "pdf without chromium exits 3")
check_eq(err.strip().count("\n"), 0, f"one line: {err!r}")
check("chromium" in err and "Debian package: chromium" in err, f"the line names the Debian package: {err!r}")
check(not os.path.exists(os.path.join(work, "x.pdf")), "no PDF file is left behind")
rc, _, err = run("notes", "-o", docxdir, "--format", "pdf", *base, env=env)
check_eq(rc, 3, "notes --format pdf without chromium exits 3")
check_eq(err.count("Debian package"), 1, f"said once, not once per note: {err!r}")
check(os.path.exists(os.path.join(docxdir, "steinkjer.docx")), "the old folder is kept")
for fmt in ["html", "md", "docx"]:
    rc, _, err = run("note", "--profile", "steinkjer", "--format", fmt, "-o", os.path.join(work, "y." + fmt), *base, env=env)
    check_eq(rc, 0, f"{fmt} still works without chromium ({err[-200:]})")

finish()
