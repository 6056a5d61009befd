"""Issue 16: breakdowns (dimensions) — HKEX B1.1's workforce by gender and age group, a row per
category, a column per year, the total; a breakdown that does not add up warns at its cell."""
from __future__ import annotations

import pytest

from conftest import copy_workbook, edit_workbook, pdf_text
from esgpublish.cli import main

IND, DIM, BRK, PER = "指标 Indicators", "维度 Dimensions", "细分 Breakdowns", "期间数值 Periods"

# a fictional indicator added to a copy of the sample (test data only, never shipped)
WORKFORCE = ["workforce", "S", "people", "员工总数", "Total workforce", 1000, "people", None, 2024, None, None,
             None, None, None, None, "B1.1", None, "test data"]
DIMENSIONS = [("gender", None, "性别", "Gender"), ("gender", "female", "女性", "Female"),
              ("gender", "male", "男性", "Male"), ("age", None, "年龄组别", "Age group"),
              ("age", "under_30", "30岁以下", "Under 30"), ("age", "30_50", "30至50岁", "30 to 50"),
              ("age", "over_50", "50岁以上", "Over 50")]
BREAKDOWNS = [("workforce", 2024, "gender", "female", 420), ("workforce", 2024, "gender", "male", 580),
              ("workforce", 2023, "gender", "female", 350), ("workforce", 2023, "gender", "male", 550),
              ("workforce", 2024, "age", "under_30", 300), ("workforce", 2024, "age", "30_50", 600),
              ("workforce", 2024, "age", "over_50", 100)]
LAYOUT = """\
extends: annual
sections:
  - pillar: S
    blocks:
      - breakdown: {indicator: workforce, dimensions: [gender, age]}
"""


def book(tmp_path, breakdowns=BREAKDOWNS):
    path = copy_workbook(tmp_path)

    def edit(wb):
        wb[IND].append(WORKFORCE)
        wb[PER].append(["workforce", 2023, 900, None, "test data"])
        for row in DIMENSIONS:
            wb[DIM].append(list(row))
        for row in breakdowns:
            wb[BRK].append(list(row) + [None, "test data"])
    edit_workbook(path, edit)
    layout = tmp_path / "b.yaml"
    layout.write_text(LAYOUT, encoding="utf-8")
    return path, layout


def test_a_breakdown_prints_a_row_per_category_and_the_total(tmp_path):
    import docx

    path, layout = book(tmp_path)
    out = tmp_path / "out"
    assert main(["publish", str(path), "--layout", str(layout), "-o", str(out), "--edition", "bilingual"]) == 0
    text = pdf_text(out / "book-annual-bilingual.pdf")
    for word in ("性别", "Gender", "女性", "Female", "30至50岁", "合计", "Total", "420", "580", "1,000", "900"):
        assert word in text, word
    table = next(t for t in docx.Document(str(out / "book-annual-bilingual.docx")).tables
                 if any("合计" in c.text for c in t.rows[-1].cells))
    rows = [[c.text.split("\n")[0] for c in r.cells] for r in table.rows]
    assert rows[0][1:] == ["2023", "2024"]
    assert [r[0] for r in rows[1:]] == ["性别", "女性", "男性", "年龄组别", "30岁以下", "30至50岁", "50岁以上", "合计"]
    assert rows[2][1:] == ["350", "420"] and rows[-1][1:] == ["900", "1,000"]
    assert rows[5][1] == "–"  # no age breakdown for 2023


def test_a_breakdown_that_does_not_add_up_warns_with_the_difference(tmp_path, capsys):
    wrong = [r if r[3] != "male" or r[1] != 2024 else r[:4] + (590,) for r in BREAKDOWNS]
    path, layout = book(tmp_path, wrong)
    assert main(["validate", str(path), "--layout", str(layout)]) == 0
    err = capsys.readouterr().err
    assert f"{BRK}!E" in err and "'workforce' by gender in 2024 adds up to 1,010, not its total 1,000" in err
    assert "(a difference of +10)" in err


