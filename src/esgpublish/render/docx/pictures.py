"""Charts in the DOCX as Word 2016+ writes vector pictures: the SVG, with a PNG fallback in
the same ``a:blip`` for readers without SVG, and the alt text on ``wp:docPr``."""
from __future__ import annotations

import hashlib

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Pt

from .oxml import sub

SVG_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def add_chart(d, p, files, width: float, alt: str, name: str, shape_id: int) -> None:
    """A chart's PNG and SVG files → an inline picture ``width`` points wide in paragraph ``p``."""
    from lxml import etree

    part = d.part
    inline = part.new_pic_inline(str(files.png), Pt(width), None)
    rel_png = inline.graphic.graphicData.pic.blipFill.blip.get(qn("r:embed"))
    data = files.svg.read_bytes()
    # named by its content: the cache's name of the file holds esgpublish's code digest and the
    # fonts' modification times, which must not change the DOCX's bytes
    svg_name = f"/word/media/{hashlib.sha256(data).hexdigest()[:24]}.svg"
    svg_part = next((rel.target_part for rel in part.rels.values()
                     if rel.reltype == RT.IMAGE and str(rel.target_part.partname) == svg_name), None)
    if svg_part is None:
        svg_part = Part(PackURI(svg_name), "image/svg+xml", data, part.package)
    rid = part.relate_to(svg_part, RT.IMAGE)
    blip = inline.graphic.graphicData.pic.blipFill.blip
    assert blip.get(qn("r:embed")) == rel_png
    ext_lst = etree.SubElement(blip, qn("a:extLst"))
    ext = etree.SubElement(ext_lst, qn("a:ext"))
    ext.set("uri", SVG_EXT)
    svg = etree.SubElement(ext, f"{{{ASVG}}}svgBlip", nsmap={"asvg": ASVG})
    svg.set(qn("r:embed"), rid)
    for doc_pr in inline.iter(qn("wp:docPr")):
        doc_pr.set("descr", alt)
        doc_pr.set("name", name)
        doc_pr.set("id", str(shape_id))
    for c_nv_pr in inline.iter(qn("pic:cNvPr")):
        c_nv_pr.set("descr", alt)
        c_nv_pr.set("name", name)
    r = sub(p, "w:r")
    drawing = sub(r, "w:drawing")
    drawing.append(inline)


def _solid_png(color: str) -> bytes:
    """A 1 × 1 PNG of one colour (stretched to a rectangle by its picture's extent)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rgb = bytes.fromhex(color.lstrip("#"))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" + rgb, 9)) + chunk(b"IEND", b""))


def _anchor(d, color: str, x: float, y: float, width: float, height: float, shape_id: int, name: str):
    """A rectangle of one colour at (x, y) from the page's top-left corner, behind the text."""
    import io

    inline = d.part.new_pic_inline(io.BytesIO(_solid_png(color)), Pt(width), Pt(height))
    return page_anchor(inline, x, y, width, height, shape_id, name, behind=True)


def page_anchor(inline, x: float, y: float, width: float, height: float, shape_id: int, name: str, *,
                behind: bool, descr: str = ""):
    """A picture (python-docx's inline) → the same picture anchored to the page at (x, y) from
    its top-left corner, ``width`` × ``height`` points, behind the text or in front of it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    emu = lambda pt: str(round(pt * 12700))  # noqa: E731
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp", "a", "pic", "r")} distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{shape_id}" behindDoc="{int(behind)}" locked="1" layoutInCell="0" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{emu(x)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{emu(y)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{emu(width)}" cy="{emu(height)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{shape_id}" name="{name}" descr=""/><wp:cNvGraphicFramePr/></wp:anchor>')
    anchor.find(qn("wp:docPr")).set("descr", descr)  # set as an attribute: the text is escaped
    anchor.append(inline.graphic)
    return anchor


def add_band(d, p, page, cover, first_id: int = 900, name: str = "Cover") -> None:
    """A cover's coloured band and accent bar, anchored to the page from paragraph ``p``
    (shape ids ``first_id`` and the next)."""
    band = cover.band
    for k, (color, x, y, w, h, what) in enumerate((
            (band.color, 0, 0, page.width, band.bottom, f"{name} band"),
            (band.accent, page.left, band.accent_top, band.accent_width, band.accent_height, f"{name} accent"))):
        r = sub(p, "w:r")
        sub(r, "w:drawing").append(_anchor(d, color, x, y, w, h, first_id + k, what))
