"""Stage 5a — the PDF renderer: ``ir.Document`` + chart files → PDF bytes (reportlab).

The only module that imports reportlab. It translates the IR and adds no words of its
own. Every data string is escaped before it meets reportlab's paragraph markup; all
text is set in the shipped Noto Sans SC, embedded as a subset; the output is
byte-identical for the same input (reportlab's invariant mode, dates from the report).
"""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, FrameBreak, KeepTogether,
                                NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer, Table,
                                TableStyle)
from reportlab.platypus.flowables import PageBreakIfNotEmpty
from reportlab.pdfgen.canvas import Canvas

from ... import fonts
from ... import ir
from ... import linebreak
from ...charts.draw import ChartFiles

rl_config.invariant = 1
rl_config.useA85 = 0  # binary streams: a quarter smaller than ASCII85, and faster
FONT, FONT_BOLD = "NotoSansSC", "NotoSansSC-Bold"  # the CJK face
LATIN, LATIN_BOLD = "NotoSans", "NotoSans-Bold"  # the Latin face



_FALLBACK: dict = {"path": None, "name": None}  # the layout's fallback font, for this render


def _use_fallback(path) -> None:
    """Register the layout's fallback font (once) and make it the one ``_markup`` uses."""
    from pathlib import Path

    if path is None:
        _FALLBACK.update(path=None, name=None)
        return
    import hashlib

    path = Path(path)
    name = "Fallback-" + hashlib.sha256(str(path).encode()).hexdigest()[:8]
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    _FALLBACK.update(path=path, name=name)


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    face = fonts.faces()
    pdfmetrics.registerFont(TTFont(FONT, str(face["regular"].path)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(face["bold"].path)))
    pdfmetrics.registerFont(TTFont(LATIN, str(face["latin"].path)))
    pdfmetrics.registerFont(TTFont(LATIN_BOLD, str(face["latin-bold"].path)))
    from reportlab.lib.fonts import addMapping

    for bold, italic, name in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT), (1, 1, FONT_BOLD)):
        addMapping(FONT, bold, italic, name)
    from reportlab.platypus import paragraph

    paragraph.cjkFragSplit = _cjk_frag_split  # kinsoku: see linebreak.py
    paragraph.wordSplit = _word_split
    _justify_cjk(paragraph)


def _fill(chars: list[str], widths: list[float], glued: list[bool], max_widths: list[float],
          hard: set[int] = frozenset()) -> list[tuple[int, int, float, bool]]:
    """Greedy line filling at the breaks ``linebreak.allowed_breaks`` allows.

    → (start, end, width used, ends in a forced break) per line. A line breaks after index
    ``k-1`` in ``hard`` (a <br/>); where nothing allowed fits (an over-long word), it breaks
    where the line is full."""
    allowed = linebreak.allowed_breaks(chars, glued)
    relaxed = None  # for an over-long run: break where only the punctuation rules hold
    n, start, lines = len(chars), 0, []
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used, i, last = 0.0, start, None
        end = forced = None
        while i < n:
            if used + widths[i] > max_width + 1e-6 and i > start:
                break
            used += widths[i]
            i += 1
            if i in hard:
                end, forced = i, True
                break
            if allowed[i]:
                last = (i, used)
        else:
            end = n
        if end is None:
            if last is None or last[0] <= start:
                if relaxed is None:
                    relaxed = linebreak.allowed_breaks(chars, [False] * n, strict=False)
                fits = [k for k in range(start + 1, i) if relaxed[k]]
                last = (fits[-1], sum(widths[start:fits[-1]])) if fits else (i, used)
            end, used = last
        trimmed = end
        while trimmed > start + 1 and linebreak.is_space(chars[trimmed - 1]) and not forced:
            trimmed -= 1
            used -= widths[trimmed]
        lines.append((start, trimmed, used, bool(forced)))
        start = end
        while start < n and linebreak.is_space(chars[start]) and start not in hard:
            start += 1
    return lines


