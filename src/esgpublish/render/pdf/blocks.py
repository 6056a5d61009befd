"""IR blocks → reportlab flowables: one visit function per IR node; an unknown node is an error."""
from __future__ import annotations

from collections import OrderedDict

from reportlab.platypus import (CondPageBreak, Flowable, FrameBreak, PageBreak, Spacer, Table,
                                TableStyle)
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from ... import ir
from .flow import ContinuedTable, FloatFigure
from .pages import ContentsEntry, HeadingMark
from .text import Styles, cjk_font, color, markup, paragraph


class Visitor:
    """Translates one document's blocks; ``charts`` maps a chart key to its drawn files."""

    def __init__(self, document: ir.Document, styles: Styles, charts):
        self.doc, self.st, self.charts = document, styles, charts
        self.width = document.page.frame_width

    def block(self, block) -> list:
        visit = _VISITS.get(type(block))
        if visit is None:
            raise TypeError(f"no PDF translation for IR node {type(block).__name__}")
        out = visit(self, block)
        origin = _origin(block)
        for flowable in out:  # where a flowable no page can hold came from (PdfDoc.handle_flowable)
            flowable.esg_origin = origin
        return out

    def paragraph(self, p: ir.Paragraph, anchor: str = "") -> list:
        return [paragraph(self.doc, p.lines, self.st[p.style], anchor or p.anchor)]

    def parallel(self, b: ir.Parallel) -> list:
        half = (self.width - b.gap) / 2
        cells = [self.paragraph(p)[0] for p in (b.left, b.right)]  # (the left one carries the anchor)
        table = Table([cells], colWidths=[half + b.gap / 2, half + b.gap / 2], hAlign="LEFT",
                      style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (0, 0), b.gap / 2),
                                        ("LEFTPADDING", (1, 0), (1, 0), b.gap / 2),
                                        ("RIGHTPADDING", (1, 0), (1, 0), 0),
                                        ("FONTNAME", (0, 0), (-1, -1), cjk_font())]))
        return [table]

    def heading(self, h: ir.Heading) -> list:
        out: list = [PageBreakIfNotEmpty()] if h.new_page else [CondPageBreak(h.min_space)]
        return out + [HeadingMark(h), paragraph(self.doc, h.lines, self.st[h.style])]

    def contents(self, c: ir.Contents) -> list:
        out: list = [PageBreakIfNotEmpty(), paragraph(self.doc, c.title.lines, self.st[c.title.style])]
        for e in c.entries:
            style = self.st[e.style]
            out.append(ContentsEntry(e.anchor, markup(self.doc, e.title, style), style, c.leader))
        return out

    def page_break(self, _b: ir.PageBreak) -> list:
        return [PageBreak()]

    def table(self, t: ir.Table) -> list:
        look = t.look
        rows = [[paragraph(self.doc, cell.lines, self.st.aligned(look.head, cell.align, indent=cell.indent))
                 for cell in t.header]]
        for row in t.rows:
            rows.append([paragraph(self.doc, cell.lines, self.st.aligned(look.body, cell.align, indent=cell.indent),
                                   cell.anchor) for cell in row])
        last = len(rows) - 1  # the last row of data: the notes (a, b, c …) are rows under it, kept with it
        for n in t.notes:
            rows.append([paragraph(self.doc, n.lines, self.st[n.style])] + [""] * (len(t.widths) - 1))
        style = [
            ("FONTNAME", (0, 0), (-1, -1), cjk_font()),
            ("BACKGROUND", (0, 0), (-1, 0), color(look.head_fill)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), look.padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), look.padding),
            ("LEFTPADDING", (0, 0), (-1, -1), look.padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), look.padding),
            ("LINEBELOW", (0, last), (-1, last), look.below.width, color(look.below.color)),
        ]
        if look.zebra:
            style.append(("ROWBACKGROUNDS", (0, 1), (-1, last), [color("#FFFFFF"), color(look.zebra)]))
        if look.between and last > 1:
            style.append(("LINEBELOW", (0, 1), (-1, last - 1), look.between.width, color(look.between.color)))
        if t.notes:  # each note a row across the table, unpadded at the sides, never split from the last row
            first_note = last + 1
            style += [("SPAN", (0, r), (-1, r)) for r in range(first_note, len(rows))]
            style += [("LEFTPADDING", (0, first_note), (-1, -1), 0), ("RIGHTPADDING", (0, first_note), (-1, -1), 0),
                      ("TOPPADDING", (0, first_note), (-1, -1), self.st[t.notes[0].style].spaceBefore),
                      ("BOTTOMPADDING", (0, first_note), (-1, -1), 0), ("NOSPLIT", (0, last), (-1, -1))]
        table = ContinuedTable(rows, colWidths=list(t.widths), repeatRows=1, style=TableStyle(style), hAlign="LEFT",
                               splitInRow=int(t.split_rows))
        if t.continued:
            table.continued = paragraph(self.doc, t.continued.lines,
                                        self.st.aligned(t.continued.style, "left", keep_with_next=False))
        # the caption is not kept with the whole table (that would push a long table to the
        # next page and leave a gap): it and the header stay with the first ``keep_rows`` rows
        # (reportlab's keepWithNext would keep it with the whole table: CondPageBreak does the keeping)
        caption = paragraph(self.doc, t.caption.lines, self.st.aligned(t.caption.style, "left", keep_with_next=False),
                            t.anchor)
        first = Table(rows[:1 + t.keep_rows], colWidths=list(t.widths), style=TableStyle(style))
        need = caption.wrap(self.width, 1e6)[1] + self.st[t.caption.style].spaceAfter + first.wrap(self.width, 1e6)[1]
        return [Spacer(1, t.space_before), CondPageBreak(need), caption, table, Gap(1, t.space_after)]

    def cards(self, c: ir.Cards) -> list:
        """Highlight cards: rows of tinted boxes, each a large value over its label."""
        look, n = c.look, c.columns
        col_w = (self.width - look.gap * (n - 1)) / n
        widths = [w for k in range(n) for w in ((col_w,) if k == 0 else (look.gap, col_w))]
        top, right, bottom, left = look.padding
        out: list = [Spacer(1, c.space_before)]
        for start in range(0, len(c.cards), n):
            row: list = []
            style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), cjk_font()),
                     ("TOPPADDING", (0, 0), (-1, -1), top), ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
                     ("LEFTPADDING", (0, 0), (-1, -1), left), ("RIGHTPADDING", (0, 0), (-1, -1), right)]
            for k, card in enumerate(c.cards[start:start + n]):
                if k:
                    row.append("")  # the gap column
                anchor = c.anchor if start == 0 and k == 0 else ""
                row.append([self.paragraph(card.value, anchor)[0], self.paragraph(card.label)[0]])
                style += [("BACKGROUND", (2 * k, 0), (2 * k, 0), color(look.fill)),
                          ("LINEABOVE", (2 * k, 0), (2 * k, 0), look.top.width, color(look.top.color))]
            out += [Table([row], colWidths=widths[:len(row)], style=TableStyle(style), hAlign="LEFT"),
                    Gap(1, look.gap)]
        out.append(Gap(1, c.space_after))
        return out

    def figure(self, f: ir.Figure) -> list:
        drawing = chart_drawing(self.charts[f.chart.key].svg)
        caption = self.paragraph(f.caption, f.anchor)[0]
        figure = FloatFigure([caption, Drawing(drawing, f.width)])
        figure.keep_with_previous = f.keep_with_previous
        return [Spacer(1, f.space_before), figure, Gap(1, f.space_after)]

    def cover(self, cover: ir.Cover) -> list:
        """The cover's paragraphs: those on the band, then (next frame) those below it, each
        frame's shrunk to fit where a long title or large type would overflow it."""
        from reportlab.platypus import KeepInFrame

        out: list = []
        for k, items in enumerate((cover.on_band, cover.below)):
            if k and not items:  # nothing below the band (the back cover): no second frame
                break
            if out:
                out.append(FrameBreak())
            group: list = []
            for item in items:
                if isinstance(item, ir.Space):
                    group.append(Spacer(1, item.height))
                elif isinstance(item, ir.Paragraph):
                    group += self.paragraph(item)
                else:
                    raise TypeError(f"no PDF translation for cover item {type(item).__name__}")
            out.append(KeepInFrame(0, 0, group, mode="shrink"))
        return out


