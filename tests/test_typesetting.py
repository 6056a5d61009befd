"""PDF typesetting as a Chinese or English reader checks it: line breaks, navigation,
escaping, a valid file."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import EDITIONS, ROOT, WORKBOOK, copy_layouts, copy_workbook, edit_workbook, pdf_text, row_of
from esgpublish.cli import main
from esgpublish.linebreak import allowed_breaks, wrap
from kinsoku_check import violations

LAYOUTS = ("annual", "highlights")


def vocabulary(*texts: str) -> set[str]:
    words = set()
    for text in texts:
        words.update(w.rstrip(".,") for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9.,%/\-]*", text))
    return words


@pytest.fixture(scope="module")
def all_pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdfs")
    for layout in LAYOUTS:
        assert main(["publish", str(WORKBOOK), "--layout", str(ROOT / "layouts" / f"{layout}.yaml"),
                     "--format", "pdf", "-o", str(out)]) == 0
    return out


def _source_words() -> set[str]:
    import openpyxl

    wb = openpyxl.load_workbook(WORKBOOK)
    texts = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    return vocabulary(*texts, "RMB22.70 16,300 2,270 9,930 3,264 240,000 2,157 4,000 1,000")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_no_line_breaking_violations(all_pdfs, layout, edition):
    found = violations(all_pdfs / f"esg_2022-{layout}-{edition}.pdf", _source_words())
    assert found == [], "\n".join(found)


def test_checker_catches_reportlab_default_breaking(tmp_path):
    """The checker is not blind: plain reportlab breaks before '，' and it says so."""
    script = f"""
