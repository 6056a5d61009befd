"""A worksheet part of an .xlsx package → its extent (the last row and column holding a value, the
first cell beyond the limits, merged ranges, formulas), streamed from the XML without loading it.

Prefix-agnostic (``<row>`` and ``<x:row>`` alike), in bounded memory: the reader uses the extent
to reject a far cell before openpyxl sees the sheet, and to read no more rows and columns than
hold values (openpyxl would otherwise fill the whole bounding box)."""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

_NAME = rb"<(?:[A-Za-z_][\w.-]*:)?"
_TAG = re.compile(_NAME + rb"(c|row|mergeCell|f|si)(?=[\s/>])([^>]*)>")
_R = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([^\"']*)[\"']")
_REF = re.compile(rb"(?:^|\s)ref\s*=\s*[\"']([^\"']*)[\"']")
_CELL_REF = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,7})")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Extent:
    """What a worksheet holds: the last row and column with a value, and what lies beyond the limits."""

    rows: int = 0
    columns: int = 0
    far_row: str | None = None  # the first cell with a value below the row limit, e.g. "A20002"
    far_column: str | None = None  # the first cell with a value right of the column limit, e.g. "XFD7"
    bad_ref: str | None = None  # a cell or row reference that is not a plain one ("&#65;1")
    merged: tuple[str, ...] = ()
    formulas: bool = False


def column_number(letters: str) -> int:
    """Column letters → number: A → 1, XFD → 16384."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n: int) -> str:
    """Column number → letters: 1 → A, 16384 → XFD."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def _tags(zf: zipfile.ZipFile, part: str):
    """A part's start tags as (name, attributes), read in 1 MB chunks (a tag never split)."""
    tail = b""
    with zf.open(part) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            data = tail + chunk
            cut = data.rfind(b"<") if chunk else len(data)
            if cut <= 0 and chunk:
                tail = data
                continue
            for m in _TAG.finditer(data, 0, cut):
                yield m.group(1), m.group(2)
            tail = data[cut:]
            if not chunk:
                return


def scan_sheet(zf: zipfile.ZipFile, part: str, max_rows: int, max_columns: int) -> Extent:
    """A worksheet part → its ``Extent``; ``max_rows`` and ``max_columns`` are the limits
    (row 1, the header, not counted in ``max_rows``)."""
    row = col = last_row = last_col = 0
    far_row = far_col = bad = None
    merged: list[str] = []
    formulas = False
    for name, attrs in _tags(zf, part):
        if name == b"row":
            m = _R.search(attrs)
            if m and m.group(1).isdigit():
                row = int(m.group(1))
            else:
                if m and bad is None:
                    bad = m.group(1).decode("utf-8", "replace")[:40]
                row += 1
            col = 0
        elif name == b"c":
            m = _R.search(attrs)
            ref = _CELL_REF.fullmatch(m.group(1)) if m else None
            if ref:
                col, row = column_number(ref.group(1).decode()), int(ref.group(2))
            else:
                if m and bad is None:
                    bad = m.group(1).decode("utf-8", "replace")[:40]
                col += 1
            if attrs.rstrip().endswith(b"/"):
                continue  # <c r="B2" s="3"/>: a formatted cell without a value
            last_row, last_col = max(last_row, row), max(last_col, col)
            if row > max_rows + 1 and far_row is None:
                far_row = f"{column_letters(col)}{row}"
            if col > max_columns and far_col is None:
                far_col = f"{column_letters(col)}{row}"
        elif name == b"f":
            formulas = True
        elif name == b"mergeCell":
            m = _REF.search(attrs)
            if m:
                merged.append(m.group(1).decode("utf-8", "replace"))
    return Extent(last_row, last_col, far_row, far_col, bad, tuple(merged), formulas)


def count_strings(zf: zipfile.ZipFile) -> int:
    """How many shared strings (``<si>`` elements) the package holds."""
    n = 0
    for part in zf.namelist():
        if part.lower().endswith("sharedstrings.xml"):
            n += sum(1 for name, _ in _tags(zf, part) if name == b"si")
    return n