def _origin(block):
    """An IR block → the layout line or workbook cell it came from, or None."""
    origin = getattr(block, "origin", None)
    if origin is not None:
        return origin
    return next((o for span in ir.block_spans(block) for o in span.origins), None) \
        if isinstance(block, ir.BLOCKS) else None


def _item_list(v: Visitor, b) -> list:
    from .lists import item_list

    return item_list(v.doc, v.st, b)


_VISITS = {ir.ItemList: _item_list, ir.Paragraph: Visitor.paragraph, ir.Parallel: Visitor.parallel, ir.Heading: Visitor.heading,
           ir.Contents: Visitor.contents, ir.PageBreak: Visitor.page_break, ir.Table: Visitor.table,
           ir.Cards: Visitor.cards, ir.Figure: Visitor.figure}
from .media import VISITS as _MEDIA_VISITS  # noqa: E402  (images and boxes)

_VISITS.update(_MEDIA_VISITS)


class Gap(Spacer):
    """Vertical space that shrinks to what is left of the frame, so that space after a block
    never spills onto the next page (where it would make an empty page before a chapter)."""

    def wrap(self, avail_width, avail_height):
        return avail_width, max(0.0, min(self.height, avail_height - 1e-6))


class ChartFonts:
    """svglib's font map for charts: every family in the shipped CJK face (charts are drawn in
    it: Noto Sans HK for Traditional labels, else Noto Sans SC), bold from weight 600; the fonts
    are already registered, so nothing is parsed again."""

    @staticmethod
    def find_font(name: str, weight="normal", style: str = "normal") -> tuple[str, bool]:
        from .text import FONT, FONT_BOLD

        weight = str(weight).lower()
        bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
        if "Noto Sans HK" in name:
            return cjk_font(bold), True
        return (FONT_BOLD if bold else FONT), True


