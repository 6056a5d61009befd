"""IR assets → reportlab: images with their captions, case-study boxes, the cover's logo."""
from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image as RLImage
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from ... import ir
from .text import FONT, color


def image(visitor, node: ir.Image) -> list:
    """An image, centred at its size, and its caption under it, kept together."""
    from .blocks import Gap

    flowable = RLImage(io.BytesIO(node.picture.data), width=node.width, height=node.height)
    flowable.hAlign = "CENTER"
    parts: list = [flowable]
    if node.caption:
        parts += visitor.paragraph(node.caption, node.anchor)
    return [Spacer(1, node.space_before), KeepTogether(parts), Gap(1, node.space_after)]


def box(visitor, node: ir.Box) -> list:
    """A box: a one-column table, a row for the title and for each paragraph (so that it
    breaks between paragraphs), filled, with the rule on top and the look's padding."""
    from .blocks import Gap

    look = node.look
    top, right, bottom, left = look.padding
    rows = [[visitor.paragraph(node.title, node.anchor)[0]]] + [[visitor.paragraph(p)[0]] for p in node.body]
    style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, -1), color(look.fill)),
             ("LINEABOVE", (0, 0), (-1, 0), look.top.width, color(look.top.color)),
             ("LEFTPADDING", (0, 0), (-1, -1), left), ("RIGHTPADDING", (0, 0), (-1, -1), right),
             ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
             ("TOPPADDING", (0, 0), (-1, 0), top), ("BOTTOMPADDING", (0, -1), (-1, -1), bottom)]
    if node.body:  # the title never ends a page alone (the DOCX keeps it with the next row too)
        style.append(("NOSPLIT", (0, 0), (0, 1)))
    table = Table(rows, colWidths=[visitor.width], style=TableStyle(style), hAlign="LEFT")
    return [Spacer(1, node.space_before), table, Gap(1, node.space_after)]


def cover_logo(canv, page: ir.PageGeometry, cover: ir.Cover) -> None:
    """A cover's logo at its place (from the page's top-left corner)."""
    logo = cover.logo
    if logo is None:
        return
    y = page.height - logo.y - logo.height
    canv.drawImage(ImageReader(io.BytesIO(logo.picture.data)), logo.x, y, logo.width, logo.height, mask="auto")


VISITS = {ir.Image: image, ir.Box: box}
