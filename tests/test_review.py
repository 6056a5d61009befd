"""Issue 19: provenance of every printed figure (a record beside each output, embedded in the
PDF), ``esgpublish trace`` and ``esgpublish verify`` — on the session's build, no extra publish."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EDITIONS, WORKBOOK
from esgpublish.cli import main

OUTPUTS = [f"esg_2022-annual-{e}.{x}" for e in EDITIONS for x in ("pdf", "docx")]


def _cell(location: dict):
    import openpyxl

    wb = openpyxl.load_workbook(WORKBOOK, read_only=True)
    ws = wb[location["sheet"]]
    headers = [c.value for c in next(ws.iter_rows(max_row=1))]
    row = int("".join(ch for ch in location["cell"] if ch.isdigit()))
    values = [c.value for c in next(ws.iter_rows(min_row=row, max_row=row))]
    quote = values[[str(h).split()[-1] for h in headers].index("source_quote")]
    return ws[location["cell"]].value, quote


def test_trace_names_the_cell_and_quote_of_a_figure_from_a_copy_of_the_pdf_alone(build, tmp_path, capsys):
    copy = tmp_path / "report.pdf"  # another name, and no sidecar beside it
    shutil.copy(build / "esg_2022-annual-zh.pdf", copy)
    assert main(["trace", str(copy), "--find", "2,270万元"]) == 0
    text = capsys.readouterr().out
    assert main(["trace", str(copy), "--find", "2,270万元", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["read_from"] == "embedded" and data["figures"]
    for figure in data["figures"]:
        source = figure["sources"][0]
        value, quote = _cell(source)
        assert value == 22700000 and source["quote"] == quote
        assert f"p. {figure['page']}  {figure['text']}  {source['location']}  “{quote}”" in text.splitlines()
        assert source["location"] == f"{source['file']}: {source['sheet']}!{source['cell']}"
    assert main(["trace", str(copy), "--page", str(data["figures"][0]["page"])]) == 0
    assert "2,270万元" in capsys.readouterr().out


def test_each_output_has_its_record_and_the_pdf_embeds_the_same(build):
    from pypdf import PdfReader

    for name in OUTPUTS:
        record = json.loads((build / f"{name}.sources.json").read_text(encoding="utf-8"))
        assert record["output"] == name and record["figures"], name
        assert all(f["sources"] and all("quote" in s for s in f["sources"] if s["sheet"].endswith("Indicators"))
                   for f in record["figures"])
        if name.endswith(".pdf"):
            embedded = PdfReader(build / name).attachments[f"{name}.sources.json"][0]
            assert embedded == (build / f"{name}.sources.json").read_bytes()
            assert all(f["where"]["page"] >= 1 for f in record["figures"])
        else:
            assert all(f["where"]["paragraph"] >= 1 for f in record["figures"])


def test_trace_of_a_docx_gives_paragraphs_and_table_cells(build, capsys):
    assert main(["trace", str(build / "esg_2022-annual-en.docx"), "--find", "22.70"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("¶ ") and "(table " in line and "Indicators!F15" in line for line in lines), lines


def test_verify_passes_on_every_output_of_the_build(build, capsys):
    assert main(["verify", *(str(build / name) for name in OUTPUTS)]) == 0
    assert capsys.readouterr().out.count(": ok, the ") == len(OUTPUTS)


def test_verify_fails_where_a_number_was_edited_in_the_docx(build, tmp_path, capsys):
    import docx

    path = tmp_path / "report.hand-edited.docx"
    shutil.copy(build / "esg_2022-annual-en.docx", path)
    shutil.copy(build / "esg_2022-annual-en.docx.sources.json", tmp_path / f"{path.name}.sources.json")
    d = docx.Document(str(path))
    edited = [r for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
              if r.text == "22.70\u00a0million"]
    assert len(edited) == 1
    edited[0].text = "22.71\u00a0million"
    d.save(str(path))
    assert main(["verify", str(path)]) == 1
    out = capsys.readouterr().out
    assert "(table " in out and "changed: 22.70\u00a0million (data/esg_2022.xlsx: 指标 Indicators!F15)" in out, out
    assert "it reads: 22.71\u00a0million" in out and out.split(": ")[1].startswith("¶ ")


def test_verify_finds_a_figure_missing_from_a_pdf_page_and_an_extra_number_in_a_cell():
    from esgpublish.review.records import Figure, Record
    from esgpublish.review.verify import check_docx, check_pdf

    figure = Figure("9,999吨", "zh", {"page": 2, "x": 0, "y": 0}, ({"location": "book.xlsx: S!F2"},))
    found = check_pdf(Record("a.pdf", "zh", "embedded", (figure,)), ["", "共 9,998 吨"], str)
    assert [(f.kind, f.text, f.source) for f in found] == [("missing", "9,999吨", "book.xlsx: S!F2")]
    cell = Figure("12", "en", {"part": "document", "paragraph": 3, "table": 1, "row": 2, "cell": 2}, ())
    found = check_docx(Record("a.docx", "en", "sidecar", (cell,)), {"document": ["", "", "12 (was 11)"]}, str)
    assert [(f.kind, f.text) for f in found] == [("extra", "11")]


def test_a_figure_computed_from_others_lists_every_cell():
    from esgpublish import ir
    from esgpublish.diagnostics import Location
    from esgpublish.pipeline.provenance import Source, record

    expr, a, b = (Location("book.xlsx", "派生 Derived", "E2"), Location("book.xlsx", "指标 Indicators", "F3"),
                  Location("book.xlsx", "指标 Indicators", "F4"))
    sources = {expr: Source("expression", "per_head", "= a / b", None, (a, b)),
               a: Source("value", "a", "quote a"), b: Source("value", "b", "quote b")}
    span = ir.Span("1.5", "en", (expr,), keep=True)
    data = json.loads(record("x.pdf", "en", [ir.PdfPlacement(span, 3, 10.0, 20.0)], sources))
    assert [s["location"] for s in data["figures"][0]["sources"]] == [str(expr), str(a), str(b)]
    assert [s.get("quote") for s in data["figures"][0]["sources"]] == ["= a / b", "quote a", "quote b"]


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b"%PDF-1.4 not really"), "cannot read the PDF"),
    (lambda p: None, "no such file"),
])
def test_trace_of_a_file_without_a_record_is_a_located_error(tmp_path, capsys, make, message):
    path = tmp_path / "x.pdf"
    make(path)
    assert main(["trace", str(path)]) == 1
    assert f"{path}: error: {message}" in capsys.readouterr().err


def test_trace_of_a_pdf_made_elsewhere_says_it_has_no_record(tmp_path, capsys):
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(100, 100)
    path = tmp_path / "other.pdf"
    with open(path, "wb") as f:
        w.write(f)
    assert main(["verify", str(path)]) == 1
    assert "no provenance record: none embedded and no other.pdf.sources.json beside it" in capsys.readouterr().err
