"""Issue 17, items 5 and 6: images from the assets folder (checked before decoding), case-study
boxes, free-form tables, the cover's logo and stock code, and the materiality matrix whose
labels never overlap."""
from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest

from conftest import ROOT, edit_workbook, pdf_text, squash
from esgpublish.cli import main

DEMO = ROOT / "data" / "demo_hkex.xlsx"
LAYOUT = """name: assets
extends: annual
back_cover: {show: true, narrative: contact}
sections:
  - title: {zh: 利益相关方与重要性, en: Stakeholders and materiality}
    blocks:
      - free_table: {id: stakeholders}
      - materiality: {}
  - title: {zh: 案例, en: Case study}
    blocks:
      - image: {id: depot}
      - box: {title: {zh: 案例：电动货车车队, en: "Case study: an electric van fleet"}, narrative: case_ev_fleet}
"""


def _demo(tmp_path: Path) -> tuple[Path, Path]:
    """The demo workbook with its assets folder, and the assets layout, copied under ``tmp_path``."""
    book = tmp_path / "data" / "x.xlsx"
    book.parent.mkdir()
    shutil.copy(DEMO, book)
    shutil.copytree(ROOT / "data" / "assets", book.parent / "assets")
    layout = tmp_path / "assets.yaml"
    layout.write_text(LAYOUT, encoding="utf-8")
    return book, layout


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_hostile_assets_give_located_errors(tmp_path, capsys, monkeypatch):
    book, layout = _demo(tmp_path)
    assets = book.parent / "assets"
    # a tiny file whose header claims 20,000 × 20,000 pixels: never decoded
    (assets / "bomb.png").write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 20000, 20000, 8, 2,
                                                                                          0, 0, 0))
                                      + _chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + _chunk(b"IEND", b""))
    (assets / "fake.jpg").write_text("not an image at all")
    (tmp_path / "secret.png").write_bytes((assets / "logo.png").read_bytes())
    (assets / "link.png").symlink_to(tmp_path / "secret.png")

    def edits(wb):
        ws = wb["图片 Images"]
        for name in ("../secret.png", "bomb.png", "fake.jpg", "link.png", "missing.png", "/etc/passwd.png"):
            ws.append([name.strip("./").replace(".", "_").replace("/", "_"), name, "替代文字", "alt text"])
    edit_workbook(book, edits)
    monkeypatch.chdir(tmp_path)
    code = main(["publish", "data/x.xlsx", "--layout", str(layout), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err and "internal error" not in err
    sheet = "data/x.xlsx: 图片 Images!B"
    assert f"{sheet}4: error: the file name '../secret.png' leaves the assets folder (..)" in err
    assert f"{sheet}5: error: 'bomb.png' is 20,000 × 20,000 pixels, more than 10,000 a side" in err
    assert f"{sheet}6: error: 'fake.jpg' is not a JPEG image" in err
    assert f"{sheet}7: error: 'link.png' links to a file outside assets/" in err
    assert f"{sheet}8: error: no file 'missing.png' in assets/" in err
    assert f"{sheet}9: error: the file name '/etc/passwd.png' is an absolute path" in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.pdf"))


def test_a_damaged_png_is_located(tmp_path, capsys, monkeypatch):
    book, layout = _demo(tmp_path)
    logo = book.parent / "assets" / "logo.png"
    logo.write_bytes(logo.read_bytes()[:2000])  # cut short: the header is fine, the data is not
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "data/x.xlsx", "--layout", str(layout)]) == 1
    err = capsys.readouterr().err
    assert "data/x.xlsx: 图片 Images!B2: error: 'logo.png' is damaged" in err
    assert "unknown image id 'logo'" not in err  # the Report sheet's logo: reported once, at the image


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("assets")
    book, layout = _demo(tmp)
    assert main(["publish", str(book), "--layout", str(layout), "-o", str(tmp / "out"),
                 "--edition", "bilingual"]) == 0
    return tmp / "out"


def test_image_box_table_and_cover_print_in_the_pdf(published):
    import pdfplumber

    pdf = published / "x-assets-bilingual.pdf"
    text = squash(pdf_text(pdf), "en")
    for words in ("Stock code: 9999", "股份代号：9999", "The electric van fleet at the Kwai Chung logistics centre",
                  "Case study: an electric van fleet", "Stakeholder engagement", "Town halls, surveys, intranet",
                  "Materiality matrix"):
        assert squash(words, "en") in text, words
    with pdfplumber.open(pdf) as doc:
        assert doc.pages[0].images, "the cover's logo"
        assert sum(len(p.images) for p in doc.pages[1:]) >= 1, "the depot image"


def test_image_box_table_and_cover_print_in_the_docx(published):
    import docx

    d = docx.Document(str(published / "x-assets-bilingual.docx"))
    body = d.element.body
    pics = body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/picture}pic")
    descr = [el.get("descr") for el in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                                                 "wordprocessingDrawing}docPr")]
    assert any("electric vans" in (x or "") for x in descr) and any("Logo" in (x or "") for x in descr)
    assert len(pics) >= 3  # the logo, the image, the matrix
    cells = ["".join(c.text for c in row.cells) for t in d.tables for row in t.rows]
    assert any("Shareholders and investors" in c for c in cells)
    assert any("Case study: an electric van fleet" in c for c in cells)  # the box's title row
    media = {p.partname.ext for p in d.part.package.parts if str(p.partname).startswith("/word/media/")}
    assert {"png", "jpeg"} <= media or {"png", "jpg"} <= media


