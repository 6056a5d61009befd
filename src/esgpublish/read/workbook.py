"""Stage 1 — read and validate the workbook: ``.xlsx`` path → ``Dataset`` + diagnostics.

Every problem is collected with its cell (``data/esg_2022.xlsx: 指标 Indicators!F7``)
and a hint; nothing is raised for bad data. Only openpyxl is used here.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from ..model import placeholders
from . import schema
from ..diagnostics import Collector, Location
from ..model.dataset import (Dataset, Indicator, Narrative, PartialDate, Qualifier, ReportMeta, Text,
                    Topic, Unit)

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
NUMBER_IN_TEXT = re.compile(r"^\s*(超过|超|近|约|多|余)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(多|余)?\s*(\S*)\s*$")
MAX_ROWS = 20_000
MAX_CELL_CHARS = 20_000


def suggest(name: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """A 'did you mean' hint for a misspelt name, or None."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


class _SheetReader:
    """One worksheet with its header mapped: yields rows as {key: (value, Location)}."""

    def __init__(self, ws: Any, spec: schema.Sheet, file: str, diags: Collector, formulas: Any = None):
        from openpyxl.utils import get_column_letter

        self.ws, self.spec, self.file, self.diags = ws, spec, file, diags
        self.formulas = formulas  # the same sheet read with formulas, when the workbook has any
        self.cached_formulas = 0
        self.letter = get_column_letter
        self.columns: dict[str, int] = {}
        header = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1), ())]
        known = {c.key for c in spec.columns}
        for idx, raw in enumerate(header, start=1):
            if raw is None or str(raw).strip() == "":
                continue
            key = str(raw).strip().split()[-1].lower()
            if key in known and key not in self.columns:
                self.columns[key] = idx
            else:
                self.diags.warning(self.loc(1, idx), f"unknown column '{raw}' is ignored",
                                   suggest(key, sorted(known)) or f"known columns: {', '.join(c.header for c in spec.columns)}")
        self.complete = True
        for col in spec.columns:
            if col.required and col.key not in self.columns:
                self.complete = False
                self.diags.error(self.loc(1, len(header) + 1), f"missing column '{col.header}'",
                                 f"add a header cell '{col.header}' to row 1")
        self.merged = [r for r in getattr(ws, "merged_cells", None) and ws.merged_cells.ranges or ()
                       if r.max_row >= 2]
        for rng in self.merged:
            self.diags.error(Location(file, spec.name, str(rng).split(":")[0]),
                             f"merged cells {rng} over data", "unmerge the cells and fill each one")

    def clean(self, text: str, loc: Location) -> str:
        """Text hygiene for one cell: Excel's _xHHHH_ escapes decoded; invisible format
        characters (zero-width, bidi, BOM) removed with a warning; control characters and
        characters XML cannot hold reported as errors and removed."""
        if "_x" in text:
            text = _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
        invisible = sorted({ch for ch in text if unicodedata.category(ch) == "Cf"})
        if invisible:
            names = ", ".join(f"U+{ord(ch):04X}" for ch in invisible)
            self.diags.warning(loc, f"removed invisible character(s) {names}",
                               "they come from pasted text and would print as nothing or as a box")
            text = "".join(ch for ch in text if ch not in invisible)
        bad = _control_char(text)
        if bad is not None:
            self.diags.error(loc, f"control character U+{ord(bad):04X} in text",
                             "delete the character; it often comes from text pasted from another system")
            text = "".join(ch for ch in text if _control_char(ch) is None)
        return text

    def loc(self, row: int, col: int) -> Location:
        return Location(self.file, self.spec.name, f"{self.letter(col)}{row}")

    def rows(self):
        """Yield (row number, {key: (value, Location)}) for each non-blank row."""
        for n, row in enumerate(self.ws.iter_rows(min_row=2, values_only=True), start=2):
            if n > MAX_ROWS + 1:
                self.diags.error(Location(self.file, self.spec.name, f"A{n}"),
                                 f"more than {MAX_ROWS:,} rows", "split the workbook")
                return
            cells = {c.key: (None, Location(self.file, self.spec.name)) for c in self.spec.columns
                     if c.key not in self.columns}
            for key, idx in self.columns.items():
                value = row[idx - 1] if idx - 1 < len(row) else None
                if self.formulas is not None:
                    formula = self.formulas.cell(row=n, column=idx).value
                    if isinstance(formula, str) and formula.startswith("="):
                        if value is None:
                            self.diags.error(self.loc(n, idx), f"formula {formula} has no stored result",
                                             "open the workbook in Excel or LibreOffice and save it, so the "
                                             "result is stored, or type the value instead of the formula")
                        else:
                            self.cached_formulas += 1
                if isinstance(value, str):
                    value = self.clean(value, self.loc(n, idx))
                    if len(value) > MAX_CELL_CHARS:
                        self.diags.error(self.loc(n, idx), f"cell holds {len(value):,} characters, more than {MAX_CELL_CHARS:,}",
                                         "shorten the text")
                        value = value[:MAX_CELL_CHARS]
                    value = value.strip() or None
                cells[key] = (value, self.loc(n, idx))
            if all(v is None for v, _ in cells.values()):
                continue
            yield n, cells


