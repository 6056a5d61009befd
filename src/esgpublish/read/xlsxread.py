"""Open an .xlsx with openpyxl: bounds checks, sheets and their headers mapped, cells cleaned, rows yielded."""
from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import re
import stat

import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from . import schema
from .cellvalues import Percent
from .xlsxscan import Extent, column_letters, count_strings, scan_sheet
from ..diagnostics import Collector, Location
from .hints import suggest

_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
MAX_ROWS = 20_000  # below the header row
MAX_COLUMNS = 100  # column CV; the widest sheet has 26 columns
MAX_CELL_CHARS = 20_000
MAX_UNPACKED = 200 * 1024 * 1024
MAX_STRINGS = 1_000_000  # different texts (shared strings) in the whole workbook


class SheetReader:
    """One worksheet with its header mapped: yields rows as {key: (value, Location)}."""

    def __init__(self, ws: Any, spec: schema.Sheet, file: str, diags: Collector, formulas: Any = None,
                 extent: Extent | None = None):
        self.ws, self.spec, self.file, self.diags = ws, spec, file, diags
        self.formulas = formulas  # the same sheet read with formulas, when it has any
        self.extent = extent or Extent(rows=MAX_ROWS + 1, columns=MAX_COLUMNS)
        self.cached_formulas = 0
        self.columns: dict[str, int] = {}
        width = max(1, min(self.extent.columns, MAX_COLUMNS))
        header = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1, max_col=width), ())]
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
        last = max((i for i, raw in enumerate(header, start=1) if raw is not None and str(raw).strip()), default=0)
        for col in spec.columns:
            if col.required and col.key not in self.columns:
                self.complete = False
                self.diags.error(self.loc(1, last + 1), f"missing column '{col.header}'",
                                 f"add a header cell '{col.header}' to row 1")
        self.merged = [ref for ref in self.extent.merged if _merged_below_header(ref)]
        for ref in self.merged:
            self.diags.error(Location(file, spec.name, ref.split(":")[0]),
                             f"merged cells {ref} over data", "unmerge the cells and fill each one")

    def clean(self, text: str, loc: Location) -> str:
        """Text hygiene for one cell: Excel's _xHHHH_ escapes decoded; invisible format
        characters (zero-width, bidi, BOM) removed with a warning; control characters and
        characters XML cannot hold reported as errors and removed."""
        if "_x" in text:
            text = _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))  # é is é however typed
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
        return Location(self.file, self.spec.name, f"{column_letters(col)}{row}")

    def rows(self):
        """Yield (row number, {key: (value, Location)}) for each non-blank row."""
        last = min(self.extent.rows, MAX_ROWS + 1)
        if last < 2 or not self.columns:
            return
        bounds = {"min_row": 2, "max_row": last, "max_col": max(self.columns.values())}
        formulas = self.formulas.iter_rows(**bounds) if self.formulas is not None else itertools.repeat(())
        for n, (row, frow) in enumerate(zip(self.ws.iter_rows(**bounds), formulas), start=2):
            cells = {c.key: (None, Location(self.file, self.spec.name)) for c in self.spec.columns
                     if c.key not in self.columns}
            for key, idx in self.columns.items():
                cell = row[idx - 1] if idx - 1 < len(row) else None
                value = excel_meaning(cell)
                formula = _formula_text(frow[idx - 1].value) if idx - 1 < len(frow) else None
                if formula is not None:
                    if value is None:
                        self.diags.error(self.loc(n, idx), f"formula {formula} has no stored result",
                                         "open the workbook in Excel or LibreOffice and save it, so the "
                                         "result is stored, or type the value instead of the formula")
                    else:
                        self.cached_formulas += 1
                if _is_excel_error(cell, value):
                    self.diags.error(self.loc(n, idx), f"the cell holds the Excel error {value}",
                                     "correct the formula or the value it refers to, or type the value")
                    value = None
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


#: the values Excel shows for a formula that failed (and the same typed as text)
EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
                          "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"})


def _is_excel_error(cell: Any, value: object) -> bool:
    """Whether a cell holds an Excel error value (#DIV/0!, #N/A …) rather than a text or number."""
    if getattr(cell, "data_type", None) == "e":
        return value is not None
    return isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS


def _formula_text(value: object) -> str | None:
    """A cell read with formulas → its formula (``=A1+1``; array and data-table formulas too), or None."""
    if isinstance(value, str):
        return value if value.startswith("=") else None
    if value is None or isinstance(value, (int, float, dt.date, dt.datetime, dt.time, dt.timedelta)):
        return None
    text = getattr(value, "text", None)  # ArrayFormula
    return str(text) if text else "{" + type(value).__name__ + "}"


def _merged_below_header(ref: str) -> bool:
    """Whether a merged range such as ``D5:E5`` reaches below row 1 (over data)."""
    rows = [int(m.group(1)) for m in re.finditer(r"(\d+)", ref)]
    return bool(rows) and max(rows) >= 2


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


