"""Compose assets: images with captions, case-study boxes, free-form tables, and the cover's
logo and stock code. Every size, style and word is decided here; the renderers only draw."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .. import ir
from ..model.dataset import Lang, Text
from ..read.layout import Block
from . import styles, tables
from .lines import dedupe, origins
from .words import word as catalogue

if TYPE_CHECKING:
    from .document import Composer

KINDS = ("image", "box", "free_table", "materiality")
IMAGE_MAX_WIDTH = 160.0  # mm: an image's default width, where the text block is wider
IMAGE_MAX_HEIGHT = 0.6  # of the text block's height
LOGO_BOX = (50.0, 18.0)  # mm: the most a cover logo takes, across and down
#: the words of assets (zh, en)
WORDS = {
    "stock_code": ("股份代号", "Stock code"),
    "table": ("表格", "Table"),
}


def word(key: str, lang: Lang) -> str:
    """One of the assets' words in ``lang`` (Traditional: converted as the workbook's texts are)."""
    return Text(*WORDS[key]).get(lang)


def block(c: "Composer", blk: Block) -> list[ir.Block]:
    """An asset block of the layout → its IR blocks."""
    if blk.kind == "image":
        return [image(c, blk)]
    if blk.kind == "box":
        return [box(c, blk)]
    if blk.kind == "free_table":
        return [free_table(c, blk)]
    from .materiality import materiality

    figure = materiality(c, blk)
    return [figure] if figure else []


def picture(asset) -> ir.Picture:
    """A workbook image → the IR's picture (its bytes, pixel size and hash)."""
    return ir.Picture(asset.format, asset.pixels, asset.sha256, asset.data)


def _style(c: "Composer", name: str, base: str, **changes) -> str:
    """A paragraph style of assets, made once per document from ``base``."""
    if name not in c.para_styles:
        c.para_styles[name] = replace(c.para_styles[base], name=name, **changes)
    return name


def image(c: "Composer", blk: Block) -> ir.Image:
    """An image block → the picture sized to fit (never wider than the text block or its
    default, never taller than 60 % of the text block), its numbered caption under it."""
    asset = c.ds.images[blk.options["id"]]
    px_w, px_h = asset.pixels
    width = min(blk.options.get("width", IMAGE_MAX_WIDTH) * styles.MM, c.page.frame_width)
    height = width * px_h / px_w
    if height > IMAGE_MAX_HEIGHT * c.page.frame_height:
        height = IMAGE_MAX_HEIGHT * c.page.frame_height
        width = height * px_w / px_h
    caption = None
    if asset.caption:
        c.n_figures += 1
        cap = tables.caption(c, "figure", c.n_figures, asset.caption, asset.origin)
        style = _style(c, "image-caption", "caption", bold=False, align="center", keep_with_next=False,
                       space_before=4, space_after=0, color=c.theme.colors["muted"])
        caption = replace(cap, style=style)
    alt = tuple(ir.Span(asset.alt.get(l), l, origins(asset.origin)) for l in c.langs)
    space = c.theme.spacing["block"]
    return ir.Image(picture(asset), caption, alt, round(width, 2), round(height, 2), blk.origin,
                    c.anchor("i"), space * 0.5, space)


def box(c: "Composer", blk: Block) -> ir.Box:
    """A box block → its title and its narrative's paragraphs (side-by-side ones one after
    the other) in a tinted box with the primary colour's rule on top."""
    nar = c.ds.narratives[blk.options["narrative"]]
    body: list[ir.Paragraph] = []
    for node in c.narrative(nar):
        body += [node.left, node.right] if isinstance(node, ir.Parallel) else [node]
    title_style = _style(c, "box-title", "h3", color=c.theme.colors["primary"], space_before=0, space_after=4)
    title = c.para(c.lines(c.layout_text(blk.options["title"]), blk.origin), title_style, "second")
    base = styles.box_look(c.theme)
    look = replace(base, top=ir.Rule(c.theme.colors["primary"], 1.5), padding=(8, 10, 6, 10))
    space = c.theme.spacing["block"]
    return ir.Box(title, tuple(body), look, blk.origin, c.anchor("b"), space * 0.5, space)


