"""Issue 15 item 8: a stress workbook built by the tests (not shipped).

A fictional logistics group with 60 indicators in one KPI table — names of about 120 hanzi and
120 characters of English (with "internationalisation", "telecommunications",
"environmentally-certified"), a URL in a note, every unit kind and every qualifier, values in
the millions and billions, a few rows with only a target — and a second chapter of one short
paragraph and three bar charts. It is written into a temporary folder, published once (all
editions, both formats), and its pages are read back (pdfplumber) as a reader checks them:

1. no English word is broken mid-word at a line end (the PDF, and LibreOffice's PDF of the DOCX);
2. no two characters of one text line overprint;
3. no chart stands alone on a page, with only its caption;
4. no page is less than 40 % full, but the cover, the contents and a chapter's last page;
5. every page the table runs on to starts with its continued caption;
6. the running header is one line whose characters never overlap.

Beyond these, the 多/余 qualifiers are checked on money ("3,860万多元"). The checkers are tested on
PDFs made to fail (a broken word, overprinted text). (The defects this report first showed —
an address measured as one unbreakable piece that squeezed every column, a chapter's last
chart alone after another chart, 3,860万元多 — are fixed; see the git log.)
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import EDITIONS, WORKBOOK, needs_soffice, write_layout
from esgpublish.cli import main
from esgpublish.read.xlsxwrite import write_workbook
from midword_check import breaks, vocabulary

MM = 72 / 25.4
MARGINS = {"top": 24, "bottom": 22, "left": 22, "right": 22}  # mm, as the layout below sets them
BODY_PT = 10  # the default theme's body size: headings are larger, tables and captions smaller
URL = "https://www.example.com/sustainability/reports/2022/environmental-social-governance-data.pdf"

# --------------------------------------------------------------------------- the workbook

REPORT = [
    ("company", None, "示例物流集团（虚构）", "Example Logistics Group (fictional)"),
    ("title", None, "2022年环境、社会及管治报告（虚构公司）",
     "Environmental, Social and Governance Report 2022 (fictional company)"),
    ("subtitle", None, "虚构公司、虚构数字，仅供排版压力测试",
     "A fictional company with invented figures, for typesetting stress tests only"),
    ("author", None, "esgpublish 测试（虚构）", "esgpublish tests (fictional)"),
    ("subject", None, "虚构物流集团的排版压力测试", "Typesetting stress test of a fictional logistics group"),
    ("keywords", None, "虚构; 压力测试", "fictional; stress test"),
    ("disclaimer", None, "本报告中的公司和全部数字均为虚构，仅用于测试排版，与任何真实企业无关。",
     "The company and every figure in this report are fictional, made up to test the typesetting; "
     "they describe no real business."),
    ("source", None, "虚构数据", "Invented figures"),
    ("reporting_year", 2022, None, None),
    ("publication_date", dt.date(2023, 5, 31), None, None),
]

TOPICS = [
    ("fleet", "E", "车队与能源", "Fleet and energy"),
    ("people", "S", "员工与社区", "People and communities"),
    ("conduct", "G", "商业道德", "Business conduct"),
]

UNITS = [  # every unit kind
    ("tonne", "count", "吨", "tonnes"),
    ("parcel", "count", "件", "parcels"),
    ("vehicle", "count", "辆", "vehicles"),
    ("hour", "count", "小时", "hours"),
    ("employee", "count", "人", "employees"),
    ("yuan", "currency", "元", "RMB"),
    ("percent", "percent", "%", "%"),
    ("pct_change", "change", "%", "%"),
    ("grade", "text", "级", "rating"),
    ("standard", "text", "", "standard"),
    ("month", "date", "", ""),
]
KIND = {unit: kind for unit, kind, _, _ in UNITS}

# every qualifier of the schema (the sample uses 超, 近, 多 and 余; 超过 and 约 are its other spellings)
QUALIFIERS = [None, "超", "超过", "近", "约", "多", "余"]

# (unit, value): realistic sizes, several from 100,000 up so that 万/亿 and million/billion scale
VALUES = [
    ("tonne", 245000), ("tonne", 18650), ("tonne", 1320000), ("tonne", 96400),
    ("parcel", 1900000000), ("parcel", 4350000), ("vehicle", 12800), ("vehicle", 365),
    ("hour", 162000), ("hour", 8750), ("employee", 58000), ("employee", 1240),
    ("yuan", 38600000), ("yuan", 2750000), ("yuan", 154000000), ("yuan", 980000),
    ("percent", 37.5), ("percent", 82), ("percent", 99.2), ("percent", 12.4),
    ("pct_change", 460), ("pct_change", 18.3), ("pct_change", 7),
    ("grade", "AA"), ("standard", "ISO 14001"), ("standard", "ISO 45001"),
    ("month", "2022-03"), ("month", "2022-11"),
]
TARGET_ONLY = [("tonne", 500000, None), ("yuan", 200000000, "约"), ("percent", 100, None), ("vehicle", 3000, "超过")]
N = 60
URL_ROWS = (5, 33)  # indicators whose note carries the URL

ZH_PHRASES = [
    "干线运输车队", "新能源重型卡车", "冷链仓储设施", "城市末端配送网络", "跨境多式联运通道",
    "区域分拨中心", "光伏屋顶发电项目", "包装材料循环利用", "温室气体排放强度", "供应商环境绩效评估",
    "员工职业健康与安全培训", "女性管理人员", "社区志愿服务", "数据安全与个人信息保护", "反贪污与商业道德",
    "客户投诉处理及时率", "绿色仓库认证", "电动叉车替换", "智能路径规划系统", "空载里程",
    "可再生电力采购", "危险品运输安全管理", "司机疲劳驾驶监测", "乡村物流站点覆盖", "农产品上行渠道",
    "包装减量与可降解胶带", "碳足迹核算", "国际化业务合规审查", "电信级信息系统可用性", "第三方审计",
]
EN_WORDS = (
    "linehaul fleet electrification across regional distribution centres with environmentally-certified "
    "warehouses and cold chain storage facilities supporting internationalisation of cross-border multimodal "
    "corridors while telecommunications infrastructure enables route planning that reduces empty running and "
    "greenhouse gas emissions intensity for customers suppliers employees and communities including occupational "
    "health and safety training for drivers women in management volunteer service hours data security personal "
    "information protection anti-corruption business ethics complaint handling renewable electricity procurement "
    "rooftop solar generation packaging reuse biodegradable tape carbon footprint accounting rural delivery points "
    "agricultural products hazardous goods transport fatigue monitoring independent assurance"
).split()


def name_zh(i: int) -> str:
    """120 hanzi, a different run of phrases for each indicator."""
    text, k = "", i
    while len(text) < 120:
        text += ZH_PHRASES[k % len(ZH_PHRASES)]
        k += 1
    return text[:120]


def name_en(i: int) -> str:
    """About 120 characters of real words, a different run for each indicator."""
    words, k = [], 3 * i
    while len(" ".join(words + [EN_WORDS[k % len(EN_WORDS)]])) <= 124:
        words.append(EN_WORDS[k % len(EN_WORDS)])
        k += 1
    text = " ".join(words)
    return text[0].upper() + text[1:]


def indicator_rows() -> list[tuple]:
    rows = []
    plan = (VALUES * 3)[:N - len(TARGET_ONLY)]
    for i in range(N):
        topic, pillar = TOPICS[i % len(TOPICS)][:2]
        value = target = target_q = target_year = None
        if i < len(plan):
            unit, value = plan[i]
        else:
            unit, target, target_q = TARGET_ONLY[i - len(plan)]
            target_year = 2030
        kind = KIND[unit]
        qualifier = QUALIFIERS[i % len(QUALIFIERS)] if kind in ("count", "currency") and value is not None else None
        period = 2022 if value is not None and kind != "date" else None
        note_zh, note_en = (f"计算方法见 {URL}", f"Method described at {URL}") if i in URL_ROWS else (None, None)
        rows.append((f"ind_{i:02d}", pillar, topic, name_zh(i), name_en(i), value, unit, qualifier, period, None,
                     None, None, target, target_q, target_year, "A1.1", None, "虚构数据 / invented figure",
                     note_zh, note_en))
    return rows


NARRATIVE = [("overview", None,
              "本章以图表展示示例物流集团（虚构）在车队能源、运营效率和员工方面的部分数据，"
              "所有数字均为虚构。",
              "This chapter charts a few of the fictional Example Logistics Group's figures on fleet energy, "
              "operational efficiency and people; every figure is invented.")]

# three bar charts, each over indicators sharing one unit: tonnes, percent, RMB
CHARTS = [(("ind_00", "ind_01", "ind_02", "ind_03"), "温室气体减排量", "Greenhouse gas reductions"),
          (("ind_16", "ind_17", "ind_18", "ind_19"), "比例类指标", "Shares"),
          (("ind_12", "ind_13", "ind_14", "ind_15"), "投入金额", "Amounts invested")]

LAYOUT = f"""\
name: stress
title:
  zh: "{{report.reporting_year}}年环境、社会及管治报告"
  en: "Environmental, Social and Governance Report {{report.reporting_year}}"
