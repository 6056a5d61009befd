"""Hostile input: invisible and control characters, glyphs the fonts lack, files that are not
workbooks, limits, concurrent publishes. Never a traceback, never a clobbered report."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import WORKBOOK, copy_layouts, copy_workbook, edit_workbook, row_of, write_layout
from esgpublish.cli import main

IND = "指标 Indicators"


def patch_xml(path: Path, marker: str, replacement: str) -> None:
    """Rewrite the package with ``marker`` replaced in its XML (as other writers would store it)."""
    src = zipfile.ZipFile(path)
    items = [(i, src.read(i.filename)) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            dst.writestr(info, data.replace(marker.encode(), replacement.encode()))


def test_excel_escaped_control_character_is_a_located_error(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    r = row_of(__import__("openpyxl").load_workbook(book)[IND], "charity_hours")
    edit_workbook(book, lambda wb: wb[IND].__setitem__(f"D{r}", "公益MARKER时间"))
    patch_xml(book, "MARKER", "_x0007_")
    assert main(["validate", str(book)]) == 1
    err = capsys.readouterr().err
    assert f"{book}: {IND}!D{r}: error: control character U+0007 in text" in err


def test_invisible_characters_are_removed_with_a_warning(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    r = row_of(__import__("openpyxl").load_workbook(book)[IND], "charity_hours")
    edit_workbook(book, lambda wb: wb[IND].__setitem__(f"E{r}", "Time\u200b given\u202e to charity"))
    out = tmp_path / "out"
    assert main(["publish", str(book), "--edition", "en", "--format", "pdf", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{IND}!E{r}: warning: removed invisible character(s) U+200B, U+202E" in err
    from conftest import pdf_text

    assert "Time given to charity" in pdf_text(out / "book-annual-en.pdf")


def test_missing_glyph_in_a_layout_title_is_located(tmp_path, capsys):
    path = write_layout(tmp_path, "x.yaml", "theme: themes/default.yaml\nsections:\n"
                                            "  - title: {zh: 环境🌱, en: Environment}\n    blocks: []\n")
    assert main(["validate", str(WORKBOOK), "--layout", str(path)]) == 1
    assert f"{path}:3:5: error: no glyph in Noto Sans SC or Noto Sans for '🌱' (U+1F331)" \
        in capsys.readouterr().err


def test_zip_bomb_is_refused(tmp_path, capsys):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b"\0" * (1 << 20)
            for _ in range(210):
                fh.write(block)
    assert bomb.stat().st_size < 2_000_000
    assert main(["validate", str(bomb)]) == 1
    assert "unpacks to 210 MB, more than 200 MB" in capsys.readouterr().err


def test_too_many_rows_is_refused_quickly(tmp_path, capsys):
    import time

    book = copy_workbook(tmp_path)

    def edit(wb):
        ws = wb[IND]
        for i in range(100_000):
            ws.append([f"x{i}"])
    edit_workbook(book, edit)
    start = time.perf_counter()
    assert main(["validate", str(book)]) == 1
    assert time.perf_counter() - start < 10
    assert "rows, more than 20,000" in capsys.readouterr().err


def test_ten_megabyte_cell(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    r = row_of(__import__("openpyxl").load_workbook(book)[IND], "charity_hours")
    edit_workbook(book, lambda wb: wb[IND].__setitem__(f"R{r}", "MARKER"))
    patch_xml(book, "MARKER", "字" * 10_000_000)  # past Excel's own limit, as another writer may
    assert main(["validate", str(book)]) == 1
    assert f"{IND}!R{r}: error: cell holds 10,000,000 characters, more than 20,000" in capsys.readouterr().err


def test_deep_extends_chain(tmp_path, capsys):
    for i in range(12):
        (tmp_path / f"l{i}.yaml").write_text(f"extends: l{i + 1}.yaml\n")
    (tmp_path / "l12.yaml").write_text("sections: []\n")
    assert main(["validate", str(WORKBOOK), "--layout", str(tmp_path / "l0.yaml")]) == 1
    assert "extends chain deeper than 8" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04broken", b"%PDF-1.4 not a workbook",
                                     "指标".encode("utf-16")])
def test_files_that_are_not_workbooks(tmp_path, capsys, content):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(content)
    assert main(["publish", str(bad), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}: error: ") and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_two_publishes_at_once_into_one_folder(tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "esgpublish", "publish", str(WORKBOOK), "--edition", "zh", "-o", str(out)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    names = sorted(p.name for p in out.iterdir() if p.is_file())
    assert names == ["esg_2022-annual-zh.docx", "esg_2022-annual-zh.docx.sources.json", "esg_2022-annual-zh.pdf",
                     "esg_2022-annual-zh.pdf.sources.json"]
    from pypdf import PdfReader
    import docx

    assert len(PdfReader(out / "esg_2022-annual-zh.pdf").pages) > 3
    docx.Document(str(out / "esg_2022-annual-zh.docx"))
    leftovers = [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans not installed")
def test_layout_fallback_font_prints_what_the_shipped_fonts_lack(tmp_path, capsys):
    import shutil

    layouts = copy_layouts(tmp_path)
    (layouts / "fonts").mkdir()
    shutil.copy(DEJAVU, layouts / "fonts" / "DejaVuSans.ttf")
    (layouts / "fb.yaml").write_text("extends: annual.yaml\nname: fb\nfallback_font: fonts/DejaVuSans.ttf\n")
    book = copy_workbook(tmp_path)
    r = row_of(__import__("openpyxl").load_workbook(book)["叙述 Narrative"], "about")
    edit_workbook(book, lambda wb: wb["叙述 Narrative"].__setitem__(f"D{r}", "Weather ☃ aside, {report.company}."))
    assert main(["validate", str(book)]) == 1  # the shipped layout has no fallback
    assert "no glyph in Noto Sans SC or Noto Sans for '☃' (U+2603)" in capsys.readouterr().err
    out = tmp_path / "out"
    assert main(["publish", str(book), "--layout", str(layouts / "fb.yaml"), "--edition", "en", "-o", str(out)]) == 0
    from conftest import docx_text, pdf_text, pdffonts

    assert "Weather ☃ aside" in pdf_text(out / "book-fb-en.pdf")
    assert any(r["name"].endswith("+DejaVuSans") and r["emb"] == "yes" for r in pdffonts(out / "book-fb-en.pdf"))
    assert "Weather ☃ aside" in docx_text(out / "book-fb-en.docx")
    with zipfile.ZipFile(out / "book-fb-en.docx") as z:
        assert 'w:name="DejaVu Sans"' in z.read("word/fontTable.xml").decode()


def test_fallback_font_must_be_a_truetype_file(tmp_path, capsys):
    layouts = copy_layouts(tmp_path)
    (layouts / "notafont.ttf").write_text("hello")
    (layouts / "fb.yaml").write_text("extends: annual.yaml\nfallback_font: notafont.ttf\n")
    assert main(["validate", str(WORKBOOK), "--layout", str(layouts / "fb.yaml")]) == 1
    assert f"{layouts / 'fb.yaml'}:2:16: error: 'notafont.ttf' is not a font file" in capsys.readouterr().err


def test_missing_glyph_in_an_english_report_text_points_at_its_own_cell(tmp_path, capsys):
    import openpyxl

    book = copy_workbook(tmp_path)
    ws = openpyxl.load_workbook(book)["报告 Report"]
    r = row_of(ws, "title")
    en_col = next(c.column_letter for c in ws[1] if str(c.value).endswith(" en"))
    edit_workbook(book, lambda wb: wb["报告 Report"].__setitem__(f"{en_col}{r}", "ESG 🌍 highlights"))
    assert main(["validate", str(book)]) == 1
    assert f"{book}: 报告 Report!{en_col}{r}: error: no glyph" in capsys.readouterr().err
