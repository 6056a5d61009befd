#!/usr/bin/env python3
"""Rebuild fonts/NotoSansSC-{Regular,Bold}.ttf and fonts/NotoSans-{Regular,Bold}.ttf from Debian.

NotoSansSC comes from fonts-noto-cjk, NotoSans (the Latin face) from fonts-noto-core.

Input: /usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc (face 2, SC;
CFF outlines, which reportlab cannot load). Output: TrueType (glyf) fonts subset to
GB2312 ∪ 通用规范汉字表 ∪ Latin, punctuation and a few symbols, renamed "Noto Sans SC"
(the OFL fonts carry no Reserved Font Name "Noto"), plus fonts/OFL.txt.

Subset first, then convert CFF → quadratic glyf (fontTools' cu2qu pen, as in its
otf2ttf snippet): converting the whole face first takes minutes and 600 MB.
The build is byte-identical from run to run: no timestamps are recalculated.

    apt-get install fonts-noto-cjk fonts-noto-core && python tools/build_fonts.py [--out fonts]
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
SC_FACE = 2  # face index of "Noto Sans CJK SC" in Debian's TTC
FAMILY = "Noto Sans SC"
WEIGHTS = ("Regular", "Bold")
DROP_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "JSTF", "DSIG"]
MAX_ERR = 1.0  # cu2qu approximation error in font units (1000 upem)


def charset() -> set[int]:
    """The code points kept: Latin, punctuation, symbols, GB2312 and 通用规范汉字表."""
    cps: set[int] = set()
    ranges = [
        (0x0020, 0x007E),  # ASCII
        (0x00A0, 0x00FF),  # Latin-1 Supplement
        (0x0100, 0x017F),  # Latin Extended-A (names such as Šťastný)
        (0x2000, 0x206F),  # General Punctuation
        (0x2150, 0x218F),  # Number Forms (Ⅰ Ⅱ …)
        (0x2190, 0x21FF),  # Arrows
        (0x2460, 0x24FF),  # Enclosed Alphanumerics (① …)
        (0x3000, 0x303F),  # CJK Symbols and Punctuation
        (0x3200, 0x32FF),  # Enclosed CJK Letters (㈠ …)
        (0x3300, 0x33FF),  # CJK Compatibility (㎡ ㎞ …)
        (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    ]
    for lo, hi in ranges:
        cps.update(range(lo, hi + 1))
    cps.update([0x2212, 0x2022, 0x00B7, 0x2103, 0x2082, 0x2030, 0x20AC, 0x2122, 0x2116,
                0x00D7, 0x00F7, 0x2264, 0x2265, 0x2248, 0x2260, 0x00B1, 0x25CF, 0x25A0, 0x2605])
    for hi in range(0xA1, 0xF8):  # GB2312: every two-byte code that decodes
        for lo in range(0xA1, 0xFF):
            try:
                cps.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    for line in (HERE / "data" / "tongyong_guifan_hanzi.txt").read_text("utf-8").splitlines():
        if not line.startswith("#"):
            cps.update(ord(ch) for ch in line.strip())
    return cps


def _to_quadratic(font: TTFont) -> None:
    """Replace the CFF table of an OpenType font with glyf/loca (in place)."""
    order = font.getGlyphOrder()
    glyphset = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt_pen = TTGlyphPen(glyphset)
        glyphset[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():  # lsb must equal xMin in TrueType
        width, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (width, getattr(glyph, "xMin", 0))
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID names carry no information
    post.extraNames, post.mapping = [], {}
    font.sfntVersion = "\x00\x01\x00\x00"


def _rename(font: TTFont, weight: str) -> None:
    """Name the font "Noto Sans SC" <weight>, keeping copyright, trademark and licence."""
    name = font["name"]
    name.names = [n for n in name.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17)]
    version = font["head"].fontRevision
    ps = f"NotoSansSC-{weight}"
    for nid, text in ((1, FAMILY), (2, weight), (3, f"{version:.3f};esgpublish;{ps}"),
                      (4, f"{FAMILY} {weight}" if weight != "Regular" else FAMILY), (6, ps)):
        name.setName(text, nid, 3, 1, 0x409)
        name.setName(text, nid, 1, 0, 0)


def build_face(weight: str, out: Path) -> Path:
    """NotoSansCJK-<weight>.ttc face SC → out/NotoSansSC-<weight>.ttf."""
    src = SOURCE_DIR / f"NotoSansCJK-{weight}.ttc"
    if not src.exists():
        sys.exit(f"{src}: not found; install Debian's fonts-noto-cjk")
    font = TTCollection(str(src)).fonts[SC_FACE]
    assert font["name"].getDebugName(1) == "Noto Sans CJK SC", "unexpected face order in TTC"
    options = subset.Options()
    options.drop_tables += DROP_TABLES
    options.layout_features = []
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.desubroutinize = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=charset())
    subsetter.subset(font)
    _to_quadratic(font)
    _rename(font, weight)
    font.recalcTimestamp = False
    path = out / f"NotoSansSC-{weight}.ttf"
    tmp = path.with_suffix(".ttf.tmp")
    font.save(str(tmp))
    tmp.replace(path)
    return path


LATIN_SOURCE = Path("/usr/share/fonts/truetype/noto")


def latin_charset() -> set[int]:
    """The Latin face's code points: Latin, punctuation, currency, letterlike and sub/superscripts."""
    cps: set[int] = set()
    for lo, hi in ((0x0020, 0x007E), (0x00A0, 0x017F), (0x2000, 0x206F), (0x2070, 0x209F),
                   (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x2193), (0x2212, 0x2212),
                   (0x2264, 0x2265), (0x2248, 0x2248), (0x2260, 0x2260), (0x25CF, 0x25CF)):
        cps.update(range(lo, hi + 1))
    return cps