theme: themes/default.yaml
editions: [zh, en, bilingual]
page:
  size: A4
  orientation: portrait
  margins: {{{", ".join(f"{side}: {mm}" for side, mm in MARGINS.items())}}}
cover: {{show: true, disclaimer: true}}
contents: {{show: true, depth: 2}}
header: {{show: true}}
sections:
  - title: {{zh: 关键绩效指标, en: Key performance indicators}}
    blocks:
      - kpi_table:
          title: {{zh: 全部关键绩效指标, en: All key performance indicators}}
          indicators: [{", ".join(f"ind_{i:02d}" for i in range(N))}]
          columns: [value, unit, period, target, hkex, note]
  - title: {{zh: 图表, en: Charts}}
    blocks:
      - narrative: overview
""" + "".join(f"""\
      - chart:
          kind: bar
          indicators: [{", ".join(ids)}]
          title: {{zh: {zh}, en: {en}}}
""" for ids, zh, en in CHARTS)


@dataclass
class Stress:
    book: Path
    layout: Path
    out: Path

    def pdf(self, edition: str) -> Path:
        return self.out / f"stress-stress-{edition}.pdf"

    def docx(self, edition: str) -> Path:
        return self.out / f"stress-stress-{edition}.docx"


@pytest.fixture(scope="module")
def stress(tmp_path_factory) -> Stress:
    """The stress workbook and layout, written into a temporary folder and published once."""
    tmp = tmp_path_factory.mktemp("stress")
    book = tmp / "stress.xlsx"
    write_workbook(book, {"report": REPORT, "topics": TOPICS, "units": UNITS,
                          "indicators": indicator_rows(), "narrative": NARRATIVE})
    layout = write_layout(tmp, "stress.yaml", LAYOUT)
    out = tmp / "out"
    assert main(["publish", str(book), "--layout", str(layout), "-o", str(out)]) == 0
    return Stress(book, layout, out)


@pytest.fixture(scope="module")
def lo_pdfs(stress) -> Path:
    """LibreOffice's PDFs of the three DOCX, converted once."""
    from test_parity import lo_convert

    lo = stress.out / "lo"
    lo_convert([stress.docx(e) for e in EDITIONS], lo, stress.out / "lo-profile")
    return lo


