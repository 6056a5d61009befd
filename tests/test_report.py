"""The published reports, checked as a reader would: text, fonts, metadata, determinism."""
from __future__ import annotations

import hashlib

import pytest

from conftest import (EDITIONS, LAYOUT, WORKBOOK, docx_text, needs_poppler, pdf_text, pdffonts,
                      squash)
from esgpublish.cli import main

# Every figure of the seed article, in its Chinese and its English form.
SEED_FIGURES = [
    # (what, zh form, en form)
    ("publication date", "2023年4月27日", "27 April 2023"),
    ("reporting year", "2022", "2022"),
    ("environmental target areas", "5个方面", "5 areas"),
    ("clean energy target", "100%清洁能源", "100% clean energy"),
    ("clean energy target year", "2030", "2030"),
    ("trees saved", "4,000多棵", "more than 4,000 trees"),
    ("office cut target", "减少8%", "8%"),
    ("office baseline year", "以2021年为基准", "2021 baseline"),
    ("office target year", "2026年底", "end of 2026"),
    ("rural leaders", "超过100位", "over 100 leaders"),
    ("as of July 2022", "截至2022年7月", "July 2022"),
    ("regions", "27个省市地区", "27 provinces and regions"),
    ("industries", "16个地方特色产业", "16 industries"),
    ("industry reach", "近1,000万人", "nearly 10 million people"),
    ("entrepreneurs target", "超过1,000名乡村创业者", "over 1,000 entrepreneurs"),
    ("training target", "超过100万人次", "over 1 million person-times"),
    ("live job-fair sessions", "超过500万场", "over 5 million sessions"),
    ("partner companies", "超过24万家", "over 240,000 companies"),
    ("donation", "2,270万元", "RMB22.70 million"),
    ("charity hours", "超过16,300小时", "over 16,300 hours"),
    ("Her Power launch", "2022年3月", "March 2022"),
    ("Silver Age launch", "2022年9月", "September 2022"),
    ("rural women", "近400名", "nearly 400 women"),
    ("rural women target", "超过1,000名乡村女性", "over 1,000 women"),
    ("consumer products", "20余项", "more than 20 products"),
    ("freight users", "超过1.9亿用户", "over 190 million users"),
    ("order coverage growth", "增长460%", "460%"),
    ("consumer growth", "增长32%", "32%"),
    ("SME merchants", "超过100万家中小商家", "over 1 million SME merchants"),
    ("youth mode", "4.0", "4.0"),
    ("school courses", "2,157门", "2,157 courses"),
    ("training coverage", "100%的员工", "100% of employees"),
    ("MSCI rating", "BBB级", "BBB"),
    ("MSCI topics", "5个议题", "5 topics"),
    ("ISO 27001", "ISO/IEC 27001", "ISO/IEC 27001"),
    ("ISO 27701", "ISO/IEC 27701", "ISO/IEC 27701"),
    ("policies revised", "14份", "14 documents"),
    ("patents applied", "9,930件", "9,930 patents"),
    ("patents granted", "3,264件", "3,264 patents"),
    ("IP platform launch", "2022年10月", "October 2022"),
]


@pytest.fixture(scope="module")
def texts(build):
    out = {}
    for edition in EDITIONS:
        for fmt, reader in (("pdf", pdf_text), ("docx", docx_text)):
            out[edition, fmt] = reader(build / f"esg_2022-annual-{edition}.{fmt}")
    return out


def test_six_files(build):
    names = sorted(p.name for p in build.iterdir() if p.is_file())
    assert names == sorted(f"esg_2022-annual-{e}.{x}{side}" for e in EDITIONS for x in ("pdf", "docx")
                           for side in ("", ".sources.json"))  # each output with its provenance record
    assert not list(build.glob("*.tmp")) and not list(build.glob(".*.tmp"))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("what, zh, en", SEED_FIGURES, ids=[f[0] for f in SEED_FIGURES])
def test_seed_figure_in_each_edition(texts, fmt, what, zh, en):
    zh_text = squash(texts["zh", fmt], "zh")
    en_text = squash(texts["en", fmt], "en")
    bi_zh, bi_en = squash(texts["bilingual", fmt], "zh"), squash(texts["bilingual", fmt], "en")
    assert squash(zh, "zh") in zh_text, f"{what}: {zh!r} not in the zh {fmt}"
    assert en in en_text, f"{what}: {en!r} not in the en {fmt}"
    assert squash(zh, "zh") in bi_zh and en in bi_en, f"{what} missing from the bilingual {fmt}"


def test_english_edition_has_no_chinese_body_text(texts):
    import re

    hanzi = re.findall(r"[\u4e00-\u9fff]", texts["en", "pdf"])
    assert hanzi == []


def test_charts_labels_are_text_in_the_pdf(texts):
    zh = squash(texts["zh", "pdf"], "zh")
    for label in ("累计申请国内外专利", "累计获授权专利", "北京职场人均耗电量减少目标", "目标：超过1,000名"):
        assert label in zh


@needs_poppler
@pytest.mark.parametrize("edition", EDITIONS)
def test_pdf_fonts_are_embedded_subsets(build, edition):
    rows = pdffonts(build / f"esg_2022-annual-{edition}.pdf")
    assert rows, "no fonts listed"
    for row in rows:
        assert row["emb"] == "yes" and row["sub"] == "yes", row
        assert "+" in row["name"]
    assert any(r["name"].split("+")[1].startswith("NotoSansSC") for r in rows)


@pytest.mark.parametrize("edition, lang", [("zh", "zh-CN"), ("en", "en-US"), ("bilingual", "zh-CN")])
def test_pdf_metadata(build, edition, lang):
    from pypdf import PdfReader

    reader = PdfReader(build / f"esg_2022-annual-{edition}.pdf")
    info = reader.metadata
    assert "2022" in info.title
    assert info.author and info.subject
    assert info["/CreationDate"].startswith("D:20230427")
    assert reader.trailer["/Root"]["/Lang"] == lang


def test_pdf_outline_has_every_chapter(build):
    from pypdf import PdfReader

    reader = PdfReader(build / "esg_2022-annual-bilingual.pdf")
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)
    walk(reader.outline)
    for chapter in ("关于本报告 / About this report", "环境 / Environmental", "社会 / Social", "管治 / Governance"):
        assert chapter in titles


def test_two_publishes_are_byte_identical(build, tmp_path):
    assert main(["publish", str(WORKBOOK), "--layout", str(LAYOUT), "-o", str(tmp_path)]) == 0
    for path in build.iterdir():
        if path.is_file():
            again = tmp_path / path.name
            assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest(), path.name


def test_footer_counts_pages(texts):
    import re

    zh = texts["zh", "pdf"]
    pages = re.findall(r"第 (\d+) 页 / 共 (\d+) 页", zh)
    assert pages, "no zh footer"
    totals = {int(t) for _, t in pages}
    assert len(totals) == 1 and max(int(n) for n, _ in pages) == totals.pop()
    assert re.search(r"Page \d+ of \d+", texts["en", "pdf"])


def test_chinese_edition_has_no_untranslated_english(texts):
    import re

    for fmt in ("pdf", "docx"):
        sentences = re.findall(r"(?:[A-Za-z]+[ ,]+){4,}[A-Za-z]+", texts["zh", fmt])
        assert sentences == [], sentences


def test_bilingual_headings_carry_both_languages(texts):
    text = texts["bilingual", "pdf"]
    for zh, en in (("环境", "Environmental"), ("社会", "Social"), ("管治", "Governance"), ("目录", "Contents")):
        assert zh in text and en in text