def _text(cells: dict, key: str, diags: Collector, required: bool, what: str) -> str | None:
    value, loc = cells.get(key, (None, None))
    if value is None:
        if required and loc is not None:
            diags.error(loc, f"missing {what}", f"fill in the {what}")
        return None
    if not isinstance(value, str):
        value = _plain(value)
    return value


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def _control_char(text: str) -> str | None:
    for ch in text:
        if (ord(ch) < 0x20 and ch not in "\t\n\r") or 0xFFFE <= ord(ch) <= 0xFFFF or 0xD800 <= ord(ch) <= 0xDFFF:
            return ch
    return None


def _year(cells: dict, key: str, diags: Collector) -> int | None:
    value, loc = cells.get(key, (None, None))
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    if isinstance(value, bool) or not isinstance(value, (int, float, str)) or \
            not re.fullmatch(r"\d{4}(\.0)?", str(value).strip()):
        diags.error(loc, f"'{value}' is not a year", "type a four-digit year such as 2022")
        return None
    return int(float(value))


def _partial_date(value: Any, loc: Location, diags: Collector) -> PartialDate | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return PartialDate(value.year, value.month, value.day)
    m = DATE_RE.match(_plain(value).strip())
    if m:
        y, mo, d = (int(g) if g else None for g in m.groups())
        try:
            dt.date(y, mo or 1, d or 1)
            return PartialDate(y, mo, d)
        except ValueError:
            pass
    diags.error(loc, f"'{value}' is not a date", "type a date as 2022, 2022-07 or 2022-12-31")
    return None


def _number(cells: dict, key: str, diags: Collector) -> float | int | None:
    value, loc = cells.get(key, (None, None))
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _not_a_number(value, loc, diags)
        return None
    return value


def _not_a_number(value: Any, loc: Location, diags: Collector) -> None:
    m = NUMBER_IN_TEXT.match(str(value))
    if m and (m.group(1) or m.group(3)):
        q = m.group(1) or m.group(3)
        number = m.group(2).replace(",", "")
        diags.error(loc, f"text '{value}' in a number column",
                    f"type the number {number} here and '{q}' in the qualifier column")
    elif m:
        diags.error(loc, f"text '{value}' in a number column",
                    f"type {m.group(2).replace(',', '')} as a number (without quotes or units)")
    else:
        diags.error(loc, f"text '{value}' in a number column", "type a number")