def workbook_bytes(path: Path, file: str, diags: Collector) -> bytes | None:
    """A workbook file's bytes → or None with a located error: no such file (or a path that
    vanished), not a regular file (a folder, a pipe: never opened to block), or unreadable (its
    permissions). The local reader and a cluster batch's caller (``pipeline.batch``) both use it."""
    here = Location(file)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        diags.error(here, "no such file", "check the path to the workbook")
        return None
    except OSError as exc:
        diags.error(here, f"cannot read the workbook: {exc.__class__.__name__}: {exc.strerror}",
                    "check that the file can be read (its permissions)")
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            diags.error(here, "not a regular file (a folder, a pipe or a device)",
                        "give the path of a workbook (.xlsx)")
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    except OSError as exc:
        diags.error(here, f"cannot read the workbook: {exc.__class__.__name__}: {exc.strerror}",
                    "check that the file can be read (its permissions)")
        return None
    finally:
        os.close(fd)


def open_sheets(path: Path, file: str, diags: Collector) -> dict[str, SheetReader] | None:
    """Check the file's bounds, open it with openpyxl (read-only: rows streamed, never the
    bounding box) and map its sheets; None when it cannot be read."""
    here = Location(file)
    data = workbook_bytes(path, file, diags)
    if data is None:
        return None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        diags.error(here, "not an Excel workbook (.xlsx): the file is not a zip archive",
                    "save the workbook as Excel Workbook (.xlsx)")
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > MAX_UNPACKED:
                diags.error(here, f"the workbook unpacks to {total / 2**20:,.0f} MB, more than 200 MB",
                            "this is not an ordinary workbook; remove embedded files or split it")
                return None
            strings = count_strings(zf)
        if strings > MAX_STRINGS:
            diags.error(here, f"the workbook holds {strings:,} different texts, more than {MAX_STRINGS:,}",
                        "this is not an ordinary workbook; split it or delete unused sheets")
            return None
        from openpyxl import load_workbook

        import warnings

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            found = _map_sheets(wb.sheetnames, file, diags)
            extents = _extents(data, {key: wb[real] for key, real in found.items()}, file, diags)
            if extents is None:
                return None
            wb_formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False) \
                if any(e.formulas for e in extents.values()) else None
        for w in caught:  # openpyxl's complaints about the file, as diagnostics
            diags.warning(here, f"{w.message}", "check the cell in Excel or LibreOffice")
        sheets: dict[str, SheetReader] = {}
        for spec in schema.SHEETS:
            real = found.get(spec.key)
            if real is None:
                continue
            ws = wb[real]
            if ws.sheet_state != "visible":
                diags.warning(Location(file, real), "sheet is hidden", "unhide it so analysts see what is published")
            extent = extents[spec.key]
            sheets[spec.key] = SheetReader(ws, schema.Sheet(spec.key, real, spec.columns), file, diags,
                                           wb_formulas[real] if wb_formulas is not None and extent.formulas else None,
                                           extent)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        diags.error(here, f"cannot read the workbook: {exc.__class__.__name__}: {exc}",
                    "open it in Excel or LibreOffice and save it again as .xlsx")
        return None
    required = [s for s in schema.SHEETS if s.key not in schema.OPTIONAL_SHEETS]
    if any(s.key not in sheets for s in required) or not all(s.complete for s in sheets.values()):
        return None
    return sheets


def _map_sheets(names: list[str], file: str, diags: Collector) -> dict[str, str]:
    """The workbook's sheet names → {schema key: sheet name} for the sheets esgpublish reads."""
    found: dict[str, str] = {}
    by_key = {str(name).strip().split()[-1].lower(): name for name in names if str(name).strip()}
    for spec in schema.SHEETS:
        real = spec.name if spec.name in names else by_key.get(spec.key)
        if real is None:
            if spec.key not in schema.OPTIONAL_SHEETS:
                diags.error(Location(file), f"missing sheet '{spec.name}'", f"add a sheet named '{spec.name}'")
            continue
        found[spec.key] = real
    return found


def _extents(data: bytes, sheets: dict[str, Any], file: str, diags: Collector) -> dict[str, Extent] | None:
    """Each sheet read → its extent, scanned from the XML before loading; None (with located
    errors) when a value lies beyond the limits: row 20,001 or column 100."""
    extents: dict[str, Extent] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for key, ws in sheets.items():
            part = str(getattr(ws, "_worksheet_path", "")).lstrip("/")
            extents[key] = ext = scan_sheet(zf, part, MAX_ROWS, MAX_COLUMNS) if part in zf.namelist() else Extent()
            if ext.far_row:
                diags.error(Location(file, ws.title, ext.far_row),
                            f"a value in row {_row_of(ext.far_row):,}: the sheet has {_row_of(ext.far_row) - 1:,} "
                            f"rows, more than {MAX_ROWS:,}",
                            "delete the value (Ctrl+End shows the last used cell), or split the workbook")
            if ext.far_column:
                diags.error(Location(file, ws.title, ext.far_column),
                            f"a value in column {ext.far_column.rstrip('0123456789')}, beyond column "
                            f"{column_letters(MAX_COLUMNS)}: esgpublish reads at most {MAX_COLUMNS} columns",
                            "delete the value (Ctrl+End shows the last used cell) or move it into the sheet's columns")
            if ext.bad_ref:
                diags.error(Location(file, ws.title), f"the sheet's XML has a cell reference '{ext.bad_ref}' "
                            "that is not a plain one (such as B7)",
                            "open the workbook in Excel or LibreOffice and save it again as .xlsx")
    if any(e.far_row or e.far_column or e.bad_ref for e in extents.values()):
        return None
    return extents


def _row_of(ref: str) -> int:
    return int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