def _justify_cjk(paragraph) -> None:
    """Justify Chinese lines by spacing characters evenly (reportlab only widens spaces,
    which Chinese lines lack); Latin-only lines keep reportlab's word spacing."""
    plain_line, frag_line = paragraph._justifyDrawParaLine, paragraph._justifyDrawParaLineX
    if getattr(plain_line, "esgpublish", False):
        return

    def gaps(text: str) -> int:
        return len(text) - 1 if any(linebreak.is_wide(ch) for ch in text) else 0

    def justify_plain(tx, offset, extraspace, words, last=0):
        text = " ".join(words)
        n = gaps(text)
        if last or n <= 0 or extraspace <= 1e-8:
            return plain_line(tx, offset, extraspace, words, last)
        tx.setCharSpace(extraspace / n)
        result = plain_line(tx, offset, 0, words, last)
        tx.setCharSpace(0)
        return result

    def justify_frags(tx, offset, line, last=0):
        text = "".join(w.text for w in line.words if not hasattr(w, "cbDefn"))
        n = gaps(text)
        extra = line.extraSpace
        if last or line.lineBreak or n <= 0 or extra <= 1e-8:
            return frag_line(tx, offset, line, last)
        tx.setCharSpace(extra / n)
        line.extraSpace = 0
        try:
            return frag_line(tx, offset, line, last)
        finally:
            line.extraSpace = extra
            tx.setCharSpace(0)

    justify_plain.esgpublish = True
    paragraph._justifyDrawParaLine, paragraph._justifyDrawParaLineX = justify_plain, justify_frags


def _strip_glue(text: str) -> tuple[list[str], list[bool]]:
    """Text with WORD JOINERs → its characters and, for each, whether it is glued to the previous."""
    chars, glued, pending = [], [], False
    for ch in text:
        if ch == linebreak.GLUE:
            pending = True
            continue
        chars.append(ch)
        glued.append(pending)
        pending = False
    return chars, glued


