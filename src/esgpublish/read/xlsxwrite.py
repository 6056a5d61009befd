"""Write a workbook in esgpublish's schema: rows per sheet → an analyst-ready .xlsx.

Used by the sample-workbook script and by ``esgpublish init``. Headers are bold and
frozen, columns sized, and the pillar, unit and qualifier columns carry dropdowns.
"""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from . import schema
from ..model.frameworks import ALL_HKEX, hkex_sort_key
from ..ooxml import normalise_package
from ..pipeline.atomic import write_atomic

Row = Sequence[object]


def write_workbook(path: Path, rows: Mapping[str, Iterable[Row]], created: dt.date = dt.date(2023, 4, 27),
                   instructions: Sequence[tuple[str, str]] = ()) -> None:
    """Rows keyed by sheet key ("indicators", …) → ``path`` (written atomically), with an
    optional bilingual instructions sheet first."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.remove(wb.active)
    header_font = Font(bold=True)
    if instructions:
        ws = wb.create_sheet(schema.INSTRUCTIONS_SHEET)
        for zh, en in instructions:
            ws.append([zh, en])
        ws["A1"].font = ws["B1"].font = Font(bold=True, size=14)
        ws.column_dimensions["A"].width = ws.column_dimensions["B"].width = 80
        for row in ws.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for sheet in schema.SHEETS:
        ws = wb.create_sheet(sheet.name)
        ws.append([c.header for c in sheet.written])
        for cell in ws[1]:
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows.get(sheet.key, ()):
            ws.append(list(row))
        for i, col in enumerate(sheet.written, start=1):
            ws.column_dimensions[get_column_letter(i)].width = col.width
        ws.freeze_panes = "B2"
        last = max(ws.max_row, 2) + 500

        def dropdown(key: str, values: Iterable[str]) -> None:
            keys = [c.key for c in sheet.written]
            if key not in keys:
                return
            letter = get_column_letter(keys.index(key) + 1)
            dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)

        def ids_of(key: str, source: "schema.Sheet", blank: bool = True) -> None:
            """A dropdown of the ids in column A of another sheet (units, topics, indicators …)."""
            keys = [c.key for c in sheet.written]
            if key not in keys:
                return
            letter = get_column_letter(keys.index(key) + 1)
            dv = DataValidation(type="list", allow_blank=blank, formula1=f"'{source.name}'!$A$2:$A$2000")
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)

        qualifiers = list(schema.QUALIFIERS)  # every spelling the reader accepts
        dropdown("pillar", schema.PILLARS)
        if sheet in (schema.PERIODS, schema.BREAKDOWNS):
            dropdown("qualifier", qualifiers)
            dropdown("status", ["不适用", "未披露"])
            ids_of("indicator", schema.INDICATORS, blank=False)
        if sheet is schema.BREAKDOWNS:
            ids_of("dimension", schema.DIMENSIONS, blank=False)
        if sheet is schema.UNITS:
            dropdown("kind", schema.UNIT_KINDS)
        if sheet is schema.NARRATIVE:
            ids_of("topic", schema.TOPICS)
        if sheet is schema.INDICATORS:
            dropdown("qualifier", qualifiers)
            # the KPIs and the mandatory and climate items (Excel keeps a list under 255 characters);
            # showErrorMessage is off, so several codes (A1.2, D4.1) or an aspect may still be typed
            dropdown("hkex", [c for c in sorted(ALL_HKEX, key=hkex_sort_key) if "." in c or c[0] in "MD"])
            dropdown("target_qualifier", qualifiers)
            dropdown("status", ["不适用", "未披露"])
            ids_of("unit", schema.UNITS, blank=False)
            ids_of("topic", schema.TOPICS, blank=False)
    wb.properties.creator = "esgpublish"
    buf = io.BytesIO()
    wb.save(buf)
    # fixed dates keep the file byte-identical from run to run
    write_atomic(path, normalise_package(buf.getvalue(), created))