def test_the_back_cover_prints_alone_on_the_last_page_in_both_formats(published, tmp_path):
    """The back cover: the last page, with the company, the stock code and the contact narrative in
    both languages, the band over the whole page, and no running header or footer — in the PDF,
    and in the DOCX as LibreOffice lays it out."""
    import docx
    import pdfplumber

    with pdfplumber.open(published / "x-assets-bilingual.pdf") as doc:
        last = doc.pages[-1]
        text = squash(last.extract_text() or "", "en")
        assert last.rects and last.rects[0]["width"] >= last.width - 1 and last.rects[0]["height"] >= last.height - 1
        assert last.images, "the logo on the back cover"
        before = squash(doc.pages[-2].extract_text() or "", "en")
    for words in ("Harbourline Logistics Holdings (fictional)", "海港物流控股（虚构）", "Stock code: 9999",
                  "Comments on this report are welcome by email", "如对本报告有任何意见"):
        assert squash(words, "en") in text, words
    assert "Page" not in text and "页" not in text and "Environmental,Social" not in text
    assert "Comments on this report" not in before  # the narrative is not on the page before
    d = docx.Document(str(published / "x-assets-bilingual.docx"))
    assert len(d.sections) == 2
    back = d.sections[-1]
    assert not back.header.is_linked_to_previous and not back.footer.is_linked_to_previous
    assert not "".join(p.text for p in back.header.paragraphs + back.footer.paragraphs).strip()
    import shutil
    import subprocess

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(published / "x-assets-bilingual.docx")],
                   check=True, capture_output=True, timeout=180)
    with pdfplumber.open(tmp_path / "x-assets-bilingual.pdf") as doc:
        text = squash(doc.pages[-1].extract_text() or "", "en")
    assert squash("Stock code: 9999", "en") in text and "Page" not in text and "Environmental,Social" not in text


def test_an_unknown_back_cover_narrative_is_located(tmp_path, capsys):
    book, layout = _demo(tmp_path)
    layout.write_text(LAYOUT.replace("narrative: contact}", "narrative: contacts}"), encoding="utf-8")
    assert main(["validate", str(book), "--layout", str(layout)]) == 1
    err = capsys.readouterr().err
    assert "assets.yaml:3:1: error: unknown narrative id 'contacts'" in err and "contact" in err


def test_a_back_cover_narrative_with_footnotes_is_located(tmp_path, capsys):
    book, layout = _demo(tmp_path)
    layout.write_text(LAYOUT.replace("narrative: contact}", "narrative: board_statement}"), encoding="utf-8")
    assert main(["validate", str(book), "--layout", str(layout)]) == 1
    assert "assets.yaml:3:1: error: the back cover's narrative 'board_statement' has footnotes" in capsys.readouterr().err


def test_an_image_changes_the_up_to_date_key_and_is_watched(tmp_path):
    from esgpublish.compose.document import compose
    from esgpublish.pipeline import uptodate
    from esgpublish.pipeline.publish import Request, load_inputs
    from esgpublish.pipeline.watch import watched_files

    book, layout = _demo(tmp_path)
    key = lambda: uptodate.key(compose(*_inputs(book, layout), "zh"), "pdf", False, None)  # noqa: E731

    def _inputs(b, l):
        inputs, diags = load_inputs(b, l)
        assert inputs, [str(d) for d in diags.items]
        return inputs.dataset, inputs.layout
    before = key()
    from PIL import Image

    photo = book.parent / "assets" / "depot.jpg"
    with Image.open(photo) as im:
        im.rotate(180).save(photo, quality=70)
    assert key() != before
    files = watched_files(Request(book, layout, tmp_path / "out"))
    assert photo in files and book.parent / "assets" / "logo.png" in files


def test_materiality_labels_never_overlap_and_the_svg_names_the_topics(tmp_path):
    from esgpublish.charts.draw import render_chart
    from esgpublish.compose.document import compose
    from esgpublish.compose.materiality import _overlap, label_boxes, place
    from esgpublish.pipeline.publish import load_inputs

    book, layout = _demo(tmp_path)
    inputs, _ = load_inputs(book, layout)
    for edition in ("zh", "en", "bilingual"):
        doc = compose(inputs.dataset, inputs.layout, edition)
        spec = next(s for s in doc.charts if s.kind == "materiality")
        boxes = label_boxes(spec)
        assert len(boxes) == len(inputs.dataset.materiality)  # every topic labelled
        assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if _overlap(a, b, 0.0)]
    svg = render_chart(spec, tmp_path / "charts").svg.read_text(encoding="utf-8")
    for topic in inputs.dataset.materiality:
        assert topic.name.zh in svg and topic.name.en in svg
    # a crowded plot: 30 labels around one spot still never overlap (or are left out)
    spots = place([(100 + i % 3, 80 + i % 5) for i in range(30)], [(60, 10)] * 30, (300, 200))
    placed = [s[0] for s in spots if s]
    assert len(placed) >= 20
    assert not [(a, b) for i, a in enumerate(placed) for b in placed[i + 1:] if _overlap(a, b, 0.0)]


def test_a_box_title_never_ends_a_page_alone(tmp_path):
    """Wherever a page break falls, a case-study box's title prints on the page of its first paragraph."""
    from conftest import compose_en, pages_pushed_down

    book, _ = _demo(tmp_path)
    doc = compose_en(book, "extends: annual\ncover: {show: false}\ncontents: {show: false}\nsections:\n"
                     "  - title: {zh: 案例, en: Case}\n    blocks:\n      - box: {title: {zh: 案例, en: Boxed case "
                     "study}, narrative: case_ev_fleet}\n", tmp_path)
    alone = 0
    for k in range(30, 75):
        pages = pages_pushed_down(doc, k)
        page = next(i for i, t in enumerate(pages) if "Boxed case study" in t)
        assert "electric van fleet" in pages[page], k
        alone += page > 0
    assert alone  # the sweep did push the box onto a later page