def _word_split(text, maxWidths, fontName, fontSize, encoding="utf8"):
    """reportlab's single-style CJK splitter (``textsplit.wordSplit``) with kinsoku."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if isinstance(text, bytes):
        text = text.decode(encoding)
    chars, glued = _strip_glue(text)
    widths = [stringWidth(ch, fontName, fontSize) for ch in chars]
    out = []
    for k, (a, b, used, _) in enumerate(_fill(chars, widths, glued, maxWidths)):
        max_width = maxWidths[min(k, len(maxWidths) - 1)]
        out.append([max_width - used, "".join(chars[a:b])])
    return out


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """reportlab's multi-style CJK splitter (``cjkFragSplit``, same arguments and result)
    with kinsoku; WORD JOINERs are dropped and glue their neighbours."""
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

    units, glued, hard = [], [], set()
    pending = False
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        if not text:  # an image or a <br/>
            units.append(cjkU(text, f, encoding))
            glued.append(False)
            if hasattr(f, "lineBreak"):
                hard.add(len(units))
            continue
        for ch in text:
            if ch == linebreak.GLUE:
                pending = True
                continue
            units.append(cjkU(ch, f, encoding))
            glued.append(pending)
            pending = False
    chars = [str(u) if len(u) == 1 else "\ufffc" for u in units]
    widths = []
    for u in units:
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidths[0]
            w = w.normalizedValue(maxWidths[0])
        widths.append(w)
    lines = []
    for k, (a, b, used, forced) in enumerate(_fill(chars, widths, glued, maxWidths, hard)):
        max_width = maxWidths[min(k, len(maxWidths) - 1)]
        lines.append(makeCJKParaLine(units[a:b], max_width, used, max_width - used, forced, calcBounds))
    return ParaLines(kind=1, lines=lines)


class _Paragraph(Paragraph):
    """reportlab's Paragraph, which breaks its lines once per width: reportlab asks a table
    cell or a kept-together block for its size several times at the same width."""

    def wrap(self, avail_width, avail_height):
        if getattr(self, "_wrapped_at", None) != avail_width:  # the height depends on the width only
            super().wrap(avail_width, avail_height)
            self._wrapped_at = avail_width
        return self.width, self.height

    def split(self, avail_width, avail_height):
        self._wrapped_at = None  # splitting may change the fragments
        return super().split(avail_width, avail_height)


def _color(hex_color: str) -> colors.Color:
    return colors.HexColor(hex_color)


class _Styles:
    """Paragraph styles derived from the theme."""

    def __init__(self, theme, langs: tuple[str, ...]):
        f, c = theme.fonts, theme.colors
        wrap = "CJK" if "zh" in langs else None  # CJK wrapping would split English words
        lead = f["leading"]
        text = _color(c["text"])
        self.body = {
            lang: ParagraphStyle(f"body-{lang}", fontName=FONT, fontSize=f["body"], leading=f["body"] * lead,
                                 textColor=text, spaceAfter=theme.spacing["paragraph"],
                                 wordWrap="CJK" if lang == "zh" else None,
                                 alignment=TA_JUSTIFY if lang == "zh" else TA_LEFT,
                                 firstLineIndent=2 * f["body"] if lang == "zh" else 0)
            for lang in ("zh", "en")}
        self.small = ParagraphStyle("small", fontName=FONT, fontSize=f["small"], leading=f["small"] * 1.4,
                                    textColor=_color(c["muted"]))
        self.disclaimer = ParagraphStyle("disclaimer", parent=self.small, leading=f["small"] * 1.6,
                                         spaceAfter=4, wordWrap=wrap)
        self.h = {
            1: ParagraphStyle("h1", fontName=FONT_BOLD, fontSize=f["h1"], leading=f["h1"] * 1.3,
                              textColor=_color(c["primary"]), spaceAfter=10, keepWithNext=1, wordWrap=wrap),
            2: ParagraphStyle("h2", fontName=FONT_BOLD, fontSize=f["h2"], leading=f["h2"] * 1.35,
                              textColor=_color(c["primary"]), spaceBefore=10, spaceAfter=5, keepWithNext=1,
                              wordWrap=wrap),
            3: ParagraphStyle("h3", fontName=FONT_BOLD, fontSize=f["h3"], leading=f["h3"] * 1.35,
                              textColor=text, spaceBefore=6, spaceAfter=3, keepWithNext=1, wordWrap=wrap),
        }
        self.caption = ParagraphStyle("caption", fontName=FONT_BOLD, fontSize=f["small"] + 1,
                                      leading=(f["small"] + 1) * 1.4, textColor=text, spaceAfter=4,
                                      keepWithNext=1, wordWrap=wrap)
        self.table_caption = ParagraphStyle("table-caption", parent=self.caption, keepWithNext=0)
        self.cell = {
            (align, head): ParagraphStyle(
                f"cell-{align}-{head}", fontName=FONT_BOLD if head else FONT, fontSize=f["small"] + 0.5,
                leading=(f["small"] + 0.5) * 1.35, wordWrap=wrap,
                textColor=colors.white if head else text,
                alignment={"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}[align])
            for align in ("left", "right", "center") for head in (True, False)}
        self.toc = [ParagraphStyle(f"toc{i}", fontName=FONT_BOLD if i == 0 else FONT,
                                   fontSize=f["body"] + (1 if i == 0 else 0), leading=(f["body"] + 1) * 1.7,
                                   leftIndent=18 * i, firstLineIndent=0, textColor=text, wordWrap=wrap)
                    for i in range(3)]
        self.muted = c["muted"]
        self.wrap = wrap


def _markup(line: ir.Line, style: ParagraphStyle, muted: str | None = None) -> str:
    """IR spans → reportlab markup for a paragraph in ``style``: every text escaped; Latin
    runs in the Latin face, the rest in the CJK face; in CJK-wrapped paragraphs, values glued."""
    cjk = style.wordWrap == "CJK"
    bold_style = style.fontName == FONT_BOLD

    def text(span: ir.Span) -> str:
        glue = cjk and span.keep and len(span.text) <= 24
        bold = bold_style or span.strong
        out = []
        for i, (kind, run) in enumerate(fonts.face_runs(span.text, span.lang, _FALLBACK["path"])):
            raw = (linebreak.GLUE if glue and i else "") + (linebreak.glue(run) if glue else run)
            face = {"latin": LATIN_BOLD if bold else LATIN, "cjk": FONT_BOLD if bold else FONT,
                    "fallback": _FALLBACK["name"]}[kind]
            out.append(f'<font name="{face}">{escape(raw)}</font>')
        return "".join(out)
    out = "".join(text(s) for s in line)
    return f'<font color="{muted}">{out}</font>' if muted else out


def _lines_markup(lines: tuple[ir.Line, ...], style: ParagraphStyle, muted: str,
                  small_size: float | None = None) -> str:
    """One line per language: the first as is, the next ones muted (and smaller)."""
    parts = []
    for i, line in enumerate(lines):
        text = _markup(line, style)
        if i:
            size = f' size="{small_size}"' if small_size else ""
            text = f'<font color="{muted}"{size}>{text}</font>'
        parts.append(text)
    return "<br/>".join(parts)


class _Canvas(Canvas):
    """A canvas for a one-pass build: text known only once the last page is laid out (page
    numbers in the contents, 'of M' in footers) is placed as a form XObject where it prints
    (``defer``) and the form is drawn just before saving, when the page count is known."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self._deferred: dict[str, object] = {}
        self.pages = 0
        self.setNamedCB("esg_contents_end", self._contents_end)

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
        super().save()

    def _contents_end(self, canv, kind, label) -> None:
        """``<onDraw>`` at the end of a contents entry: dot leaders and the heading's page number."""
        info = self._curr_tx_info
        x, y = info["cur_x"], info["cur_y"]
        right, style = self._contents_right, self._contents_style
        page = self._heading_pages

        def draw(c, _pages):
            number = str(page.get(label, ""))
            size, face = style.fontSize, style.fontName
            number_w = pdfmetrics.stringWidth(number, face, size)
            dot_w = pdfmetrics.stringWidth(" . ", face, size)
            dots = max(0, int((right - x - number_w) / dot_w))
            c.setFillColor(style.textColor)
            c.setFont(face, size)
            c.drawString(right - x - dots * dot_w - number_w, 0, " . " * dots + number)
        self.defer(f"contents-{len(self._deferred)}", x, y, draw)  # a name per placement