def _qualifier(cells: dict, key: str, diags: Collector) -> Qualifier | None:
    value, loc = cells.get(key, (None, None))
    if value is None:
        return None
    spec = schema.QUALIFIERS.get(str(value).strip())
    if spec is None:
        diags.error(loc, f"unknown qualifier '{value}'",
                    f"use one of {', '.join(schema.QUALIFIERS)} (超 over, 近 nearly, 约 approximately, 多/余 more than)")
        return None
    return Qualifier(str(value).strip(), *spec)


def read_workbook(path: Path, display: str | None = None,
                  langs: tuple[str, ...] = ("zh", "en")) -> tuple[Dataset | None, Collector]:
    """Workbook path → (Dataset or None, diagnostics). Never raises for bad input.

    ``langs`` are the languages the report is published in: a text missing in one of
    them is an error; texts of other languages are optional."""
    diags = Collector()
    need = frozenset(langs)
    file = display or str(path)
    here = Location(file)
    if not path.exists():
        diags.error(here, "no such file", "check the path to the workbook")
        return None, diags
    if not zipfile.is_zipfile(path):
        diags.error(here, "not an Excel workbook (.xlsx): the file is not a zip archive",
                    "save the workbook as Excel Workbook (.xlsx)")
        return None, diags
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
        if total > 200 * 1024 * 1024:
            diags.error(here, f"the workbook unpacks to {total / 2**20:,.0f} MB, more than 200 MB",
                        "this is not an ordinary workbook; remove embedded files or split it")
            return None, diags
        rows = _row_counts(path)
        if any(n > MAX_ROWS + 1 for n in rows.values()):
            name, n = max(rows.items(), key=lambda kv: kv[1])
            diags.error(here, f"a sheet ({name}) has {n:,} rows, more than {MAX_ROWS:,}",
                        "split the workbook or delete empty formatted rows")
            return None, diags
        from openpyxl import load_workbook

        import warnings

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            wb = load_workbook(path, data_only=True)
            wb_formulas = load_workbook(path, data_only=False) if _has_formulas(path) else None
        for w in caught:  # openpyxl's complaints about the file, as diagnostics
            diags.warning(here, f"{w.message}", "check the cell in Excel or LibreOffice")
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        diags.error(here, f"cannot read the workbook: {exc.__class__.__name__}: {exc}",
                    "open it in Excel or LibreOffice and save it again as .xlsx")
        return None, diags

    sheets: dict[str, _SheetReader] = {}
    by_key = {str(name).strip().split()[-1].lower(): name for name in wb.sheetnames}
    for spec in schema.SHEETS:
        real = spec.name if spec.name in wb.sheetnames else by_key.get(spec.key)
        if real is None:
            if spec.key not in schema.OPTIONAL_SHEETS:
                diags.error(here, f"missing sheet '{spec.name}'", f"add a sheet named '{spec.name}'")
            continue
        ws = wb[real]
        if ws.sheet_state != "visible":
            diags.warning(Location(file, real), "sheet is hidden", "unhide it so analysts see what is published")
        sheets[spec.key] = _SheetReader(ws, schema.Sheet(spec.key, real, spec.columns), file, diags,
                                        wb_formulas[real] if wb_formulas is not None else None)
    required = [s for s in schema.SHEETS if s.key not in schema.OPTIONAL_SHEETS]
    if any(s.key not in sheets for s in required) or not all(s.complete for s in sheets.values()):
        return None, diags

    units = _read_units(sheets["units"], diags)
    topics = _read_topics(sheets["topics"], diags, need)
    meta = _read_report(sheets["report"], diags, here, need)
    invalid: set[tuple[str, str]] = set()
    indicators = _read_indicators(sheets["indicators"], diags, units, topics, invalid, need)
    if "periods" in sheets:
        indicators = _read_periods(sheets["periods"], diags, indicators)
    narratives = _read_narratives(sheets["narrative"], diags, indicators, topics, invalid, need)
    cached = sum(s.cached_formulas for s in sheets.values())
    if cached:
        diags.note(here, f"used the results Excel stored for {cached} formula cell(s)",
                   "esgpublish does not recalculate formulas; save the workbook after editing")
    if meta is None or not diags.ok:
        return None, diags
    return Dataset(file, meta, topics, units, indicators, narratives), diags


