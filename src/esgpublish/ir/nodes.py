"""IR nodes: spans and lines, furniture parts, blocks (paragraphs, headings, tables, figures, cards, contents) and the cover."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..diagnostics import Location
from .looks import Rule, TableLook, BoxLook, NoteLook
from .scatter import Scatter


# ---------------------------------------------------------------- text
@dataclass(frozen=True)
class Span:
    """A run of text in one language. ``origins`` are the cells or layout lines it came
    from (several for a change or a sum); ``keep``: not to be broken across lines;
    ``placeholder``: the narrative's ``{placeholder}`` this span fills (a figure printed in a
    narrative, which the DOCX locks), else none."""

    text: str
    lang: str
    origins: tuple[Location, ...] = ()
    style: str | None = None  # a CharStyle name
    strong: bool = False
    keep: bool = False
    link: str = ""  # an http(s) or mailto address the text links to, else none
    placeholder: str = ""  # the raw placeholder it fills, e.g. "{charity_donation}", else none


@dataclass(frozen=True)
class PageRefs(Span):
    """The pages where ``anchors`` print (a content index's 'page' cell): ``text`` is the
    numbers as last known (a placeholder of the same shape before the first layout); the
    PDF renderer lays the document out again until they agree with where the anchors fell
    (``ir.resolve_page_refs``), the DOCX writes a PAGEREF field per page prefilled with it."""

    anchors: tuple[str, ...] = ()
    sep: str = ", "


Line = tuple[Span, ...]


@dataclass(frozen=True)
class Footnote:
    """A footnote: its number (per document), its text in ``style``; it prints its number in
    ``mark_style`` and ``sep`` before the text, at the foot of the page that cites it."""

    number: int
    lines: tuple[Line, ...]
    style: str
    lang: str
    mark_style: str
    look: NoteLook
    sep: str = " "


@dataclass(frozen=True)
class NoteRef(Span):
    """A footnote's citation: ``text`` is its number, printed in ``style`` (a superscript mark)."""

    note: Footnote | None = None


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
    anchor: str = ""  # a place a content index points to (its page), else none
    narrative: str = ""  # the id of the narrative it prints (in ``lang``), else none


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
    running: Line = ()  # level 1: the title as the running header prints it (shortened to fit), if not ``title``


@dataclass(frozen=True)
class Cell:
    """A table cell: one line per language."""

    lines: tuple[Line, ...]
    align: str = "left"  # left | right | center
    indent: float = 0.0  # from the cell's start edge (a category under its dimension)
    anchor: str = ""  # a place a content index points to (the row of an indicator), else none


@dataclass(frozen=True)
class Table:
    """A table: header row repeated on each page, rows never split (unless one is taller
    than a page), its caption above."""

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
    continued: Paragraph | None = None  # the caption on each page the table runs on to
    split_rows: bool = False  # a row is taller than a page: rows may then break across pages
    notes: tuple[Paragraph, ...] = ()  # the table's notes (a, b, c …), under it and kept with its last row


@dataclass(frozen=True)
class ChartSpec:
    """Everything a chart needs to be drawn, every printed word finished (labels wrapped,
    values, shares, legend entries and axis ticks formatted): the chart stage only places
    them. ``key`` hashes it for the chart cache."""

    kind: str  # bar | progress | grouped_bar | line | donut | stacked_bar
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
    font: str = "Noto Sans SC"  # the CJK family the labels are set in (Noto Sans HK for Traditional)
    scatter: Scatter | None = None  # materiality: the points, their placed labels, the axes

    def texts(self) -> tuple[str, ...]:
        """Every text the chart prints."""
        return (self.subtitle + self.labels + self.value_labels + self.target_labels + self.shares
                + self.legend + tuple(t for _, t in self.ticks) + (self.centre,) + self.periods
                + tuple(t for row in self.matrix_labels for t in row)
                + (self.scatter.texts() if self.scatter else ()))

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
    keep_with_previous: bool = False  # ends its chapter: never alone on a page, the end of the block before goes with it


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
    anchor: str = ""
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
    accent_y: float | None = None  # the accent bar's top from the page's top (None: under the band)

    @property
    def accent_top(self) -> float:
        return self.bottom if self.accent_y is None else self.accent_y


@dataclass(frozen=True)
class Cover:
    """The cover page: paragraphs on the band, and paragraphs below it."""

    band: CoverBand
    on_band: tuple[Paragraph | "Space", ...]
    below: tuple[Paragraph | "Space", ...]
    logo: "CoverLogo | None" = None


@dataclass(frozen=True)
class Space:
    """Vertical space on the cover."""

    height: float


from .media import Box, CoverLogo, Image  # noqa: E402  (they hold paragraphs)
from .lists import ItemList, ListItem  # noqa: E402  (a list block: ir/lists.py)

Block = Paragraph | Parallel | Heading | Table | Figure | Cards | PageBreak | Contents | Image | Box | ItemList
BLOCKS = (Paragraph, Parallel, Heading, Table, Figure, Cards, PageBreak, Contents, Image, Box, ItemList)