class _ContentsEntry(Flowable):
    """One contents line: the heading as it prints, dot leaders and its page number, all a link."""

    def __init__(self, heading: ir.Heading, markup: str, style: ParagraphStyle):
        super().__init__()
        self.key, self.style = heading.anchor, style
        end = f'<onDraw name="esg_contents_end" label="{escape(heading.anchor)}"/>'
        self.para = _Paragraph(markup + end, ParagraphStyle(f"{style.name}-entry", parent=style, rightIndent=28))

    PAD = 3  # above and below each entry

    def wrap(self, avail_width, avail_height):
        self.avail_width = avail_width
        self.height = self.para.wrap(avail_width, avail_height)[1] + 2 * self.PAD
        return avail_width, self.height

    def draw(self) -> None:
        self.canv._contents_right, self.canv._contents_style = self.avail_width, self.style
        self.para.drawOn(self.canv, 0, self.PAD)
        self.canv.linkRect("", self.key, (0, 0, self.avail_width, self.height), relative=1)


class _HeadingMark(Flowable):
    """Zero-size marker placed just before a heading: bookmark, outline and TOC entry."""

    def __init__(self, heading: ir.Heading, title: str):
        super().__init__()
        self.heading, self.title = heading, title

    def wrap(self, *_):
        return 0, 0

    def draw(self) -> None:
        pass


def _draw_runs(canv, x: float, y: float, texts: list[tuple[str, str]], size: float, align: str) -> None:
    """Draw text on the canvas (headers, footers) with each script in its own face."""
    faces = {"latin": LATIN, "cjk": FONT, "fallback": _FALLBACK["name"]}
    runs = [(faces[kind], run) for text, lang in texts for kind, run in fonts.face_runs(text, lang, _FALLBACK["path"])]
    width = sum(pdfmetrics.stringWidth(run, face, size) for face, run in runs)
    x -= {"left": 0, "center": width / 2, "right": width}[align]
    for face, run in runs:
        canv.setFont(face, size)
        canv.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, face, size)


class _Doc(BaseDocTemplate):
    """One pass: bookmarks, outline and the running chapter title are set as headings are
    placed; the page numbers they get are recorded for the contents (drawn at the end)."""

    def __init__(self, buf, document: ir.Document, **kw):
        super().__init__(buf, **kw)
        self.document = document
        self.section = ""
        self.heading_pages: dict[str, int] = {}

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, _HeadingMark):
            h = flowable.heading
            key = h.anchor
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.title, key, level=h.level - 1, closed=False)
            self.heading_pages[key] = self.canv.getPageNumber()
            if h.level == 1:
                self.section = flowable.title

    def handle_documentBegin(self):
        self.section = ""
        self.heading_pages.clear()
        self.canv._heading_pages = self.heading_pages
        super().handle_documentBegin()


