"""Broken workbooks and layouts: every problem reported with its exact location, exit 1, no traceback."""
from __future__ import annotations

import json

import pytest

from conftest import LAYOUT, copy_workbook, edit_workbook, row_of
from esgpublish.cli import main

IND = "指标 Indicators"
NAR = "叙述 Narrative"
REP = "报告 Report"


def set_cell(sheet: str, ident: str | None, column: str, value):
    """An edit that sets ``column`` (a letter) of the row whose id is ``ident``."""
    def edit(wb):
        ws = wb[sheet]
        row = row_of(ws, ident) if ident else 2
        ws[f"{column}{row}"] = value
    edit.where = (sheet, ident, column)
    return edit


# (case, edit, sheet, id of the row, column, message fragment)
CASES = [
    ("text in a number cell", set_cell(IND, "charity_donation", "F", "约2270"), "F",
     "text '约2270' in a number column"),
    ("unknown pillar", set_cell(IND, "charity_hours", "B", "X"), "B", "unknown pillar 'X'"),
    ("unknown unit", set_cell(IND, "charity_hours", "G", "hours"), "G", "unknown unit 'hours'"),
    ("unknown topic", set_cell(IND, "charity_hours", "C", "comunity"), "C", "unknown topic 'comunity'"),
    ("missing English name", set_cell(IND, "patents_granted", "E", None), "E", "missing English name"),
    ("missing source quote", set_cell(IND, "patents_granted", "R", None), "R", "missing source quote"),
    ("duplicate id", set_cell(IND, "patents_granted", "A", "patents_applied"), "A", "duplicate id 'patents_applied'"),
    ("invalid id", set_cell(IND, "patents_granted", "A", "Patents Granted"), "A", "invalid id 'Patents Granted'"),
    ("unknown qualifier", set_cell(IND, "charity_hours", "H", "大约"), "H", "unknown qualifier '大约'"),
    ("bad year", set_cell(IND, "charity_hours", "I", "last year"), "I", "'last year' is not a year"),
    ("bad date", set_cell(IND, "rural_leaders", "J", "July"), "J", "'July' is not a date"),
    ("target before baseline", set_cell(IND, "office_power_per_capita", "O", 2019), "O",
     "target year 2019 is before the baseline year 2021"),
    ("share above 100 %", set_cell(IND, "training_coverage", "F", 120), "F", "share of 120% is outside 0–100 %"),
    ("note in one language", set_cell(IND, "trees_saved", "S", "only Chinese"), "T", "note given in one language only"),
    ("unknown placeholder", set_cell(NAR, "soc_charity", "C", "捐赠额达{charity_donaton}。"), "C",
     "placeholder {charity_donaton} names no indicator"),
    ("unknown placeholder attribute", set_cell(NAR, "soc_charity", "D", "{charity_donation.targt}"), "D",
     "unknown attribute 'targt' in placeholder {charity_donation.targt}"),
    ("placeholder of an empty field", set_cell(NAR, "soc_charity", "D", "{charity_donation.target}"), "D",
     "placeholder {charity_donation.target} names the target of 'charity_donation', which is empty"),
    ("lone brace", set_cell(NAR, "soc_charity", "C", "捐赠额达{charity_donation"), "C", "unbalanced '{'"),
    ("missing narrative text", set_cell(NAR, "soc_jobs", "D", None), "D", "missing English text"),
    ("HKEX code that does not exist", set_cell(IND, "charity_hours", "P", "B9.1"), "P",
     "'B9.1' is not an HKEX ESG Reporting Code or Guide item"),
    ("GRI code malformed", set_cell(IND, "charity_hours", "Q", "GRI 413"), "Q", "'GRI 413' is not a GRI disclosure number"),
    ("pillar differs from topic", set_cell(IND, "charity_hours", "B", "E"), "B",
     "pillar 'E' differs from the pillar 'S' of topic 'community'"),
    ("text in baseline value", set_cell(IND, "office_power_per_capita", "L", "about 5"), "L",
     "text 'about 5' in a number column"),
    ("unknown target qualifier", set_cell(IND, "rural_women", "N", "至少"), "N", "unknown qualifier '至少'"),
    ("narrative with unknown topic", set_cell(NAR, "soc_jobs", "B", "jobs"), "B", "unknown topic 'jobs'"),
    ("unit of unknown kind", set_cell("单位 Units", "hour", "B", "duration"), "B", "unknown unit kind 'duration'"),
    ("topic with unknown pillar", set_cell("议题 Topics", "ip", "B", "X"), "B", "unknown pillar 'X'"),
    ("report year not a year", set_cell(REP, "reporting_year", "B", "二〇二二"), "B", "'二〇二二' is not a year"),
    ("formula without a stored result", set_cell(IND, "charity_hours", "F", "=16000+300"), "F",
     "formula =16000+300 has no stored result"),
    ("emoji has no glyph", set_cell(IND, "charity_hours", "D", "公益时间😀"), "D", "no glyph in Noto Sans SC or Noto Sans for '😀' (U+1F600)"),
]


