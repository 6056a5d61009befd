"""Pages of the PDF: a one-pass canvas with deferred forms (page numbers known only at the
end), the document template that records where headings fall, the cover and body page
furniture drawn from the IR's ``Furniture`` and ``CoverBand``."""
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable

from ... import ir
from ...diagnostics import Diagnostic, InputError
from . import kinsoku, trace
from .text import ANCHOR_CALLBACK, Para, color, draw_runs


class PdfCanvas(Canvas):
    """A canvas for a one-pass build: text known only once the last page is laid out (page
    numbers in the contents, 'of M' in footers) is placed as a form XObject where it prints
    (``defer``) and the form is drawn just before saving, when the page count is known."""

    def __init__(self, *args, attach: "trace.Attach | None" = None, **kw):
        super().__init__(*args, **kw)
        self._deferred: dict[str, object] = {}
        self.pages = 0
        self.setNamedCB("esg_contents_end", self._contents_end)
        self.anchor_pages: dict[str, int] = {}  # anchored paragraphs (captions, narratives) → their page
        self.setNamedCB(ANCHOR_CALLBACK, self._anchor)
        self.setNamedCB(kinsoku.GAP_CALLBACK, kinsoku.move_pen)
        self.setNamedCB(kinsoku.CHAR_SPACE_CALLBACK, kinsoku.set_char_space)
        self.setNamedCB(trace.ORIGIN_CALLBACK, trace.on_draw)
        self.attach = attach  # the record to embed, made from where the spans were drawn

    def showPage(self) -> None:
        self.pages += 1
        super().showPage()

    def defer(self, name: str, x: float, y: float, draw) -> None:
        """Place form ``name`` at (x, y); ``draw(canvas, pages)`` draws it, around its origin, at the end."""
        self.saveState()
        self.translate(x, y)
        self.doForm(name)
        self.restoreState()
        self._deferred[name] = draw

    def save(self) -> None:
        if self._code:
            self.showPage()
        big = 10 * max(self._pagesize)
        for name, draw in self._deferred.items():
            self.beginForm(name, -big, -big, big, big)
            draw(self, self.pages)
            self.endForm()
        recorder = trace._CURRENT[0]
        attached = self.attach(recorder.placed) if self.attach and recorder else None
        if attached:
            trace.embed(self, *attached)
        super().save()

    def _anchor(self, canv, kind, label) -> None:
        """``<onDraw>`` at the start of an anchored paragraph: a link target, and its page."""
        if label not in self.anchor_pages:  # a paragraph split over pages: where it starts
            self.anchor_pages[label] = self.getPageNumber()
            self.bookmarkHorizontal(label, self._curr_tx_info["cur_x"], self._curr_tx_info["cur_y"] + 12)

    def _contents_end(self, canv, kind, label) -> None:
        """``<onDraw>`` at the end of a contents entry: dot leaders and the heading's page number."""
        info = self._curr_tx_info
        x, y = info["cur_x"], info["cur_y"]
        moved = self.__dict__.get("_esg_gap_line", (None, 0.0))
        x += moved[1] if moved[0] == y else 0.0  # clreq gaps on this line
        right, style, leader = self._contents_right, self._contents_style, self._contents_leader
        page = self._heading_pages

        def draw(c, _pages):
            number = str(page.get(label, ""))
            size, face = style.fontSize, style.fontName
            number_w = pdfmetrics.stringWidth(number, face, size)
            dot = f" {leader} "
            dot_w = pdfmetrics.stringWidth(dot, face, size)
            dots = max(0, int((right - x - number_w) / dot_w))
            c.setFillColor(style.textColor)
            c.setFont(face, size)
            c.drawString(right - x - dots * dot_w - number_w, 0, dot * dots + number)
        self.defer(f"contents-{len(self._deferred)}", x, y, draw)  # a name per placement


class ContentsEntry(Flowable):
    """One contents line: the heading as it prints, dot leaders and its page number, all a link."""

    PAD = 3  # above and below each entry

    def __init__(self, anchor: str, markup: str, style: ParagraphStyle, leader: str):
        super().__init__()
        self.key, self.style, self.leader = anchor, style, leader
        end = f'<onDraw name="esg_contents_end" label="{escape(anchor)}"/>'
        self.para = Para(markup + end, ParagraphStyle(f"{style.name}-entry", parent=style, rightIndent=28))

    def wrap(self, avail_width, avail_height):
        self.avail_width = avail_width
        self.height = self.para.wrap(avail_width, avail_height)[1] + 2 * self.PAD
        return avail_width, self.height

    def draw(self) -> None:
        self.canv._contents_right, self.canv._contents_style = self.avail_width, self.style
        self.canv._contents_leader = self.leader
        self.para.drawOn(self.canv, 0, self.PAD)
        self.canv.linkRect("", self.key, (0, 0, self.avail_width, self.height), relative=1)


