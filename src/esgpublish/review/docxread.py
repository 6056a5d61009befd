"""A DOCX read back as its XML (zipfile and ElementTree): the text of every paragraph, numbered
as the writer numbers them (every ``w:p`` of a part in document order, 1-based)."""
from __future__ import annotations

import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(p: ET.Element) -> str:
    """A paragraph's printed text: its runs' text, tabs and line breaks (nested paragraphs excluded)."""
    out: list[str] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            if child.tag == W + "p":
                continue
            if child.tag == W + "t":
                out.append(child.text or "")
            elif child.tag == W + "tab" and el.tag == W + "r":
                out.append("\t")
            elif child.tag in (W + "br", W + "cr"):
                out.append("\n")
            elif child.tag not in (W + "instrText", W + "delText"):
                walk(child)
    walk(p)
    return "".join(out)


def paragraphs(path: Path) -> dict[str, list[str]]:
    """A DOCX → per part (document, header, footer) the text of each paragraph, in order;
    the headers (and footers) of every section follow each other."""
    out: dict[str, list[str]] = {"document": [], "header": [], "footer": []}
    with zipfile.ZipFile(path) as z:
        names = sorted(z.namelist())
        for part, match in (("document", lambda n: n == "word/document.xml"),
                            ("header", lambda n: n.startswith("word/header") and n.endswith(".xml")),
                            ("footer", lambda n: n.startswith("word/footer") and n.endswith(".xml"))):
            for name in filter(match, names):
                root = ET.fromstring(z.read(name))
                out[part] += [_text(p) for p in root.iter(W + "p")]
    return out