def _row_counts(path: Path) -> dict[str, int]:
    """Rows per worksheet part, counted from the XML without loading the workbook."""
    counts = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                n, tail = 0, b""
                with zf.open(name) as fh:
                    while chunk := fh.read(1 << 20):
                        data = tail + chunk
                        n += data.count(b"<row ") + data.count(b"<row>")
                        tail = data[-5:]
                        n -= tail.count(b"<row ") + tail.count(b"<row>")  # counted again with the next chunk
                    n += tail.count(b"<row ") + tail.count(b"<row>")
                counts[name.rsplit("/", 1)[-1]] = n
    return counts


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet of the package holds a formula (an <f> element)."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with zf.open(name) as fh:
                    if re.search(rb"<(?:\w+:)?f[ >]", fh.read()):
                        return True
    return False


def _check_id(cells: dict, seen: dict[str, Location], diags: Collector, what: str) -> str | None:
    value, loc = cells["id"]
    if value is None:
        diags.error(loc, f"missing {what} id", "give the row a short id such as charity_donation")
        return None
    ident = _plain(value)
    if not ID_RE.match(ident):
        diags.error(loc, f"invalid id '{ident}'",
                    "use lower-case letters, digits and underscores, starting with a letter")
        return None
    if ident in seen:
        diags.error(loc, f"duplicate id '{ident}' (first defined at {seen[ident].cell})",
                    "give each row its own id")
        return None
    seen[ident] = loc
    return ident


def _read_units(sheet: _SheetReader, diags: Collector) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    seen: dict[str, Location] = {}
    for _, cells in sheet.rows():
        ident = _check_id(cells, seen, diags, "unit")
        kind, kloc = cells["kind"]
        if kind not in schema.UNIT_KINDS:
            diags.error(kloc, f"unknown unit kind '{kind}'", f"use one of {', '.join(schema.UNIT_KINDS)}")
            continue
        zh = _text(cells, "zh", diags, False, "Chinese unit") or ""
        en = _text(cells, "en", diags, False, "English unit") or ""
        if ident:
            units[ident] = Unit(ident, kind, zh, en)
    return units


def _read_topics(sheet: _SheetReader, diags: Collector, need: frozenset[str]) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    seen: dict[str, Location] = {}
    for _, cells in sheet.rows():
        ident = _check_id(cells, seen, diags, "topic")
        pillar, ploc = cells["pillar"]
        if pillar not in schema.PILLARS:
            diags.error(ploc, f"unknown pillar '{pillar}'", "use E, S or G")
        zh = _text(cells, "name_zh", diags, "zh" in need, "Chinese name")
        en = _text(cells, "name_en", diags, "en" in need, "English name")
        if ident and pillar in schema.PILLARS and (zh or "zh" not in need) and (en or "en" not in need):
            topics[ident] = Topic(ident, pillar, Text(zh or "", en or ""))
    return topics


