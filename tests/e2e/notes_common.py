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