@pytest.fixture(scope="module")
def words(stress):
    return vocabulary(stress.book, (stress.layout.read_text(encoding="utf-8"),))


# --------------------------------------------------------------------------- reading the pages

@dataclass
class Page:
    number: int
    width: float
    height: float
    chars: list[dict]  # printed characters (no white space): text, x0, x1, top, bottom, baseline, size
    shapes: list[dict]  # rects, lines and curves: x0, x1, top, bottom, fill (white filled rects: "white")

    @property
    def top_margin(self) -> float:
        return MARGINS["top"] * MM

    @property
    def bottom_margin(self) -> float:
        return self.height - MARGINS["bottom"] * MM

    def body_chars(self) -> list[dict]:
        """Characters in the text block: the running header above and the footer below left out."""
        return [c for c in self.chars if self.top_margin <= (c["top"] + c["bottom"]) / 2 <= self.bottom_margin]

    def header_chars(self) -> list[dict]:
        return [c for c in self.chars if c["bottom"] <= self.top_margin]


def _white(color) -> bool:
    return isinstance(color, (tuple, list)) and len(color) in (1, 3) and all(abs(v - 1) < 1e-3 for v in color)


@lru_cache(maxsize=None)
def read_pages(path: Path) -> tuple[Page, ...]:
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = [{"text": c["text"], "x0": c["x0"], "x1": c["x1"], "top": c["top"], "bottom": c["bottom"],
                      "baseline": page.height - c["matrix"][5], "size": c["size"]}
                     for c in page.chars if c["text"].strip() and c.get("upright", True)]
            shapes = [{"x0": s["x0"], "x1": s["x1"], "top": s["top"], "bottom": s["bottom"],
                       "white": kind == "rect" and bool(s.get("fill")) and _white(s.get("non_stroking_color"))}
                      for kind, group in (("rect", page.rects), ("line", page.lines), ("curve", page.curves))
                      for s in group]
            pages.append(Page(page.page_number, float(page.width), float(page.height), chars, shapes))
    return tuple(pages)


