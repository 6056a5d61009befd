"""Text for the PDF: fonts registered once, IR styles as reportlab paragraph styles, IR
lines as reportlab markup (every string escaped, each script in its own face)."""
from __future__ import annotations

import hashlib
import weakref
from collections import OrderedDict
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from ... import fonts, ir, linebreak
from . import kinsoku, trace

FONT, FONT_BOLD = "NotoSansSC", "NotoSansSC-Bold"  # the CJK face (Simplified)
LATIN, LATIN_BOLD = "NotoSans", "NotoSans-Bold"  # the Latin face
ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "justify": TA_JUSTIFY}

_FALLBACK: dict = {"path": None, "name": None}  # the document's fallback font, for this render
_CJK: dict = {False: FONT, True: FONT_BOLD}  # the document's CJK face (ir.Document.cjk_font), for this render


def cjk_font(bold: bool = False) -> str:
    """The reportlab name of the CJK face the document being rendered sets its hanzi in."""
    return _CJK[bool(bold)]


def use_cjk(family: str) -> None:
    """Make ``family`` (the IR's ``cjk_font``) the CJK face of this render, registering it once."""
    if family == fonts.FAMILY:
        _CJK.update({False: FONT, True: FONT_BOLD})
        return
    faces = fonts.faces()
    names = []
    for style in fonts.cjk_styles(family):
        face = faces[style]
        if face.ps_name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(face.ps_name, str(face.path)))
        names.append(face.ps_name)
    from reportlab.lib.fonts import addMapping

    for bold, italic, name in ((0, 0, names[0]), (1, 0, names[1]), (0, 1, names[0]), (1, 1, names[1])):
        addMapping(names[0], bold, italic, name)
    _CJK.update({False: names[0], True: names[1]})


def register_fonts() -> None:
    """Register the shipped faces with reportlab (once per process) and install kinsoku."""
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
    kinsoku.install()


def use_fallback(path: str | None) -> None:
    """Register the document's fallback font (once) and make it the one markup uses."""
    if path is None:
        _FALLBACK.update(path=None, name=None)
        return
    path = Path(path)
    name = "Fallback-" + hashlib.sha256(str(path).encode()).hexdigest()[:8]
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    _FALLBACK.update(path=path, name=name)


def color(hex_color: str) -> colors.Color:
    return colors.HexColor(hex_color)


class Styles:
    """The document's paragraph styles as reportlab styles, made once per render."""

    def __init__(self, document: ir.Document):
        self.document = document
        self._para: dict[str, ParagraphStyle] = {}

    def __getitem__(self, name: str) -> ParagraphStyle:
        if name not in self._para:
            s = self.document.para_style(name)
            self._para[name] = ParagraphStyle(
                name, fontName=cjk_font(s.bold), fontSize=s.size, leading=s.leading,
                textColor=color(s.color), alignment=ALIGN[s.align], firstLineIndent=s.first_indent,
                leftIndent=s.left_indent, spaceBefore=s.space_before, spaceAfter=s.space_after,
                # every paragraph is filled by esgpublish's line breaker (kinsoku.py, after
                # linebreak.py): clreq for Chinese; Latin words whole, hyphenated only when
                # longer than the line (reportlab's own splits long words with no hyphen)
                keepWithNext=int(s.keep_with_next), wordWrap="CJK",
                allowWidows=int(not s.widow_control), allowOrphans=int(not s.widow_control))
            self._para[name].scriptGap = s.script_gap  # read by Para.breakLinesCJK
            self._para[name].squeezePunctuation = s.squeeze_marks if s.squeeze_punctuation else False
        return self._para[name]

    def aligned(self, name: str, align: str, keep_with_next: bool | None = None, indent: float = 0.0) -> ParagraphStyle:
        """A paragraph style with another alignment and indent (table cells), or kept by other means."""
        key = f"{name}@{align}@{keep_with_next}@{indent}"
        if key not in self._para:
            extra = {} if keep_with_next is None else {"keepWithNext": int(keep_with_next)}
            if indent:
                extra["leftIndent"] = self[name].leftIndent + indent
            self._para[key] = ParagraphStyle(key, parent=self[name], alignment=ALIGN[align], **extra)
        return self._para[key]


