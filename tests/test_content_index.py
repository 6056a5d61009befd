"""Issue 17: the content index of the reporting year's HKEX framework (and a GRI index) with
real page numbers: every page printed in the PDF index carries that row's data or narrative,
the DOCX's PAGEREF fields are prefilled with the PDF's numbers, what is not reported prints
its explanation, and validate reports what an HKEX filing lacks."""
from __future__ import annotations

import re
import zipfile
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, edit_workbook, row_of
from esgpublish.cli import main

DEMO = ROOT / "data" / "demo_hkex.xlsx"
LAYOUT = """\
extends: annual
sections:
  - pillar: G
    blocks:
      - narratives: {pillar: G}
  - pillar: E
    blocks:
      - narratives: {pillar: E}
      - kpi_table: {select: {pillar: E}, columns: [value, unit, hkex]}
  - pillar: S
    blocks:
      - narratives: {pillar: S}
      - kpi_table: {select: {pillar: S}, columns: [value, unit, hkex]}
      - breakdown: {select: {pillar: S}}
  - title: {zh: 内容索引, en: Content index}
    blocks:
      - content_index: {complete: true}
      - content_index: {framework: gri}
"""
CODE = re.compile(r"^(?:MD\d|[AB]\d|D\d)(?:\.\d)?$|^\d{1,3}-\d{1,2}$")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("index")
    layout = out / "index.yaml"
    layout.write_text(LAYOUT, encoding="utf-8")
    assert main(["publish", str(DEMO), "--layout", str(layout), "-o", str(out / "build"), "--format", "pdf"]) == 0
    assert main(["publish", str(DEMO), "--layout", str(layout), "-o", str(out / "build"), "--edition", "bilingual",
                 "--format", "docx"]) == 0
    return out / "build", layout


def _printed(layout: Path, zh: str = "zh") -> dict[str, list[tuple[str, str]]]:
    """HKEX and GRI code → the (Chinese, en) names or text openings of what the layout prints
    with it; ``zh`` the Chinese of the edition (zh, or zh_hant: converted as the edition prints it)."""
    from esgpublish.model import select
    from esgpublish.pipeline.publish import load_inputs

    inputs, diags = load_inputs(DEMO, layout)
    assert diags.ok
    ds, out = inputs.dataset, {}
    for sec in inputs.layout.sections:
        for blk in sec.blocks:
            if blk.kind in ("kpi_table", "breakdown"):
                for ind in select.indicators(ds, blk.options):
                    for code in ind.hkex_codes + ind.gri_codes:
                        out.setdefault(code, []).append((ind.name.get(zh), ind.name.en))
            elif blk.kind == "narratives":
                for _, items in select.narratives(ds, blk.options):
                    for nar in items:
                        for code in nar.hkex_codes + nar.gri_codes:
                            out.setdefault(code, []).append((_plain_run(nar.text.get(zh), r"[\u4e00-\u9fff]{6,}"),
                                                             _plain_run(nar.text.en, r"[A-Za-z ,]{14,}")))
    return out


def _plain_run(text: str, pattern: str) -> str:
    """The first run of plain words of a narrative (no placeholder, quote or figure in it)."""
    m = re.search(pattern, re.sub(r"\{[^}]*\}", "|", text))
    return m.group(0).strip() if m else ""


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _index_rows(pdf: Path) -> dict[str, list[int]]:
    """The printed index: code → the page numbers its row prints (the page column: the numbers
    right of the section column, on the code's line)."""
    import pdfplumber

    rows: dict[str, list[int]] = {}
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            text = page.extract_text() or ""
            if "内容索引" not in text and "內容索引" not in text and "content index" not in text:
                continue
            words = page.extract_words(keep_blank_chars=False)
            lefts = [w for w in words if CODE.match(w["text"]) and w["x0"] < 80]
            for w in lefts:
                line = [v for v in words if abs(v["top"] - w["top"]) < 2 and v["x0"] > 250]
                numbers = [int(n) for v in line for n in re.findall(r"\d+", v["text"]) if v["x1"] < 420]
                rows.setdefault(w["text"], numbers)
    return rows


