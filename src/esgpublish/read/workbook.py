"""Stage 1 — read and validate the workbook: ``.xlsx`` path → ``Dataset`` + diagnostics.

Every problem is collected with its cell (``data/esg_2022.xlsx: 指标 Indicators!F7``)
and a hint; nothing is raised for bad data. openpyxl is used only in ``xlsxread``.
"""
from __future__ import annotations

from pathlib import Path

from ..diagnostics import Collector, Location
from ..model.dataset import Dataset
from .cellvalues import DATE_RE, GRI_RE, HKEX_RE, ID_RE, NUMBER_IN_TEXT
from .hints import suggest
from .records import (read_framework, read_indicators, read_narratives, read_periods, read_report, read_topics,
                      read_units, read_year_end)
from . import sanity
from .breakdowns import read_breakdowns, read_dimensions
from .derived import read_derived
from .assets import read_assets
from .xlsxread import MAX_CELL_CHARS, MAX_ROWS, open_sheets

__all__ = ["DATE_RE", "GRI_RE", "HKEX_RE", "ID_RE", "MAX_CELL_CHARS", "MAX_ROWS", "NUMBER_IN_TEXT",
           "read_workbook", "suggest"]


def read_workbook(path: Path, display: str | None = None,
                  langs: tuple[str, ...] = ("zh", "en")) -> tuple[Dataset | None, Collector]:
    """Workbook path → (Dataset or None, diagnostics). Never raises for bad input.

    ``langs`` are the languages the report is published in: a text missing in one of
    them is an error; texts of other languages are optional."""
    diags = Collector()
    need = frozenset(langs)
    file = display or str(path)
    here = Location(file)
    sheets = open_sheets(path, file, diags)
    if sheets is None:
        return None, diags

    units = read_units(sheets["units"], diags)
    topics = read_topics(sheets["topics"], diags, need)
    year_end = read_year_end(sheets["report"], diags)
    meta = read_report(sheets["report"], diags, here, need, year_end)
    invalid: set[tuple[str, str]] = set()
    indicators = read_indicators(sheets["indicators"], diags, units, topics, invalid, need, year_end)
    if "periods" in sheets:
        indicators = read_periods(sheets["periods"], diags, indicators, invalid, need, year_end)
    dimensions = read_dimensions(sheets["dimensions"], diags, need) if "dimensions" in sheets else {}
    if "breakdowns" in sheets:
        indicators = read_breakdowns(sheets["breakdowns"], diags, indicators, dimensions, invalid, need, year_end)
    if "derived" in sheets:
        indicators = read_derived(sheets["derived"], diags, indicators, units, topics, invalid, need)
    sanity.check(indicators, diags)
    framework = read_framework(sheets["framework"], diags, indicators, need) if "framework" in sheets else {}
    narratives = read_narratives(sheets["narrative"], diags, indicators, topics, invalid, need)
    assets = read_assets(sheets, diags, path, meta, need)
    cached = sum(s.cached_formulas for s in sheets.values())
    if cached:
        diags.note(here, f"used the results Excel stored for {cached} formula cell(s)",
                   "esgpublish does not recalculate formulas; save the workbook after editing")
    if meta is None or not diags.ok:
        return None, diags
    return Dataset(file, meta, topics, units, indicators, narratives, dimensions, framework, **assets), diags
