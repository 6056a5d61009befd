"""The workbook as analysts handle it: a LibreOffice round trip, the template, yearly values."""
from __future__ import annotations

import os
import subprocess


from conftest import (copy_workbook, write_layout, edit_workbook, needs_soffice, pdf_text,
                      squash)
from esgpublish.cli import main


@needs_soffice
def test_libreoffice_resaved_workbook_publishes_the_same_text(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    book = copy_workbook(src, "esg_2022.xlsx")
    out_dir = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "xlsx", "--outdir", str(out_dir), str(book)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    resaved = out_dir / "esg_2022.xlsx"
    assert resaved.read_bytes() != book.read_bytes()
    assert main(["validate", str(resaved)]) == 0
    for path, out in ((book, tmp_path / "a"), (resaved, tmp_path / "b")):
        assert main(["publish", str(path), "--edition", "bilingual", "--format", "pdf", "-o", str(out)]) == 0
    a = pdf_text(tmp_path / "a" / "esg_2022-annual-bilingual.pdf")
    b = pdf_text(tmp_path / "b" / "esg_2022-annual-bilingual.pdf")
    assert a == b


def test_init_writes_a_workbook_that_validates_and_publishes(tmp_path, capsys):
    book = tmp_path / "new.xlsx"
    assert main(["init", str(book)]) == 0
    assert main(["validate", str(book)]) == 0
    assert main(["publish", str(book), "--edition", "en", "--format", "pdf", "-o", str(tmp_path / "out")]) == 0
    text = pdf_text(tmp_path / "out" / "new-annual-en.pdf")
    assert "Example Company" in text and "Scope 1 greenhouse gas emissions" in text
    import openpyxl

    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[0] == "说明 Instructions"
    ind = wb["指标 Indicators"]
    assert ind.freeze_panes == "B2"
    validated = {str(dv.sqref).split(":")[0][0] for dv in ind.data_validations.dataValidation}
    assert {"B", "G", "H", "P"} <= validated  # pillar, unit, qualifier, HKEX code


def test_init_does_not_overwrite(tmp_path, capsys):
    book = tmp_path / "kept.xlsx"
    book.write_bytes(b"precious")
    assert main(["init", str(book)]) == 1
    assert book.read_bytes() == b"precious"


def test_yearly_values_print_as_period_columns(tmp_path):
    book = copy_workbook(tmp_path)
    edit_workbook(book, lambda wb: wb["期间数值 Periods"].append(["charity_hours", 2021, 12000, "超"]))
    layout = write_layout(tmp_path, "years.yaml",
        "name: years\ntheme: themes/default.yaml\ncover: {show: false}\ncontents: {show: false}\n"
        "sections:\n  - pillar: S\n    blocks:\n"
        "      - kpi_table: {indicators: [charity_hours, charity_donation], columns: [periods, unit]}\n")
    out = tmp_path / "out"
    assert main(["publish", str(book), "--layout", str(layout), "--edition", "zh",
                 "--format", "pdf", "-o", str(out)]) == 0
    text = squash(pdf_text(out / "book-years-zh.pdf"), "zh")
    assert "20212022" in text  # one column per year
    assert "超过1.2万" not in text and "超过12,000超过16,300" in text


def test_the_template_offers_every_qualifier_and_the_ids_as_dropdowns_and_flags_its_examples(tmp_path, capsys):
    """Issue 16 item 8: the qualifier lists hold every spelling the reader accepts (超过, 逾 …);
    topics, units, indicator and dimension ids are dropdowns; example rows left in warn."""
    import openpyxl

    from esgpublish.read.schema import QUALIFIERS

    book = tmp_path / "new.xlsx"
    assert main(["init", str(book)]) == 0
    wb = openpyxl.load_workbook(book)
    formulas = {ws.title: [dv.formula1 for dv in ws.data_validations.dataValidation] for ws in wb}
    indicators = " ".join(formulas["指标 Indicators"])
    assert all(q in indicators for q in QUALIFIERS) and "逾" in indicators and "超过" in indicators
    assert "'单位 Units'!$A$2" in indicators and "'议题 Topics'!$A$2" in indicators
    assert any("'指标 Indicators'!$A$2" in f for f in formulas["期间数值 Periods"])
    assert any("'维度 Dimensions'!$A$2" in f for f in formulas["细分 Breakdowns"])
    capsys.readouterr()
    assert main(["validate", str(book)]) == 0
    err = capsys.readouterr().err
    assert "指标 Indicators!D2: warning: an example row left from the template" in err