def build_latin_face(weight: str, out: Path) -> Path:
    """NotoSans-<weight>.ttf from fonts-noto-core, subset to Latin (TrueType already)."""
    src = LATIN_SOURCE / f"NotoSans-{weight}.ttf"
    if not src.exists():
        sys.exit(f"{src}: not found; install Debian's fonts-noto-core")
    font = TTFont(str(src), recalcTimestamp=False)
    options = subset.Options()
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = False
    options.layout_features = ["kern", "liga", "tnum", "lnum"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=latin_charset())
    subsetter.subset(font)
    path = out / f"NotoSans-{weight}.ttf"
    tmp = path.with_suffix(".ttf.tmp")
    font.save(str(tmp))
    tmp.replace(path)
    return path


def write_licence(out: Path) -> None:
    """fonts/OFL.txt: the copyright line of the source fonts and the OFL 1.1 text."""
    copyright_file = Path("/usr/share/doc/fonts-noto-cjk/copyright").read_text("utf-8")
    block = copyright_file.split("License: SIL-1.1\n", 2)[2].split("\nLicense: ", 1)[0]
    body = "\n".join("" if l.strip() == "." else l[1:] for l in block.splitlines())
    header = ("Noto Sans SC (fonts/NotoSansSC-Regular.ttf, fonts/NotoSansSC-Bold.ttf) is a modified\n"
              "version of Noto Sans CJK SC from Debian's fonts-noto-cjk: subset, converted to\n"
              "TrueType outlines and renamed by tools/build_fonts.py.\n"
              "Copyright © 2014-2021 Adobe (http://www.adobe.com/).\n\n"
              "Noto Sans (fonts/NotoSans-Regular.ttf, fonts/NotoSans-Bold.ttf) is a subset of\n"
              "Noto Sans from Debian's fonts-noto-core, made by tools/build_fonts.py.\n"
              "Copyright 2015 Google LLC. All Rights Reserved.\n\n"
              "Noto is a trademark of Google Inc.\n\n"
              "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n\n")
    (out / "OFL.txt").write_text(header + re.sub(r"\n{3,}", "\n\n", body).strip() + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE.parent / "fonts")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in [build_face(w, args.out) for w in WEIGHTS] + [build_latin_face(w, args.out) for w in WEIGHTS]:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        print(f"{path}: {path.stat().st_size:,} bytes, sha256 {digest}")
    write_licence(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
