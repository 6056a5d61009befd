"""A reviewed DOCX read back as its content controls (``esgpublish import-docx``): for each
narrative control (``ir/controls.py``), its paragraphs and list items as runs of text with
their bold, emphasis (the Emphasis style or italics) and link, its figure controls (and
whether the figure printed was changed), its footnote citations and notes; the tracked changes
left in it; the narrative controls the document was published with (its document variable);
and the reviewers' comments with the narrative and paragraph they are anchored in.

Read as XML (zipfile and ElementTree), as ``docxread`` reads a DOCX; paragraphs are numbered
as there (every ``w:p`` of word/document.xml in document order, 1-based)."""
from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..ir import controls as tags

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TRACKED = {W + t for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
                           "tblPrChange", "trPrChange", "tcPrChange", "numberingChange", "cellIns", "cellDel")}
_SKIP = {W + t for t in ("pPr", "rPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "instrText", "delText",
                         "footnoteRef", "commentReference", "annotationRef")}


@dataclass
class Piece:
    """A run of text (``kind`` "text"), a figure control ("figure": its placeholder, the text
    it was published with, the text it holds) or a footnote citation ("note": its number)."""

    kind: str
    text: str = ""
    strong: bool = False
    emphasis: bool = False
    link: str = ""
    placeholder: str = ""
    printed: str = ""
    note: str = ""


@dataclass
class Block:
    """A paragraph (``numbered`` None) or a list item (True: numbered, False: bullet) and its
    list's ``w:numId``; ``paragraph``: its number."""

    pieces: list[Piece]
    paragraph: int
    numbered: bool | None = None
    num_id: str = ""


@dataclass
class Control:
    """A narrative control: its narrative and language, its blocks, where tracked changes
    are left in it (paragraph numbers), its changed figures."""

    narrative: str
    lang: str
    paragraph: int
    blocks: list[Block] = field(default_factory=list)
    tracked: list[int] = field(default_factory=list)
    changed_figures: list[tuple[int, Piece]] = field(default_factory=list)

    @property
    def tag(self) -> str:
        return tags.narrative_tag(self.narrative, self.lang)


@dataclass
class Comment:
    """A reviewer's comment: its author and text, the paragraph and narrative control it is anchored in."""

    author: str
    text: str
    paragraph: int | None
    control: str | None  # the narrative control's tag, or None (anchored outside any narrative)


@dataclass
class Reviewed:
    controls: list[Control]
    published: list[str]  # the narrative controls' tags as published (the document variable), in order
    comments: list[Comment]
    notes: dict[str, list[Piece]]  # footnote id → its text


