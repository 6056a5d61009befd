"""Open an .xlsx with openpyxl: bounds checks, sheets and their headers mapped, cells cleaned, rows yielded."""
from __future__ import annotations

import datetime as dt
import re

import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from . import schema
from .cellvalues import Percent
from ..diagnostics import Collector, Location
from .hints import suggest

_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
MAX_ROWS = 20_000
MAX_CELL_CHARS = 20_000


class SheetReader:
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
        for n, row in enumerate(self.ws.iter_rows(min_row=2), start=2):
            if n > MAX_ROWS + 1:
                self.diags.error(Location(self.file, self.spec.name, f"A{n}"),
                                 f"more than {MAX_ROWS:,} rows", "split the workbook")
                return
            cells = {c.key: (None, Location(self.file, self.spec.name)) for c in self.spec.columns
                     if c.key not in self.columns}
            for key, idx in self.columns.items():
                value = excel_meaning(row[idx - 1]) if idx - 1 < len(row) else None
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
            example = next((loc for v, loc in cells.values()
                            if isinstance(v, str) and any(m in v for m in schema.EXAMPLE_MARKS)), None)
            if example is not None:
                self.diags.warning(example, "an example row left from the template",
                                   "replace its text and figures with the report's own, or delete the row")
            yield n, cells


def excel_meaning(cell) -> object:
    """A cell's value as Excel shows it: a number in a percent format is a ``Percent``
    (0.312 shown as 31.2 %), a date in a format without the day is the year-month
    ("2024-12", not the 1st of December)."""
    value = getattr(cell, "value", None)
    fmt = _format_code(getattr(cell, "number_format", "") or "")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in fmt:
        return Percent(value)
    if isinstance(value, dt.datetime) and "y" in fmt and "m" in fmt and "d" not in fmt:
        return f"{value.year:04d}-{value.month:02d}"
    return value


def _format_code(fmt: str) -> str:
    """A number format without its quoted text, escapes and colours, lower case."""
    fmt = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt)
    return fmt.lower()


def _control_char(text: str) -> str | None:
    for ch in text:
        if (ord(ch) < 0x20 and ch not in "\t\n\r") or 0xFFFE <= ord(ch) <= 0xFFFF or 0xD800 <= ord(ch) <= 0xDFFF:
            return ch
    return None


def open_sheets(path: Path, file: str, diags: Collector) -> dict[str, SheetReader] | None:
    """Check the file's bounds, open it with openpyxl and map its sheets; None when it cannot be read."""
    here = Location(file)
    if not path.exists():
        diags.error(here, "no such file", "check the path to the workbook")
        return None
    if not zipfile.is_zipfile(path):
        diags.error(here, "not an Excel workbook (.xlsx): the file is not a zip archive",
                    "save the workbook as Excel Workbook (.xlsx)")
        return None
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
        if total > 200 * 1024 * 1024:
            diags.error(here, f"the workbook unpacks to {total / 2**20:,.0f} MB, more than 200 MB",
                        "this is not an ordinary workbook; remove embedded files or split it")
            return None
        rows = _row_counts(path)
        if any(n > MAX_ROWS + 1 for n in rows.values()):
            name, n = max(rows.items(), key=lambda kv: kv[1])
            diags.error(here, f"a sheet ({name}) has {n:,} rows, more than {MAX_ROWS:,}",
                        "split the workbook or delete empty formatted rows")
            return None
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
        return None

    sheets: dict[str, SheetReader] = {}
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
        sheets[spec.key] = SheetReader(ws, schema.Sheet(spec.key, real, spec.columns), file, diags,
                                       wb_formulas[real] if wb_formulas is not None else None)
    required = [s for s in schema.SHEETS if s.key not in schema.OPTIONAL_SHEETS]
    if any(s.key not in sheets for s in required) or not all(s.complete for s in sheets.values()):
        return None
    return sheets


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
