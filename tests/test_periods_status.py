"""Issue 16: fiscal-year periods ("2023/24", with the month the year ends) and a status per
value on the Periods and Breakdowns sheets (不适用 / 未披露 for one year or one category)."""
from __future__ import annotations

import pytest

from conftest import copy_workbook, edit_workbook, row_of
from esgpublish.cli import main

REP, IND, PER, DIM, BRK = "报告 Report", "指标 Indicators", "期间数值 Periods", "维度 Dimensions", "细分 Breakdowns"
LAYOUT = """\
extends: annual
sections:
  - pillar: E
    blocks:
      - kpi_table: {indicators: [trees_saved], columns: [periods, change, note]}
      - breakdown: {indicator: trees_saved}
"""


def _set_report(ws, key: str, value) -> None:
    ws.cell(row_of(ws, key), 2).value = value


def _append(ws, values: dict) -> None:
    """Append a row by header key (the sample's sheets may lack the newer optional columns)."""
    keys = [str(c.value).split()[-1] for c in ws[1]]
    for key in values:
        if key not in keys:
            ws.cell(1, len(keys) + 1).value = key
            keys.append(key)
    ws.append([values.get(k) for k in keys])


def fiscal_book(tmp_path, *, year_end=3, period="2022/23", extra=()):
    """The sample with a year ending 31 March: trees saved in 2022/23, 2021/22, and 2020/21 withheld."""
    path = copy_workbook(tmp_path)

    def edit(wb):
        if year_end is not None:
            wb[REP].append(["year_end", year_end])
        _set_report(wb[REP], "reporting_year", period)
        ind = wb[IND]
        ind.cell(row_of(ind, "trees_saved"), 9).value = period
        _append(wb[PER], {"indicator": "trees_saved", "period": "2021/22", "value": 3000, "source_quote": "test data"})
        _append(wb[PER], {"indicator": "trees_saved", "period": "2020/21", "status": "未披露",
                          "reason_zh": "当年未统计", "reason_en": "not counted that year", "source_quote": "test data"})
        for row in extra:
            _append(wb[row[0]], row[1])
    edit_workbook(path, edit)
    layout = tmp_path / "f.yaml"
    layout.write_text(LAYOUT, encoding="utf-8")
    return path, layout


def _ir_text(path, layout, edition):
    from esgpublish.compose.document import compose
    from esgpublish.ir.document import spans
    from esgpublish.pipeline.publish import load_inputs

    inputs, diags = load_inputs(path, layout)
    assert diags.ok, "\n".join(map(str, diags.items))
    doc = compose(inputs.dataset, inputs.layout, edition)
    return "".join(s.text for s in spans(doc))


def test_a_fiscal_year_prints_as_the_years_it_spans(tmp_path):
    path, layout = fiscal_book(tmp_path)
    zh, en = _ir_text(path, layout, "zh"), _ir_text(path, layout, "en")
    for text in (zh, en):
        assert "2020/21" in text and "2021/22" in text and "2022/23" in text
    assert "较2021/22年" in zh and "on 2021/22" in en  # the change is on the previous fiscal year
    assert "2021/22年" not in en and "Indicator2020/212021/222022/23Change" in en


@pytest.mark.parametrize("year_end, period, message", [
    (None, "2022/23", "'2022/23' is a fiscal year, but the report's year ends in December"),
    (3, "2022/24", "'2022/24' is not a fiscal year: it must end the year after it starts"),
    ("Maybe", "2022/23", "year_end 'Maybe' is not a month"),
])
def test_a_fiscal_year_needs_the_month_it_ends(tmp_path, capsys, year_end, period, message):
    path, layout = fiscal_book(tmp_path, year_end=year_end, period=period)
    assert main(["validate", str(path), "--layout", str(layout)]) == 1
    err = capsys.readouterr().err
    assert message in err and f"{path}: " in err


def test_year_end_accepts_the_forms_analysts_type():
    from esgpublish.diagnostics import Collector, Location
    from esgpublish.read.cellvalues import month

    here = Location("book.xlsx")
    for typed, expected in ((3, 3), ("3月", 3), ("03-31", 3), ("March", 3), ("jun", 6), (None, 12), (12, 12)):
        diags = Collector()
        assert month(typed, here, diags) == expected, typed
        assert diags.ok


def test_a_withheld_year_prints_its_status_and_reason(tmp_path):
    path, layout = fiscal_book(tmp_path)
    zh, en = _ir_text(path, layout, "zh"), _ir_text(path, layout, "en")
    assert "未披露" in zh and "2020/21：当年未统计" in zh
    assert "Not disclosed" in en and "2020/21: not counted that year" in en


def test_a_withheld_value_needs_no_value_and_a_reason(tmp_path, capsys):
    bad = ((PER, {"indicator": "trees_saved", "period": "2019/20", "value": 5, "status": "不适用",
                  "reason_zh": "原因", "reason_en": "why", "source_quote": "test data"}),
           (PER, {"indicator": "trees_saved", "period": "2018/19", "status": "n/a", "reason_zh": "原因",
                  "source_quote": "test data"}))
    path, layout = fiscal_book(tmp_path, extra=bad)
    assert main(["validate", str(path), "--layout", str(layout)]) == 1
    err = capsys.readouterr().err
    assert "a value for a value whose status is not applicable" in err
    assert "a value not applicable needs its explanation (English)" in err


DIMENSIONS = [{"dimension": "site"}, {"dimension": "site", "category": "north", "zh": "北区", "en": "North"},
              {"dimension": "site", "category": "south", "zh": "南区", "en": "South"}]


def test_a_withheld_category_prints_its_status_and_skips_the_sum(tmp_path, capsys):
    extra = tuple((DIM, {**d, "zh": d.get("zh", "地点"), "en": d.get("en", "Site")}) for d in DIMENSIONS) + (
        (BRK, {"indicator": "trees_saved", "period": "2022/23", "dimension": "site", "category": "north",
               "value": 1000, "source_quote": "test data"}),
        (BRK, {"indicator": "trees_saved", "period": "2022/23", "dimension": "site", "category": "south",
               "status": "不适用", "reason_zh": "南区无办公室", "reason_en": "no office in the south",
               "source_quote": "test data"}))
    path, layout = fiscal_book(tmp_path, extra=extra)
    assert main(["validate", str(path), "--layout", str(layout)]) == 0
    assert "adds up to" not in capsys.readouterr().err  # 1,000 of 4,000: the south is not applicable
    zh, en = _ir_text(path, layout, "zh"), _ir_text(path, layout, "en")
    assert "南区不适用" in zh and "SouthN/A" in en