def read(path: Path) -> Reviewed:
    """A DOCX → its narrative controls, notes and comments. Raises ``zipfile.BadZipFile``,
    ``KeyError`` (no word/document.xml) or ``ET.ParseError`` on a file that is no DOCX."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        root = ET.fromstring(z.read("word/document.xml"))
        rels = _rels(z, "word/_rels/document.xml.rels")
        emphasis = _emphasis_styles(ET.fromstring(z.read("word/styles.xml"))) if "word/styles.xml" in names else set()
        numbering = _numbering(ET.fromstring(z.read("word/numbering.xml"))) if "word/numbering.xml" in names else {}
        published = _published(ET.fromstring(z.read("word/settings.xml"))) if "word/settings.xml" in names else []
        notes: dict[str, list[Piece]] = {}
        if "word/footnotes.xml" in names:
            note_rels = _rels(z, "word/_rels/footnotes.xml.rels")
            for fn in ET.fromstring(z.read("word/footnotes.xml")).iter(W + "footnote"):
                if fn.get(W + "type") in (None, "normal"):
                    notes[fn.get(W + "id")] = _note(fn, note_rels, emphasis)
        comments_root = ET.fromstring(z.read("word/comments.xml")) if "word/comments.xml" in names else None
    numbers = {p: k for k, p in enumerate(root.iter(W + "p"), 1)}
    parents = {c: p for p in root.iter() for c in p}
    controls = []
    for sdt in root.iter(W + "sdt"):
        found = tags.parse_narrative(_tag(sdt) or "")
        if found is None:
            continue
        content = sdt.find(W + "sdtContent")
        paras = list(content.iter(W + "p")) if content is not None else []
        control = Control(found[0], found[1], numbers[paras[0]] if paras else _paragraph_of(sdt, parents, numbers))
        for p in paras:
            if any(el.tag in TRACKED for el in p.iter()):
                control.tracked.append(numbers[p])
            pieces: list[Piece] = []
            _walk(p, pieces, rels, emphasis, False, False, "")
            for piece in pieces:
                if piece.kind == "figure" and piece.text != piece.printed:
                    control.changed_figures.append((numbers[p], piece))
            numpr = p.find(f"{W}pPr/{W}numPr")
            num_id = numpr.find(W + "numId").get(W + "val") if numpr is not None and numpr.find(W + "numId") is not None else ""
            if num_id and num_id != "0":
                control.blocks.append(Block(pieces, numbers[p], numbering.get(num_id, False), num_id))
            else:
                control.blocks.append(Block(pieces, numbers[p]))
        if content is not None and any(el.tag in TRACKED for el in content) and not control.tracked:
            control.tracked.append(control.paragraph)
        controls.append(control)
    comments = []
    if comments_root is not None:
        anchors = {}
        for el in root.iter():
            if el.tag in (W + "commentRangeStart", W + "commentReference") and el.get(W + "id") not in anchors:
                anchors[el.get(W + "id")] = el
        for c in comments_root.iter(W + "comment"):
            anchor = anchors.get(c.get(W + "id"))
            paragraph = control = None
            if anchor is not None:
                paragraph = _paragraph_of(anchor, parents, numbers)
                up = parents.get(anchor)
                while up is not None:
                    if up.tag == W + "sdt" and tags.parse_narrative(_tag(up) or ""):
                        control = _tag(up)
                        break
                    up = parents.get(up)
            text = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p"))
            comments.append(Comment(c.get(W + "author") or "", text.strip(), paragraph, control))
    return Reviewed(controls, published, comments, notes)


def _walk(el, out: list[Piece], rels, emphasis: set[str], strong: bool, emph: bool, link: str) -> None:
    """The runs under ``el`` → pieces, in order (deleted text and field codes left out)."""
    for child in el:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == W + "r":
            rpr = child.find(W + "rPr")
            s, e = strong, emph
            if rpr is not None:
                s = s or _on(rpr.find(W + "b"))
                style = rpr.find(W + "rStyle")
                e = e or _on(rpr.find(W + "i")) or (style is not None and style.get(W + "val") in emphasis)
            for part in child:
                if part.tag == W + "t":
                    _text(out, part.text or "", s, e, link)
                elif part.tag in (W + "tab", W + "ptab"):
                    _text(out, "\t", s, e, link)
                elif part.tag in (W + "br", W + "cr") and part.get(W + "type") in (None, "textWrapping"):
                    _text(out, "\n", s, e, link)
                elif part.tag == W + "noBreakHyphen":
                    _text(out, "-", s, e, link)
                elif part.tag == W + "footnoteReference":
                    out.append(Piece("note", note=part.get(W + "id") or ""))
        elif tag == W + "hyperlink":
            target = rels.get(child.get(R + "id") or "", "")
            _walk(child, out, rels, emphasis, strong, emph, target or link)
        elif tag == W + "sdt":
            figure = tags.parse_figure(_tag(child) or "")
            content = child.find(W + "sdtContent")
            if figure is None:
                if content is not None:
                    _walk(content, out, rels, emphasis, strong, emph, link)
                continue
            inner: list[Piece] = []
            if content is not None:
                _walk(content, inner, rels, emphasis, strong, emph, link)
            text = "".join(p.text for p in inner).replace("\u200b", "")
            first = next((p for p in inner if p.kind == "text"), None)
            out.append(Piece("figure", text, first.strong if first else strong, first.emphasis if first else emph,
                             first.link if first else link, figure[0], figure[1]))
        else:  # ins, moveTo, smartTag, customXml, fldSimple …: their content
            _walk(child, out, rels, emphasis, strong, emph, link)


def _text(out: list[Piece], text: str, strong: bool, emph: bool, link: str) -> None:
    text = text.replace("\u200b", "")  # the writer's break opportunities in web addresses
    if not text:
        return
    last = out[-1] if out else None
    if last is not None and last.kind == "text" and (last.strong, last.emphasis, last.link) == (strong, emph, link):
        last.text += text
    else:
        out.append(Piece("text", text, strong, emph, link))


def _on(el) -> bool:
    return el is not None and el.get(W + "val", "true") not in ("0", "false", "off")


def _tag(sdt) -> str | None:
    el = sdt.find(f"{W}sdtPr/{W}tag")
    return el.get(W + "val") if el is not None else None


def _paragraph_of(el, parents, numbers) -> int | None:
    """The number of the paragraph ``el`` is in, or of the first one in it (None: it has none)."""
    up = el
    while up is not None and up.tag != W + "p":
        up = parents.get(up)
    if up is not None:
        return numbers[up]
    inside = next(el.iter(W + "p"), None)
    return numbers[inside] if inside is not None else None


def _rels(z: zipfile.ZipFile, name: str) -> dict[str, str]:
    """A part's relationships → id → target (external addresses as they are)."""
    try:
        root = ET.fromstring(z.read(name))
    except KeyError:
        return {}
    return {r.get("Id"): r.get("Target") for r in root.iter(REL + "Relationship")}


def _emphasis_styles(styles) -> set[str]:
    """The ids of the character styles named Emphasis."""
    out = set()
    for st in styles.iter(W + "style"):
        name = st.find(W + "name")
        if st.get(W + "type") == "character" and name is not None and name.get(W + "val") == "Emphasis":
            out.add(st.get(W + "styleId"))
    return out


def _numbering(root) -> dict[str, bool]:
    """numId → whether its list is numbered (level 0's format other than a bullet)."""
    abstract = {}
    for an in root.iter(W + "abstractNum"):
        lvl = next((l for l in an.iter(W + "lvl") if l.get(W + "ilvl") == "0"), None)
        fmt = lvl.find(W + "numFmt") if lvl is not None else None
        abstract[an.get(W + "abstractNumId")] = fmt is not None and fmt.get(W + "val") not in ("bullet", "none")
    out = {}
    for num in root.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        out[num.get(W + "numId")] = abstract.get(ref.get(W + "val") if ref is not None else "", False)
    return out


def _published(settings) -> list[str]:
    for var in settings.iter(W + "docVar"):
        if var.get(W + "name") == tags.DOC_VAR:
            return (var.get(W + "val") or "").split()
    return []


def _note(fn, rels, emphasis) -> list[Piece]:
    """A footnote's text: its runs after the note's own mark and the space after it."""
    pieces: list[Piece] = []
    for k, p in enumerate(fn.iter(W + "p")):
        if k:
            _text(pieces, " ", False, False, "")
        _walk(p, pieces, rels, emphasis, False, False, "")
    if pieces and pieces[0].kind == "text":
        pieces[0].text = pieces[0].text[1:] if pieces[0].text.startswith(" ") else pieces[0].text
        if not pieces[0].text:
            pieces.pop(0)
    return pieces
