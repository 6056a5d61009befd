"""Issue 16: a cell means what Excel shows, and a figure the tool cannot be sure of is a
located error, never a silently wrong figure."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import copy_workbook, edit_workbook, pdf_text, row_of
from esgpublish.cli import main

IND = "指标 Indicators"


def _set(ident: str, column: str, value, number_format: str | None = None):
    def edit(wb):
        ws = wb[IND]
        cell = ws[f"{column}{row_of(ws, ident)}"]
        cell.value = value
        if number_format:
            cell.number_format = number_format
    return edit


def _publish(tmp_path, edit, edition="bilingual"):
    book = copy_workbook(tmp_path)
    edit_workbook(book, edit)
    out = tmp_path / "out"
    code = main(["publish", str(book), "-o", str(out), "--edition", edition, "--format", "pdf"])
    return code, out / f"book-annual-{edition}.pdf"


@pytest.mark.parametrize("number_format", ["0%", "0.0%", "0.00%"])
def test_a_percent_formatted_cell_is_the_percentage_it_shows(tmp_path, number_format):
    """31.2 % typed in Excel is stored as 0.312 in a percent format: it prints 31.2%, not 0.312%."""
    code, pdf = _publish(tmp_path, _set("training_coverage", "F", 0.312, number_format))
    assert code == 0
    text = pdf_text(pdf)
    assert "31.2%" in text and "0.312%" not in text


def test_a_percent_formatted_cell_in_a_count_is_an_error(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    edit_workbook(book, _set("charity_hours", "F", 0.5, "0%"))
    assert main(["validate", str(book)]) == 1
    err = capsys.readouterr().err
    assert "指标 Indicators!F" in err and "shows 50% (a percent format)" in err and "unit 'hour'" in err


def test_a_year_month_stays_a_year_month(tmp_path):
    """'2023-04' typed in Excel becomes the date 2023-04-01 shown as a year-month: it prints
    April 2023, not 1 April 2023."""
    code, pdf = _publish(tmp_path, _set("rural_women", "J", dt.datetime(2023, 4, 1), "yyyy-mm"), "en")
    assert code == 0
    text = pdf_text(pdf)
    assert "As of April 2023" in text and "1 April 2023" not in text


@pytest.mark.parametrize("typed, exact", [
    ("1260万", "12600000"), ("2,270万元", "22700000"), ("1.9亿", "190000000"), ("2.3 million", "2300000"),
    ("约1.5万", "15000"),
])
def test_a_scale_word_in_a_number_cell_gives_the_exact_number(tmp_path, capsys, typed, exact):
    """Following the hint publishes the right figure: 1260万 is 12600000, never 1260."""
    book = copy_workbook(tmp_path)
    edit_workbook(book, _set("charity_donation", "F", typed))
    assert main(["validate", str(book)]) == 1
    err = capsys.readouterr().err
    assert f"type the number {exact} " in err, err
    assert "指标 Indicators!F" in err


@pytest.mark.parametrize("value, zh, en", [
    (152345.67, "152,345.67", "152,345.67"),  # 15.235万 would drop digits the English shows
    (22_700_000, "2,270万", "22.7\u00a0million"),
    (190_000_000, "1.9亿", "190\u00a0million"),
    (1_234_567, "1,234,567", "1,234,567"),
    (240_000, "24万", "240,000"),
])
def test_wan_and_yi_only_where_no_digit_is_lost(value, zh, en):
    from esgpublish.compose.localize import number

    assert number(value, "zh") == zh and number(value, "en") == en


def test_one_scale_for_all_of_an_indicators_periods():
    from esgpublish.compose.localize import number, scale_power

    power = scale_power([168_500, 41_900], "zh")
    assert [number(v, "zh", power=power) for v in (168_500, 41_900)] == ["16.85万", "4.19万"]
    power = scale_power([168_500, 41_901], "zh")  # 4.1901万 would lose a digit: no scale for either
    assert [number(v, "zh", power=power) for v in (168_500, 41_901)] == ["168,500", "41,901"]


def test_a_qualifier_after_the_number_goes_before_the_currency_unit():
    from esgpublish.compose.localize import quantity
    from esgpublish.model.dataset import Qualifier, Unit
    from esgpublish.read.schema import QUALIFIERS

    yuan = Unit("yuan", "currency", "元", "RMB")
    more = Qualifier("多", *QUALIFIERS["多"])
    assert quantity(38_600_000, yuan, more, "zh") == "3,860万多元"


def test_the_change_of_a_percentage_is_in_percentage_points():
    from esgpublish.compose.tables import change_text
    from esgpublish.model.dataset import Indicator, PeriodValue, Text, Unit
    from esgpublish.diagnostics import Location

    here = Location("book.xlsx")
    share = Unit("percent", "percent", "%", "%")
    ind = Indicator("female_share", "S", "people", Text("女性占比", "Female share"), 38.5, share, None, 2023,
                    None, None, None, None, None, None, None, None, "quote", None, here,
                    history=(PeriodValue(2022, 27, None, here),))
    assert change_text(ind, "en") == "+11.5 pp (on 2022)"
    assert change_text(ind, "zh") == "+11.5个百分点（较2022年）"


PER = "期间数值 Periods"


@pytest.mark.parametrize("rows, message", [
    ([("charity_hours", 2021, 1630, None, "test")], "goes from 1,630 (2021) to 16,300 (2022), 10.0 times more"),
    ([("charity_donation", 2021, -15_000_000, None, "test")], "changes sign from -15,000,000 (2021) to 22,700,000 (2022)"),
    ([("charity_hours", 2021, -5, None, "test")], "is -5 in 2021: a count cannot be negative"),
])
def test_implausible_figures_are_located_warnings(tmp_path, capsys, rows, message):
    """A slip that reads well is a warning at its cell: a five-fold jump (a figure typed in
    万 or thousands), a change of sign, a negative count."""
    book = copy_workbook(tmp_path)

    def edit(wb):
        for row in rows:
            wb[PER].append(list(row))
    edit_workbook(book, edit)
    assert main(["validate", str(book)]) == 0  # warnings do not stop the publish
    err = capsys.readouterr().err
    assert message in err, err
    assert f"{PER}!C" in err or "指标 Indicators!F" in err


def test_the_sample_has_no_implausible_figure(capsys):
    from conftest import WORKBOOK

    assert main(["validate", str(WORKBOOK)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_one_unit_typo_is_one_error_not_a_cascade(tmp_path, capsys):
    """A bad cell marks its indicator as broken: its Periods rows and the placeholders that
    name it do not become 'unknown indicator … did you mean …?'."""
    book = copy_workbook(tmp_path)

    def edit(wb):
        ws = wb[IND]
        ws[f"G{row_of(ws, 'charity_hours')}"] = "hours"  # a unit typo
        wb[PER].append(["charity_hours", 2021, 12500, None, "test"])
    edit_workbook(book, edit)
    assert main(["validate", str(book)]) == 1
    err = capsys.readouterr().err
    assert err.count("error:") == 1 + err.count("whose row has errors"), err
    assert err.count("whose row has errors") == 1  # one narrative uses it: one message, not per language
    assert "unknown unit 'hours'" in err and err.count("did you mean") == 1  # 'hour', for the typo itself
    assert "unknown indicator" not in err and "names no indicator" not in err


def _status(ident: str, status, reason_zh=None, reason_en=None, clear_value=True):
    def edit(wb):
        ws = wb[IND]
        head = [str(c.value).split()[-1] for c in ws[1]]
        row = row_of(ws, ident)
        if clear_value:
            ws.cell(row, head.index("value") + 1).value = None
        for key, value in (("status", status), ("reason_zh", reason_zh), ("reason_en", reason_en)):
            ws.cell(row, head.index(key) + 1).value = value
    return edit


def test_not_applicable_prints_na_with_its_reason(tmp_path):
    """Comply or explain: '不适用 / N/A' in the value column and the reason in the notes,
    distinct from '—' (a row with only a target) and from '未披露 / Not disclosed'."""
    book = copy_workbook(tmp_path)
    edit_workbook(book, _status("office_water_per_capita", "不适用", "北京职场用水由物业统一计量", "Water is metered by the landlord"))
    layout = tmp_path / "na.yaml"
    layout.write_text("extends: annual\nsections:\n  - pillar: E\n    blocks:\n      - kpi_table: "
                      "{select: {pillar: E}, columns: [value, unit, target, note]}\n", encoding="utf-8")
    assert main(["publish", str(book), "--layout", str(layout), "-o", str(tmp_path / "out"),
                 "--edition", "bilingual", "--format", "pdf"]) == 0
    text = pdf_text(tmp_path / "out" / "book-annual-bilingual.pdf")
    assert "不适用" in text and "N/A" in text and "Water is metered by the landlord" in text
    assert "—" in text  # the target-only rows keep their dash


@pytest.mark.parametrize("edit, sheet, message", [
    (_status("trees_saved", "不适用"), IND, "an indicator not applicable needs its explanation (Chinese)"),
    (_status("trees_saved", "不适用", "原因", "reason"), "叙述 Narrative",
     "names the value of 'trees_saved', which is not applicable"),
    (_status("trees_saved", "未披露", "未统计", None), IND, "an indicator not disclosed needs its explanation (English)"),
    (_status("trees_saved", "不适用", "原因", "reason", clear_value=False), IND,
     "a value for an indicator whose status is not applicable"),
    (_status("trees_saved", "maybe", clear_value=False), IND, "unknown status 'maybe'"),
])
def test_a_status_needs_its_explanation_and_no_value(tmp_path, capsys, edit, sheet, message):
    book = copy_workbook(tmp_path)
    edit_workbook(book, edit)
    assert main(["validate", str(book)]) == 1
    err = capsys.readouterr().err
    assert message in err and f"{sheet}!" in err, err


def test_decimals_per_indicator_and_per_block(tmp_path, capsys):
    """The workbook's decimals column fixes an indicator's places (rounded half up); a layout
    block's decimals overrides it; a bad decimals cell is a located error."""
    book = copy_workbook(tmp_path)

    def edit(wb):
        ws = wb[IND]
        head = [str(c.value).split()[-1] for c in ws[1]]
        row = row_of(ws, "training_coverage")
        ws.cell(row, head.index("value") + 1).value = 99.25
        ws.cell(row, head.index("decimals") + 1).value = 1
    edit_workbook(book, edit)
    out = tmp_path / "out"
    assert main(["publish", str(book), "-o", str(out), "--edition", "en", "--format", "pdf"]) == 0
    text = pdf_text(out / "book-annual-en.pdf")
    assert "99.3%" in text and "99.25%" not in text
    layout = tmp_path / "d.yaml"
    layout.write_text("extends: annual\nsections:\n  - pillar: S\n    blocks:\n      - kpi_table: "
                      "{select: {topic: people}, decimals: 2}\n", encoding="utf-8")
    assert main(["publish", str(book), "--layout", str(layout), "-o", str(tmp_path / "o2"), "--edition", "en",
                 "--format", "pdf"]) == 0
    assert "99.25%" in pdf_text(tmp_path / "o2" / "book-annual-en.pdf")

    def bad(wb):
        ws = wb[IND]
        head = [str(c.value).split()[-1] for c in ws[1]]
        ws.cell(row_of(ws, "training_coverage"), head.index("decimals") + 1).value = 1.5
    edit_workbook(book, bad)
    capsys.readouterr()
    assert main(["validate", str(book)]) == 1
    assert "decimals '1.5' is not a whole number from 0 to 6" in capsys.readouterr().err