def markup(document: ir.Document, line: ir.Line, style: ParagraphStyle) -> str:
    """IR spans → reportlab markup for a paragraph in ``style``: every text escaped; Latin
    runs in the Latin face, the rest in the CJK face; character styles as font tags; in
    CJK-wrapped paragraphs, kept values glued."""
    cjk = style.wordWrap == "CJK"
    bold_style = style.fontName == cjk_font(True)
    out = []
    for span in line:
        glue = cjk and span.keep and len(span.text) <= 24
        latin = glue and not document.language(span.lang).cjk if span.lang in document.langs else False
        char = document.char_style(span.style) if span.style else None
        bold = (char.bold if char and char.bold is not None else bold_style) or span.strong
        runs = []
        # English running text may break before a figure's number ('nearly | 10 million people'),
        # never inside the number and its unit; Chinese keeps the whole value (超过16,300小时)
        digit = next((k for k, ch in enumerate(span.text) if ch.isdigit()), 0) if latin else 0
        offset, prev_core = 0, False
        for kind, run in fonts.face_runs(span.text, span.lang, _FALLBACK["path"]):
            head = max(0, min(len(run), digit - offset))  # the part before the number: free to break
            offset += len(run)
            core = run[head:]
            lead = linebreak.GLUE if glue and prev_core and not head and core else ""  # glued across faces
            raw = run[:head] + lead + (linebreak.glue(core) if glue else core)
            prev_core = prev_core or bool(core)
            face = {"latin": LATIN_BOLD if bold else LATIN, "cjk": cjk_font(bold),
                    "fallback": _FALLBACK["name"]}[kind]
            runs.append(f'<font name="{face}">{escape(raw).replace(chr(10), "<br/>")}</font>')  # a line break in a cell
        text = trace.marker(span) + "".join(runs)  # where the span starts, reported as it is drawn
        if char and (char.color or char.size):
            attrs = (f' color="{char.color}"' if char.color else "") + (f' size="{char.size}"' if char.size else "")
            text = f"<font{attrs}>{text}</font>"
        if char and char.underline:
            text = f"<u>{text}</u>"
        if char and char.superscript:
            text = f"<super>{text}</super>"
        if span.link:
            text = f'<a href="{escape(span.link, {chr(34): "&quot;"})}">{text}</a>'
        if isinstance(span, ir.NoteRef) and span.note:  # the page it prints on gets the note (``notes.py``)
            text = f'<onDraw name="{NOTE_CALLBACK}" label="{span.note.number}"/>{text}'
        out.append(text)
    return "".join(out)


NOTE_CALLBACK = "esg_note"  # <onDraw>: where a footnote is cited (its page gets the note)
ANCHOR_CALLBACK = "esg_anchor"  # <onDraw>: where an anchored paragraph is drawn (its page)


def paragraph(document: ir.Document, lines: tuple[ir.Line, ...], style: ParagraphStyle, anchor: str = "") -> "Para":
    """IR lines (one per language) → one reportlab paragraph, the lines joined by breaks;
    with ``anchor``, the page it is drawn on is recorded (``PdfCanvas``) for page references."""
    mark = f'<onDraw name="{ANCHOR_CALLBACK}" label="{escape(anchor)}"/>' if anchor else ""
    return Para(mark + "<br/>".join(markup(document, line, style) for line in lines), style)


_PARSED: "OrderedDict[tuple[str, str], tuple[str, list]]" = OrderedDict()
PARSED_KEPT = 2048  # parsed paragraphs kept (a few MB): headings, labels and notes recur in every edition and workbook
_BROKEN: "OrderedDict[tuple, object]" = OrderedDict()
BROKEN_KEPT = 1024  # paragraphs' lines kept (≈15 MB): 90 % of a batch's next workbook breaks its lines as the last one did
_STYLE_KEYS: "weakref.WeakKeyDictionary[ParagraphStyle, str]" = weakref.WeakKeyDictionary()


def _style_key(style: ParagraphStyle) -> str:
    """A paragraph style → what its parse depends on: every attribute (each render makes its own style objects)."""
    key = _STYLE_KEYS.get(style)
    if key is None:
        key = repr(sorted((k, v) for k, v in vars(style).items() if k != "parent"))
        _STYLE_KEYS[style] = key
    return key


