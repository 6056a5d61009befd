"""IR blocks → WordprocessingML: one visit method per IR node; an unknown node is an error.

Paragraphs and runs are built as XML (python-docx's ``add_paragraph`` searches the body for
its section properties on every call, which makes long reports quadratic)."""
from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ... import fonts, ir
from . import controls, lists, notes, pictures
from .oxml import border, field, fld_char, instr, props, put, shade, sub, twips


class Writer:
    """Writes one document's body into a python-docx Document."""

    def __init__(self, d, document: ir.Document, style_ids: dict[str, str], charts, pages: dict[str, int],
                 fallback_family: str | None):
        self.d, self.doc, self.ids, self.charts, self.pages = d, document, style_ids, charts, pages
        self.fallback_family = fallback_family
        self.body_end = d.element.body.find(qn("w:sectPr"))  # blocks go before it
        self.bookmark_id = 0
        self.written: list = []  # (paragraph or hyperlink, span) for each span with origins (``trace.locate``)
        self.control_id = 0  # content controls (controls.py): the last w:id given
        self.last_control = None  # the narrative control the last block went into
        self.narratives: list[str] = []  # the tags of the narrative controls written

    # ------------------------------------------------------------ text
    def para(self, container, style: str, align: str | None = None):
        """A new paragraph in IR style ``style`` at the end of ``container`` (the body or a cell)."""
        p = OxmlElement("w:p")
        ppr = sub(p, "w:pPr")
        put(ppr, "w:pStyle", self.ids[style])
        if align:
            put(ppr, "w:jc", {"justify": "both"}.get(align, align))
        if container is None:
            self.body_end.addprevious(p)
        else:
            container.append(p)
        return p

    def runs(self, p, line: ir.Line) -> None:
        """Spans → runs: character style, bold, the fallback font where the shipped faces lack a
        character; page references as PAGEREF fields prefilled with the PDF's pages."""
        fallback = self.doc.fallback_font
        for span in line:
            if isinstance(span, ir.PageRefs):
                self.page_refs(p, span)
                continue
            if isinstance(span, ir.NoteRef) and span.note:  # a footnote (notes.py)
                notes.reference(self, p, span)
                continue
            if ir.traced(span):
                self.written.append((p, span))
            into = notes.hyperlink(self, p, span.link) if span.link else p
            if span.placeholder:  # a figure in a narrative: a locked control
                into = controls.figure(self, into, span)
            pieces = fonts.face_runs(span.text, span.lang, fallback) if fallback else [("", span.text)]
            for kind, text in pieces:
                if not text:
                    continue
                r = sub(into, "w:r")
                if span.style or span.strong or kind == "fallback":
                    rpr = sub(r, "w:rPr")
                    if span.style:
                        put(rpr, "w:rStyle", self.ids[span.style])
                    if kind == "fallback":
                        rfonts = put(rpr, "w:rFonts")
                        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                            rfonts.set(qn(attr), self.fallback_family)
                    if span.strong:
                        put(rpr, "w:b")
                self.text(r, text)

    def page_refs(self, p, span: ir.PageRefs) -> None:
        """A page reference: a PAGEREF field per page its anchors fall on (one anchor each),
        each prefilled with the PDF's number, the separator between them; Word updates them."""
        first: dict[int, str] = {}
        for anchor in span.anchors:
            if anchor in self.pages:
                first.setdefault(self.pages[anchor], anchor)
        for k, page in enumerate(sorted(first)):
            if k:
                self.text(sub(p, "w:r"), span.sep)
            field(p, f"PAGEREF {_bookmark(first[page])} \\h", str(page))

    def bookmark(self, p, anchor: str) -> None:
        """A bookmark around paragraph ``p``'s content, named for ``anchor`` (the target of
        contents entries and page references)."""
        if not anchor:
            return
        self.bookmark_id += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.bookmark_id))
        start.set(qn("w:name"), _bookmark(anchor))
        ppr = p.find(qn("w:pPr"))  # the bookmark opens after the paragraph's properties
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        end = sub(p, "w:bookmarkEnd")
        end.set(qn("w:id"), str(self.bookmark_id))

    @staticmethod
    def text(r, text: str) -> None:
        """Text into a run: tabs and line breaks as their elements."""
        for i, piece in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
            if i:
                sub(r, "w:br")
            for j, part in enumerate(piece.split("\t")):
                if j:
                    sub(r, "w:tab")
                if part:
                    t = sub(r, "w:t")
                    t.text = _address_breaks(part)
                    if part != part.strip():
                        t.set(qn("xml:space"), "preserve")

    def lines(self, p, lines: tuple[ir.Line, ...]) -> None:
        """One line per language, joined by line breaks."""
        for i, line in enumerate(lines):
            if i:
                sub(sub(p, "w:r"), "w:br")
            self.runs(p, line)

    def paragraph_into(self, container, para: ir.Paragraph, align: str | None = None):
        p = self.para(container, para.style, align)
        self.lines(p, para.lines)
        return p

    # ------------------------------------------------------------ blocks
    def block(self, block) -> None:
        visit = _VISITS.get(type(block))
        if visit is None:
            raise TypeError(f"no DOCX translation for IR node {type(block).__name__}")
        narrative = getattr(block, "narrative", "")
        after = self.body_end.getprevious()
        visit(self, block)
        if narrative:
            controls.narrative(self, block, after)

    def paragraph(self, para: ir.Paragraph) -> None:
        self.bookmark(self.paragraph_into(None, para), para.anchor)

    def heading(self, h: ir.Heading) -> None:
        if h.new_page:  # the space after the block before would only open a blank page where it spills over
            prev = self.body_end.getprevious()
            while prev is not None and prev.tag == qn("w:p") and all(el.tag == qn("w:pPr") for el in prev) \
                    and prev.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None:
                gone, prev = prev, prev.getprevious()
                gone.getparent().remove(gone)
        p = self.para(None, h.style)
        if h.new_page:
            put(p.find(qn("w:pPr")), "w:pageBreakBefore")
        self.bookmark_id += 1
        start = sub(p, "w:bookmarkStart")
        start.set(qn("w:id"), str(self.bookmark_id))
        start.set(qn("w:name"), _bookmark(h.anchor))
        self.lines(p, h.lines)
        end = sub(p, "w:bookmarkEnd")
        end.set(qn("w:id"), str(self.bookmark_id))

    def contents(self, c: ir.Contents) -> None:
        """The contents: a TOC field whose result is prefilled with the PDF's page numbers
        (PAGEREF fields, dot leaders to a right tab); Word recomputes it on open."""
        self.paragraph_into(None, c.title)
        right = self.doc.page.frame_width
        for k, e in enumerate(c.entries):
            p = self.para(None, e.style)
            tabs = put(p.find(qn("w:pPr")), "w:tabs")
            tab = sub(tabs, "w:tab", "right")
            tab.set(qn("w:leader"), "dot")
            tab.set(qn("w:pos"), twips(right))
            if k == 0:
                fld_char(p, "begin")
                instr(p, f'TOC \\o "1-{c.depth}" \\h \\z')
                fld_char(p, "separate")
            link = sub(p, "w:hyperlink")
            link.set(qn("w:anchor"), _bookmark(e.anchor))
            link.set(qn("w:history"), "1")
            self.runs(link, e.title)
            sub(sub(link, "w:r"), "w:tab")
            field(link, f"PAGEREF {_bookmark(e.anchor)} \\h", str(self.pages.get(e.anchor, "")))
            if k == len(c.entries) - 1:
                fld_char(p, "end")

    def parallel(self, b: ir.Parallel) -> None:
        """The paragraph and its translation in the two cells of a borderless table."""
        half = (self.doc.page.frame_width - b.gap) / 2 + b.gap / 2
        tbl = self.table_el([half, half], margins=(0, b.gap / 2, 0, b.gap / 2))
        tr = self.row(tbl)
        for para in (b.left, b.right):
            tc = self.cell(tr, half)
            p = self.paragraph_into(tc, para)
            self.bookmark(p, para.anchor)
            if para.narrative:
                controls.paragraph_in_cell(self, para, p)

    def page_break(self, _b: ir.PageBreak) -> None:
        p = self.para(None, "furniture")
        br = sub(sub(p, "w:r"), "w:br")
        br.set(qn("w:type"), "page")

    def table(self, t: ir.Table) -> None:
        """A table; ``t.continued`` has no translation: Word and LibreOffice break the pages
        themselves and repeat the header row (``w:tblHeader``), not a caption."""
        look = t.look
        cap = self.paragraph_into(None, t.caption)
        put(cap.find(qn("w:pPr")), "w:keepNext")
        _space_before(cap, t.space_before)
        self.bookmark(cap, t.anchor)
        pad = look.padding
        tbl = self.table_el(list(t.widths), margins=(pad, pad, pad, pad))
        borders = put(props(tbl, "w:tblPr"), "w:tblBorders")
        border(borders, "bottom", look.below.color, look.below.width)
        if look.between:
            border(borders, "insideH", look.between.color, look.between.width)
        for r, row in enumerate((t.header,) + t.rows):
            tr = self.row(tbl, header=r == 0, split=t.split_rows and r > 0)
            for cell, width in zip(row, t.widths):
                tc = self.cell(tr, width)
                if r == 0:
                    shade(props(tc, "w:tcPr"), look.head_fill)
                elif look.zebra and r % 2 == 0:
                    shade(props(tc, "w:tcPr"), look.zebra)
                p = self.para(tc, look.head if r == 0 else look.body, cell.align)
                if cell.indent:
                    style = self.doc.para_style(look.head if r == 0 else look.body)
                    put(p.find(qn("w:pPr")), "w:ind").set(qn("w:left"), twips(style.left_indent + cell.indent))
                if r < t.keep_rows:  # the caption and header stay with the first keep_rows rows
                    put(p.find(qn("w:pPr")), "w:keepNext")
                self.lines(p, cell.lines)
                self.bookmark(p, cell.anchor)
        if t.notes:  # the table's notes (a, b, c …) under it, kept with its last row and with each other
            for p in tbl.findall(qn("w:tr"))[-1].iter(qn("w:p")):
                put(props(p, "w:pPr"), "w:keepNext")
            for k, note in enumerate(t.notes):
                p = self.paragraph_into(None, note)
                if k < len(t.notes) - 1:
                    put(props(p, "w:pPr"), "w:keepNext")
        self.spacer(t.space_after)

    def cards(self, c: ir.Cards) -> None:
        """Highlight cards: per row, a table of tinted cells with the accent rule on top and
        empty gap columns between them, as in the PDF."""
        look, n = c.look, c.columns
        width = (self.doc.page.frame_width - look.gap * (n - 1)) / n
        widths = [w for k in range(n) for w in ((width,) if k == 0 else (look.gap, width))]
        self.spacer(c.space_before)
        top, right, bottom, left = look.padding
        for start in range(0, len(c.cards), n):
            tbl = self.table_el(widths, margins=(top, right, bottom, left))
            tr = self.row(tbl)
            for k, card in enumerate(c.cards[start:start + n]):
                if k:
                    self.para(self.cell(tr, look.gap), "furniture")
                tc = self.cell(tr, width)
                tcpr = props(tc, "w:tcPr")
                borders = put(tcpr, "w:tcBorders")
                border(borders, "top", look.top.color, look.top.width)
                shade(tcpr, look.fill)
                value = self.paragraph_into(tc, card.value)
                if start == 0 and k == 0:
                    self.bookmark(value, c.anchor)
                self.paragraph_into(tc, card.label)
            self.spacer(look.gap)
        self.spacer(c.space_after)

    def figure(self, f: ir.Figure) -> None:
        if f.keep_with_previous:
            self.keep_end_with_next()
        cap = self.paragraph_into(None, f.caption)
        _space_before(cap, f.space_before)
        put(cap.find(qn("w:pPr")), "w:keepNext")
        self.bookmark(cap, f.anchor)
        p = self.para(None, f.caption.style, "center")
        ppr = p.find(qn("w:pPr"))
        spacing = put(ppr, "w:spacing")
        spacing.set(qn("w:after"), twips(f.space_after))
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")
        put(ppr, "w:ind").set(qn("w:firstLine"), "0")
        alt = " ".join(s.text for s in f.alt)
        pictures.add_chart(self.d, p, self.charts[f.chart.key], f.width, alt, f.anchor, self.bookmark_id + 1000)

    # ------------------------------------------------------------ tables
    def table_el(self, widths: list[float], margins: tuple[float, float, float, float]):
        """A fixed-layout, borderless table of these column widths, before the section end."""
        tbl = OxmlElement("w:tbl")
        tblpr = sub(tbl, "w:tblPr")
        tblw = put(tblpr, "w:tblW")
        tblw.set(qn("w:w"), twips(sum(widths)))
        tblw.set(qn("w:type"), "dxa")
        ind = put(tblpr, "w:tblInd")
        ind.set(qn("w:w"), "0")
        ind.set(qn("w:type"), "dxa")
        put(tblpr, "w:tblLayout").set(qn("w:type"), "fixed")
        mar = put(tblpr, "w:tblCellMar")
        for side, value in zip(("top", "right", "bottom", "left"), margins):
            el = put(mar, f"w:{side}")
            el.set(qn("w:w"), twips(value))
            el.set(qn("w:type"), "dxa")
        look = put(tblpr, "w:tblLook")
        look.set(qn("w:val"), "0000")
        grid = sub(tbl, "w:tblGrid")
        for w in widths:
            sub(grid, "w:gridCol").set(qn("w:w"), twips(w))
        self.body_end.addprevious(tbl)
        return tbl

    @staticmethod
    def row(tbl, header: bool = False, split: bool = False):
        """A table row, kept on one page unless ``split`` (a table with a row taller than a page)."""
        tr = sub(tbl, "w:tr")
        trpr = sub(tr, "w:trPr")
        if not split:
            put(trpr, "w:cantSplit")
        if header:
            put(trpr, "w:tblHeader")
        return tr

    @staticmethod
    def cell(tr, width: float):
        tc = sub(tr, "w:tc")
        tcw = put(sub(tc, "w:tcPr"), "w:tcW")
        tcw.set(qn("w:w"), twips(width))
        tcw.set(qn("w:type"), "dxa")
        return tc

    def keep_end_with_next(self, rows: int = 2) -> None:
        """What the body holds so far ends kept with what comes next (Word and LibreOffice
        paginate): the spacer after a table, the paragraphs of its last ``rows`` rows, or the
        last paragraph (widow control keeps two of its lines)."""
        el = _last_block(self.body_end.getprevious())
        while el is not None and el.tag == qn("w:p") and el.find(".//" + qn("w:r")) is None:  # spacers
            put(props(el, "w:pPr"), "w:keepNext")
            el = _last_block(el.getprevious())
        if el is None:
            return
        if el.tag == qn("w:tbl"):
            trs = el.findall(qn("w:tr"))
            for tr in trs[-rows:]:  # each keeps with the next: the last rows go with what follows
                for p in tr.iter(qn("w:p")):
                    put(props(p, "w:pPr"), "w:keepNext")
        elif el.tag == qn("w:p"):
            put(props(el, "w:pPr"), "w:keepNext")

    def spacer(self, height: float):
        """An empty paragraph exactly ``height`` high (space between tables)."""
        p = self.para(None, "furniture")
        spacing = put(p.find(qn("w:pPr")), "w:spacing")
        spacing.set(qn("w:before"), "0")
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), twips(max(height, 1)))
        spacing.set(qn("w:lineRule"), "exact")
        return p


_ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+", re.IGNORECASE)
_ADDRESS_BREAK = re.compile(r"(?<=[/.?&=_#-])(?=[^/.?&=_#\s-])")


def _address_breaks(text: str) -> str:
    """A web address with a ZERO WIDTH SPACE after each / . ? & = _ # -: where the PDF's line
    breaker (linebreak.py, kinsoku.py) breaks an address, Word and LibreOffice would
    otherwise break it anywhere or not at all."""
    if "/" not in text:
        return text
    return _ADDRESS.sub(lambda m: _ADDRESS_BREAK.sub("\u200b", m.group(0)), text)


def _last_block(el):
    """The body element ``el``, or the last block inside it where it is a narrative's content control."""
    while el is not None and el.tag == qn("w:sdt"):
        content = el.find(qn("w:sdtContent"))
        el = content[-1] if content is not None and len(content) else None
    return el


def _space_before(p, points: float) -> None:
    spacing = put(p.find(qn("w:pPr")), "w:spacing")
    spacing.set(qn("w:before"), twips(points))


def _bookmark(anchor: str) -> str:
    return f"_Toc_{anchor}"


_VISITS = {ir.ItemList: lists.item_list, ir.Paragraph: Writer.paragraph, ir.Parallel: Writer.parallel, ir.Heading: Writer.heading,
           ir.Contents: Writer.contents, ir.PageBreak: Writer.page_break, ir.Table: Writer.table,
           ir.Cards: Writer.cards, ir.Figure: Writer.figure}
from .media import VISITS as _MEDIA_VISITS  # noqa: E402  (images and boxes)

_VISITS.update(_MEDIA_VISITS)