@lru_cache(maxsize=None)
def chapter_starts(path: Path) -> tuple[int, ...]:
    """The first page (1-based) of every chapter: the level-1 entries of the PDF outline."""
    import pypdf

    reader = pypdf.PdfReader(str(path))
    return tuple(reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list))


def text_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into text lines: one baseline (within 1 pt), left to right, top to bottom."""
    lines: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (c["baseline"], c["x0"])):
        if lines and abs(lines[-1][0]["baseline"] - c["baseline"]) <= 1:
            lines[-1].append(c)
        else:
            lines.append([c])
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    return lines


def line_text(line: list[dict]) -> str:
    out, prev = "", None
    for c in line:
        if prev is not None and c["x0"] - prev["x1"] > 0.15 * c["size"]:
            out += " "
        out += c["text"]
        prev = c
    return out


FULL_WIDTH_MARKS = set("，。、；：？！（）《》「」『』【】〔〕〈〉“”‘’")


def overprints(chars: list[dict]) -> list[str]:
    """Characters of one text line that overlap by more than 1 pt. Two full-width marks side by
    side are set closer by design (clreq: '”，' takes an em and a half), so their boxes may
    overlap by half an em."""
    found = []
    for line in text_lines(chars):
        reach = None  # the character reaching furthest right so far
        for c in line:
            if reach is not None:
                overlap = min(reach["x1"], c["x1"]) - c["x0"]
                allowed = 1.0
                if reach["text"] in FULL_WIDTH_MARKS and c["text"] in FULL_WIDTH_MARKS:
                    allowed += 0.5 * min(reach["size"], c["size"])
                if overlap > allowed:
                    found.append(f"{reach['text']!r} and {c['text']!r} overlap by {overlap:.1f} pt "
                                 f"in {line_text(line)[:60]!r}")
            if reach is None or c["x1"] > reach["x1"]:
                reach = c
    return found


# --------------------------------------------------------------------------- the report as published

def test_publishes_every_edition_and_format_and_says_it_is_fictional(stress):
    for edition in EDITIONS:
        assert stress.pdf(edition).stat().st_size > 0 and stress.docx(edition).stat().st_size > 0
    cover = {e: "".join(c["text"] for c in read_pages(stress.pdf(e))[0].chars) for e in EDITIONS}
    assert "示例物流集团（虚构）" in cover["zh"] and "示例物流集团（虚构）" in cover["bilingual"]
    assert "(fictional)" in cover["en"] and "(fictional)" in cover["bilingual"]
    import pypdf

    meta = pypdf.PdfReader(str(stress.pdf("en"))).metadata
    assert "fictional" in (meta.title or "") + (meta.author or "") + (meta.subject or "")


# --------------------------------------------------------------------------- 1. no mid-word break

@pytest.mark.parametrize("edition", EDITIONS)
def test_no_word_is_broken_mid_word_in_the_pdf(stress, words, edition):
    found = breaks(stress.pdf(edition), *words)
    assert not found, f"{len(found)} mid-word breaks:\n" + "\n".join(found[:40])


@needs_soffice
@pytest.mark.parametrize("edition", EDITIONS)
def test_no_word_is_broken_mid_word_in_the_docx(stress, lo_pdfs, words, edition):
    found = breaks(lo_pdfs / stress.pdf(edition).name, *words)
    assert not found, f"{len(found)} mid-word breaks in LibreOffice's PDF of the DOCX:\n" + "\n".join(found[:40])


def test_the_mid_word_check_sees_a_broken_word(tmp_path):
    """The check is not blind: a hyphen inside a word, a word cut without one and a word cut in
    two where the first half is a word are all found; a break at a compound's hyphen is not."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "broken.pdf"
    canvas = Canvas(str(pdf), pagesize=A4)
    lines = [["Linehaul fleet electrifica-", "tion across regions"], ["warehouses and telecommun", "ications"],
             ["reduces empty run", "ning"], ["with environmentally-", "certified warehouses"]]
    for k, (first, second) in enumerate(lines):
        y = 780 - 60 * k
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, y, first)
        canvas.drawString(72, y - 14, second)
    canvas.save()
    vocab, comps = vocabulary(WORKBOOK,
                              (" ".join(" ".join(pair) for pair in lines),
                               "electrification telecommunications running"))
    vocab -= {"electrifica", "tion", "telecommun", "ications", "ning"}  # "run" is a word
    found = breaks(pdf, vocab, comps)
    assert any("'electrifica-'" in f for f in found), found
    assert any("'telecommun'" in f for f in found), found
    assert any("'running' cut in two" in f for f in found), found
    assert not any("environmentally" in f for f in found), found


