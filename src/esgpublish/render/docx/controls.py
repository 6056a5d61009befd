"""Content controls for the review round trip (``ir/controls.py`` holds their tags): each
narrative's blocks in one language in a block-level ``w:sdt`` (in the body, or in a table
cell for side-by-side paragraphs; around the table rows of a box's paragraphs), each figure it prints in a run-level ``w:sdt`` locked with
``contentLocked`` (the reviewer may reword the sentence, not the number), and the list of the
narrative controls written as a document variable, so that a deleted one can be told."""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ... import ir
from ...ir import controls as tags
from .oxml import sub

# CT_Settings: the children that come after w:docVars (it follows w:compat)
_AFTER_DOC_VARS = ("w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
                   "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                   "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
                   "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")


def _control(w, tag: str, alias: str, lock: str | None = None):
    """A new ``w:sdt`` (properties in CT_SdtPr order: alias, tag, id, lock) → (sdt, its content)."""
    sdt = OxmlElement("w:sdt")
    pr = sub(sdt, "w:sdtPr")
    sub(pr, "w:alias", alias)
    sub(pr, "w:tag", tag)
    w.control_id += 1
    sub(pr, "w:id", str(w.control_id))
    if lock:
        sub(pr, "w:lock", lock)
    return sdt, sub(sdt, "w:sdtContent")


def figure(w, into, span: ir.Span):
    """A locked run-level control for a figure at the end of ``into`` (a paragraph or a
    hyperlink) → where its runs go."""
    sdt, content = _control(w, tags.figure_tag(span.placeholder, span.text), span.placeholder, "contentLocked")
    into.append(sdt)
    return content


def narrative(w, block, after) -> None:
    """Put what the writer added to the body after ``after`` (None: from the body's start) for
    ``block`` into the control of its narrative and language; the next block of the same one
    joins the control."""
    tag = tags.narrative_tag(block.narrative, block.lang)
    body = w.body_end.getparent()
    first = after.getnext() if after is not None else body[0]
    written = []
    el = first
    while el is not None and el is not w.body_end:
        written.append(el)
        el = el.getnext()
    if not written:
        return
    if after is not None and after is w.last_control and _tag(after) == tag:
        content = after.find(qn("w:sdtContent"))
    else:
        sdt, content = _control(w, tag, f"{block.narrative} ({block.lang})")
        written[0].addprevious(sdt)
        w.last_control = sdt
        w.narratives.append(tag)
    for el in written:
        content.append(el)


def paragraph_in_cell(w, para: ir.Paragraph, p) -> None:
    """A narrative's paragraph ``p`` written into a table cell (side by side) → into its control there."""
    sdt, content = _control(w, tags.narrative_tag(para.narrative, para.lang), f"{para.narrative} ({para.lang})")
    p.addprevious(sdt)
    content.append(p)
    w.narratives.append(tags.narrative_tag(para.narrative, para.lang))


def row(w, tr, para: ir.Paragraph) -> None:
    """A table row ``tr`` holding a narrative's paragraph (a box) → into a row-level control;
    the row of the next paragraph of the same narrative and language joins it."""
    tag = tags.narrative_tag(para.narrative, para.lang)
    prev = tr.getprevious()
    if prev is not None and prev is w.last_control and _tag(prev) == tag:
        prev.find(qn("w:sdtContent")).append(tr)
        return
    sdt, content = _control(w, tag, f"{para.narrative} ({para.lang})")
    tr.addprevious(sdt)
    content.append(tr)
    w.last_control = sdt
    w.narratives.append(tag)


def doc_vars(d, narratives: list[str]) -> None:
    """The narrative controls written, as the document variable ``tags.DOC_VAR`` (space-separated tags)."""
    if not narratives:
        return
    settings = d.settings.element
    dv = OxmlElement("w:docVars")
    var = sub(dv, "w:docVar")
    var.set(qn("w:name"), tags.DOC_VAR)
    var.set(qn("w:val"), " ".join(dict.fromkeys(narratives)))
    later = {qn(t) if not t.startswith(("m:", "sl:")) else _qn(t) for t in _AFTER_DOC_VARS}
    for child in settings:
        if child.tag in later:
            child.addprevious(dv)
            return
    settings.append(dv)


def _qn(tag: str) -> str:
    prefix, local = tag.split(":")
    ns = {"m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
          "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main"}[prefix]
    return f"{{{ns}}}{local}"


def _tag(sdt) -> str | None:
    el = sdt.find(qn("w:sdtPr") + "/" + qn("w:tag")) if sdt.tag == qn("w:sdt") else None
    return el.get(qn("w:val")) if el is not None else None
