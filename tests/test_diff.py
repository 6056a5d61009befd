"""Issue 19, slice 4: ``esgpublish diff OLD.xlsx NEW.xlsx``: changed figures with their cells and
printed forms, narratives word by word and character by character; exit codes as diff(1)."""
from __future__ import annotations

import json
import re

from conftest import WORKBOOK, copy_workbook, edit_workbook, pdf_pages
from esgpublish.cli import main


def _changed(tmp_path):
    path = copy_workbook(tmp_path, "new.xlsx")

    def edit(wb):
        wb["指标 Indicators"]["F15"] = 22800000
        for row in wb["叙述 Narrative"].iter_rows(min_row=2):
            if row[0].value == "about":
                row[2].value = row[2].value.replace("展示公司", "全面展示公司")
                row[3].value = row[3].value.replace("covering green", "covering its green")
    edit_workbook(path, edit)
    return path


def test_diff_names_the_cell_and_both_printed_forms(tmp_path, capsys):
    new = _changed(tmp_path)
    assert main(["diff", str(WORKBOOK), str(new)]) == 1
    out = capsys.readouterr().out
    assert "指标 Indicators!F15: charity_donation value: 22700000 → 22800000" in out, out
    assert "zh: 2,270万元 | 2,270万 → 2,280万元 | 2,280万" in out
    assert "en: RMB22.70\u00a0million | 22.70\u00a0million → RMB22.80\u00a0million | 22.80\u00a0million" in out
    assert "{+全面+}展示公司" in out and "covering{+ its+} green" in out
    assert "changed table or chart: Table 2  Social key performance indicators" in out
    assert "  in: Table 2  Social key performance indicators" in out and "  text in: Social" in out
    pages = [int(n) for n in re.search(r"  pages \(en\): ([\d, ]+)", out).group(1).split(", ")]
    assert main(["publish", str(new), "--edition", "en", "--format", "pdf", "-o", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    printed = [k + 1 for k, text in enumerate(pdf_pages(tmp_path / "out" / "new-annual-en.pdf"))
               if "22.80" in text]
    assert pages == printed and pages, (pages, printed)  # the pages the new draft prints the figure on
    assert main(["diff", str(WORKBOOK), str(new), "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "内容有变的表格或图表：表 2  社会关键绩效指标" in out and "  正文：社会" in out and "  页码 (zh)：" in out
    assert main(["diff", str(WORKBOOK), str(new), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["differences"] and data["changes"][0]["printed"]["zh"]["new"].startswith("2,280万元")
    page = tmp_path / "diff.html"
    assert main(["diff", str(WORKBOOK), str(new), "--format", "html", "-o", str(page)]) == 1
    html = page.read_text(encoding="utf-8")
    assert "<ins>全面</ins>" in html and "src=" not in html and "<link" not in html and "<script" not in html


def test_diff_of_equal_workbooks_exits_0(tmp_path, capsys):
    assert main(["diff", str(WORKBOOK), str(copy_workbook(tmp_path))]) == 0
    assert "→" not in capsys.readouterr().out


def test_diff_of_a_workbook_with_errors_exits_2_with_locations(tmp_path, capsys):
    bad = copy_workbook(tmp_path, "bad.xlsx")
    edit_workbook(bad, lambda wb: wb["指标 Indicators"].__setitem__("F15", "约2270"))
    assert main(["diff", str(WORKBOOK), str(bad)]) == 2
    assert "bad.xlsx: 指标 Indicators!F15: error: text '约2270' in a number column" in capsys.readouterr().err