# --------------------------------------------------------------------------- 2. no overprinting

@pytest.mark.parametrize("edition", EDITIONS)
def test_no_characters_overprint(stress, edition):
    found = [f"p.{page.number}: {f}" for page in read_pages(stress.pdf(edition)) for f in overprints(page.chars)]
    assert not found, "\n".join(found[:40])


def test_the_overprint_check_sees_overlapping_text(tmp_path):
    """Two strings drawn over each other on one baseline are seen; a line 9 pt below (whose
    boxes reach into the line above) is not an overlap, nor are two full-width marks set
    closer by design ('”，')."""
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "overprint.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont("Helvetica", 10)
    first, second, below = "Environmental, Social and Governance Report", "Key performance indicators", "Page 3 of 18"
    canvas.drawString(72, 700, first)
    canvas.drawString(150, 700, second)
    canvas.drawString(72, 691, below)
    canvas.save()
    chars = read_pages(pdf)[0].chars  # in the order drawn
    n1, n2 = len(first.replace(" ", "")), len(second.replace(" ", ""))
    assert overprints(chars)
    assert not overprints(chars[:n1] + chars[n1 + n2:])
    marks = [{"text": t, "x0": x, "x1": x + 10, "top": 0, "bottom": 10, "baseline": 9, "size": 10}
             for t, x in (("带", 0), ("”", 10), ("，", 15), ("覆", 25))]
    assert not overprints(marks)
    assert overprints(marks[:2] + [dict(marks[3], x0=13, x1=23)])