@pytest.mark.parametrize("case, edit, column, message", CASES, ids=[c[0] for c in CASES])
def test_broken_workbook_is_located(tmp_path, capsys, case, edit, column, message):
    book = copy_workbook(tmp_path)
    import openpyxl

    sheet, ident, _ = edit.where
    row = row_of(openpyxl.load_workbook(book)[sheet], ident)
    edit_workbook(book, edit)
    code = main(["validate", str(book), "--layout", str(LAYOUT)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert f"{book}: {sheet}!{column}{row}: error: {message}" in err, err


PER = "期间数值 Periods"


def add_period(indicator, period, value):
    def edit(wb):
        wb[PER].append([indicator, period, value])
    return edit


@pytest.mark.parametrize("case, edits, message", [
    ("unknown indicator", [add_period("charity_donaton", 2021, 1)], "unknown indicator 'charity_donaton'"),
    ("duplicate year", [add_period("charity_hours", 2021, 1), add_period("charity_hours", 2021, 2)],
     "'charity_hours' already has a value for 2021"),
    ("year of the row itself", [add_period("charity_hours", 2022, 1)], "'charity_hours' already has a value for 2022"),
    ("text value", [add_period("charity_hours", 2021, "很多")], "text '很多' in a number column"),
])
def test_broken_periods(tmp_path, capsys, case, edits, message):
    book = copy_workbook(tmp_path)
    for e in edits:
        edit_workbook(book, e)
    assert main(["validate", str(book)]) == 1
    err = capsys.readouterr().err
    assert f"{book}: {PER}!" in err and message in err, err


def test_merged_cells_over_data(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    edit_workbook(book, lambda wb: wb[IND].merge_cells("D5:E5"))
    assert main(["validate", str(book)]) == 1
    assert f"{book}: {IND}!D5: error: merged cells D5:E5 over data" in capsys.readouterr().err


def test_unknown_column_and_hidden_sheet_are_warnings(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    def edit(wb):
        wb[IND]["U1"] = "负责人 owner"
        wb["议题 Topics"].sheet_state = "hidden"
    edit_workbook(book, edit)
    assert main(["validate", str(book)]) == 0
    err = capsys.readouterr().err
    assert f"{book}: {IND}!U1: warning: unknown column '负责人 owner' is ignored" in err
    assert f"{book}: 议题 Topics: warning: sheet is hidden" in err


def test_blank_rows_in_the_middle_are_tolerated(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    edit_workbook(book, lambda wb: wb[IND].insert_rows(10, amount=2))
    assert main(["validate", str(book)]) == 0


def test_text_number_hint_suggests_the_qualifier(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    edit_workbook(book, set_cell(IND, "charity_donation", "F", "约2270"))
    main(["validate", str(book)])
    assert "hint: type the number 2270 here and '约' in the qualifier column" in capsys.readouterr().err


def test_all_errors_reported_at_once(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    def edits(wb):
        for e in (CASES[0][1], CASES[1][1], CASES[14][1]):
            e(wb)
    edit_workbook(book, edits)
    assert main(["validate", str(book)]) == 1
    err = capsys.readouterr().err
    assert err.count(": error: ") == 3 and "3 error(s)" in err


def test_missing_sheet(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    edit_workbook(book, lambda wb: wb.remove(wb[NAR]))
    assert main(["validate", str(book)]) == 1
    assert f"{book}: error: missing sheet '叙述 Narrative'" in capsys.readouterr().err


def test_missing_column(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    edit_workbook(book, lambda wb: wb[IND].delete_cols(7))  # the unit column
    assert main(["validate", str(book)]) == 1
    assert "missing column '单位 unit'" in capsys.readouterr().err


def test_missing_report_date(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    def edit(wb):
        ws = wb[REP]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == "publication_date":
                row[1].value = "soon"
    edit_workbook(book, edit)
    assert main(["validate", str(book)]) == 1
    assert "'soon' is not a date" in capsys.readouterr().err


def test_not_a_workbook(tmp_path, capsys):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("this is not a spreadsheet")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: error: not an Excel workbook (.xlsx)" in err and "Traceback" not in err


def test_missing_file(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.xlsx")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_json_output(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    edit_workbook(book, CASES[0][1])
    assert main(["validate", str(book), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert data["diagnostics"][0]["sheet"] == IND and data["diagnostics"][0]["cell"].startswith("F")


def test_usage_error_exits_2(capsys):
    assert main(["publish"]) == 2
    assert main(["publish", "x.xlsx", "--edition", "fr"]) == 2


def test_failed_publish_keeps_previous_outputs(tmp_path, capsys):
    out = tmp_path / "out"
    book = copy_workbook(tmp_path)
    assert main(["publish", str(book), "--edition", "zh", "--format", "pdf", "-o", str(out)]) == 0
    pdf = out / "book-annual-zh.pdf"
    before = pdf.read_bytes()
    edit_workbook(book, CASES[0][1])
    assert main(["publish", str(book), "--edition", "zh", "--format", "pdf", "-o", str(out)]) == 1
    assert pdf.read_bytes() == before
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["book-annual-zh.pdf",
                                                                    "book-annual-zh.pdf.sources.json"]


def test_one_cell_edit_changes_table_chart_and_sentence(tmp_path):
    """Patents applied 9930 → 9931: the sentence, the KPI table and the chart all follow."""
    from conftest import squash

    book = copy_workbook(tmp_path)
    edit_workbook(book, set_cell(IND, "patents_applied", "F", 9931))
    out = tmp_path / "out"
    assert main(["publish", str(book), "--edition", "zh", "--format", "pdf", "-o", str(out)]) == 0
    import pdfplumber

    with pdfplumber.open(out / "book-annual-zh.pdf") as pdf:
        words = [w["text"] for page in pdf.pages for w in page.extract_words()]
        text = squash("\n".join(page.extract_text() for page in pdf.pages), "zh")
    assert "共申请9,931件国内外专利" in text  # the sentence
    assert "9,930" not in text
    assert sum("9,931" in w for w in words) >= 3  # sentence, table cell, chart label
    charts = list((out / ".cache" / "charts").glob("*.svg"))
    assert any("9,931" in p.read_text() for p in charts)


def test_validate_loads_no_renderer():
    """validate stays quick: it imports neither matplotlib nor reportlab nor python-docx."""
    import subprocess
    import sys

    from conftest import WORKBOOK

    code = ("import sys\nfrom esgpublish.cli import main\n"
            f"assert main(['validate', {str(WORKBOOK)!r}]) == 0\n"
            "print(sorted(m for m in ('matplotlib', 'reportlab', 'docx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")
