"""The workbook's Traditional Chinese, for the zh-hant editions: Dataset → diagnostics.

A Chinese text cell is printed in Traditional Chinese from its ``*_zh_hant`` cell when the
row has one, else converted from the Simplified text by OpenCC's s2hk. A reviewer checks
the converted cells of a row and marks the row reviewed: its ``reviewed_zh_hant`` cell holds
``traditional.review_mark`` of the row's converted Simplified texts (in column order).

- a converted cell of a row not marked: a note (``list_cells``), or one summary note;
- a mark that no longer matches (the Simplified text changed since): a warning at the mark;
- a Traditional text a glyph of which the HK face lacks: an error at the cell.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

from .. import fonts
from ..diagnostics import Collector, Location
from ..model.dataset import Dataset, Text, Unit
from ..traditional import review_mark, to_hk
from .schema import HANT_SUFFIX, REVIEWED, SHEETS

SHOWN = 60  # characters of a converted text a note shows


def texts(obj: object) -> Iterator[Text | Unit]:
    """Every Text (and Unit, which holds its own Chinese) inside a dataset, depth first."""
    if isinstance(obj, (Text, Unit)):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from texts(value)
    elif isinstance(obj, (tuple, list)):
        for value in obj:
            yield from texts(value)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, (type, Location)):
        for f in dataclasses.fields(obj):
            yield from texts(getattr(obj, f.name))


def _row_and_column(loc: Location) -> tuple[str, int, tuple[int, str]] | None:
    """A cell's location → (sheet, row, column sort key), or None for a location with no cell."""
    m = re.fullmatch(r"([A-Z]+)(\d+)", loc.cell or "")
    return (loc.sheet or "", int(m.group(2)), (len(m.group(1)), m.group(1))) if m else None


def rows(dataset: Dataset) -> dict[tuple[str, int], list[Text | Unit]]:
    """The dataset's Chinese texts that come from workbook cells, by (sheet, row), in column order."""
    out: dict[tuple[str, int], dict[Location, Text | Unit]] = {}
    for t in texts(dataset):
        where = _row_and_column(t.origin) if t.origin is not None else None
        if where is not None and t.zh:
            out.setdefault(where[:2], {})[t.origin] = t
    return {k: sorted(v.values(), key=lambda t: _row_and_column(t.origin)[2]) for k, v in out.items()}


def converted(row: list[Text | Unit]) -> list[Text | Unit]:
    """A row's texts that s2hk converts (no ``*_zh_hant`` cell, and the conversion changes them)."""
    return [t for t in row if t.zh_hant is None and to_hk(t.zh) != t.zh]


def check(dataset: Dataset, fallback: Path | None = None, list_cells: bool = False) -> Collector:
    """The dataset's Traditional Chinese → notes on converted cells, warnings on stale review
    marks, errors on characters the HK face cannot print."""
    diags = Collector()
    unreviewed = 0
    for ind in dataset.indicators.values():  # a text value (a grade, a name) prints converted too
        if isinstance(ind.value, str):
            message = fonts.missing_glyphs_error(to_hk(ind.value), fallback, fonts.HK_FAMILY)
            if message:
                diags.error(ind.cell("value"), f"in Traditional Chinese: {message}", fonts.GLYPH_HINT)
    order = {sheet.name: n for n, sheet in enumerate(SHEETS)}  # the workbook's order of sheets, then rows
    for _, row in sorted(rows(dataset).items(), key=lambda kv: (order.get(kv[0][0], len(order)), kv[0])):
        for t in row:
            message = fonts.missing_glyphs_error(t.get("zh_hant"), fallback, fonts.HK_FAMILY)
            if message:
                diags.error(t.origin, f"in Traditional Chinese: {message}", fonts.GLYPH_HINT +
                            f"; or type the text in the row's *_zh{HANT_SUFFIX} column (name_zh → name_zh_hant)")
        todo = converted(row)
        mark = review_mark(tuple(t.zh for t in todo)) if todo else None
        typed = next((t.hant_mark for t in row if t.hant_mark), None)
        if typed is not None and typed[0] == mark:
            continue  # reviewed: used as converted
        if typed is not None:
            diags.warning(typed[1], f"stale review mark '{typed[0]}': the Simplified text of this row has changed "
                                    "since its Traditional Chinese was reviewed" if todo else
                          f"review mark '{typed[0]}' on a row with nothing converted to Traditional Chinese",
                          f"check the row's conversion (esgpublish validate --edition zh-hant lists it), then type "
                          f"{mark} in {REVIEWED}" if todo else f"clear {REVIEWED}")
        for t in todo:
            unreviewed += 1
            if list_cells:
                shown = t.get("zh_hant")
                shown = shown if len(shown) <= SHOWN else shown[:SHOWN] + "…"
                diags.note(t.origin, f"converted to Traditional Chinese (s2hk): {shown}",
                           f"check it; to correct it, type the text in the row's *_zh{HANT_SUFFIX} column (name_zh → name_zh_hant); "
                           f"to mark the row reviewed, type {mark} in {REVIEWED}")
    if unreviewed and not list_cells:
        diags.note(Location(dataset.path), f"{unreviewed} cell(s) converted to Traditional Chinese (OpenCC s2hk) "
                                           "and not marked reviewed",
                   "esgpublish validate --edition zh-hant lists them, with the mark that says a row was reviewed")
    return diags
