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


def _reportlab_defaults() -> None:
    """reportlab's own defaults, whatever ``~/.reportlab_settings``, a ``reportlab_settings.py``
    on the path or ``RL_*`` variables say: the PDF depends on the report alone. Runs before
    any other reportlab module is imported (several copy settings as they load)."""
    import copy

    from reportlab import rl_settings
    from reportlab.lib import pagesizes

    for name in rl_settings.__all__:
        if name.endswith("SearchPath") or not hasattr(rl_config, name):  # font paths: ours are given by file
            continue
        value = copy.deepcopy(getattr(rl_settings, name))
        if name == "defaultPageSize":
            value = getattr(pagesizes, value)
        elif name.endswith("Glob"):  # as rl_config converts it: a space-separated list
            value = value.split() if value else []
        setattr(rl_config, name, value)
    rl_config.invariant = 1
    rl_config.useA85 = 0  # binary streams: a quarter smaller than ASCII85, and faster


_reportlab_defaults()

from reportlab.platypus import Frame, NextPageTemplate, PageBreak, PageTemplate  # noqa: E402

from ... import ir  # noqa: E402
from . import trace
from .blocks import Visitor
from .media import cover_logo
from .notes import NoteFrame, Notes, all_notes
from .pages import PdfCanvas, PdfDoc, cover_band, furniture
from .text import Styles, cjk_font, register_fonts, use_cjk, use_fallback

_register_fonts = register_fonts  # the pipeline's workers load the fonts as they start


def render_pdf(document: ir.Document, charts) -> bytes:
    """Document IR and its drawn charts → the PDF's bytes."""
    return render_pdf_pages(document, charts)[0]


MAX_PASSES = 4  # layouts of a document whose page references change its pagination
NOTE_PASSES = 6  # layouts of a document with footnotes, until each page keeps room for its notes


def render_pdf_pages(document: ir.Document, charts) -> tuple[bytes, dict[str, int]]:
    """Document IR and its drawn charts → the PDF's bytes and the page of each anchor
    (headings, captions, anchored paragraphs)."""
    data, pages, _ = render_pdf_traced(document, charts)
    return data, pages


def render_pdf_traced(document: ir.Document, charts, attach: trace.Attach | None = None
                      ) -> tuple[bytes, dict[str, int], list[ir.PdfPlacement]]:
    """Document IR and its drawn charts → the PDF's bytes, the page of each anchor and where
    each span with origins was drawn; ``attach(placements)`` gives a file to embed. A
    document with page references (a content index's pages) is laid out again with the
    pages found until they agree; one with footnotes until every page keeps room at its foot
    for the notes it cites (after two layouts the room only grows, so that it ends). The
    placements are those of the last layout."""
    refs = ir.has_page_refs(document)
    notes = bool(all_notes(document))
    kept: dict[int, tuple[int, ...]] = {}
    data, pages, found, placed = _traced_once(document, charts, attach, kept)
    for n in range(1, max(MAX_PASSES if refs else 1, NOTE_PASSES if notes else 1)):
        resolved = ir.resolve_page_refs(document, pages) if refs and n < MAX_PASSES else document
        fits = all(set(v) <= set(kept.get(p, ())) for p, v in found.items())
        if resolved == document and fits and (n > 2 or found == kept):
            break
        if n <= 2:
            kept = found
        else:  # the room only grows: each page keeps what any layout put there
            kept = {p: tuple(dict.fromkeys(kept.get(p, ()) + found.get(p, ()))) for p in {*kept, *found}}
        document = resolved
        data, pages, found, placed = _traced_once(document, charts, attach, kept)
    return data, pages, placed


def _traced_once(document: ir.Document, charts, attach, kept: dict
                 ) -> tuple[bytes, dict[str, int], dict[int, tuple[int, ...]], list[ir.PdfPlacement]]:
    """One layout, with the places of the spans drawn recorded."""
    recorder = trace.start()
    try:
        data, pages, found = _render_once(document, charts, attach, kept)
    finally:
        trace.stop()
    return data, pages, found, recorder.placed


def _render_once(document: ir.Document, charts, attach=None, kept: dict | None = None
                 ) -> tuple[bytes, dict[str, int], dict[int, tuple[int, ...]]]:
    """One layout of the document, keeping room for ``kept`` notes (page → numbers) → the
    PDF's bytes, the page of each anchor and the notes each page cited."""
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
    notes = Notes(document, styles)
    frame = NoteFrame(page.left, page.bottom, page.frame_width, page.frame_height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    frame.reserve = notes.reserve(page.frame_width, kept or {})
    date = meta.date.strftime("D:%Y%m%d000000+00'00'")

    def stamp_dates(canv, _doc):
        canv._doc.info._dateFormatter = lambda *a: date

    def body_page(canv, d):
        stamp_dates(canv, d)
        if document.header:
            furniture(canv, d, document, document.header, page.height - page.header_y)
        furniture(canv, d, document, document.footer, page.footer_y)
        notes.draw(canv, page.left, page.bottom, page.frame_width)

    def cover_page(canv, d):
        stamp_dates(canv, d)
        cover_band(canv, page, document.cover)
        cover_logo(canv, page, document.cover)

    def back_page(canv, d):
        stamp_dates(canv, d)
        cover_band(canv, page, document.back_cover)
        cover_logo(canv, page, document.back_cover)

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
    for block in document.body:
        story += visitor.block(block)
    if document.back_cover:  # its own page: the band's frame only, no header, footer or notes
        templates.append(PageTemplate("back", [Frame(
            page.left, page.bottom, page.frame_width, page.height - page.top - page.bottom, id="back",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)], onPage=back_page))
        story += [NextPageTemplate("back"), PageBreak(), *visitor.cover(document.back_cover)]
    doc.addPageTemplates(templates)
    canvases: list = []

    def canvasmaker(*args, **kw):
        canvases.append(PdfCanvas(*args, attach=attach, **kw))
        notes.found.clear()
        notes.install(canvases[-1])
        canv = canvases[-1]
        frame.page_of = lambda: canv.getPageNumber()  # a function: reportlab deep-copies frames
        return canvases[-1]
    doc.build(story, canvasmaker=canvasmaker)
    found = {p: tuple(v) for p, v in notes.found.items()}
    return buf.getvalue(), {**canvases[-1].anchor_pages, **doc.heading_pages}, found
