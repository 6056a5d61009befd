"""WordprocessingML helpers: elements built and inserted in schema order, fields, shading."""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# ECMA-376 child order of the property elements esgpublish writes (CT_PPrBase, CT_RPr,
# CT_TblPr, CT_TcPr, CT_TrPr, CT_Settings): a child is inserted before the first sibling
# that comes later in its list, so the result validates whatever order the calls come in.
ORDER = {
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
              "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
              "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"),
    "w:tcPr": ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
               "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"),
    "w:tblCellMar": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"),
    "w:tcMar": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"),
    "w:tcBorders": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV"),
    "w:tblBorders": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV"),
    "w:pBdr": ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
}


_PREFIXES = {"{http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w:",
             "{http://schemas.openxmlformats.org/officeDocument/2006/math": "m:",
             "{http://schemas.openxmlformats.org/schemaLibrary/2006/main": "sl:"}


def _tag_of(el) -> str:
    """An element's tag as ``prefix:local`` for the namespaces ``ORDER`` names."""
    ns, _, local = str(el.tag).rpartition("}")
    return _PREFIXES.get(ns, ns + "}") + local


def put(parent, tag: str, val: str | None = None):
    """The ``tag`` child of ``parent`` (replaced if present), inserted in schema order, with ``w:val``."""
    order = ORDER.get(_tag_of(parent))
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    el = OxmlElement(tag)
    if val is not None:
        el.set(qn("w:val"), val)
    if order and tag in order:
        later = set(order[order.index(tag) + 1:])
        for i, child in enumerate(parent):
            if _tag_of(child) in later:
                parent.insert(i, el)
                return el
    parent.append(el)
    return el


def sub(parent, tag: str, val: str | None = None):
    """A new ``tag`` appended to ``parent`` (for content, where order is the document's)."""
    el = OxmlElement(tag)
    if val is not None:
        el.set(qn("w:val"), val)
    parent.append(el)
    return el


def props(parent, tag: str):
    """The properties element ``tag`` (w:pPr, w:rPr, w:tcPr …) of ``parent``, made first child if missing."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.insert(0, el)
    return el


def twips(points: float) -> str:
    return str(round(points * 20))


def hex6(color: str) -> str:
    return color.lstrip("#").upper()


def fld_char(p, kind: str) -> None:
    r = sub(p, "w:r")
    fc = sub(r, "w:fldChar")
    fc.set(qn("w:fldCharType"), kind)


def instr(p, text: str) -> None:
    r = sub(p, "w:r")
    it = sub(r, "w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {text} "


def field(p, code: str, shown: str, rpr=None) -> None:
    """A complex field with its result prefilled (``shown``) until the client updates it."""
    fld_char(p, "begin")
    instr(p, code)
    fld_char(p, "separate")
    r = sub(p, "w:r")
    if rpr is not None:
        r.append(rpr)
    t = sub(r, "w:t")
    t.text = shown
    t.set(qn("xml:space"), "preserve")
    fld_char(p, "end")


def shade(tcpr, color: str) -> None:
    shd = put(tcpr, "w:shd", "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex6(color))


def border(parent, side: str, color: str, width: float, space: float = 0) -> None:
    """A single border line on ``side`` (eighths of a point, as WordprocessingML counts)."""
    el = put(parent, f"w:{side}", "single")
    el.set(qn("w:sz"), str(max(2, round(width * 8))))
    el.set(qn("w:space"), str(round(space)))
    el.set(qn("w:color"), hex6(color))