def _read_report(sheet: _SheetReader, diags: Collector, here: Location, need: frozenset[str]) -> ReportMeta | None:
    values: dict[str, Any] = {}
    origins: dict[str, Location] = {}
    en_origins: dict[str, Location] = {}
    for _, cells in sheet.rows():
        key, kloc = cells["key"]
        key = _plain(key) if key is not None else None
        if key not in schema.REPORT_KEYS:
            diags.warning(kloc, f"unknown report key '{key}' is ignored",
                          suggest(str(key), list(schema.REPORT_KEYS)) or f"known keys: {', '.join(schema.REPORT_KEYS)}")
            continue
        required, kind = schema.REPORT_KEYS[key]
        if not required and all(cells[k][0] is None for k in ("value", "zh", "en")):
            continue  # an optional key left empty
        if kind == "text":
            zh = _text(cells, "zh", diags, "zh" in need, f"Chinese {key}")
            en = _text(cells, "en", diags, "en" in need, f"English {key}")
            values[key] = Text(zh or "", en or "")
            origins[key] = cells["zh"][1]
            en_origins[key] = cells["en"][1]
        else:
            values[key] = cells["value"][0]
            origins[key] = cells["value"][1]
    for key, (required, _) in schema.REPORT_KEYS.items():
        if required and key not in values:
            diags.error(Location(here.file, sheet.spec.name), f"missing report key '{key}'",
                        f"add a row with key '{key}'")
    if "reporting_year" in values:
        year = _year({"v": (values["reporting_year"], origins["reporting_year"])}, "v", diags)
        values["reporting_year"] = year
    if "publication_date" in values:
        raw, loc = values["publication_date"], origins["publication_date"]
        pd = _partial_date(raw, loc, diags)
        if pd and pd.day is None:
            diags.error(loc, f"publication date '{raw}' has no day", "type a full date such as 2023-04-27")
        values["publication_date"] = pd.date if pd else None
    if not diags.ok or any(values.get(k) is None for k, (req, _) in schema.REPORT_KEYS.items() if req):
        return None
    return ReportMeta(**{k: values.get(k) for k in schema.REPORT_KEYS}, origins=origins, en_origins=en_origins)


def _read_indicators(sheet: _SheetReader, diags: Collector, units: dict[str, Unit],
                     topics: dict[str, Topic], invalid: set[tuple[str, str]],
                     need: frozenset[str]) -> dict[str, Indicator]:
    """The Indicators sheet → indicators by id; ``invalid`` collects (id, field) pairs
    whose cells were reported, so that later checks do not report them again."""
    out: dict[str, Indicator] = {}
    seen: dict[str, Location] = {}
    for _, cells in sheet.rows():
        ident = _check_id(cells, seen, diags, "indicator")
        pillar, ploc = cells["pillar"]
        if pillar not in schema.PILLARS:
            diags.error(ploc, f"unknown pillar '{pillar}'", "use E, S or G")
        topic, tloc = cells["topic"]
        if topic not in topics:
            diags.error(tloc, f"unknown topic '{topic}'",
                        suggest(str(topic), list(topics)) or f"add it to the sheet '{schema.TOPICS.name}'")
        elif pillar in schema.PILLARS and topics[topic].pillar != pillar:
            diags.error(ploc, f"pillar '{pillar}' differs from the pillar '{topics[topic].pillar}' of topic '{topic}'",
                        "make the two agree")
        name_zh = _text(cells, "name_zh", diags, "zh" in need, "Chinese name") or ("" if "zh" not in need else None)
        name_en = _text(cells, "name_en", diags, "en" in need, "English name") or ("" if "en" not in need else None)
        unit_id, uloc = cells["unit"]
        unit = units.get(_plain(unit_id)) if unit_id is not None else None
        if unit is None:
            diags.error(uloc, f"unknown unit '{unit_id}'" if unit_id is not None else "missing unit",
                        suggest(str(unit_id), list(units)) or f"use a unit from the sheet '{schema.UNITS.name}'")
        before = len(diags.items)
        value = _indicator_value(cells, unit, diags)
        qualifier = _qualifier(cells, "qualifier", diags)
        target_qualifier = _qualifier(cells, "target_qualifier", diags)
        target = _number(cells, "target_value", diags)
        baseline = _number(cells, "baseline_value", diags)
        period = _year(cells, "period", diags)
        as_of = _partial_date(*cells["as_of"], diags)
        baseline_year = _year(cells, "baseline_year", diags)
        target_year = _year(cells, "target_year", diags)
        if ident:
            by_cell = {loc: key for key, (_, loc) in cells.items()}
            invalid.update((ident, by_cell[d.location]) for d in diags.items[before:] if d.location in by_cell)
        if baseline_year and target_year and target_year < baseline_year:
            diags.error(cells["target_year"][1], f"target year {target_year} is before the baseline year {baseline_year}",
                        "check both years")
        if unit is not None and unit.kind == "percent":
            for key, number in (("value", value), ("target_value", target), ("baseline_value", baseline)):
                if isinstance(number, (int, float)) and not 0 <= number <= 100:
                    diags.error(cells[key][1], f"share of {number}% is outside 0–100 %",
                                "a percentage change belongs in a unit of kind 'change'")
        if value is None and target is None and cells["value"][0] is None:
            diags.error(cells["value"][1], "no value and no target", "type the value or a target value")
        quote = _text(cells, "source_quote", diags, True, "source quote")
        note_zh = _text(cells, "note_zh", diags, False, "Chinese note")
        note_en = _text(cells, "note_en", diags, False, "English note")
        if (note_zh is None) != (note_en is None) and len(need) == 2:
            missing = "note_en" if note_en is None else "note_zh"
            diags.error(cells[missing][1], "note given in one language only", "translate the note")
        if ident and name_zh is not None and name_en is not None and unit and quote:
            out[ident] = Indicator(
                ident, str(pillar), str(topic), Text(name_zh, name_en), value, unit, qualifier,
                period, as_of, baseline_year, baseline, target,
                target_qualifier, target_year,
                _code(cells, "hkex", diags), _code(cells, "gri", diags),
                quote, Text(note_zh or "", note_en or "") if note_zh or note_en else None,
                cells["id"][1], {k: loc for k, (_, loc) in cells.items()})
    return out


