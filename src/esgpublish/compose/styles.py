"""Theme + page + edition → the IR's computed styles, looks and page geometry.

Every size, colour, space and indent the renderers use is decided here, once, from the
layout's theme: nothing in a renderer derives one from another.
"""
from __future__ import annotations

from dataclasses import replace

from .. import fonts, ir
from ..read.layout import Page, Theme
from .measure import blank_sides

MM = 72 / 25.4  # points per millimetre
SCRIPT_GAP = 0.25  # em between hanzi and Latin letters or digits in paragraphs that hold Chinese
SECOND_SCALE = {"h1": 0.72, "h2": 0.72, "h3": 0.72, "card-value": 0.62, "contents-title": 0.72}


def languages(tags: tuple[str, ...]) -> tuple[ir.Language, ...]:
    """Edition language tags → their IR descriptions."""
    known = {"zh": ir.Language("zh", "zh-CN", True), "en": ir.Language("en", "en-US", False),
             "zh_hant": ir.Language("zh_hant", "zh-Hant-HK", True)}
    return tuple(known[t] for t in tags)


def cjk_family(tags: tuple[str, ...]) -> str:
    """Edition language tags → the CJK family its hanzi are set in (HK for Traditional)."""
    return fonts.HK_FAMILY if "zh_hant" in tags else fonts.FAMILY


def page_geometry(page: Page) -> ir.PageGeometry:
    """The layout's page (mm) → page geometry (pt), header 8 mm above the text block and
    footer 10 mm below it."""
    m = page.margins_mm
    return ir.PageGeometry(page.width_mm * MM, page.height_mm * MM, m["top"] * MM, m["bottom"] * MM,
                           m["left"] * MM, m["right"] * MM,
                           header_y=(m["top"] - 8) * MM, footer_y=(m["bottom"] - 10) * MM)


def para_styles(theme: Theme, langs: tuple[ir.Language, ...]) -> tuple[ir.ParaStyle, ...]:
    """The edition's paragraph styles, by name (body-<tag>, h1–h3, caption, cell, …)."""
    f, c, s = theme.fonts, theme.colors, theme.spacing
    lead = f["leading"]
    text, muted, primary = c["text"], c["muted"], c["primary"]
    cjk = any(lang.cjk for lang in langs)  # a paragraph that may hold Chinese breaks by clreq
    small, cell = f["small"], f["small"] + 0.5
    out = [ir.ParaStyle(f"body-{lang.tag}", f["body"], f["body"] * lead, text,
                        align="justify" if lang.cjk else "left",
                        first_indent=2 * f["body"] if lang.cjk else 0.0,
                        space_after=s["paragraph"], cjk_wrap=lang.cjk)
           for lang in langs]
    out += [
        ir.ParaStyle("h1", f["h1"], f["h1"] * 1.3, primary, bold=True, space_after=10, keep_with_next=True,
                     cjk_wrap=cjk),
        ir.ParaStyle("h2", f["h2"], f["h2"] * 1.35, primary, bold=True, space_before=10, space_after=5,
                     keep_with_next=True, cjk_wrap=cjk),
        ir.ParaStyle("h3", f["h3"], f["h3"] * 1.35, text, bold=True, space_before=6, space_after=3,
                     keep_with_next=True, cjk_wrap=cjk),
        ir.ParaStyle("contents-title", f["h1"], f["h1"] * 1.3, primary, bold=True, space_after=10 + 4 * MM,
                     cjk_wrap=cjk),
        ir.ParaStyle("caption", small + 1, (small + 1) * 1.4, text, bold=True, space_after=4,
                     keep_with_next=True, cjk_wrap=cjk),
        ir.ParaStyle("cell", cell, cell * 1.35, text, cjk_wrap=cjk),
        ir.ParaStyle("cell-head", cell, cell * 1.35, "#FFFFFF", bold=True, cjk_wrap=cjk),
        ir.ParaStyle("card-value", f["h1"], f["h1"] * 1.25, primary, bold=True, space_after=2, cjk_wrap=cjk),
        ir.ParaStyle("card-label", cell, cell * 1.4, text, cjk_wrap=cjk),
        ir.ParaStyle("contents-1", f["body"] + 1, (f["body"] + 1) * 1.7, text, bold=True, cjk_wrap=cjk),
        ir.ParaStyle("contents-2", f["body"], (f["body"] + 1) * 1.7, text, left_indent=18, cjk_wrap=cjk),
        ir.ParaStyle("contents-3", f["body"], (f["body"] + 1) * 1.7, text, left_indent=36, cjk_wrap=cjk),
        ir.ParaStyle("furniture", small, small * 1.4, muted, cjk_wrap=cjk),
        ir.ParaStyle("disclaimer", small, small * 1.6, muted, space_after=4, cjk_wrap=cjk),
        ir.ParaStyle("cover-title", f["title"], f["title"] * 1.3, "#FFFFFF", bold=True, cjk_wrap=True),
        ir.ParaStyle("cover-title-2", f["title"] * 0.6, f["title"] * 0.8, "#FFFFFF", bold=True, cjk_wrap=True),
        ir.ParaStyle("cover-subtitle", f["h2"], f["h2"] * 1.5, "#FFFFFF", cjk_wrap=True),
        ir.ParaStyle("cover-meta", f["body"] + 1, (f["body"] + 1) * 1.6, text, cjk_wrap=True),
        ir.ParaStyle("cover-note", f["body"], f["body"] * 1.6, "#FFFFFF", space_after=4, cjk_wrap=True),
    ]
    # clreq §3.2.1: a quarter em between hanzi and Latin letters or digits, as spacing, not a character
    # and adjacent full-width marks closed up by half an em (clreq §3.1.6)
    marks = blank_sides(cjk_family(tuple(lang.tag for lang in langs)))
    return tuple(replace(st, script_gap=SCRIPT_GAP, squeeze_punctuation=True, squeeze_marks=marks)
                 if st.cjk_wrap else st for st in out)


