"""Stage 5b — the DOCX renderer: ``ir.Document`` + chart files → DOCX bytes (python-docx).

The only package that imports python-docx. It translates the IR and decides nothing:
``styles`` writes the IR's styles as Word styles, ``blocks`` visits each IR node,
``pictures`` adds charts as SVG with a PNG fallback, ``controls`` puts each narrative and the
figures it prints in content controls (the Word review round trip), ``package`` embeds the font
subsets and writes settings and properties, ``oxml`` inserts every element in schema order. The package
is written with fixed timestamps, so builds are byte-identical.
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from ... import fonts, ir
from ...ooxml import normalise_package
from . import controls, media, package, pictures, styles, trace
from .blocks import Writer, _space_before
from .oxml import border, field, props, put, shade, sub, twips
from .package import _obfuscate  # noqa: F401  (tests read embedded fonts back with it)


def render_docx(document: ir.Document, charts, embed_full_fonts: bool = False, font_cache=None,
                font_chars=None, pages: dict[str, int] | None = None) -> bytes:
    """Document IR and its drawn charts → the DOCX's bytes. Fonts are embedded as subsets of
    ``font_chars`` (default: the document's own characters; a publish passes the union of its
    editions, so each face is subset once), cached in ``font_cache``, or whole with
    ``embed_full_fonts``. ``pages`` (heading anchor → page, from the PDF) prefills the contents."""
    return render_docx_traced(document, charts, embed_full_fonts, font_cache, font_chars, pages)[0]


def render_docx_traced(document: ir.Document, charts, embed_full_fonts: bool = False, font_cache=None,
                       font_chars=None, pages: dict[str, int] | None = None) -> tuple[bytes, list[ir.DocxPlacement]]:
    """As ``render_docx``, → also where each span with origins was put (part, paragraph, table cell)."""
    d = Document(io.BytesIO(_template()))
    fallback_family = fonts.family_name(Path(document.fallback_font)) if document.fallback_font else None
    ids = styles.install(d, document)
    _page(d, document)
    writer = Writer(d, document, ids, charts, pages or {}, fallback_family)
    if document.cover:
        _cover(writer, document.page, document.cover)
    _furniture(writer, document)
    for block in document.body:
        writer.block(block)
    if document.back_cover:
        _back_cover(writer, document)
    package.settings(d, document)
    controls.doc_vars(d, writer.narratives)
    package.properties(d, document.meta)
    package.drop_template_leftovers(d)
    package.embed_fonts(d, document, embed_full_fonts, font_cache, font_chars, fallback_family)
    placed = trace.locate(writer.written)
    buf = io.BytesIO()
    d.save(buf)
    return normalise_package(buf.getvalue(), document.meta.date), placed


@lru_cache(maxsize=1)
def _template() -> bytes:
    """python-docx's default template, read once per process (``Document()`` reads the file each time)."""
    from docx.api import _default_docx_path

    return Path(_default_docx_path()).read_bytes()


def _page(d, document: ir.Document) -> None:
    page = document.page
    sec = d.sections[0]
    sec.page_width, sec.page_height = Pt(page.width), Pt(page.height)
    sec.orientation = WD_ORIENT.LANDSCAPE if page.width > page.height else WD_ORIENT.PORTRAIT
    sec.top_margin, sec.bottom_margin = Pt(page.top), Pt(page.bottom)
    sec.left_margin, sec.right_margin = Pt(page.left), Pt(page.right)
    furniture = document.para_style(document.footer.style)
    # Word places the header's top and the footer's bottom: from the IR's baselines
    sec.header_distance = Pt(max(0.0, page.header_y - furniture.size))
    sec.footer_distance = Pt(max(0.0, page.footer_y - furniture.size * 0.3))
    for p in list(d.element.body.iterchildren(qn("w:p"))):  # the template's empty paragraph
        d.element.body.remove(p)