def render_pdf(document: ir.Document, charts: dict[str, ChartFiles]) -> bytes:
    """Document IR and its drawn charts → the PDF's bytes."""
    _register_fonts()
    _use_fallback(document.fallback_font)
    styles = _Styles(document.theme, document.langs)
    page = document.page
    W, H = page.width_mm * mm, page.height_mm * mm
    m = {k: v * mm for k, v in page.margins_mm.items()}
    buf = io.BytesIO()
    meta = document.meta
    doc = _Doc(buf, document, pagesize=(W, H), title=meta.title, author=meta.author, subject=meta.subject,
               keywords=meta.keywords, creator="esgpublish", producer="esgpublish (reportlab)",
               lang=meta.lang, initialFontName=FONT, initialFontSize=10,
               leftMargin=m["left"], rightMargin=m["right"], topMargin=m["top"], bottomMargin=m["bottom"])
    theme = document.theme
    frame = Frame(m["left"], m["bottom"], W - m["left"] - m["right"], H - m["top"] - m["bottom"],
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    date = meta.date.strftime("D:%Y%m%d000000+00'00'")

    def stamp_dates(canv, _doc):
        canv._doc.info._dateFormatter = lambda *a: date

    def body_page(canv, d):
        stamp_dates(canv, d)
        canv.saveState()
        canv.setFont(FONT, theme.fonts["small"])
        canv.setFillColor(_color(theme.colors["muted"]))
        canv.setStrokeColor(_color(theme.colors["rule"]))
        canv.setLineWidth(0.5)
        size = theme.fonts["small"]
        lang = document.langs[0]
        if document.show_header:
            y = H - m["top"] + 8 * mm
            header = [(s.text, s.lang) for s in document.running_header]
            _draw_runs(canv, m["left"], y, header, size, "left")
            if d.section:
                _draw_runs(canv, W - m["right"], y, [(d.section, lang)], size, "right")
            canv.line(m["left"], y - 2.5 * mm, W - m["right"], y - 2.5 * mm)
        page_number = canv.getPageNumber()
        muted = _color(theme.colors["muted"])

        def footer(c, pages):
            text = document.footer.replace("{page}", str(page_number)).replace("{pages}", str(pages))
            c.setFillColor(muted)
            _draw_runs(c, 0, 0, [(text, lang)], size, "center")
        canv.restoreState()
        canv.defer(f"footer-{page_number}", W / 2, m["bottom"] - 10 * mm, footer)

    def cover_page(canv, d):
        stamp_dates(canv, d)
        canv.saveState()
        canv.setFillColor(_color(theme.colors["cover"]))
        canv.rect(0, H * 0.52, W, H * 0.48, stroke=0, fill=1)
        canv.setFillColor(_color(theme.colors["accent"]))
        canv.rect(m["left"], H * 0.52 - 3 * mm, 40 * mm, 3 * mm, stroke=0, fill=1)
        canv.restoreState()

    band = H * 0.52  # the coloured band covers the page above this height
    cover_frames = [
        Frame(m["left"], band + 12 * mm, W - m["left"] - m["right"], H - band - 12 * mm - m["top"],
              id="cover-band", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
        Frame(m["left"], m["bottom"], W - m["left"] - m["right"], band - 16 * mm - m["bottom"],
              id="cover-below", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)]
    doc.addPageTemplates([PageTemplate("cover", cover_frames, onPage=cover_page),
                          PageTemplate("body", [frame], onPageEnd=body_page)])
    story: list = []
    if document.cover:
        story += _cover(document, styles)
        story.append(NextPageTemplate("body"))
        story.append(PageBreak())
    else:
        doc.pageTemplates.reverse()
    frame_width = W - m["left"] - m["right"]
    for block in document.body:
        story += _block(block, styles, document, charts, frame_width)
    doc.build(story, canvasmaker=_Canvas)
    return buf.getvalue()


def _cover(document: ir.Document, st: _Styles) -> list:
    c = document.cover
    theme = document.theme
    white = ParagraphStyle("cover-title", fontName=FONT_BOLD, fontSize=theme.fonts["title"],
                           leading=theme.fonts["title"] * 1.3, textColor=colors.white, wordWrap="CJK")
    white_small = ParagraphStyle("cover-sub", fontName=FONT, fontSize=theme.fonts["h2"],
                                 leading=theme.fonts["h2"] * 1.5, textColor=colors.white, wordWrap="CJK")
    dark = ParagraphStyle("cover-meta", fontName=FONT, fontSize=theme.fonts["body"] + 1,
                          leading=(theme.fonts["body"] + 1) * 1.6, textColor=_color(theme.colors["text"]),
                          wordWrap="CJK")
    out: list = [Spacer(1, 30 * mm)]
    for line in c.company:
        out.append(_Paragraph(_markup(line, white_small), white_small))
    out.append(Spacer(1, 4 * mm))
    for i, line in enumerate(c.title):
        style = white if i == 0 else ParagraphStyle("cover-title2", parent=white, fontSize=theme.fonts["title"] * 0.6,
                                                    leading=theme.fonts["title"] * 0.8)
        out.append(_Paragraph(_markup(line, style), style))
    out.append(Spacer(1, 3 * mm))
    for line in c.subtitle:
        out.append(_Paragraph(_markup(line, white_small), white_small))
    out.append(FrameBreak())  # below the band
    for line in c.date:
        out.append(_Paragraph(_markup(line, dark), dark))
    if c.disclaimer:
        out.append(Spacer(1, 8 * mm))
        for p in c.disclaimer:
            out.append(_Paragraph(_markup(p.spans, st.disclaimer), st.disclaimer))
    return out


def _block(block, st: _Styles, document: ir.Document, charts, width: float) -> list:
    theme = document.theme
    if isinstance(block, ir.Paragraph):
        style = st.body[block.lang]
        if len(document.langs) > 1 and block.lang == "en":
            return [_Paragraph(_markup(block.spans, style, st.muted), style)]
        return [_Paragraph(_markup(block.spans, style), style)]
    if isinstance(block, ir.Parallel):
        cells = [_block(p, st, document, charts, width / 2 - 3 * mm)[0] for p in (block.left, block.right)]
        table = Table([cells], colWidths=[width / 2, width / 2], hAlign="LEFT",
                      style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (0, 0), 3 * mm),
                                        ("LEFTPADDING", (1, 0), (1, 0), 3 * mm),
                                        ("FONTNAME", (0, 0), (-1, -1), FONT)]))
        return [table]
    if isinstance(block, ir.Heading):
        title = " / ".join(ir.plain(l) for l in block.lines)
        small = theme.fonts[f"h{block.level}"] * 0.72
        para = _Paragraph(_lines_markup(block.lines, st.h[block.level], st.muted, small), st.h[block.level])
        out: list = []
        if block.new_page:
            out.append(PageBreakIfNotEmpty())
        else:
            out.append(CondPageBreak(40 * mm))
        out += [_HeadingMark(block, title), para]
        return out
    if isinstance(block, ir.Contents):
        head = _Paragraph(_lines_markup(block.title, st.h[1], st.muted, theme.fonts["h1"] * 0.72), st.h[1])
        entries = []
        for h in document.body:
            if isinstance(h, ir.Heading) and h.level <= block.depth:
                style = st.toc[h.level - 1]  # bold or regular, as the entry prints
                entries.append(_ContentsEntry(h, " / ".join(_markup(line, style) for line in h.lines), style))
        return [PageBreakIfNotEmpty(), head, Spacer(1, 4 * mm), *entries]
    if isinstance(block, ir.PageBreak):
        return [PageBreak()]
    if isinstance(block, ir.Table):
        return _table(block, st, theme, width)
    if isinstance(block, ir.Figure):
        return _figure(block, st, theme, charts, width)
    if isinstance(block, ir.Cards):
        return _cards(block, st, theme, width)
    raise TypeError(block)


