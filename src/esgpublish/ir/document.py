"""The IR document: one edition, its metadata and styles, and walks over the spans it prints."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .looks import Language, CharStyle, ParaStyle, PageGeometry
from .lists import ItemList
from .nodes import NoteRef, PageRefs, Span, Furniture, Paragraph, Parallel, Heading, Table, ChartSpec, Figure, Cards, PageBreak, Contents, Cover, Block
from .media import Box, Image, media_spans


@dataclass(frozen=True)
class Metadata:
    """The file's properties."""

    title: str
    author: str
    subject: str
    keywords: str
    lang: str  # BCP 47
    date: dt.date


@dataclass(frozen=True)
class Document:
    """One edition of one report, ready for any renderer."""

    edition: str
    languages: tuple[Language, ...]
    meta: Metadata
    page: PageGeometry
    char_styles: tuple[CharStyle, ...]
    para_styles: tuple[ParaStyle, ...]
    cover: Cover | None
    body: tuple[Block, ...]
    header: Furniture | None
    footer: Furniture
    charts: tuple[ChartSpec, ...] = field(default=())
    fallback_font: str | None = None  # a font file for what the shipped faces lack
    cjk_font: str = "Noto Sans SC"  # the family hanzi are set in: Noto Sans SC, or Noto Sans HK (Traditional)
    back_cover: Cover | None = None  # the last page: the band over the whole page, no header or footer

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(lang.tag for lang in self.languages)

    def language(self, tag: str) -> Language:
        """The edition's language of this tag."""
        for lang in self.languages:
            if lang.tag == tag:
                return lang
        raise KeyError(tag)

    def para_style(self, name: str) -> ParaStyle:
        return _index(self.para_styles)[name]

    def char_style(self, name: str) -> CharStyle:
        return _index(self.char_styles)[name]

    def text_chars(self) -> set[str]:
        """Every character the document prints (for font subsetting and glyph checks)."""
        out: set[str] = set("0123456789")
        for span in spans(self):
            out.update(span.text)
        for b in self.body:
            if isinstance(b, Figure):
                for text in b.chart.title + b.chart.texts():
                    out.update(text)
            elif isinstance(b, Table) and b.continued:  # printed where a page breaks the table
                for span in block_spans(b.continued):
                    out.update(span.text)
        return out


def _index(styles) -> dict:
    key = id(styles)
    cached = _STYLE_INDEX.get(key)
    if cached is None or cached[0] is not styles:
        cached = (styles, {s.name: s for s in styles})
        _STYLE_INDEX[key] = cached
        while len(_STYLE_INDEX) > STYLE_INDEXES_KEPT:  # each holds its styles: never all of a long batch's
            del _STYLE_INDEX[next(iter(_STYLE_INDEX))]
    return cached[1]


_STYLE_INDEX: dict[int, tuple] = {}
STYLE_INDEXES_KEPT = 64


def spans(document: Document):
    """Every span the document prints, in reading order (cover, header, body, footer)."""
    def para(p):
        for line in p.lines:
            yield from line

    def parts(f: Furniture | None):
        if f:
            for part in f.left + f.center + f.right:
                if isinstance(part, Span):
                    yield part
    if document.cover:
        for item in document.cover.on_band + document.cover.below:
            if isinstance(item, Paragraph):
                yield from para(item)
    yield from parts(document.header)
    for b in document.body:
        yield from block_spans(b)
    yield from parts(document.footer)
    if document.back_cover:
        for item in document.back_cover.on_band + document.back_cover.below:
            if isinstance(item, Paragraph):
                yield from para(item)


def block_spans(b: Block):
    """The spans one block prints, in reading order (chart text excluded)."""
    if isinstance(b, Paragraph):
        for line in b.lines:
            yield from _with_notes(line)
    elif isinstance(b, ItemList):
        for item in b.items:
            yield Span(item.label, b.lang)
            for line in item.lines:
                yield from _with_notes(line)
    elif isinstance(b, Parallel):
        yield from block_spans(b.left)
        yield from block_spans(b.right)
    elif isinstance(b, Heading):
        for line in b.lines:
            yield from line
    elif isinstance(b, Contents):
        yield from block_spans(b.title)
        for e in b.entries:
            yield from e.title
    elif isinstance(b, Table):
        yield from block_spans(b.caption)
        for row in (b.header,) + b.rows:
            for cell in row:
                for line in cell.lines:
                    yield from line
        for note in b.notes:
            yield from block_spans(note)
    elif isinstance(b, Cards):
        for card in b.cards:
            yield from block_spans(card.value)
            yield from block_spans(card.label)
    elif isinstance(b, Figure):
        yield from block_spans(b.caption)
        yield from b.alt
    elif isinstance(b, PageBreak):
        return
    elif isinstance(b, (Image, Box)):
        yield from media_spans(b)
    else:
        raise TypeError(f"not an IR block: {type(b).__name__}")


def _with_notes(line):
    """A line's spans, each footnote's text after its citation."""
    for span in line:
        yield span
        if isinstance(span, NoteRef) and span.note:
            for note_line in span.note.lines:
                yield from note_line


def footnotes(b: Block) -> list:
    """The footnotes a block cites, in order."""
    return [s.note for s in block_spans(b) if isinstance(s, NoteRef) and s.note]


def page_refs_text(anchors: tuple[str, ...], pages: dict[str, int], sep: str = ", ") -> str:
    """Anchors and the page each fell on → the page numbers printed, each once, in order."""
    found = sorted({pages[a] for a in anchors if a in pages})
    return sep.join(str(p) for p in found)


def resolve_page_refs(document: Document, pages: dict[str, int]) -> Document:
    """The document with every ``PageRefs`` span's text set to the pages its anchors fell on."""
    from dataclasses import replace

    def line(ln):
        return tuple(replace(s, text=page_refs_text(s.anchors, pages, s.sep)) if isinstance(s, PageRefs) else s
                     for s in ln)

    def block(b):
        if isinstance(b, Table):
            return replace(b, rows=tuple(tuple(replace(c, lines=tuple(line(ln) for ln in c.lines)) for c in row)
                                         for row in b.rows))
        return b
    return replace(document, body=tuple(block(b) for b in document.body))


def has_page_refs(document: Document) -> bool:
    """Whether any span of the document prints pages (a content index with page numbers)."""
    return any(isinstance(s, PageRefs) for b in document.body for s in block_spans(b))
