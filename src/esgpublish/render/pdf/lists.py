"""IR lists → reportlab paragraphs with hanging labels: the label at the item style's
first-line indent (negative: left of the text), every line of the text at its left indent."""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from ... import fonts, ir
from .text import FONT, FONT_BOLD, LATIN, LATIN_BOLD, Styles, color, paragraph


def item_list(doc: ir.Document, st: Styles, b: ir.ItemList) -> list:
    """A list → one paragraph per item, its label hanging in the left indent."""
    out = []
    for k, item in enumerate(b.items):
        base = st[item.style]
        style = _hanging(st, item.style, base, item.label, b.lang, doc, b.label_style)
        para = paragraph(doc, item.lines, style, b.anchor if k == 0 else "")
        para.bulletText = item.label
        out.append(para)
    return out


def _hanging(st: Styles, name: str, base: ParagraphStyle, label: str, lang: str, doc: ir.Document,
             label_style: str | None) -> ParagraphStyle:
    """The item style with its label placed: text at the left indent on every line, the label
    at left indent + first-line indent, in the face its characters need."""
    key = f"{name}@hang@{label}@{label_style}"
    if key not in st._para:
        kind = next((k for k, run in fonts.face_runs(label, lang, None) if run), "latin")
        bold = base.fontName in (FONT_BOLD, LATIN_BOLD)
        face = {"latin": LATIN_BOLD if bold else LATIN}.get(kind, FONT_BOLD if bold else FONT)
        char = doc.char_style(label_style) if label_style else None
        st._para[key] = ParagraphStyle(key, parent=base, firstLineIndent=0,
                                       bulletIndent=base.leftIndent + base.firstLineIndent,
                                       bulletFontName=face, bulletFontSize=base.fontSize,
                                       bulletColor=color(char.color) if char and char.color else base.textColor)
    return st._para[key]