class HeadingMark(Flowable):
    """Zero-size marker placed just before a heading: bookmark, outline and running chapter."""

    def __init__(self, heading: ir.Heading):
        super().__init__()
        self.heading = heading

    def wrap(self, *_):
        return 0, 0

    def draw(self) -> None:
        pass


class PdfDoc(BaseDocTemplate):
    """One pass: bookmarks, outline and the running chapter title are set as headings are
    placed; the page numbers they get are recorded for the contents (drawn at the end)."""

    def __init__(self, buf, document: ir.Document, **kw):
        super().__init__(buf, **kw)
        self.document = document
        self.section: ir.Line = ()
        self.heading_pages: dict[str, int] = {}
        self.floats: list = []  # figures waiting for the next page (``flow.arrange``)

    def handle_flowable(self, flowables) -> None:
        from reportlab.platypus.doctemplate import LayoutError

        from .flow import arrange

        arrange(self, flowables)
        if flowables:
            current = flowables[0]
            # a part split off a block (a table's rest) has the origin of the block it came from
            self.esg_origin = getattr(current, "esg_origin", None) or getattr(self, "esg_origin", None)
            try:
                super().handle_flowable(flowables)
            except LayoutError as exc:  # content no page can hold: an error at its origin, not a bug
                origin = self.esg_origin
                if origin is None:
                    raise
                raise InputError([Diagnostic(
                    origin, f"this content cannot be laid out on a page of the PDF ({str(exc).split(chr(10))[0][:160]})",
                    "make the theme's font sizes or the chart smaller, the margins narrower, or the text shorter")]) \
                    from None

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, HeadingMark):
            h = flowable.heading
            self.canv.bookmarkPage(h.anchor)
            self.canv.addOutlineEntry(ir.plain(h.title), h.anchor, level=h.level - 1, closed=False)
            self.heading_pages[h.anchor] = self.canv.getPageNumber()
            if h.level == 1:
                self.section = h.running or h.title

    def handle_documentBegin(self):
        self.section = ()
        self.heading_pages.clear()
        self.floats.clear()
        self.canv._heading_pages = self.heading_pages
        super().handle_documentBegin()


def _texts(parts: tuple[ir.Part, ...], section: ir.Line, page: int, pages: int | None) -> list[tuple[str, str]]:
    """Furniture parts → (text, language) runs, fields filled."""
    out: list[tuple[str, str]] = []
    lang = "en"
    for part in parts:
        if isinstance(part, ir.Span):
            out.append((part.text, part.lang))
            lang = part.lang
        elif isinstance(part, ir.ChapterTitle):
            out += [(s.text, s.lang) for s in section]
        elif isinstance(part, ir.PageNumber):
            out.append((str(page), lang))
        elif isinstance(part, ir.PageCount):
            out.append((str(pages), lang))
        else:
            raise TypeError(f"no PDF translation for furniture part {type(part).__name__}")
    return out


def furniture(canv, doc: PdfDoc, document: ir.Document, f: ir.Furniture, baseline: float) -> None:
    """Draw a header or footer at ``baseline``: left, centre and right parts; the parts that
    need the page count are drawn as a form when it is known."""
    page = document.page
    style = document.para_style(f.style)
    number = canv.getPageNumber()
    canv.saveState()
    canv.setFillColor(color(style.color))
    for parts, x, align in ((f.left, page.left, "left"), (f.center, page.width / 2, "center"),
                            (f.right, page.width - page.right, "right")):
        if not parts:
            continue
        if any(isinstance(p, ir.PageCount) for p in parts):
            section = doc.section
            texts_of = (lambda pages, parts=parts, section=section: _texts(parts, section, number, pages))

            def draw(c, pages, texts_of=texts_of, align=align):
                c.setFillColor(color(style.color))
                draw_runs(c, 0, 0, texts_of(pages), style.size, align, style.script_gap)
            canv.defer(f"furniture-{number}-{align}-{baseline:.0f}", x, baseline, draw)
        else:
            draw_runs(canv, x, baseline, _texts(parts, doc.section, number, None), style.size, align,
                      style.script_gap)
    if f.rule:
        canv.setStrokeColor(color(f.rule.color))
        canv.setLineWidth(f.rule.width)
        y = baseline - f.rule_below
        canv.line(page.left, y, page.width - page.right, y)
    canv.restoreState()


def cover_band(canv, page: ir.PageGeometry, cover: ir.Cover) -> None:
    """A cover's (or the back cover's) coloured band and accent bar."""
    band = cover.band
    y = page.height - band.bottom
    canv.saveState()
    canv.setFillColor(color(band.color))
    canv.rect(0, y, page.width, band.bottom, stroke=0, fill=1)
    canv.setFillColor(color(band.accent))
    canv.rect(page.left, page.height - band.accent_top - band.accent_height, band.accent_width, band.accent_height,
              stroke=0, fill=1)
    canv.restoreState()