HKEX_RE = re.compile(r"^([AB][1-8])(?:\.(\d))?$")
GRI_RE = re.compile(r"^(?:[1-9]\d{0,2})(?:-\d{1,2})?[a-z]?$")


def _code(cells: dict, key: str, diags: Collector) -> str | None:
    """An HKEX KPI (A1.1 … B8.2, or an aspect such as B6) or a GRI disclosure (413-1)."""
    value = _text(cells, key, diags, False, f"{key.upper()} code")
    if value is None:
        return None
    loc = cells[key][1]
    if key == "hkex":
        m = HKEX_RE.match(value)
        if not m or m.group(1) not in schema.HKEX_KPIS or (m.group(2) and not 1 <= int(m.group(2)) <= schema.HKEX_KPIS[m.group(1)]):
            diags.error(loc, f"'{value}' is not an HKEX ESG Reporting Guide KPI",
                        "use an aspect or KPI code such as A1, A2.3 or B8.2")
    elif not GRI_RE.match(value):
        diags.error(loc, f"'{value}' is not a GRI disclosure number", "use a number such as 302-1 or 413-1")
    return value


def _read_periods(sheet: _SheetReader, diags: Collector, indicators: dict[str, Indicator]) -> dict[str, Indicator]:
    """The Periods sheet → indicators with their earlier (or later) reporting years attached."""
    from dataclasses import replace

    from ..model.dataset import PeriodValue

    found: dict[str, dict[int, PeriodValue]] = {}
    for _, cells in sheet.rows():
        ident, iloc = cells["indicator"]
        ind = indicators.get(_plain(ident)) if ident is not None else None
        if ind is None:
            diags.error(iloc, f"unknown indicator '{ident}'" if ident is not None else "missing indicator id",
                        suggest(str(ident), list(indicators)) or "use an id from the Indicators sheet")
            continue
        period = _year(cells, "period", diags)
        if cells["period"][0] is None:
            diags.error(cells["period"][1], "missing period", "type the reporting year, e.g. 2021")
        value = _number(cells, "value", diags)
        if cells["value"][0] is None:
            diags.error(cells["value"][1], "missing value", "type the value for this year")
        qualifier = _qualifier(cells, "qualifier", diags)
        if period is None or value is None:
            continue
        if ind.unit.kind in ("text", "date"):
            diags.error(iloc, f"indicator '{ind.id}' has a {ind.unit.kind} unit and no yearly values",
                        "only numeric indicators have periods")
            continue
        years = found.setdefault(ind.id, {})
        if period in years or period == ind.period:
            diags.error(cells["period"][1], f"'{ind.id}' already has a value for {period}",
                        "keep one value per indicator and year")
            continue
        years[period] = PeriodValue(period, value, qualifier, cells["value"][1])
    return {k: replace(v, history=tuple(sorted(found.get(k, {}).values(), key=lambda p: p.period)))
            if k in found else v for k, v in indicators.items()}