def free_table(c: "Composer", blk: Block) -> ir.Table:
    """A free-form table of the Tables sheet → a table like any other (caption, widths from its text)."""
    t = c.ds.tables[blk.options["id"]]
    title = c.layout_text(blk.options["title"]) if "title" in blk.options else \
        t.title or Text(*(f"{WORDS['table'][k]} {t.id}" for k in (0, 1)))
    cells = t.cells or ((None,) * len(t.header),) * (len(t.rows) + 1)

    def cell(text: Text, loc) -> ir.Cell:
        return ir.Cell(dedupe(tuple((ir.Span(text.get(l), l, origins(loc)),) for l in c.langs)))

    header = [cell(text, loc) for text, loc in zip(t.header, cells[0])]
    rows = [tuple(cell(text, loc) for text, loc in zip(row, locs)) for row, locs in zip(t.rows, cells[1:])]
    return tables.table(c, blk, title, header, rows)


def cover(c: "Composer", base: ir.Cover) -> ir.Cover:
    """The cover with the workbook's logo (top left of the band, within ``LOGO_BOX``) and its
    stock code (under the title), where the workbook gives them and the layout prints them."""
    meta = c.ds.meta
    on_band = list(base.on_band)
    if meta.stock_code is not None and c.layout.cover.get("stock_code", True):
        code = meta.stock_code
        code = str(int(code)) if isinstance(code, float) and code.is_integer() else str(code)
        on_band.append(ir.Space(2 * styles.MM))
        on_band += [ir.Paragraph(((ir.Span(f"{word('stock_code', l)}{catalogue('pair_sep', l)}{code}", l,
                                           origins(meta.origins.get("stock_code"))),),), "cover-subtitle", l)
                    for l in c.langs]
    logo = None
    if meta.logo is not None and c.layout.cover.get("logo", True):
        asset = c.ds.images[str(meta.logo)]
        px_w, px_h = asset.pixels
        scale = min(LOGO_BOX[0] * styles.MM / px_w, LOGO_BOX[1] * styles.MM / px_h)
        logo = ir.CoverLogo(picture(asset), c.page.left, c.page.top - 4 * styles.MM,
                            round(px_w * scale, 2), round(px_h * scale, 2),
                            " / ".join(dict.fromkeys(asset.alt.get(l) for l in c.langs)))
    return replace(base, on_band=tuple(on_band), logo=logo)


def back_cover(c: "Composer") -> ir.Cover:
    """The back cover: the cover colour over the whole page, the logo where the cover has it,
    and under the accent bar the company, its stock code and the layout's narrative (contact
    details, say) in white, every language in full (no muted translation on the band)."""
    from . import narrative as nar_mod
    from ..model import markup

    meta, mm = c.ds.meta, styles.MM
    band = styles.back_band(c.theme, c.page)
    on_band: list = [ir.Space(band.accent_top - c.page.top + band.accent_height + 10 * mm)]
    on_band += [ir.Paragraph((line,), "cover-title-2", line[0].lang)
                for line in c.lines(meta.company, meta.origins.get("company"))]
    on_band.append(ir.Space(3 * mm))
    front = cover(c, ir.Cover(band, (), ()))  # the logo and the stock code, as the layout prints them on the cover
    on_band += [item for item in front.on_band if isinstance(item, ir.Paragraph)]
    nar_id = c.layout.back_cover.get("narrative")
    if nar_id is not None:
        nar = c.ds.narratives[nar_id]
        c.printed.add(nar.id)
        on_band.append(ir.Space(6 * mm))
        for lang in c.langs:
            for block in nar_mod.markup_blocks(c, markup.parse(nar.text.get(lang)), lang, nar.origins.get(lang)):
                if isinstance(block, ir.ItemList):  # a list on the band: each item a paragraph, its label kept
                    on_band += [ir.Paragraph(((ir.Span(f"{item.label} ", lang),) + item.lines[0],) + item.lines[1:],
                                             "cover-note", lang) for item in block.items]
                else:  # no narrative id: the reviewable text (a DOCX content control) is the body's
                    on_band.append(replace(block, style="cover-note"))
    return replace(front, on_band=tuple(on_band))