class Para(Paragraph):
    """reportlab's Paragraph, which breaks its lines once per width: reportlab asks a table
    cell or a kept-together block for its size several times at the same width. Its markup is
    parsed once per process for a given text and style (reportlab's parser is an HTMLParser;
    each paragraph gets its own copies of the fragments)."""

    def __init__(self, text, style=None, bulletText=None, frags=None, caseSensitive=1, encoding="utf8"):
        if frags is not None or style is None or bulletText is not None or not caseSensitive:
            super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
            return
        key = (text, _style_key(style))
        hit = _PARSED.get(key)
        if hit is not None:
            _PARSED.move_to_end(key)
            super().__init__(text, style, None, [f.clone() for f in hit[1]], caseSensitive, encoding)
            self.text = hit[0]
            return
        super().__init__(text, style, None, None, caseSensitive, encoding)
        if self.style is style and self.bulletText is None:  # no <para> or <bullet> of its own
            _PARSED[key] = (self.text, [f.clone() for f in self.frags])
            while len(_PARSED) > PARSED_KEPT:
                _PARSED.popitem(last=False)

    def wrap(self, avail_width, avail_height):
        if getattr(self, "_wrapped_at", None) != avail_width:  # the height depends on the width only
            super().wrap(avail_width, avail_height)
            self._wrapped_at = avail_width
        return self.width, self.height

    def split(self, avail_width, avail_height):
        self._wrapped_at = None  # splitting may change the fragments
        if getattr(self, "_esg_shared", False) and hasattr(self, "blPara"):  # reportlab's split writes
            self._esg_shared = False  # into the lines: this paragraph breaks its own (the same) lines
            self._esg_private = True
            height = self.height
            self.blPara = self.breakLinesCJK(self._wrapWidths)
            self.height = height
        return super().split(avail_width, avail_height)

    def breakLinesCJK(self, maxWidths):
        frags, marks = trace.split_markers(self.frags)
        single = marks and len(frags) == 1 and not hasattr(frags[0], "cbDefn")
        # a paragraph as parsed (not the rest of a split one) is broken once per process for
        # its text, style and widths: its lines are shared as reportlab shares a split
        # paragraph's (they are only read from then on)
        key = (self.text, _style_key(self.style), tuple(maxWidths)) \
            if self.text is not None and not getattr(self, "_splitpara", 0) and self.bulletText is None \
            and not getattr(self, "_esg_private", False) else None
        hit = _BROKEN.get(key) if key is not None else None
        self._esg_shared = key is not None
        if hit is not None:
            _BROKEN.move_to_end(key)
            self.height = 0
            if single:
                self._esg_marks = marks
            return hit
        if single:  # one run: reportlab's single-style path, as without markers (``trace.draw_leading``)
            self.frags, self._esg_marks = frags, marks
        try:
            with kinsoku.script_gap(getattr(self.style, "scriptGap", 0.0),
                                    getattr(self.style, "squeezePunctuation", False)):
                lines = super().breakLinesCJK(maxWidths)
        finally:
            if single:
                self.frags = frags + marks
        if key is not None:
            _BROKEN[key] = lines
            while len(_BROKEN) > BROKEN_KEPT:
                _BROKEN.popitem(last=False)
        return lines

    def drawPara(self, debug=0):
        trace.draw_leading(self, self.canv)
        return super().drawPara(debug)


def draw_runs(canv, x: float, y: float, texts: list[tuple[str, str]], size: float, align: str,
              gap: float = 0.0) -> float:
    """Draw one line on the canvas (headers, footers), each script in its own face and
    ``gap`` em between hanzi and Latin letters or digits; → its width."""
    faces = {"latin": LATIN, "cjk": cjk_font(), "fallback": _FALLBACK["name"]}
    runs = [(faces[kind], run) for text, lang in texts for kind, run in fonts.face_runs(text, lang, _FALLBACK["path"])]
    advances, prev = [], ""
    for face, run in runs:
        before = gap * size if run and prev and linebreak.script_gap(prev, run[0]) else 0.0
        advances.append((before, pdfmetrics.stringWidth(run, face, size)))
        prev = run[-1:] or prev
    width = sum(b + w for b, w in advances)
    x -= {"left": 0, "center": width / 2, "right": width}[align]
    for (face, run), (before, w) in zip(runs, advances):
        x += before
        canv.setFont(face, size)
        canv.drawString(x, y, run)
        x += w
    return width
