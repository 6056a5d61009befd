"""The document IR: what is printed, in which language, and where each value came from.

Produced by ``compose``; translated by the renderers (``render/pdf.py``, ``render/docx.py``),
which add no words of their own. All nodes are frozen dataclasses.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from .diagnostics import Location
from .read.layout import Page, Theme
from .model.dataset import Lang


@dataclass(frozen=True)
class Span:
    """A run of text in one language; ``origin`` is the cell or layout line it came from."""

    text: str
    lang: Lang
    origin: Location | None = None
    strong: bool = False
    keep: bool = False  # a value with its qualifier and unit: not to be broken across lines


Line = tuple[Span, ...]


def plain(line: Line) -> str:
    return "".join(s.text for s in line)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph in one language; ``role`` is body, lead, note or disclaimer."""

    spans: Line
    lang: Lang
    role: str = "body"


@dataclass(frozen=True)
class Parallel:
    """A Chinese paragraph and its English translation, side by side."""

    left: Paragraph
    right: Paragraph


@dataclass(frozen=True)
class Heading:
    """A heading: one line per language of the edition; level 1 starts a chapter."""

    level: int
    lines: tuple[Line, ...]
    anchor: str
    origin: Location | None = None
    new_page: bool = False


@dataclass(frozen=True)
class Cell:
    """A table cell: one line per language (a line printed once when both agree)."""

    lines: tuple[Line, ...]
    align: str = "left"  # left | right | center


@dataclass(frozen=True)
class Column:
    header: tuple[Line, ...]
    width: float  # relative width
    align: str = "left"


@dataclass(frozen=True)
class Table:
    """A KPI table: a header row, data rows that may not be split, a caption."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: tuple[Line, ...]
    origin: Location | None = None
    anchor: str = ""


@dataclass(frozen=True)
class ChartSpec:
    """Everything a chart needs to be drawn; ``key`` hashes it for the chart cache."""

    kind: str  # bar | progress | grouped_bar | line | donut
    title: tuple[str, ...]
    subtitle: tuple[str, ...]
    labels: tuple[tuple[str, ...], ...]  # per bar, one line per language
    values: tuple[float, ...]
    value_labels: tuple[str, ...]
    targets: tuple[float | None, ...]
    target_labels: tuple[str, ...]
    percent: bool
    palette: tuple[str, ...]
    text_color: str
    muted_color: str
    font_size: float
    size_mm: tuple[float, float]
    langs: tuple[Lang, ...]
    periods: tuple[str, ...] = ()  # grouped_bar and line: the years along the axis
    matrix: tuple[tuple[float | None, ...], ...] = ()  # per indicator, per period
    matrix_labels: tuple[tuple[str, ...], ...] = ()
    fallback_font: str | None = None

    @property
    def key(self) -> str:
        return hashlib.sha256(repr(self).encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Figure:
    """A chart with its caption and a one-sentence alt text per language."""

    chart: ChartSpec
    caption: tuple[Line, ...]
    alt: tuple[Span, ...]
    origin: Location | None = None
    anchor: str = ""


@dataclass(frozen=True)
class Card:
    """A highlight: a large value and its label, one line per language each."""

    value: tuple[Line, ...]
    label: tuple[Line, ...]


@dataclass(frozen=True)
class Cards:
    """Highlight cards laid out in a grid of ``columns``."""

    cards: tuple[Card, ...]
    columns: int = 3
    origin: Location | None = None


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Contents:
    """The table of contents: its title and the heading levels it lists."""

    title: tuple[Line, ...]
    depth: int = 2


@dataclass(frozen=True)
class Cover:
    title: tuple[Line, ...]
    subtitle: tuple[Line, ...]
    company: tuple[Line, ...]
    date: tuple[Line, ...]
    disclaimer: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: str
    lang: str  # BCP 47: zh-CN | en
    date: dt.date


Block = Paragraph | Parallel | Heading | Table | Figure | Cards | PageBreak | Contents


@dataclass(frozen=True)
class Document:
    """One edition of one report, ready for any renderer."""

    edition: str  # zh | en | bilingual
    langs: tuple[Lang, ...]
    meta: Metadata
    page: Page
    theme: Theme
    cover: Cover | None
    body: tuple[Block, ...]
    running_header: Line
    footer: str  # with {page} and {pages}, replaced by the renderer (no other braces are special)
    show_header: bool = True
    charts: tuple[ChartSpec, ...] = field(default=())
    fallback_font: str | None = None  # the layout's font for what the shipped faces lack

    def text_chars(self) -> set[str]:
        """Every character the document prints (for font subsetting and glyph checks)."""
        out: set[str] = set(self.footer) | set("0123456789") | set(plain(self.running_header))
        def line_chars(lines):
            for line in lines:
                for span in line:
                    out.update(span.text)
        if self.cover:
            for part in (self.cover.title, self.cover.subtitle, self.cover.company, self.cover.date):
                line_chars(part)
            for p in self.cover.disclaimer:
                line_chars([p.spans])
        for b in self.body:
            if isinstance(b, Paragraph):
                line_chars([b.spans])
            elif isinstance(b, Parallel):
                line_chars([b.left.spans, b.right.spans])
            elif isinstance(b, Heading):
                line_chars(b.lines)
            elif isinstance(b, Contents):
                line_chars(b.title)
            elif isinstance(b, Table):
                line_chars(b.caption)
                for col in b.columns:
                    line_chars(col.header)
                for row in b.rows:
                    for cell in row:
                        line_chars(cell.lines)
            elif isinstance(b, Cards):
                for card in b.cards:
                    line_chars(card.value)
                    line_chars(card.label)
            elif isinstance(b, Figure):
                line_chars(b.caption)
                line_chars([b.alt])
                for text in b.chart.title + b.chart.subtitle + b.chart.value_labels + b.chart.target_labels:
                    out.update(text)
                for lab in b.chart.labels:
                    for text in lab:
                        out.update(text)
        return out
