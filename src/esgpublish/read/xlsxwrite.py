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
        ws.append([c.header for c in sheet.columns])
        for cell in ws[1]:
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows.get(sheet.key, ()):
            ws.append(list(row))
        for i, col in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = col.width
        ws.freeze_panes = "B2"
        last = max(ws.max_row, 2) + 500

        def dropdown(key: str, values: Iterable[str]) -> None:
            keys = [c.key for c in sheet.columns]
            if key not in keys:
                return
            letter = get_column_letter(keys.index(key) + 1)
            dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)

        dropdown("pillar", schema.PILLARS)
        if sheet is schema.PERIODS:
            dropdown("qualifier", ["超", "近", "约", "多", "余"])
        if sheet is schema.UNITS:
            dropdown("kind", schema.UNIT_KINDS)
        if sheet is schema.INDICATORS:
            dropdown("qualifier", ["超", "近", "约", "多", "余"])
            dropdown("hkex", [f"{aspect}{'.' + str(i) if i else ''}" for aspect, n in schema.HKEX_KPIS.items()
                              for i in range(n + 1)])
            dropdown("target_qualifier", ["超", "近", "约", "多", "余"])
            n_units = sum(1 for _ in rows.get("units", ()))
            keys = [c.key for c in sheet.columns]
            letter = get_column_letter(keys.index("unit") + 1)
            dv = DataValidation(type="list", allow_blank=False,
                                formula1=f"'{schema.UNITS.name}'!$A$2:$A${max(n_units + 1, 2) + 100}")
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)
    wb.properties.creator = "esgpublish"
    buf = io.BytesIO()
    wb.save(buf)
    # fixed dates keep the file byte-identical from run to run
    write_atomic(path, normalise_package(buf.getvalue(), created))
