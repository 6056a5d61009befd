"""The document IR: every word, figure and presentation decision of one edition.

Produced by ``compose``; translated by the renderers (``render/pdf``, ``render/docx``), which
decide nothing: sizes, colours, spacing, indents, column widths, page geometry, the parts of
the running header and footer and every printed word are here, resolved. The IR imports
nothing from the input side (workbook, layout, YAML); all nodes are frozen dataclasses.

Lengths are in points (1/72 in). Colours are ``#RRGGBB``. A language is a tag of the
edition (``zh``, ``en``, …) described once in ``Document.languages``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from .diagnostics import Location


# ---------------------------------------------------------------- languages and styles
@dataclass(frozen=True)
class Language:
    """A language the edition prints: its tag, BCP 47 name and script."""

    tag: str  # the key spans use: zh | en
    bcp47: str  # zh-CN | en-US
    cjk: bool  # Chinese script: set in the CJK face, broken and spaced by the clreq rules


@dataclass(frozen=True)
class CharStyle:
    """Formatting a run takes on top of its paragraph's style (None: as the paragraph)."""

    name: str
    color: str | None = None
    size: float | None = None
    bold: bool | None = None


@dataclass(frozen=True)
class ParaStyle:
    """A paragraph's look: font size, line height, colour, alignment, indents, spacing."""

    name: str
    size: float
    leading: float  # line height
    color: str
    bold: bool = False
    align: str = "left"  # left | right | center | justify
    first_indent: float = 0.0
    left_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    cjk_wrap: bool = False  # broken by the clreq rules (a Chinese paragraph or one that holds Chinese)
    script_gap: float = 0.0  # em between a hanzi and a Latin letter or digit (clreq: a quarter em)


@dataclass(frozen=True)
class Rule:
    """A line: its colour and width."""

    color: str
    width: float


@dataclass(frozen=True)
class TableLook:
    """How a table is drawn: header fill, row shading or rules, padding."""

    head: str  # ParaStyle of header cells
    body: str  # ParaStyle of body cells
    head_fill: str
    head_second: str  # CharStyle of the second language in the header
    zebra: str | None  # fill of every second body row, or None for rules between rows
    between: Rule | None  # rule between body rows
    below: Rule  # rule under the last row
    padding: float  # each side of a cell


@dataclass(frozen=True)
class BoxLook:
    """A tinted box with a rule on top (highlight cards)."""

    fill: str
    top: Rule
    padding: tuple[float, float, float, float]  # top, right, bottom, left
    gap: float  # between boxes, across and down


@dataclass(frozen=True)
class PageGeometry:
    """The page and its text block; header and footer baselines from the page's edges."""

    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    header_y: float  # the header's baseline, from the top edge
    footer_y: float  # the footer's baseline, from the bottom edge

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


# ---------------------------------------------------------------- text
@dataclass(frozen=True)
class Span:
    """A run of text in one language. ``origins`` are the cells or layout lines it came
    from (several for a change or a sum); ``keep``: not to be broken across lines."""

    text: str
    lang: str
    origins: tuple[Location, ...] = ()
    style: str | None = None  # a CharStyle name
    strong: bool = False
    keep: bool = False


Line = tuple[Span, ...]


def plain(line: Line) -> str:
    """The text of a line."""
    return "".join(s.text for s in line)


@dataclass(frozen=True)
class ChapterTitle:
    """A field: the title of the chapter the page is in (the last level-1 heading)."""


@dataclass(frozen=True)
class PageNumber:
    """A field: the page's number."""


@dataclass(frozen=True)
class PageCount:
    """A field: the number of pages."""


Part = Span | ChapterTitle | PageNumber | PageCount


@dataclass(frozen=True)
class Furniture:
    """A running header or footer: parts flush left, centred and flush right, in ``style``,
    with a rule under it (headers) or none."""

    left: tuple[Part, ...]
    center: tuple[Part, ...]
    right: tuple[Part, ...]
    style: str
    rule: Rule | None = None
    rule_below: float = 0.0  # the rule's distance under the baseline


# ---------------------------------------------------------------- blocks
@dataclass(frozen=True)
class Paragraph:
    """A paragraph: lines (one per language where a block prints several, joined by a line
    break) in a paragraph style."""

    lines: tuple[Line, ...]
    style: str
    lang: str