@pytest.mark.parametrize("edition", ["zh", "en", "bilingual"])
def test_every_page_in_the_index_carries_the_row(published, edition):
    import pdfplumber

    build, layout = published
    pdf = build / f"demo_hkex-annual-{edition}.pdf"
    rows = _index_rows(pdf)
    printed = _printed(layout)
    with pdfplumber.open(pdf) as doc:
        texts = [_squash(p.extract_text() or "") for p in doc.pages]
    assert {"MD1", "A1.2", "B1.1", "D4.1", "305-1"} <= set(rows), sorted(rows)
    checked = 0
    for code, pages in rows.items():
        for page in pages:
            names = [_squash(n) for pair in printed.get(code, []) for n in pair]
            assert any(n and n in texts[page - 1] for n in names), (edition, code, page)
            checked += 1
    assert checked > 40


@pytest.fixture(scope="module")
def hkex_published(tmp_path_factory):
    """layouts/hkex.yaml on the demo: the PDF of every edition it lists, Traditional ones included."""
    out = tmp_path_factory.mktemp("hkex")
    assert main(["publish", str(DEMO), "--layout", "hkex", "--edition", "all", "--format", "pdf", "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("edition", ["zh", "en", "bilingual", "zh-hant", "bilingual-hant"])
def test_every_page_in_the_hkex_layouts_index_carries_the_row(hkex_published, edition):
    """The shipped filing layout, every edition: each page its index names prints the row's data or text."""
    import pdfplumber

    pdf = hkex_published / f"demo_hkex-hkex-{edition}.pdf"
    rows = _index_rows(pdf)
    printed = _printed(ROOT / "layouts" / "hkex.yaml", "zh_hant" if edition.endswith("hant") else "zh")
    with pdfplumber.open(pdf) as doc:
        texts = [_squash(p.extract_text() or "") for p in doc.pages]
        assert len(doc.pages) >= 30, len(doc.pages)  # the report an issuer files: 30 pages or more
    assert {"MD1", "MD2", "MD3", "A1", "A1.2", "A1.5", "B1.1", "B5.2", "B6.5", "D2", "D4.1", "305-1"} <= set(rows)
    checked = 0
    for code, pages in rows.items():
        for page in pages:  # a name's opening: in narrow columns a name wraps round the figures beside it
            names = [_squash(n)[:6 if re.match(r"[\u4e00-\u9fff]", n) else 10]
                     for pair in printed.get(code, []) for n in pair]
            assert any(n and n in texts[page - 1] for n in names), (edition, code, page)
            checked += 1
    assert checked > 60


def test_the_docx_page_fields_are_prefilled_with_the_pdfs_pages(published):
    build, _ = published
    pdf_rows = _index_rows(build / "demo_hkex-annual-bilingual.pdf")
    xml = zipfile.ZipFile(build / "demo_hkex-annual-bilingual.docx").read("word/document.xml").decode()
    fields = re.findall(r'PAGEREF (_Toc_[a-gi-z]\d+) \\h </w:instrText>.*?<w:t xml:space="preserve">(\d+)</w:t>', xml)
    assert len(fields) > 40
    marks = set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="(_Toc_[a-z]\d+)"', xml))
    assert {name for name, _ in fields} <= marks  # every field points to a bookmark
    printed = sorted({int(n) for pages in pdf_rows.values() for n in pages})
    assert sorted({int(n) for _, n in fields}) == printed


def test_what_is_not_reported_prints_its_explanation(published):
    import pdfplumber

    build, _ = published
    texts = []
    with pdfplumber.open(build / "demo_hkex-annual-en.pdf") as doc:  # the remarks column, under its header
        for page in doc.pages[-4:]:
            head = next((w for w in page.extract_words() if w["text"] == "Remarks"), None)
            if head:
                texts.append(page.crop((head["x0"] - 1, 0, page.width, page.height)).extract_text() or "")
    text = _squash(" ".join(texts))
    for reason in ("Notdisclosed:ThegroupissettingupitsmethodforScope3emissions",  # D4.2, Framework sheet
                   "N/A:Thegroupprovideslogisticsservicesandmakesorsellsnoproducts",  # B6.1, the indicator's status
                   "Notdisclosed:Thegroupissettingupitsreviewofemploymentpractices"):  # B4.1
        assert reason in text, reason


def test_a_filing_index_reports_what_is_missing(tmp_path, capsys):
    """A complete index: a mandatory item no printed block reports is an error; a KPI with
    neither data nor explanation a warning; a code of the other framework a warning at its cell."""
    book = tmp_path / "demo.xlsx"
    book.write_bytes(DEMO.read_bytes())
    shutil.copytree(DEMO.parent / "assets", tmp_path / "assets")  # the demo's images (Images sheet)

    def edit(wb):
        nar = wb["叙述 Narrative"]
        nar.cell(row_of(nar, "principles"), 5).value = None  # MD2 no longer reported
        fw = wb["框架 Framework"]
        fw.delete_rows(row_of(fw, "D4.2"))  # D4.2 neither reported nor explained
        ind = wb["指标 Indicators"]
        ind.cell(row_of(ind, "nox"), 16).value = "A4.1"  # the Guide's climate KPI in a 2025 report
    edit_workbook(book, edit)
    layout = tmp_path / "index.yaml"
    layout.write_text(LAYOUT, encoding="utf-8")
    assert main(["validate", str(book), "--layout", str(layout)]) == 1
    err = capsys.readouterr().err
    assert "index.yaml:17:9: error: MD2 (Reporting principles" in err and "is mandatory" in err
    assert "warning: comply or explain: D4.2 (Scope 3 greenhouse gas emissions)" in err
    assert "指标 Indicators!P2: warning: A4.1 is not an item of the HKEX ESG Reporting Code that applies to 2025" in err


def test_codes_are_checked_at_their_cell(tmp_path, capsys):
    from conftest import copy_workbook

    book = copy_workbook(tmp_path)

    def edit(wb):
        ind = wb["指标 Indicators"]
        ind.cell(row_of(ind, "trees_saved"), 16).value = "A2, Z9"
        ind.cell(row_of(ind, "trees_saved"), 17).value = "302"
    edit_workbook(book, edit)
    assert main(["validate", str(book)]) == 1
    err = capsys.readouterr().err
    assert "error: 'Z9' is not an HKEX ESG Reporting Code or Guide item" in err
    assert "warning: '302' names a GRI standard, not one of its disclosures" in err


def test_the_hkex_layout_fills_every_part_from_the_demo(tmp_path, capsys):
    """layouts/hkex.yaml on the fictional demo: no error, no warning, every chapter printed."""
    import pdfplumber

    assert main(["validate", str(DEMO), "--layout", "hkex"]) == 0
    err = capsys.readouterr().err
    assert "warning" not in err and "error" not in err, err
    out = tmp_path / "out"
    assert main(["publish", str(DEMO), "--layout", "hkex", "--edition", "en", "--format", "pdf", "-o", str(out)]) == 0
    with pdfplumber.open(out / "demo_hkex-hkex-en.pdf") as doc:
        text = " ".join(p.extract_text() or "" for p in doc.pages)
    for chapter in ("Board statement", "About this report", "Reporting principles", "ESG governance", "Emissions",
                    "Use of resources", "Climate governance", "Employment and labour standards", "Health and safety",
                    "Development and training", "Supply chain management", "Product responsibility",
                    "Anti-corruption", "Community investment", "Key performance data summary",
                    "HKEX ESG Reporting Code content index", "GRI content index", "Glossary"):
        assert chapter in text, chapter


def test_validate_counts_as_explained_what_the_index_prints_as_explained(tmp_path, capsys):
    """One rule (model/frameworks.explanations) for the index and for validate: a KPI with one
    withheld indicator and one reported but unprinted has neither pages nor an explanation in the
    index, so validate warns about it."""
    book = tmp_path / "demo.xlsx"
    book.write_bytes(DEMO.read_bytes())
    shutil.copytree(DEMO.parent / "assets", tmp_path / "assets")

    def edit(wb):
        ind = wb["指标 Indicators"]
        ind.cell(row_of(ind, "shipments"), 16).value = "B6.1"  # reported, pillar G: the test layout prints no G table
        ind.cell(row_of(ind, "recalls"), 2).value = "G"  # B6.1's withheld indicator, now unprinted too
        ind.cell(row_of(ind, "recalls"), 3).value = "board"
    edit_workbook(book, edit)
    layout = tmp_path / "index.yaml"
    layout.write_text(LAYOUT, encoding="utf-8")
    main(["validate", str(book), "--layout", str(layout)])
    err = capsys.readouterr().err
    assert "warning: comply or explain: B6.1 (" in err