class Drawing(Flowable):
    """An svglib drawing scaled to ``width``, centred."""

    def __init__(self, drawing, width: float):
        super().__init__()
        scale = width / drawing.width if drawing.width else 1.0
        self.drawing, self.scale = drawing, scale
        self.width, self.height = drawing.width * scale, drawing.height * scale
        self.hAlign = "CENTER"

    def wrap(self, *_):
        return self.width, self.height

    def draw(self) -> None:
        from reportlab.graphics import renderPDF

        self.canv.saveState()
        self.canv.scale(self.scale, self.scale)
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        self.canv.restoreState()


_DRAWINGS: "OrderedDict[str, object]" = OrderedDict()  # chart SVG file (named by its content) → its drawing
DRAWINGS_KEPT = 24  # a publish's charts (its editions share them); a batch's next workbook has its own
# (a converted chart is ≈1 MB: 256 of them, as once kept, were most of a batch worker's growth)


def chart_drawing(svg):
    """A chart's SVG as a reportlab drawing, converted once per file in this process (the
    most recently used few kept)."""
    from svglib.svglib import svg2rlg

    key = str(svg)
    drawing = _DRAWINGS.get(key)
    if drawing is not None:
        _DRAWINGS.move_to_end(key)
        return drawing
    drawing = svg2rlg(key, font_map=ChartFonts())
    drawing.initialFontName = cjk_font()
    _DRAWINGS[key] = drawing
    while len(_DRAWINGS) > DRAWINGS_KEPT:
        _DRAWINGS.popitem(last=False)
    return drawing