def _cards(c: ir.Cards, st: _Styles, theme, width: float) -> list:
    """Highlight cards: rows of tinted cells, each a large value over its label."""
    f = theme.fonts
    big = ParagraphStyle("card-value", fontName=FONT_BOLD, fontSize=f["h1"], leading=f["h1"] * 1.25,
                         textColor=_color(theme.colors["primary"]), wordWrap=st.wrap)
    label = ParagraphStyle("card-label", fontName=FONT, fontSize=f["small"] + 0.5, leading=(f["small"] + 0.5) * 1.4,
                           textColor=_color(theme.colors["text"]), wordWrap=st.wrap)
    gap = 4 * mm
    n = c.columns
    col_w = (width - gap * (n - 1)) / n
    widths = [w for k in range(n) for w in ((col_w,) if k == 0 else (gap, col_w))]
    out: list = [Spacer(1, theme.spacing["block"] * 0.5)]
    for start in range(0, len(c.cards), n):
        row: list = []
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
                 ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                 ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
        for k, card in enumerate(c.cards[start:start + n]):
            if k:
                row.append("")  # the gap column
            row.append([_Paragraph(_lines_markup(card.value, big, st.muted, f["h1"] * 0.62), big), Spacer(1, 2),
                        _Paragraph(_lines_markup(card.label, label, st.muted), label)])
            style += [("BACKGROUND", (2 * k, 0), (2 * k, 0), _color(theme.colors["zebra"])),
                      ("LINEABOVE", (2 * k, 0), (2 * k, 0), 2, _color(theme.colors["accent"]))]
        out += [Table([row], colWidths=widths[:len(row)], style=TableStyle(style), hAlign="LEFT"), Spacer(1, gap)]
    out.append(Spacer(1, theme.spacing["block"] * 0.5))
    return out


