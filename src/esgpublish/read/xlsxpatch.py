"""New text into cells of an existing .xlsx, changing nothing else (``esgpublish import-docx``).

openpyxl's load and save would lose what it does not model (images, charts, some data
validation and formatting) and rewrite every part; here the package is copied member by
member — each one's bytes, name, date and compression as they were — and only the worksheet
parts holding a changed cell are edited, as text: the cell's element is replaced, every other
byte of the sheet kept.

A new text is written as an inline string (``t="inlineStr"``, ``<is><t>…</t></is>``) rather
than appended to the shared strings: the shared strings part then stays byte-identical too,
no other cell's string index moves, and no count has to be kept in step. Excel, LibreOffice and
openpyxl read inline strings (Excel moves them into the shared strings at its next save); the
replaced shared string stays in the table, unused, as Excel itself leaves strings behind.
The cell keeps its style (``s``); a formula in it is dropped (the cell now holds text).
"""
from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from ..atomicfile import write_atomic

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ATTR = re.compile(r'([\w:.-]+)\s*=\s*("[^"]*"|\'[^\']*\')')
_REF = re.compile(r"([A-Z]{1,3})([0-9]+)$")


class PatchError(Exception):
    """The workbook's XML is not as expected (a worksheet in a prefixed namespace, a missing part)."""


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its worksheet part's name in the package (xl/worksheets/sheet1.xml)."""
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(_PKG + "Relationship")}
    out = {}
    for sheet in book.iter(_MAIN + "sheet"):
        target = targets.get(sheet.get(_REL + "id"), "")
        out[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join("xl", target))
    return out


def patch(source: Path, target: Path, cells: dict[tuple[str, str], str]) -> list[str]:
    """Copy workbook ``source`` to ``target`` (written atomically) with each (sheet, cell) of
    ``cells`` holding its new text → the names of the parts changed."""
    with zipfile.ZipFile(source) as z:
        parts = sheet_parts(z)
        by_part: dict[str, dict[str, str]] = {}
        for (sheet, cell), text in cells.items():
            if sheet not in parts:
                raise PatchError(f"no sheet '{sheet}'")
            by_part.setdefault(parts[sheet], {})[cell] = text
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as out:
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename in by_part:
                    data = patch_sheet(data, by_part[info.filename])
                out.writestr(info, data, compress_type=info.compress_type)
    write_atomic(target, buf.getvalue())
    return sorted(by_part)


def patch_sheet(xml: bytes, cells: dict[str, str]) -> bytes:
    """A worksheet part's XML with each cell of ``cells`` holding its new text as an inline string."""
    text = xml.decode("utf-8")
    if not re.search(r"<sheetData\b", text):
        raise PatchError("the worksheet has no <sheetData> (a prefixed namespace?)")
    for ref, value in cells.items():
        text = _patch_cell(text, ref, value)
    return text.encode("utf-8")


def _cell_xml(ref: str, attrs: dict[str, str], value: str) -> str:
    keep = "".join(f" {k}={v}" for k, v in attrs.items() if k not in ("r", "t"))
    space = ' xml:space="preserve"' if value != value.strip() or "\n" in value else ""
    return f'<c r="{ref}"{keep} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>'


def _escape(value: str) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value).replace("\r", "&#13;")


def _patch_cell(text: str, ref: str, value: str) -> str:
    m = re.search(rf'<c\b([^>]*?\sr="{ref}"[^>]*?)(/>|>.*?</c>)', text, re.S)
    if m:
        attrs = dict(_ATTR.findall(m.group(1)))
        return text[:m.start()] + _cell_xml(ref, attrs, value) + text[m.end():]
    col, row = _REF.match(ref).groups()
    new = _cell_xml(ref, {}, value)
    rm = re.search(rf'<row\b([^>]*?\sr="{row}"[^>]*?)(/>|>(.*?)</row>)', text, re.S)
    if rm:
        if rm.group(2) == "/>":
            return text[:rm.start()] + f"<row{rm.group(1)}>{new}</row>" + text[rm.end():]
        inner_start = rm.start(3)
        for cm in re.finditer(r'<c\b[^>]*?\sr="([A-Z]{1,3})\d+"', rm.group(3)):
            if _column(cm.group(1)) > _column(col):
                at = inner_start + cm.start()
                return text[:at] + new + text[at:]
        at = rm.end(3)
        return text[:at] + new + text[at:]
    row_xml = f'<row r="{row}">{new}</row>'
    empty = re.search(r"<sheetData\s*/>", text)
    if empty:
        return text[:empty.start()] + f"<sheetData>{row_xml}</sheetData>" + text[empty.end():]
    for rm in re.finditer(r'<row\b[^>]*?\sr="(\d+)"', text):
        if int(rm.group(1)) > int(row):
            return text[:rm.start()] + row_xml + text[rm.start():]
    at = text.index("</sheetData>")
    return text[:at] + row_xml + text[at:]


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n