# --------------------------------------------------------------------------- 3. no figure alone

CAPTION = re.compile(r"^(图 ?\d+|Figure \d+)")


def figure_captions(page: Page) -> list[list[dict]]:
    return [line for line in text_lines(page.body_chars()) if CAPTION.match(line_text(line))]


def charts(page: Page) -> list[tuple[list[list[dict]], dict]]:
    """Each chart of the page with its caption lines: a chart is drawn on a white ground (a
    white filled rectangle, not inside another) just below its caption '图 N' / 'Figure N'
    (in the bilingual edition, two lines)."""
    grounds = [s for s in page.shapes if s["white"] and s["x1"] - s["x0"] > 100 and s["bottom"] - s["top"] > 40]
    grounds = [g for g in grounds if not any(o is not g and o["x0"] <= g["x0"] + 0.5 and g["x1"] <= o["x1"] + 0.5
                                             and o["top"] <= g["top"] + 0.5 and g["bottom"] <= o["bottom"] + 0.5
                                             for o in grounds)]
    captions = figure_captions(page)
    found = []
    for ground in grounds:
        above = [line for line in captions if 0 <= ground["top"] - max(c["bottom"] for c in line) <= 30]
        if above:
            group = [line for line in captions if 0 <= ground["top"] - max(c["bottom"] for c in line) <= 60]
            found.append((group, ground))
    return found


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_figure_stands_alone_on_a_page(stress, edition):
    """A page with a chart also holds body text — a table row, a paragraph — besides the
    charts' own text (within their drawing's height: a chart is a block of its own, and a
    value label may run past its ground), their captions (图 N / Figure N, just above) and
    headings (text larger than the body); or it holds two charts or more (a chapter's last
    chart taken over with the one before it is not a chart alone)."""
    pages = read_pages(stress.pdf(edition))
    alone, seen = [], 0
    for page in pages:
        found = charts(page)
        if not found:
            continue
        seen += len(found)
        caption_chars = {id(c) for captions, _ in found for line in captions for c in line}
        boxes = [box for _, box in found]
        other = [c for c in page.body_chars() if id(c) not in caption_chars and c["size"] <= BODY_PT + 0.5
                 and not any(b["top"] - 1 <= (c["top"] + c["bottom"]) / 2 <= b["bottom"] + 1 for b in boxes)]
        if not other and len(found) == 1:
            alone.append(f"p.{page.number}: "
                         + " / ".join(line_text(line) for captions, _ in found for line in captions))
    assert seen == len(CHARTS), f"{seen} charts found, the layout has {len(CHARTS)}"
    assert not alone, "a chart alone on a page, with only its caption:\n" + "\n".join(alone)


# --------------------------------------------------------------------------- 4. pages well filled

def fill(page: Page) -> float:
    """The share of the text block's height in use: from the top margin down to the lowest
    character or shape of the body (running header and footer left out)."""
    low = [c["bottom"] for c in page.body_chars()]
    low += [s["bottom"] for s in page.shapes if page.top_margin <= (s["top"] + s["bottom"]) / 2 <= page.bottom_margin]
    if not low:
        return 0.0
    return (max(low) - page.top_margin) / (page.bottom_margin - page.top_margin)


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_page_is_less_than_forty_percent_full(stress, edition):
    """But the cover (page 1), the contents (the pages before the first chapter) and the last
    page of each chapter (the page before the next chapter's first, and the last page)."""
    path = stress.pdf(edition)
    pages = read_pages(path)
    starts = chapter_starts(path)
    assert len(starts) == 2, starts
    exempt = set(range(1, starts[0])) | {s - 1 for s in starts[1:]} | {len(pages)}
    thin = [f"p.{page.number}: {fill(page):.0%} full, begins "
            f"{line_text(text_lines(page.body_chars())[0])[:50]!r}" if page.body_chars() else f"p.{page.number}: empty"
            for page in pages if page.number not in exempt and fill(page) < 0.4]
    assert not thin, f"{len(thin)} of {len(pages)} pages less than 40 % full:\n" + "\n".join(thin[:30])


