"""Where the DOCX puts each span that carries origins: the writer notes the paragraph (or
hyperlink) it wrote the span into; ``locate`` numbers them as a reader of the XML would."""
from __future__ import annotations

from docx.oxml.ns import qn

from ... import ir

_PARTS = {qn("w:document"): "document", qn("w:hdr"): "header", qn("w:ftr"): "footer"}


def locate(written: list[tuple[object, ir.Span]]) -> list[ir.DocxPlacement]:
    """(element written into, span) pairs → placements: part, paragraph and table cell, 1-based."""
    numbers: dict[object, dict[object, int]] = {}  # per part's root: paragraph → its number
    tables: dict[object, dict[object, int]] = {}
    out = []
    for el, span in written:
        p = el if el.tag == qn("w:p") else next(a for a in el.iterancestors(qn("w:p")))
        root = p.getroottree().getroot()
        if root not in numbers:
            numbers[root] = {q: k for k, q in enumerate(root.iter(qn("w:p")), 1)}
            tables[root] = {t: k for k, t in enumerate(root.iter(qn("w:tbl")), 1)}
        tc = next(p.iterancestors(qn("w:tc")), None)
        table = row = cell = None
        if tc is not None:  # (rows in a content control are the table's rows too)
            tr = next(tc.iterancestors(qn("w:tr")))
            tbl = next(tr.iterancestors(qn("w:tbl")))
            table = tables[root][tbl]
            row = [r for r in tbl.iter(qn("w:tr")) if next(r.iterancestors(qn("w:tbl"))) is tbl].index(tr) + 1
            cell = tr.findall(qn("w:tc")).index(tc) + 1
        out.append(ir.DocxPlacement(span, _PARTS.get(root.tag, "document"), numbers[root][p], table, row, cell))
    return out
