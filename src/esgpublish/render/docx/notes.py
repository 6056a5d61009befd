"""Footnotes and links in the DOCX: a footnotes part (word/footnotes.xml, with its relationship
and content type; the separator and continuation separator notes), a ``w:footnoteReference``
run where a note is cited (Word numbers them, in the IR's order), and ``w:hyperlink``s to
external addresses, related from the part they are in."""
from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from ... import ir
from .oxml import put, sub

FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def footnotes_part(w):
    """The document's footnotes part, made with its separators on first use."""
    part = getattr(w, "_footnotes", None)
    if part is None:
        root = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}/>")
        for note_id, kind, mark in (("-1", "separator", "w:separator"),
                                    ("0", "continuationSeparator", "w:continuationSeparator")):
            fn = sub(root, "w:footnote")
            fn.set(qn("w:type"), kind)
            fn.set(qn("w:id"), note_id)
            p = sub(fn, "w:p")
            spacing = put(sub(p, "w:pPr"), "w:spacing")
            spacing.set(qn("w:after"), "0")
            spacing.set(qn("w:line"), "240")
            spacing.set(qn("w:lineRule"), "auto")
            sub(sub(p, "w:r"), mark)
        part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES, root, w.d.part.package)
        w.d.part.relate_to(part, RT.FOOTNOTES)
        settings = w.d.settings.element
        pr = put(settings, "w:footnotePr")
        for note_id in ("-1", "0"):
            sub(pr, "w:footnote").set(qn("w:id"), note_id)
        w._footnotes = part
    return part


def reference(w, p, span: ir.NoteRef) -> None:
    """A citation: the reference run in the mark's style, and the note in the footnotes part."""
    note = span.note
    r = sub(p, "w:r")
    put(sub(r, "w:rPr"), "w:rStyle", w.ids[span.style or note.mark_style])
    sub(r, "w:footnoteReference").set(qn("w:id"), str(note.number))
    part = footnotes_part(w)
    fn = sub(part.element, "w:footnote")
    fn.set(qn("w:id"), str(note.number))
    fp = sub(fn, "w:p")
    put(sub(fp, "w:pPr"), "w:pStyle", w.ids[note.style])
    mark = sub(fp, "w:r")
    put(sub(mark, "w:rPr"), "w:rStyle", w.ids[note.mark_style])
    sub(mark, "w:footnoteRef")
    w.text(sub(fp, "w:r"), note.sep)
    saved, w.part = getattr(w, "part", w.d.part), part  # links in the note are related from its part
    try:
        w.lines(fp, note.lines)
    finally:
        w.part = saved


def hyperlink(w, p, url: str):
    """A ``w:hyperlink`` to ``url`` at the end of ``p`` (its runs go inside it)."""
    part = getattr(w, "part", None) or w.d.part
    rid = part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    link.set(qn("w:history"), "1")
    p.append(link)
    return link
