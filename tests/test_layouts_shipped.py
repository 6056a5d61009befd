"""The shipped layouts and what layouts promise: two-page highlights, one theme everywhere, reuse."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import EDITIONS, ROOT, WORKBOOK, copy_layouts, pdf_text
from esgpublish.cli import main


@pytest.fixture(scope="module")
def highlights(tmp_path_factory):
    out = tmp_path_factory.mktemp("highlights")
    assert main(["publish", str(WORKBOOK), "--layout", str(ROOT / "layouts" / "highlights.yaml"), "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("edition", EDITIONS)
def test_highlights_are_two_pages(highlights, edition):
    from pypdf import PdfReader

    assert len(PdfReader(highlights / f"esg_2022-highlights-{edition}.pdf").pages) == 2
    assert (highlights / f"esg_2022-highlights-{edition}.docx").stat().st_size > 0


def test_highlights_show_cards_and_two_charts(highlights):
    text = pdf_text(highlights / "esg_2022-highlights-en.pdf")
    assert "RMB22.70" in text and "Figure 1" in text and "Figure 2" in text and "Figure 3" not in text
    assert "Kuaishou Technology · ESG highlights 2022" in text  # the layout's header text


def test_schema_and_reference_are_fresh():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_layout_schema.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_one_theme_colour_changes_pdf_docx_and_charts(tmp_path):
    layouts = copy_layouts(tmp_path)
    theme = layouts / "themes" / "default.yaml"
    outputs = {}
    original = theme.read_text()
    assert 'primary: "#0B6E4F"' in original
    for name, colour in (("before", "#0B6E4F"), ("after", "#C0392B")):
        theme.write_text(original.replace('primary: "#0B6E4F"', f'primary: "{colour}"'))
        out = tmp_path / name
        assert main(["publish", str(WORKBOOK), "--layout", str(layouts / "annual.yaml"), "--edition", "zh", "-o", str(out)]) == 0
        outputs[name] = out
    from pypdf import PdfReader

    def pdf_ops(out):
        reader = PdfReader(out / "esg_2022-annual-zh.pdf")
        return b"".join(page.get_contents().get_data() for page in reader.pages)
    assert b".752941 .223529 .168627 rg" in pdf_ops(outputs["after"])  # #C0392B as a fill colour
    assert b".752941 .223529 .168627 rg" not in pdf_ops(outputs["before"])
    with zipfile.ZipFile(outputs["after"] / "esg_2022-annual-zh.docx") as z:
        assert "C0392B" in z.read("word/styles.xml").decode() and "C0392B" in z.read("word/document.xml").decode()
    svgs = {name: " ".join(p.read_text() for p in (out / ".cache" / "charts").glob("*.svg")) for name, out in outputs.items()}
    assert "#c0392b" in svgs["after"].lower() and "#c0392b" not in svgs["before"].lower()


def test_extends_overrides_and_keeps_the_rest(tmp_path):
    layouts = copy_layouts(tmp_path)
    (layouts / "a5.yaml").write_text("extends: annual.yaml\nname: small\npage: {size: A5}\n")
    out = tmp_path / "out"
    assert main(["publish", str(WORKBOOK), "--layout", str(layouts / "a5.yaml"), "--edition", "en",
                 "--format", "pdf", "-o", str(out)]) == 0
    from pypdf import PdfReader

    reader = PdfReader(out / "esg_2022-small-en.pdf")
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (420, 595)  # A5 in points
    assert "Governance" in pdf_text(out / "esg_2022-small-en.pdf")  # inherited sections


def test_unknown_placeholder_in_a_layout_text(tmp_path, capsys):
    layouts = copy_layouts(tmp_path)
    (layouts / "bad.yaml").write_text('extends: annual.yaml\nheader:\n  text: {zh: "{report.yaer}", en: x}\n')
    assert main(["validate", str(WORKBOOK), "--layout", str(layouts / "bad.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"{layouts / 'bad.yaml'}:3:14: error: unknown placeholder {{report.yaer}} in a layout text" in err
    assert "hint: did you mean" in err


def test_content_index_lists_hkex_codes(tmp_path):
    layouts = copy_layouts(tmp_path)
    (layouts / "index.yaml").write_text(
        "extends: annual.yaml\nname: index\nsections:\n  - pillar: G\n    blocks:\n"
        "      - kpi_table: {select: {pillar: G}}\n  - title: {zh: 索引, en: Index}\n    blocks:\n      - content_index: {}\n")
    out = tmp_path / "out"
    assert main(["publish", str(WORKBOOK), "--layout", str(layouts / "index.yaml"), "--edition", "en",
                 "--format", "pdf", "-o", str(out)]) == 0
    text = pdf_text(out / "esg_2022-index-en.pdf")
    assert "HKEX ESG Reporting Guide content index" in text
    assert "B6.3" in text and "intellectual" in text  # the patents of the Governance table
    assert "B8.2" not in text  # the index lists what the layout prints (not the community figures here)


def test_bilingual_paragraphs_side_by_side(tmp_path):
    layouts = copy_layouts(tmp_path)
    (layouts / "side.yaml").write_text("extends: annual.yaml\nname: side\nbilingual: {paragraphs: side_by_side}\n")
    out = tmp_path / "out"
    assert main(["publish", str(WORKBOOK), "--layout", str(layouts / "side.yaml"), "--edition", "bilingual",
                 "-o", str(out)]) == 0
    import pdfplumber

    with pdfplumber.open(out / "esg_2022-side-bilingual.pdf") as pdf:
        page = next(p for p in pdf.pages if "Ulanqab" in (p.extract_text() or ""))
        zh = next(w for w in page.extract_words() if "乌兰察布" in w["text"])
        en = next(w for w in page.extract_words() if "Ulanqab" in w["text"])
    assert en["x0"] > zh["x1"] and abs(en["top"] - zh["top"]) < 60  # beside it, not below
    import docx

    d = docx.Document(str(out / "esg_2022-side-bilingual.docx"))

    def text(cell) -> str:  # the cell's XML text: its paragraphs sit in the narrative's content control,
        return "".join(cell._tc.itertext())  # which python-docx's cell.text does not look into
    assert any("乌兰察布" in text(t.rows[0].cells[0]) and "Ulanqab" in text(t.rows[0].cells[1]) for t in d.tables)


def test_single_language_layout_needs_no_translation(tmp_path, capsys):
    from conftest import copy_workbook, edit_workbook, row_of

    layouts = copy_layouts(tmp_path)
    (layouts / "zh_only.yaml").write_text("extends: annual.yaml\nname: zhonly\neditions: [zh]\n")
    book = copy_workbook(tmp_path)

    def edit(wb):
        ws = wb["叙述 Narrative"]
        ws[f"D{row_of(ws, 'soc_jobs')}"] = None
    edit_workbook(book, edit)
    assert main(["validate", str(book), "--layout", str(layouts / "annual.yaml")]) == 1
    assert "missing English text" in capsys.readouterr().err
    assert main(["validate", str(book), "--layout", str(layouts / "zh_only.yaml")]) == 0
    assert main(["publish", str(book), "--layout", str(layouts / "zh_only.yaml"), "--format", "pdf",
                 "-o", str(tmp_path / "out")]) == 0
    assert [p.name for p in (tmp_path / "out").glob("*.pdf")] == ["book-zhonly-zh.pdf"]