def _indicator_value(cells: dict, unit: Unit | None, diags: Collector):
    value, loc = cells["value"]
    if value is None or unit is None:
        return None
    if unit.kind == "text":
        return _plain(value)
    if unit.kind == "date":
        return _partial_date(value, loc, diags)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _not_a_number(value, loc, diags)
        return None
    return value


def _read_narratives(sheet: _SheetReader, diags: Collector, indicators: dict[str, Indicator],
                     topics: dict[str, Topic], invalid: set[tuple[str, str]],
                     need: frozenset[str]) -> dict[str, Narrative]:
    out: dict[str, Narrative] = {}
    seen: dict[str, Location] = {}
    for _, cells in sheet.rows():
        ident = _check_id(cells, seen, diags, "narrative")
        topic, tloc = cells["topic"]
        if topic is not None and topic not in topics:
            diags.error(tloc, f"unknown topic '{topic}'", suggest(str(topic), list(topics)))
        texts = {}
        for lang, key in (("zh", "text_zh"), ("en", "text_en")):
            text = _text(cells, key, diags, lang in need, "Chinese text" if lang == "zh" else "English text")
            if text is None:
                continue
            texts[lang] = text
            _check_placeholders(text, cells[key][1], diags, indicators, invalid)
        if ident and all(lang in texts for lang in need):
            out[ident] = Narrative(ident, topic, Text(texts.get("zh", ""), texts.get("en", "")),
                                   {"zh": cells["text_zh"][1], "en": cells["text_en"][1]})
    return out


def _check_placeholders(text: str, loc: Location, diags: Collector,
                        indicators: dict[str, Indicator], invalid: set[tuple[str, str]]) -> None:
    brace = placeholders.unbalanced_brace(text)
    if brace is not None:
        diags.error(loc, f"unbalanced '{text[brace]}' at character {brace + 1}",
                    "write {indicator_id} for a value, or {{ and }} for literal braces")
    for part in placeholders.parse(text):
        if isinstance(part, str):
            continue
        if part.ref == "report":
            if part.attr not in placeholders.REPORT_ATTRS:
                diags.error(loc, f"unknown report field in placeholder {part.raw}",
                            suggest(part.attr, placeholders.REPORT_ATTRS) or
                            f"use one of {', '.join(placeholders.REPORT_ATTRS)}")
            continue
        ind = indicators.get(part.ref)
        if ind is None:
            diags.error(loc, f"placeholder {part.raw} names no indicator",
                        suggest(part.ref, list(indicators)) or "use an id from the Indicators sheet")
            continue
        if part.attr not in placeholders.INDICATOR_ATTRS:
            diags.error(loc, f"unknown attribute '{part.attr}' in placeholder {part.raw}",
                        suggest(part.attr, placeholders.INDICATOR_ATTRS) or
                        f"use one of {', '.join(placeholders.INDICATOR_ATTRS)}")
            continue
        field = {"value": "value", "target": "target_value", "baseline": "baseline_value"}.get(part.attr, part.attr)
        if field != "name" and getattr(ind, field) is None and (ind.id, field) not in invalid:
            diags.error(loc, f"placeholder {part.raw} names the {part.attr.replace('_', ' ')} of '{ind.id}', which is empty",
                        f"fill in {ind.cell(field)} or change the text")
