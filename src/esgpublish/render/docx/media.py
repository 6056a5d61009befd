"""IR assets → WordprocessingML: images (inline pictures with their alt text) and captions,
case-study boxes (a shaded one-column table), the cover's logo (anchored to the page)."""
from __future__ import annotations

import io

from docx.oxml.ns import qn
from docx.shared import Pt

from ... import ir
from . import controls
from .oxml import border, props, put, shade, sub, twips

SHAPE_IDS = 5000  # docPr ids of pictures (charts use 1000 and up, the cover band 900)


def _inline(writer, picture: ir.Picture, width: float, height: float, alt: str, name: str):
    """A picture → an inline ``wp:inline`` of that size, its alt text and a unique shape id."""
    inline = writer.d.part.new_pic_inline(io.BytesIO(picture.data), Pt(width), Pt(height))
    writer.shape_id = getattr(writer, "shape_id", SHAPE_IDS) + 1
    for doc_pr in inline.iter(qn("wp:docPr")):
        doc_pr.set("id", str(writer.shape_id))
        doc_pr.set("name", name)
        doc_pr.set("descr", alt)
    for c_nv_pr in inline.iter(qn("pic:cNvPr")):
        c_nv_pr.set("name", name)
        c_nv_pr.set("descr", alt)
    return inline


def image(writer, node: ir.Image) -> None:
    """A centred picture kept with its caption under it."""
    p = writer.para(None, node.caption.style if node.caption else "furniture", "center")
    ppr = p.find(qn("w:pPr"))
    spacing = put(ppr, "w:spacing")
    spacing.set(qn("w:before"), twips(node.space_before))
    spacing.set(qn("w:after"), twips(0 if node.caption else node.space_after))
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    put(ppr, "w:ind").set(qn("w:firstLine"), "0")
    alt = " ".join(s.text for s in node.alt)
    sub(sub(p, "w:r"), "w:drawing").append(_inline(writer, node.picture, node.width, node.height, alt,
                                                    node.anchor or "Picture"))
    if node.caption:
        put(ppr, "w:keepNext")
        cap = writer.paragraph_into(None, node.caption)
        writer.bookmark(cap, node.anchor)
        writer.spacer(node.space_after)


def box(writer, node: ir.Box) -> None:
    """A one-column table: a row for the title and each paragraph, every cell shaded, the
    rule on top; the look's padding left and right, above the first and below the last row."""
    look = node.look
    top, right, bottom, left = look.padding
    width = writer.doc.page.frame_width
    writer.spacer(node.space_before)
    tbl = writer.table_el([width], margins=(0, right, 0, left))
    border(put(props(tbl, "w:tblPr"), "w:tblBorders"), "top", look.top.color, look.top.width)
    paras = (node.title,) + node.body
    for k, para in enumerate(paras):
        tr = writer.row(tbl)
        tc = writer.cell(tr, width)
        tcpr = props(tc, "w:tcPr")
        shade(tcpr, look.fill)
        if k == 0 or k == len(paras) - 1:
            mar = put(tcpr, "w:tcMar")
            for side, value in (("top", top if k == 0 else 0), ("bottom", bottom if k == len(paras) - 1 else 0)):
                el = put(mar, f"w:{side}")
                el.set(qn("w:w"), twips(value))
                el.set(qn("w:type"), "dxa")
        p = writer.paragraph_into(tc, para)
        if k == 0:
            put(p.find(qn("w:pPr")), "w:keepNext")
            writer.bookmark(p, node.anchor)
        else:
            writer.bookmark(p, para.anchor)
            if getattr(para, "narrative", ""):  # a narrative's paragraph: its row in the narrative's control
                controls.row(writer, tr, para)
    writer.spacer(node.space_after)


def cover_logo(writer, p, cover: ir.Cover, name: str = "Cover") -> None:
    """A cover's logo, anchored to the page at its place, in front of the band."""
    from .pictures import page_anchor

    logo = cover.logo
    inline = _inline(writer, logo.picture, logo.width, logo.height, logo.alt, f"{name} logo")
    anchor = page_anchor(inline, logo.x, logo.y, logo.width, logo.height, writer.shape_id, f"{name} logo",
                         behind=False, descr=logo.alt)
    sub(sub(p, "w:r"), "w:drawing").append(anchor)


VISITS = {ir.Image: image, ir.Box: box}