@pytest.mark.parametrize("row, message", [
    (("workforce", 2024, "gender", "other", 1), "unknown category 'other' of dimension 'gender'"),
    (("workforce", 2024, "sex", "female", 1), "unknown dimension 'sex'"),
    (("workforse", 2024, "gender", "female", 1), "unknown indicator 'workforse'"),
    (("workforce", 2024, "gender", "female", 1), "'workforce' already has a value for female (gender) in 2024"),
])
def test_breakdown_mistakes_are_located(tmp_path, capsys, row, message):
    path, _ = book(tmp_path, BREAKDOWNS + [row])
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and f"{BRK}!" in err, err


def test_the_annual_layout_prints_the_workbooks_breakdowns(tmp_path, capsys):
    """layouts/annual.yaml selects the breakdowns a workbook has (select: {pillar: S}); the
    sample, which has none, prints none and gets no warning."""
    from conftest import LAYOUT, WORKBOOK

    path, _ = book(tmp_path)
    out = tmp_path / "out"
    assert main(["publish", str(path), "--layout", str(LAYOUT), "-o", str(out), "--edition", "zh",
                 "--format", "pdf"]) == 0
    text = pdf_text(out / "book-annual-zh.pdf")
    assert "员工总数（按性别、年龄组别）" in text and "合计" in text
    capsys.readouterr()
    assert main(["validate", str(WORKBOOK), "--layout", str(LAYOUT)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_a_breakdown_needs_an_indicator_or_a_selection(tmp_path, capsys):
    path, layout = book(tmp_path)
    layout.write_text("extends: annual\nsections:\n  - pillar: S\n    blocks:\n      - breakdown: {}\n",
                      encoding="utf-8")
    assert main(["validate", str(path), "--layout", str(layout)]) == 1
    assert "a breakdown needs an 'indicator' or a 'select'" in capsys.readouterr().err


def test_the_fictional_hkex_demo_validates_and_prints_b11_by_every_dimension(tmp_path, capsys):
    """data/demo_hkex.xlsx (a fictional company, tools/make_demo_workbook.py): no error; its B1.1
    table has a row per gender, age group, employment type and region and a total equal to each
    dimension's sum; a changed category warns with the difference."""
    import docx

    from conftest import LAYOUT, ROOT

    demo = ROOT / "data" / "demo_hkex.xlsx"
    assert main(["validate", str(demo), "--layout", str(LAYOUT)]) == 0
    assert " error" not in capsys.readouterr().err.replace("0 error(s)", "")
    out = tmp_path / "out"
    assert main(["publish", str(demo), "--layout", str(LAYOUT), "-o", str(out), "--edition", "zh"]) == 0
    assert "虚构" in pdf_text(out / "demo_hkex-annual-zh.pdf")
    table = next(t for t in docx.Document(str(out / "demo_hkex-annual-zh.docx")).tables
                 if len(t.rows) > 10 and t.rows[1].cells[0].text.startswith("性别")
                 and "合计" in t.rows[-1].cells[0].text)
    rows = [[c.text.split("\n")[0] for c in r.cells] for r in table.rows]
    names = [r[0] for r in rows]
    for label in ("女性", "男性", "30岁以下", "全职", "兼职", "香港", "东南亚"):
        assert label in names, label
    total = int(rows[-1][-1].replace(",", ""))
    region = [int(r[-1].replace(",", "")) for r in rows if r[0] in ("香港", "中国内地", "东南亚")]
    assert total == 4860 == sum(region)

    book = tmp_path / "demo.xlsx"
    import shutil
    shutil.copy(demo, book)
    shutil.copytree(demo.parent / "assets", tmp_path / "assets")  # the demo's images (Images sheet)

    def wrong(wb):
        ws = wb["细分 Breakdowns"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == "workforce" and row[1].value == 2025 and row[3].value == "female":
                row[4].value = 2000
    edit_workbook(book, wrong)
    capsys.readouterr()
    assert main(["validate", str(book)]) == 0
    assert "'workforce' by gender in 2025 adds up to 4,850, not its total 4,860 (a difference of -10)" \
        in capsys.readouterr().err


DEMO_CHARTS = """\
extends: annual
sections:
  - pillar: S
    blocks:
      - breakdown: {indicator: workforce, dimensions: [region], chart: stacked}
      - breakdown: {indicator: turnover_rate, dimensions: [gender], chart: grouped}
"""


def test_a_breakdown_drawn_as_stacked_and_grouped_charts(tmp_path):
    """The demo's workforce by region as a stacked bar per year (segments labelled, the total
    at the end, the regions in the legend) and its turnover rate by gender as grouped bars."""
    from pathlib import Path

    from esgpublish import ir
    from esgpublish.charts.draw import render_chart
    from esgpublish.compose.document import compose
    from esgpublish.pipeline.publish import load_inputs

    layout = tmp_path / "c.yaml"
    layout.write_text(DEMO_CHARTS, encoding="utf-8")
    inputs, diags = load_inputs(Path("data/demo_hkex.xlsx"), layout)
    assert diags.ok, "\n".join(map(str, diags.items))
    doc = compose(inputs.dataset, inputs.layout, "en")
    stacked, grouped = [b.chart for b in doc.body if isinstance(b, ir.Figure)]
    assert stacked.kind == "stacked_bar" and stacked.periods == ("2023", "2024", "2025")
    assert stacked.legend == ("Hong Kong", "Mainland China", "Southeast Asia")
    assert stacked.value_labels == ("4,510", "4,720", "4,860")  # each year's total, as the workbook's own
    assert stacked.matrix[1] == (3050.0, 3180.0, 3240.0)
    assert grouped.kind == "grouped_bar" and grouped.labels == ("Female", "Male")
    assert grouped.matrix_labels == (("11.8%", "10.9%"), ("13.2%", "12.4%"))
    svg = render_chart(stacked, tmp_path / "cache").svg.read_text(encoding="utf-8")
    for text in ("Mainland China", "3,240", "4,860", "2024"):
        assert f">{text}<" in svg, text


def test_a_stacked_chart_of_a_rate_is_an_error(tmp_path, capsys):
    layout = tmp_path / "c.yaml"
    layout.write_text(DEMO_CHARTS.replace("chart: grouped", "chart: stacked"), encoding="utf-8")
    assert main(["validate", "data/demo_hkex.xlsx", "--layout", str(layout)]) == 1
    err = capsys.readouterr().err
    assert "c.yaml:6:9: error: a stacked chart of 'turnover_rate' (percent) would add up parts" in err


def test_a_breakdown_by_columns_prints_a_row_per_year(tmp_path):
    """orientation: columns — a table per dimension: a row per year, a column per category, the total last."""
    from pathlib import Path

    from esgpublish import ir
    from esgpublish.compose.document import compose
    from esgpublish.pipeline.publish import load_inputs

    layout = tmp_path / "c.yaml"
    layout.write_text("extends: annual\nsections:\n  - pillar: S\n    blocks:\n      - breakdown: "
                      "{indicator: workforce, dimensions: [gender, region], orientation: columns}\n", encoding="utf-8")
    inputs, diags = load_inputs(Path("data/demo_hkex.xlsx"), layout)
    assert diags.ok, "\n".join(map(str, diags.items))
    gender, region = [b for b in compose(inputs.dataset, inputs.layout, "en").body if isinstance(b, ir.Table)]

    def texts(row):
        return [" ".join(s.text for line in cell.lines for s in line) for cell in row]
    assert texts(gender.header)[1:] == ["Female", "Male", "Total"]
    assert [texts(r) for r in gender.rows] == [["2023", "1,820", "2,690", "4,510"], ["2024", "1,930", "2,790", "4,720"],
                                               ["2025", "2,010", "2,850", "4,860"]]
    assert texts(region.header)[1:] == ["Hong Kong", "Mainland China", "Southeast Asia", "Total"]