def _table(t: ir.Table, st: _Styles, theme, width: float) -> list:
    total = sum(c.width for c in t.columns)
    widths = [width * c.width / total for c in t.columns]
    small = theme.fonts["small"]
    header = [_Paragraph(_lines_markup(c.header, st.cell[(c.align, True)], "#E8F0EC", small), st.cell[(c.align, True)])
              for c in t.columns]
    rows = [header]
    for row in t.rows:
        rows.append([_Paragraph(_lines_markup(cell.lines, st.cell[(cell.align, False)], st.muted, small),
                               st.cell[(cell.align, False)])
                     for cell in row])
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), _color(theme.colors["primary"])),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, _color(theme.colors["primary"])),
    ]
    if theme.table_style == "zebra":
        style.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, _color(theme.colors["zebra"])]))
    else:
        style.append(("LINEBELOW", (0, 1), (-1, -2), 0.4, _color(theme.colors["rule"])))
    table = Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")
    # the caption is not kept with the whole table (that would push a long table to the
    # next page and leave a gap); CondPageBreak keeps it with the first rows instead
    caption = _Paragraph(_lines_markup(t.caption, st.table_caption, st.muted, None), st.table_caption)
    return [Spacer(1, theme.spacing["block"] * 0.5), CondPageBreak(45 * mm), caption, table,
            Spacer(1, theme.spacing["block"])]


class _ChartFonts:
    """svglib's font map for charts: every family in the shipped CJK face (charts are drawn in
    it), bold from weight 600; the fonts are already registered, so nothing is parsed again."""

    @staticmethod
    def find_font(name: str, weight="normal", style: str = "normal") -> tuple[str, bool]:
        weight = str(weight).lower()
        bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
        return (FONT_BOLD if bold else FONT), True


class _Drawing(Flowable):
    """An svglib drawing scaled to the frame width."""

    def __init__(self, drawing, width: float):
        super().__init__()
        scale = min(1.0, width / drawing.width) if drawing.width else 1.0
        self.drawing, self.scale = drawing, scale
        self.width, self.height = drawing.width * scale, drawing.height * scale

    def wrap(self, *_):
        return self.width, self.height

    def draw(self) -> None:
        from reportlab.graphics import renderPDF

        self.canv.saveState()
        self.canv.scale(self.scale, self.scale)
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        self.canv.restoreState()


_DRAWINGS: dict = {}  # chart SVG file (named by its content) → its drawing, kept across renders


def _chart_drawing(svg):
    """A chart's SVG as a reportlab drawing, converted once per file in this process."""
    from svglib.svglib import svg2rlg

    key = str(svg)
    if key not in _DRAWINGS:
        if len(_DRAWINGS) > 256:
            _DRAWINGS.clear()
        drawing = svg2rlg(key, font_map=_ChartFonts())
        drawing.initialFontName = FONT
        _DRAWINGS[key] = drawing
    return _DRAWINGS[key]


def _figure(f: ir.Figure, st: _Styles, theme, charts: dict[str, ChartFiles], width: float) -> list:
    drawing = _chart_drawing(charts[f.chart.key].svg)
    caption = _Paragraph(_lines_markup(f.caption, st.caption, st.muted, None), st.caption)
    return [Spacer(1, theme.spacing["block"] * 0.5),
            KeepTogether([caption, _Drawing(drawing, width)]), Spacer(1, theme.spacing["block"])]
