"""The DOCX as its readers get it: reopened by python-docx and converted by LibreOffice."""
from __future__ import annotations

import os
import re
import subprocess
import zipfile

import pytest

from conftest import EDITIONS, needs_poppler, needs_soffice, pdffonts
from esgpublish.render.docx import _obfuscate

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_styles_name_the_east_asian_font(build, edition):
    import docx

    d = docx.Document(str(build / f"esg_2022-annual-{edition}.docx"))
    styles = d.styles.element
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults.get(f"{W}eastAsia") == "Noto Sans SC"
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Caption", "TOC Heading"):
        rfonts = d.styles[name].element.find(f"{W}rPr/{W}rFonts")
        assert rfonts is not None and rfonts.get(f"{W}eastAsia") == "Noto Sans SC", name
    theme_attrs = [el for el in styles.iter(f"{W}rFonts") if el.get(f"{W}eastAsiaTheme") or el.get(f"{W}asciiTheme")]
    assert theme_attrs == []
    section = d.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert [p.style.name for p in d.paragraphs if p.style.name.startswith("Heading 1")]


def test_fonts_embedded_as_obfuscated_subsets(build):
    path = build / "esg_2022-annual-zh.docx"
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        font_table = z.read("word/fontTable.xml").decode()
        settings = z.read("word/settings.xml").decode()
        odttf = [n for n in names if n.endswith(".odttf")]
        assert len(odttf) == 4  # Noto Sans SC and Noto Sans, regular and bold
        keys = re.findall(r'w:fontKey="(\{[0-9A-F-]+\})"', font_table)
        assert len(keys) == 4 and all(k == k.upper() for k in keys)
        assert 'w:name="Noto Sans SC"' in font_table and 'w:name="Noto Sans"' in font_table
        assert "embedTrueTypeFonts" in settings
        rels = z.read("word/_rels/fontTable.xml.rels").decode()
        rid = re.search(r'<w:embedRegular r:id="(rId\d+)" w:fontKey="(\{[^}]+\})"', font_table)
        target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels).group(1)
        data = z.read("word/" + target)
    font = _obfuscate(data, rid.group(2))  # XOR is its own inverse
    assert font[:4] == b"\x00\x01\x00\x00"
    assert len(font) < 400_000  # a subset, not the 2.7 MB face


@needs_soffice
@needs_poppler
@pytest.mark.parametrize("edition", EDITIONS)
def test_libreoffice_uses_the_embedded_fonts(build, tmp_path, edition):
    """With only DejaVu visible to fontconfig, LibreOffice must print with the embedded Noto."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path}/fc-cache</cachedir></fontconfig>""")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(tmp_path)}
    src = build / f"esg_2022-annual-{edition}.docx"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   env=env, check=True, capture_output=True, timeout=180)
    pdf = tmp_path / src.with_suffix(".pdf").name
    rows = pdffonts(pdf)
    names = {r["name"].split("+")[-1] for r in rows}
    assert "NotoSans-Regular" in names, names  # the Latin face
    assert ("NotoSansSC-Regular" in names) == (edition != "en"), names  # the CJK face where there is Chinese
    assert not any(n for n in names if "CJK" in n or "WenQuanYi" in n or "Droid" in n), names
    import pdfplumber

    with pdfplumber.open(pdf) as doc:  # no tofu: every hanzi is set in the embedded Noto Sans SC
        hanzi_fonts = {c["fontname"].split("+")[-1] for page in doc.pages for c in page.chars
                       if "\u4e00" <= c["text"] <= "\u9fff"}
    if edition != "en":
        assert hanzi_fonts and all(f.startswith("NotoSansSC") for f in hanzi_fonts), hanzi_fonts
    from conftest import pdf_text

    text = pdf_text(pdf)
    assert "9,930" in text and "ISO/IEC 27001" in text
    own = subprocess.run(["pdfinfo", str(build / f"esg_2022-annual-{edition}.pdf")], capture_output=True, text=True).stdout
    theirs = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = [int(re.search(r"Pages:\s+(\d+)", t).group(1)) for t in (own, theirs)]
    assert abs(pages[0] - pages[1]) <= max(1, round(0.25 * pages[0])), pages


def test_whole_fonts_on_request(tmp_path):
    from conftest import WORKBOOK
    from esgpublish.cli import main

    assert main(["publish", str(WORKBOOK), "--edition", "zh", "--format", "docx", "--embed-full-fonts",
                 "-o", str(tmp_path)]) == 0
    path = tmp_path / "esg_2022-annual-zh.docx"
    with zipfile.ZipFile(path) as z:
        sizes = [z.getinfo(n).file_size for n in z.namelist() if n.endswith(".odttf")]
        assert "w:subsetted" not in z.read("word/fontTable.xml").decode()
    assert max(sizes) > 2_000_000 and len(sizes) == 4