@dataclass(frozen=True)
class Parallel:
    """Two paragraphs side by side (Chinese and its translation), ``gap`` apart."""

    left: Paragraph
    right: Paragraph
    gap: float


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 starts a chapter. ``title`` is its text on one line, for the
    outline, the contents and the running header."""

    level: int
    lines: tuple[Line, ...]
    style: str
    anchor: str
    title: Line
    origin: Location | None = None
    new_page: bool = False
    min_space: float = 0.0  # starts a new page unless this much room is left below


@dataclass(frozen=True)
class Cell:
    """A table cell: one line per language."""

    lines: tuple[Line, ...]
    align: str = "left"  # left | right | center


@dataclass(frozen=True)
class Table:
    """A table: header row repeated on each page, rows never split, its caption above."""

    caption: Paragraph
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # column widths, summing to the text block's width
    look: TableLook
    origin: Location | None = None
    anchor: str = ""
    space_before: float = 0.0
    space_after: float = 0.0
    keep_rows: int = 2  # the caption and header stay on the page of the first this many rows


@dataclass(frozen=True)
class ChartSpec:
    """Everything a chart needs to be drawn, every printed word finished (labels wrapped,
    values, shares, legend entries and axis ticks formatted): the chart stage only places
    them. ``key`` hashes it for the chart cache."""

    kind: str  # bar | progress | grouped_bar | line | donut
    title: tuple[str, ...]  # per language (printed in the caption, not in the chart)
    subtitle: tuple[str, ...]  # lines above the plot, one per language
    labels: tuple[str, ...]  # per bar, slice or line: its printed label ("\n" between lines)
    values: tuple[float, ...]
    value_labels: tuple[str, ...]
    targets: tuple[float | None, ...]
    target_labels: tuple[str, ...]
    palette: tuple[str, ...]
    text_color: str
    muted_color: str
    font_size: float
    size_mm: tuple[float, float]
    shares: tuple[str, ...] = ()  # progress: the share printed on each bar ("" for none)
    legend: tuple[str, ...] = ()  # donut: per slice; line: per line (none for a single line)
    ticks: tuple[tuple[float, str], ...] = ()  # line: the value axis's ticks and their labels
    centre: str = ""  # donut: the total printed in the middle
    periods: tuple[str, ...] = ()  # grouped_bar and line: the years along the axis
    matrix: tuple[tuple[float | None, ...], ...] = ()  # per indicator, per period
    matrix_labels: tuple[tuple[str, ...], ...] = ()
    fallback_font: str | None = None

    def texts(self) -> tuple[str, ...]:
        """Every text the chart prints."""
        return (self.subtitle + self.labels + self.value_labels + self.target_labels + self.shares
                + self.legend + tuple(t for _, t in self.ticks) + (self.centre,) + self.periods
                + tuple(t for row in self.matrix_labels for t in row))

    @property
    def key(self) -> str:
        return hashlib.sha256(repr(self).encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Figure:
    """A chart with its caption (kept together), printed ``width`` wide, centred, with a
    one-sentence alt text per language."""

    chart: ChartSpec
    caption: Paragraph
    alt: tuple[Span, ...]
    width: float
    origin: Location | None = None
    anchor: str = ""
    space_before: float = 0.0
    space_after: float = 0.0


@dataclass(frozen=True)
class Card:
    """A highlight: a large value over its label."""

    value: Paragraph
    label: Paragraph


@dataclass(frozen=True)
class Cards:
    """Highlight cards in rows of ``columns`` boxes."""

    cards: tuple[Card, ...]
    columns: int
    look: BoxLook
    origin: Location | None = None
    space_before: float = 0.0
    space_after: float = 0.0


@dataclass(frozen=True)
class PageBreak:
    """The next block starts a page."""


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the contents: a heading's title, linked to its anchor, with its page."""

    anchor: str
    title: Line
    level: int
    style: str


@dataclass(frozen=True)
class Contents:
    """The table of contents: a title and an entry per heading down to ``depth``, with a
    leader of ``leader`` characters to the page number."""

    title: Paragraph
    entries: tuple[ContentsEntry, ...]
    depth: int
    leader: str = "."


@dataclass(frozen=True)
class CoverBand:
    """The cover's coloured band (the top of the page down to ``bottom`` from the top
    edge) and the accent bar under it."""

    color: str
    bottom: float
    accent: str
    accent_width: float
    accent_height: float
    gap_above: float  # between the band's bottom and the text on it
    gap_below: float  # between the band's bottom and the text below it


@dataclass(frozen=True)
class Cover:
    """The cover page: paragraphs on the band, and paragraphs below it."""

    band: CoverBand
    on_band: tuple[Paragraph | "Space", ...]
    below: tuple[Paragraph | "Space", ...]


@dataclass(frozen=True)
class Space:
    """Vertical space on the cover."""

    height: float


Block = Paragraph | Parallel | Heading | Table | Figure | Cards | PageBreak | Contents
BLOCKS = (Paragraph, Parallel, Heading, Table, Figure, Cards, PageBreak, Contents)


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
        return out


def _index(styles) -> dict:
    key = id(styles)
    cached = _STYLE_INDEX.get(key)
    if cached is None or cached[0] is not styles:
        cached = (styles, {s.name: s for s in styles})
        _STYLE_INDEX[key] = cached
    return cached[1]


_STYLE_INDEX: dict[int, tuple] = {}


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


def block_spans(b: Block):
    """The spans one block prints, in reading order (chart text excluded)."""
    if isinstance(b, Paragraph):
        for line in b.lines:
            yield from line
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
    elif isinstance(b, Cards):
        for card in b.cards:
            yield from block_spans(card.value)
            yield from block_spans(card.label)
    elif isinstance(b, Figure):
        yield from block_spans(b.caption)
        yield from b.alt
    elif isinstance(b, PageBreak):
        return
    else:
        raise TypeError(f"not an IR block: {type(b).__name__}")