import sys
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Paragraph
pdfmetrics.registerFont(TTFont("F", {str(ROOT / "fonts" / "NotoSansSC-Regular.ttf")!r}))
style = ParagraphStyle("s", fontName="F", fontSize=10, leading=16, wordWrap="CJK")
doc = SimpleDocTemplate(sys.argv[1])
doc.build([Paragraph("快" * k + "，。」投入总时间超过一万六千小时" * 3, style) for k in range(38, 50)])
"""
    bad = tmp_path / "bad.pdf"
    subprocess.run([sys.executable, "-c", script, str(bad)], check=True)
    assert any("closing punctuation" in v for v in violations(bad))


def test_allowed_breaks_rules():
    def breaks(text):
        chars = list(text)
        ok = allowed_breaks(chars, [False] * len(chars))
        return [k for k in range(1, len(chars)) if ok[k]]
    text = "额达2,270万元，“幸福”（乡村）ESG报告"
    b = breaks(text)
    for k in b:
        left, right = text[k - 1], text[k]
        assert right not in "，”）" and left not in "“（"
        assert not (left.isascii() and right.isascii() and left.isalnum() and right.isalnum())
        assert not (left.isdigit() and "\u4e00" <= right <= "\u9fff")
        assert not (left in "达超过近约" and right.isdigit())
    assert wrap("Clean energy share of self-built data centres", 12)[0] == "Clean energy"


HOSTILE = (
    "这是一段测试文字，用来检验标点：“引号”、（括号）、《书名》和省略号……都不会出现在行首。"
    "数字如2,270万元、超过16,300小时、近400名和约4000多棵都不应与单位分开；"
    "English words such as responsibility, ISO/IEC 27001 and RMB22.70 million stay whole。"
    "连续的标点”）。」』也一样，开括号（“《「也不会留在行尾。"
)


@pytest.mark.parametrize("seed", range(4))
def test_hostile_text_breaks_cleanly(tmp_path, seed):
    """Texts not in the repository: punctuation at every position of the line."""
    book = copy_workbook(tmp_path)
    pad = "一" * seed * 3  # shifts every character along the line
    text = (pad + HOSTILE) * 3
    english = ("Responsibility, sustainability and transparency: “ESG” reporting (HKEX) "
               "covers 16,300 hours and RMB22.70 million. ") * 4

    def edit(wb):
        ws = wb["叙述 Narrative"]
        r = row_of(ws, "about")
        ws[f"C{r}"], ws[f"D{r}"] = text, pad.replace("一", "x ") + english
    edit_workbook(book, edit)
    out = tmp_path / "out"
    for layout in LAYOUTS:
        assert main(["publish", str(book), "--layout", str(ROOT / "layouts" / f"{layout}.yaml"),
                     "--format", "pdf", "-o", str(out)]) == 0
    for pdf in out.glob("*.pdf"):
        found = violations(pdf, _source_words() | vocabulary(HOSTILE, english))
        assert found == [], f"{pdf.name}:\n" + "\n".join(found)


def test_markup_characters_print_literally(tmp_path):
    book = copy_workbook(tmp_path)
    nasty = "R&D <5% <b>x"

    def edit(wb):
        ws = wb["指标 Indicators"]
        r = row_of(ws, "patents_granted")
        ws[f"E{r}"] = f"Patents {nasty}"
        ws[f"D{r}"] = f"专利 {nasty}"
        nar = wb["叙述 Narrative"]
        rr = row_of(nar, "gov_ip")
        nar[f"D{rr}"] = f"Literal {nasty} and <img src=/etc/passwd/> {{patents_granted}}."
    edit_workbook(book, edit)
    out = tmp_path / "out"
    assert main(["publish", str(book), "-o", str(out)]) == 0
    en = pdf_text(out / "book-annual-en.pdf")
    assert f"Patents {nasty}" in en and f"Literal {nasty} and <img src=/etc/passwd/>" in en
    assert f"专利 {nasty}" in pdf_text(out / "book-annual-zh.pdf")
    from conftest import docx_text

    assert f"Literal {nasty}" in docx_text(out / "book-annual-en.docx")


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_check_passes(all_pdfs):
    for pdf in all_pdfs.glob("*.pdf"):
        result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_contents_page_numbers_match_the_footers(all_pdfs):
    import pdfplumber

    with pdfplumber.open(all_pdfs / "esg_2022-annual-bilingual.pdf") as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    contents = next(t for t in pages if "目录" in t and "Contents" in t)
    entries = re.findall(r"^(.+?)\s*\.[ .]+\s*(\d+)$", contents, re.M)
    assert len(entries) >= 6
    for title, number in entries:
        page = pages[int(number) - 1]
        footer = re.search(r"第 (\d+) 页 / 共 (\d+) 页", page)
        assert footer and footer.group(1) == number
        zh_title = title.split(" / ")[0].strip()
        assert zh_title in page, (zh_title, number)


def test_every_heading_has_an_outline_entry(all_pdfs):
    from pypdf import PdfReader

    reader = PdfReader(all_pdfs / "esg_2022-annual-zh.pdf")
    outline = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else outline.append(item.title)
    walk(reader.outline)
    expected = ["关于本报告", "环境", "社会", "乡村振兴与公益", "就业", "消费者权益", "员工发展", "关键数据", "管治"]
    assert outline == expected


def test_contents_entries_are_links(all_pdfs):
    from pypdf import PdfReader

    reader = PdfReader(all_pdfs / "esg_2022-annual-zh.pdf")
    contents = next(p for p in reader.pages if "目录" in (p.extract_text() or ""))
    links = [a.get_object() for a in contents.get("/Annots", []) if a.get_object().get("/Subtype") == "/Link"]
    assert len(links) >= 8  # one per entry (the title and the page number)


def test_contents_list_the_levels_the_layout_asks_for(tmp_path):
    layouts = copy_layouts(tmp_path)
    (layouts / "shallow.yaml").write_text("extends: annual.yaml\nname: shallow\ncontents: {depth: 1}\n")
    assert main(["publish", str(WORKBOOK), "--layout", str(layouts / "shallow.yaml"), "--edition", "zh",
                 "--format", "pdf", "-o", str(tmp_path / "out")]) == 0
    import pdfplumber

    with pdfplumber.open(tmp_path / "out" / "esg_2022-shallow-zh.pdf") as pdf:
        contents = next(t for t in (p.extract_text() or "" for p in pdf.pages) if "目录" in t)
    entries = [title.strip() for title, _ in re.findall(r"^(.+?)\s*\.[ .]+\s*(\d+)$", contents, re.M)]
    assert entries == ["关于本报告", "环境", "社会", "管治"]  # chapters only: no 就业, 员工发展…


def test_quarter_em_between_hanzi_and_latin_without_a_space_character(build):
    """clreq: '2023年4月27日' prints with a quarter-em gap on each side of the digits in the
    PDF (a pen move, so the text copies without spaces) and in the DOCX (autoSpaceDE/DN on
    the styles that hold Chinese, off on English body text)."""
    import docx
    import pdfplumber
    from docx.oxml.ns import qn

    with pdfplumber.open(build / "esg_2022-annual-zh.pdf") as pdf:
        page = next(p for p in pdf.pages if "2023年4月27日发布" in (p.extract_text() or ""))
        chars = page.chars
    text = "".join(c["text"] for c in chars)
    assert "\u2005" not in text and "2023 年" not in text
    at = text.index("2023年4月27日发布")
    def gap(i):  # the space between character i and i + 1, over the line's justification spacing
        return chars[at + i + 1]["x0"] - chars[at + i]["x1"]

    size = chars[at]["size"]
    spacing = gap(9)  # 日|发: two hanzi, only the justification's spacing
    assert spacing == pytest.approx(0, abs=0.5)
    for i in (3, 4, 8):  # 2023|年, 年|4, 27|日
        assert 0.22 * size <= gap(i) <= 0.25 * size + spacing + 0.05
    for i in (0, 1, 7):  # inside a number: none
        assert gap(i) == pytest.approx(spacing, abs=0.5) and gap(i) - spacing < 0.5

    def auto_space(path, style_id):
        styles = docx.Document(str(path)).styles.element
        style = next(s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == style_id)
        ppr = style.find(qn("w:pPr"))
        return {tag: ppr.find(qn(f"w:{tag}")).get(qn("w:val")) for tag in ("autoSpaceDE", "autoSpaceDN")}

    assert auto_space(build / "esg_2022-annual-zh.docx", "BodyZh") == {"autoSpaceDE": "1", "autoSpaceDN": "1"}
    assert auto_space(build / "esg_2022-annual-bilingual.docx", "BodyEn") == {"autoSpaceDE": "0", "autoSpaceDN": "0"}
