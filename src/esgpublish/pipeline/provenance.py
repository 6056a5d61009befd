"""The provenance record of an output: where each printed figure was placed and where it comes from.

The renderers report where they printed each span that carries origins (``ir.PdfPlacement``,
``ir.DocxPlacement``); here those placements meet what the workbook says of each cell (its
indicator, column, source quote and note: ``Source``) and become the record written beside
the output as ``<output>.sources.json`` and, in a PDF, embedded as a file of that name.
A figure is a placed span with a digit in it that comes from a figure's cell (a value, a
target, a baseline, a year, a date, a derived indicator's expression); one computed from
others (a change, a derived intensity) lists every cell it comes from. The record is
deterministic: the placements in printing order, keys sorted, no time stamps.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .. import cachekey, ir
from ..diagnostics import Location
from ..model.dataset import Dataset, Text

SUFFIX = ".sources.json"
FORMAT = "esgpublish-sources"
VERSION = 1
MIME = "application/json"
FIGURE_FIELDS = frozenset({"value", "target_value", "baseline_value", "period", "baseline_year", "target_year",
                           "as_of", "expression", "history", "breakdown", "reporting_year", "publication_date"})


@dataclass(frozen=True)
class Source:
    """What the workbook says of one cell: the indicator it belongs to (if any), its column,
    the indicator's source quote and note, and, for a computed value, the cells it is computed from."""

    field: str
    indicator: str | None = None
    quote: str | None = None
    note: Text | None = None
    inputs: tuple[Location, ...] = ()


def sidecar_path(output: Path) -> Path:
    """An output file → its provenance record beside it."""
    return output.with_name(output.name + SUFFIX)


def catalogue(dataset: Dataset) -> dict[Location, Source]:
    """Every cell a printed figure can come from → what the workbook says of it."""
    out: dict[Location, Source] = {}
    for key, loc in dataset.meta.origins.items():
        out.setdefault(loc, Source(key))
    for ind in dataset.indicators.values():
        def put(loc: Location, field: str, inputs: tuple[Location, ...] = ()) -> None:
            out.setdefault(loc, Source(field, ind.id, ind.source_quote, ind.note, inputs))
        derived = tuple(ind.derived_from)
        if derived:
            put(ind.cell("value"), "expression", derived)
        for key, loc in sorted(ind.cells.items()):
            put(loc, key)
        for p in ind.history:
            put(p.origin, "history", derived if p.origin == ind.cell("value") else ())
        for b in ind.breakdowns:
            put(b.origin, "breakdown")
        for g in ind.gaps:
            put(g.origin, "status")
    return out


def sources_of(document: ir.Document, cells: dict[Location, Source]) -> dict[Location, Source]:
    """The part of the catalogue one document's spans come from (with the inputs of computed values)."""
    out: dict[Location, Source] = {}
    todo = [loc for span in ir.spans(document) for loc in span.origins]
    while todo:
        loc = todo.pop()
        if loc in cells and loc not in out:
            out[loc] = cells[loc]
            todo.extend(cells[loc].inputs)
    return out


def key(output_key: str, sources: dict[Location, Source]) -> str:
    """An output's up-to-date key with what its record says of the cells (quotes and notes are not in the IR)."""
    listed = sorted((repr(loc), repr(src)) for loc, src in sources.items())
    return cachekey.key("sources", output_key, repr(listed))


def is_figure(span: ir.Span, sources: dict[Location, Source]) -> bool:
    """A span that prints a figure: a digit in it, from a figure's cell."""
    return any(ch.isdigit() for ch in span.text) and any(
        loc in sources and sources[loc].field in FIGURE_FIELDS for loc in span.origins)


def _cells(span: ir.Span, sources: dict[Location, Source]) -> list[Location]:
    """Every cell a span comes from: its origins, then the inputs they are computed from."""
    out = list(dict.fromkeys(span.origins))
    for loc in list(out):
        for inp in sources[loc].inputs if loc in sources else ():
            if inp not in out:
                out.append(inp)
    return [loc for loc in out if loc.sheet is not None]  # workbook cells (not layout lines)


def _source(loc: Location, src: Source | None) -> dict:
    entry: dict = {"location": str(loc), **loc.as_dict()}
    if src is not None:
        entry["field"] = src.field
        if src.indicator:
            entry["indicator"] = src.indicator
        if src.quote:
            entry["quote"] = src.quote
        if src.note:
            entry["note"] = {"zh": src.note.zh, "en": src.note.en}
    return entry


def _where(placement: ir.Placement) -> dict:
    if isinstance(placement, ir.PdfPlacement):
        return {"page": placement.page, "x": placement.x, "y": placement.y}
    where = {"part": placement.part, "paragraph": placement.paragraph}
    if placement.table is not None:
        where.update(table=placement.table, row=placement.row, cell=placement.cell)
    return where


def record(name: str, edition: str, placements: list[ir.Placement], sources: dict[Location, Source]) -> bytes:
    """An output's placements → its provenance record (JSON bytes)."""
    figures = [{"text": p.span.text, "lang": p.span.lang, "where": _where(p),
                "sources": [_source(loc, sources.get(loc)) for loc in _cells(p.span, sources)]}
               for p in placements if is_figure(p.span, sources)]
    workbooks = sorted({s["file"] for f in figures for s in f["sources"]})
    data = {"format": FORMAT, "version": VERSION, "output": name, "edition": edition, "workbooks": workbooks,
            "figures": figures}
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


class PdfAttach:
    """The record a PDF embeds, made from where its spans were drawn (a picklable callable)."""

    def __init__(self, name: str, edition: str, sources: dict[Location, Source]):
        self.name, self.edition, self.sources = name, edition, sources
        self.data: bytes | None = None

    def __call__(self, placements: list[ir.PdfPlacement]) -> tuple[str, bytes, str, str]:
        self.data = record(self.name, self.edition, placements, self.sources)
        return (self.name + SUFFIX, self.data, MIME,
                "esgpublish: where each printed figure comes from (workbook cell and source quote)")