def char_styles(theme: Theme) -> tuple[ir.CharStyle, ...]:
    """The character styles: the second language muted (and smaller in headings and on cards)."""
    f, c = theme.fonts, theme.colors
    muted = c["muted"]
    return (
        ir.CharStyle("second", color=muted),
        ir.CharStyle("second-small", color=muted, size=f["small"]),
        ir.CharStyle("second-h1", color=muted, size=round(f["h1"] * SECOND_SCALE["h1"], 2)),
        ir.CharStyle("second-h2", color=muted, size=round(f["h2"] * SECOND_SCALE["h2"], 2)),
        ir.CharStyle("second-h3", color=muted, size=round(f["h3"] * SECOND_SCALE["h3"], 2)),
        ir.CharStyle("second-contents-title", color=muted, size=round(f["h1"] * SECOND_SCALE["h1"], 2)),
        ir.CharStyle("second-card-value", color=muted, size=round(f["h1"] * SECOND_SCALE["card-value"], 2)),
        ir.CharStyle("second-head", color="#E8F0EC", size=f["small"]),
    )


def table_look(theme: Theme) -> ir.TableLook:
    """KPI tables: a header in the primary colour, zebra rows or rules, a closing rule."""
    c = theme.colors
    zebra = theme.table_style == "zebra"
    return ir.TableLook(head="cell-head", body="cell", head_fill=c["primary"], head_second="second-head",
                        zebra=c["zebra"] if zebra else None,
                        between=None if zebra else ir.Rule(c["rule"], 0.4),
                        below=ir.Rule(c["primary"], 0.8), padding=3.5)


def box_look(theme: Theme) -> ir.BoxLook:
    """Highlight cards: tinted boxes with an accent rule on top, 4 mm apart."""
    c = theme.colors
    return ir.BoxLook(fill=c["zebra"], top=ir.Rule(c["accent"], 2), padding=(7, 6, 8, 7), gap=4 * MM)


def back_band(theme: Theme, page: ir.PageGeometry) -> ir.CoverBand:
    """The back cover's band: the whole page in the cover colour, the accent bar 40 % of the way down."""
    c = theme.colors
    return ir.CoverBand(c["cover"], page.height, c["accent"], 40 * MM, 3 * MM, 12 * MM, 0.0,
                        accent_y=round(page.height * 0.4, 2))


def cover_band(theme: Theme, page: ir.PageGeometry) -> ir.CoverBand:
    """The cover's band: the top 48 % of the page, with a 40 × 3 mm accent bar under it."""
    c = theme.colors
    return ir.CoverBand(c["cover"], page.height * 0.48, c["accent"], 40 * MM, 3 * MM, 12 * MM, 16 * MM)


def header_rule(theme: Theme) -> ir.Rule:
    return ir.Rule(theme.colors["rule"], 0.5)
