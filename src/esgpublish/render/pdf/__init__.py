"""Stage 5a — the PDF renderer: ``ir.Document`` + chart files → PDF bytes (reportlab).

The only package that imports reportlab. It translates the IR and decides nothing: styles,
widths, page geometry and every word come from the IR. Every string is escaped before it
meets reportlab's markup; text is set in the shipped faces, embedded as subsets; the output
is byte-identical for the same input (reportlab's invariant mode, dates from the report).
Modules: ``text`` (fonts, styles, markup), ``kinsoku`` (line breaking), ``pages`` (canvas,
template, furniture), ``blocks`` (one visit per IR node).
"""
from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.platypus import Frame, NextPageTemplate, PageBreak, PageTemplate

from ... import ir
from .blocks import Visitor
from .pages import PdfCanvas, PdfDoc, cover_band, furniture
from .text import Styles, cjk_font, register_fonts, use_cjk, use_fallback

rl_config.invariant = 1
rl_config.useA85 = 0  # binary streams: a quarter smaller than ASCII85, and faster

_register_fonts = register_fonts  # the pipeline's workers load the fonts as they start


def render_pdf(document: ir.Document, charts) -> bytes:
    """Document IR and its drawn charts → the PDF's bytes."""
    return render_pdf_pages(document, charts)[0]


def render_pdf_pages(document: ir.Document, charts) -> tuple[bytes, dict[str, int]]:
    """Document IR and its drawn charts → the PDF's bytes and the page of each heading anchor."""
    register_fonts()
    use_fallback(document.fallback_font)
    use_cjk(document.cjk_font)
    styles = Styles(document)
    page = document.page
    buf = io.BytesIO()
    meta = document.meta
    doc = PdfDoc(buf, document, pagesize=(page.width, page.height), title=meta.title, author=meta.author,
                 subject=meta.subject, keywords=meta.keywords, creator="esgpublish",
                 producer="esgpublish (reportlab)", lang=meta.lang, initialFontName=cjk_font(), initialFontSize=10,
                 leftMargin=page.left, rightMargin=page.right, topMargin=page.top, bottomMargin=page.bottom)
    frame = Frame(page.left, page.bottom, page.frame_width, page.frame_height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    date = meta.date.strftime("D:%Y%m%d000000+00'00'")

    def stamp_dates(canv, _doc):
        canv._doc.info._dateFormatter = lambda *a: date

    def body_page(canv, d):
        stamp_dates(canv, d)
        if document.header:
            furniture(canv, d, document, document.header, page.height - page.header_y)
        furniture(canv, d, document, document.footer, page.footer_y)

    def cover_page(canv, d):
        stamp_dates(canv, d)
        cover_band(canv, document)

    templates = [PageTemplate("body", [frame], onPageEnd=body_page)]
    story: list = []
    visitor = Visitor(document, styles, charts)
    if document.cover:
        band = document.cover.band
        band_y = page.height - band.bottom
        cover_frames = [
            Frame(page.left, band_y + band.gap_above, page.frame_width, page.height - band_y - band.gap_above - page.top,
                  id="cover-band", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
            Frame(page.left, page.bottom, page.frame_width, band_y - band.gap_below - page.bottom,
                  id="cover-below", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)]
        templates.insert(0, PageTemplate("cover", cover_frames, onPage=cover_page))
        story += visitor.cover(document.cover)
        story += [NextPageTemplate("body"), PageBreak()]
    doc.addPageTemplates(templates)
    for block in document.body:
        story += visitor.block(block)
    doc.build(story, canvasmaker=PdfCanvas)
    return buf.getvalue(), dict(doc.heading_pages)
