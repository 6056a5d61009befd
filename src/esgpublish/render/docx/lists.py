"""IR lists → Word numbering: an abstract numbering (numbering.xml ``w:abstractNum``) and a
``w:num`` per list, so each numbered list counts from 1; its items are paragraphs with
``w:numPr``, the label hanging by the item style's (negative) first-line indent."""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ... import fonts, ir
from .oxml import hex6, put, sub, twips


def item_list(w, b: ir.ItemList) -> None:
    """A list: its numbering defined, then one numbered paragraph per item."""
    num_id = _numbering(w, b)
    for k, item in enumerate(b.items):
        p = w.para(None, item.style)
        numpr = put(p.find(qn("w:pPr")), "w:numPr")
        sub(numpr, "w:ilvl", "0")
        sub(numpr, "w:numId", str(num_id))
        w.lines(p, item.lines)
        if k == 0:
            w.bookmark(p, b.anchor)


def _numbering(w, b: ir.ItemList) -> int:
    """Define the list's numbering (an abstractNum and its num) → the num's id."""
    root = w.d.part.numbering_part.element
    abstract_id = 1 + max((int(a.get(qn("w:abstractNumId"))) for a in root.iterchildren(qn("w:abstractNum"))),
                          default=-1)
    num_id = 1 + max((int(n.get(qn("w:numId"))) for n in root.iterchildren(qn("w:num"))), default=0)
    style = w.doc.para_style(b.items[0].style)
    label = b.items[0].label
    an = OxmlElement("w:abstractNum")
    an.set(qn("w:abstractNumId"), str(abstract_id))
    sub(an, "w:multiLevelType", "singleLevel")
    lvl = sub(an, "w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    sub(lvl, "w:start", "1")
    sub(lvl, "w:numFmt", "decimal" if b.ordered else "bullet")
    # the IR's label of the first item, its number as Word's level placeholder
    sub(lvl, "w:lvlText", label.replace("1", "%1", 1) if b.ordered else label)
    sub(lvl, "w:lvlJc", "left")
    ind = sub(sub(lvl, "w:pPr"), "w:ind")
    ind.set(qn("w:left"), twips(style.left_indent))
    ind.set(qn("w:hanging"), twips(-min(style.first_indent, 0.0)))
    rpr = sub(lvl, "w:rPr")
    kind = next((k for k, run in fonts.face_runs(label, b.lang, None) if run), "latin")
    family = fonts.LATIN_FAMILY if kind == "latin" else fonts.FAMILY
    rfonts = put(rpr, "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), family)
    char = w.doc.char_style(b.label_style) if b.label_style else None
    put(rpr, "w:color", hex6(char.color if char and char.color else style.color))
    abstracts = list(root.iterchildren(qn("w:abstractNum")))
    if abstracts:  # every abstractNum before the first num (CT_Numbering)
        abstracts[-1].addnext(an)
    else:
        root.insert(0, an)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    sub(num, "w:abstractNumId", str(abstract_id))
    root.append(num)
    return num_id