# --------------------------------------------------------------------------- 5. continued captions

def table_caption(edition: str, continued: bool) -> list[str]:
    zh, en = ("表 {n}（续）", "Table {n} (continued)") if continued else ("表 {n} ", "Table {n} ")
    return {"zh": [zh], "en": [en], "bilingual": [zh, en]}[edition]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_the_table_runs_on_to_starts_with_its_continued_caption(stress, edition):
    """The first chapter holds only the 60-row table: from the page of its caption to the
    chapter's last page, every page after the first starts (below the running header) with
    '表 N（续）' / 'Table N (continued)', N the table's number from its first caption."""
    path = stress.pdf(edition)
    pages = read_pages(path)
    starts = chapter_starts(path)
    title = {"zh": "全部关键绩效指标", "en": "All key performance indicators"}
    first = None
    for page in pages[starts[0] - 1:starts[1] - 1]:
        for line in text_lines(page.body_chars()):
            m = re.match(r"^(表|Table) (\d+) +(.+)$", line_text(line))
            if m and m.group(3) in title.values():
                first, number = page.number, int(m.group(2))
                break
        if first:
            break
    assert first, f"no caption of the table in chapter 1 (pages {starts[0]}–{starts[1] - 1})"
    wanted = [w.format(n=number) for w in table_caption(edition, continued=True)]
    missing = []
    for page in pages[first:starts[1] - 1]:
        top = [line_text(line) for line in text_lines(page.body_chars())[:len(wanted)]]
        if not all(t.startswith(w) for t, w in zip(top, wanted)) or len(top) < len(wanted):
            missing.append(f"p.{page.number} starts {top}")
    assert starts[1] - 1 - first >= 1, "the table should run on to more pages"
    assert not missing, (f"table {number} (from p.{first}) runs on without '{' / '.join(wanted)}':\n"
                         + "\n".join(missing[:30]))


# --------------------------------------------------------------------------- 6. running header

@pytest.mark.parametrize("edition", EDITIONS)
def test_the_running_header_is_one_line_that_never_overprints(stress, edition):
    pages = read_pages(stress.pdf(edition))
    problems = []
    for page in pages[1:]:  # the cover has no header
        header = page.header_chars()
        if not header:
            problems.append(f"p.{page.number}: no running header")
            continue
        problems += [f"p.{page.number}: {f}" for f in overprints(header)]
        baselines = sorted({round(c["baseline"], 1) for c in header})
        if baselines[-1] - baselines[0] > 1:
            problems.append(f"p.{page.number}: header on {len(text_lines(header))} lines: "
                            + " | ".join(line_text(line) for line in text_lines(header)))
        left, right = MARGINS["left"] * MM, page.width - MARGINS["right"] * MM
        if min(c["x0"] for c in header) < left - 1 or max(c["x1"] for c in header) > right + 1:
            text = line_text(sorted(header, key=lambda c: c["x0"]))
            problems.append(f"p.{page.number}: header outside the text block: {text!r}")
    assert not problems, "\n".join(problems[:30])


# --------------------------------------------------------------------------- the qualifiers

def test_a_qualifier_after_the_number_goes_before_the_currency_unit(stress):
    """Beyond the six checks: every qualifier is in the workbook, and Chinese puts 多 and 余
    between the number and its unit (4,000多棵, 3,860万多元), for money as for counts."""
    from conftest import pdf_text

    for edition in ("zh", "bilingual"):
        text = re.sub(r"\s+", "", pdf_text(stress.pdf(edition)))
        assert "435万多件" in text or "435万多" in text  # a count (the table's value and unit columns)
        wrong = sorted(set(re.findall(r"[\d,.]+[万亿]?元[多余]", text)))
        assert not wrong, f"{edition}: {wrong}"