def _cover(w: Writer, page: ir.PageGeometry, cover: ir.Cover, back: bool = False) -> None:
    """A cover: the band and accent bar as pictures behind the text; the paragraphs on
    the band in a row exactly as high as the band below the top margin (and above the bottom
    one), then the rest and a page break (none after the back cover)."""
    band = cover.band
    tbl = w.table_el([page.frame_width], margins=(0, 0, 0, 0))
    tr = w.row(tbl)
    height = put(props(tr, "w:trPr"), "w:trHeight")
    height.set(qn("w:val"), twips(min(band.bottom, page.height - page.bottom) - page.top - (2.0 if back else 0.0)))
    height.set(qn("w:hRule"), "exact")
    tc = w.cell(tr, page.frame_width)
    # text on the band starts at the top margin, as in the PDF's frame
    first = _cover_items(w, cover.on_band, tc, 0.0)
    if first is None:  # (an lxml element's truth is its having children: test for None)
        first = w.para(tc, "furniture")
    name = "Back cover" if back else "Cover"
    pictures.add_band(w.d, first, page, cover, 910 if back else 900, name)
    if cover.logo:
        media.cover_logo(w, first, cover, name)
    _cover_items(w, cover.below, None, band.gap_below)
    if back:
        return
    br = sub(sub(w.para(None, "furniture"), "w:r"), "w:br")
    br.set(qn("w:type"), "page")


def _back_cover(w: Writer, document: ir.Document) -> None:
    """The back cover: a section of its own (a new page) with an empty header and footer
    (its own, not the body's: LibreOffice ignores an empty first-page header there), then the cover."""
    from docx.enum.section import WD_SECTION

    sec = w.d.add_section(WD_SECTION.NEW_PAGE)
    sec.different_first_page_header_footer = False
    for part in (sec.header, sec.footer):
        part.is_linked_to_previous = False
        el = part._element
        for child in list(el):
            el.remove(child)
        w.para(el, "furniture")
    w.spacer(1.0)  # LibreOffice keeps the body's page style where a section starts with a table
    _cover(w, document.page, document.back_cover, back=True)


def _cover_items(w: Writer, items, container, space: float):
    """Cover paragraphs into ``container`` (None: the body), each ``Space`` before a paragraph
    becoming its space before (``space`` to start with); → the first paragraph, or None."""
    first = None
    for item in items:
        if isinstance(item, ir.Space):
            space += item.height
        elif isinstance(item, ir.Paragraph):
            p = w.paragraph_into(container, item)
            _space_before(p, space)
            space = 0.0
            first = first if first is not None else p
        else:
            raise TypeError(f"no DOCX translation for cover item {type(item).__name__}")
    return first


def _furniture(w: Writer, document: ir.Document) -> None:
    """Header and footer: left, centre and right parts at tab stops; the chapter as a STYLEREF
    field, page number and count as PAGE and NUMPAGES fields; the header's rule as a border."""
    sec = w.d.sections[0]
    if document.cover:
        sec.different_first_page_header_footer = True
    for f, part in ((document.header, sec.header), (document.footer, sec.footer)):
        el = part._element
        for p in list(el):
            el.remove(p)
        if f is None:
            w.para(el, "furniture")
            continue
        p = w.para(el, f.style)
        ppr = p.find(qn("w:pPr"))
        spacing = put(ppr, "w:spacing")
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")
        width = document.page.frame_width
        stops = [(kind, pos) for kind, pos, parts in (("center", width / 2, f.center), ("right", width, f.right))
                 if parts]
        if stops:  # a stop only where parts are: a tab then goes to the stop of its parts
            tabs = put(ppr, "w:tabs")
            for kind, pos in stops:
                tab = sub(tabs, "w:tab", kind)
                tab.set(qn("w:pos"), twips(pos))
        if f.rule:
            border(put(ppr, "w:pBdr"), "bottom", f.rule.color, f.rule.width, space=f.rule_below * 0.5)
        for k, parts in enumerate((f.left, f.center, f.right)):
            if k and parts:
                sub(sub(p, "w:r"), "w:tab")
            for part_ in parts:
                _part(w, p, part_, document)


def _part(w: Writer, p, part, document: ir.Document) -> None:
    if isinstance(part, ir.Span):
        w.runs(p, (part,))
    elif isinstance(part, ir.ChapterTitle):
        first = next((b for b in document.body if isinstance(b, ir.Heading) and b.level == 1), None)
        field(p, f'STYLEREF "{styles.word_name("h1")}"', ir.plain(first.title) if first else "")
    elif isinstance(part, ir.PageNumber):
        field(p, "PAGE", "1")
    elif isinstance(part, ir.PageCount):
        field(p, "NUMPAGES", "1")
    else:
        raise TypeError(f"no DOCX translation for furniture part {type(part).__name__}")


__all__ = ["render_docx", "render_docx_traced", "shade"]
