#!/usr/bin/env python3
"""Rebuild fonts/NotoSans{SC,HK}-{Regular,Bold}.ttf and fonts/NotoSans-{Regular,Bold}.ttf from Debian.

NotoSansSC and NotoSansHK come from fonts-noto-cjk, NotoSans (the Latin face) from fonts-noto-core.

Input: /usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc (face 2, SC, and
face 4, HK; CFF outlines, which reportlab cannot load). Output: TrueType (glyf) fonts,
renamed "Noto Sans SC" and "Noto Sans HK" (the OFL fonts carry no Reserved Font Name
"Noto"), plus fonts/OFL.txt. The SC face is subset to GB2312 ∪ 通用规范汉字表 ∪ Latin,
punctuation and a few symbols; the HK face to Big5-HKSCS ∪ every character OpenCC's
s2hk can produce from the SC face's characters (税, 説, 悦 … are outside Big5-HKSCS) ∪
the same Latin, punctuation and symbols.

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
HK_FACE = 4  # face index of "Noto Sans CJK HK"
WEIGHTS = ("Regular", "Bold")
DROP_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "JSTF", "DSIG"]
MAX_ERR = 1.0  # cu2qu approximation error in font units (1000 upem)


def _common() -> set[int]:
    """The code points both CJK faces keep besides hanzi: Latin, punctuation and symbols."""
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
    return cps


def charset() -> set[int]:
    """The SC face's code points: the common ones, GB2312 and 通用规范汉字表."""
    cps = _common()
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


def _opencc_dict(name: str) -> dict[str, list[str]]:
    """One of the dictionaries of the opencc wheel (``STCharacters`` …) as text → candidates,
    dumped by the wheel's own ``opencc_dict``."""
    import subprocess
    import tempfile

    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        subprocess.run([str(clib / "bin" / "opencc_dict"), "-i", str(clib / "share" / "opencc" / f"{name}.ocd2"),
                        "-o", str(out), "-f", "ocd2", "-t", "text"], check=True)
        pairs = (line.split("\t") for line in out.read_text("utf-8").splitlines() if "\t" in line)
        return {key: values.split(" ") for key, values in pairs}


def s2hk_reach(simplified: set[int]) -> set[int]:
    """Every character OpenCC's s2hk can produce from text in ``simplified``: each
    character's candidates and each phrase's (发 → 發, 髮), in their Hong Kong forms."""
    from opencc import OpenCC

    t2hk, s2hk = OpenCC("t2hk"), OpenCC("s2hk")
    out: set[str] = set()
    for name in ("STCharacters", "STPhrases", "STPhrases_GeneratedFromRegionalPhrases"):
        for key, values in _opencc_dict(name).items():
            if all(ord(ch) in simplified for ch in key):
                for value in values:
                    out.update(t2hk.convert(value))
    for cp in simplified:
        out.update(s2hk.convert(chr(cp)))
    return {ord(ch) for ch in out}


def hk_charset() -> set[int]:
    """The HK face's code points: the common ones, Big5-HKSCS and s2hk's reach from the SC set."""
    cps = _common()
    for hi in range(0x81, 0xFF):  # Big5-HKSCS: every two-byte code that decodes
        for lo in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            try:
                cps.update(ord(ch) for ch in bytes([hi, lo]).decode("big5hkscs"))
            except UnicodeDecodeError:
                pass
    return cps | s2hk_reach(charset())


#: the CJK faces built: key → (face index in the TTC, its name there, our family, charset)
CJK_FACES = {"SC": (SC_FACE, "Noto Sans CJK SC", "Noto Sans SC", charset),
             "HK": (HK_FACE, "Noto Sans CJK HK", "Noto Sans HK", hk_charset)}


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


def _rename(font: TTFont, family: str, weight: str) -> None:
    """Name the font "Noto Sans SC" (or HK) <weight>, keeping copyright, trademark and licence."""
    name = font["name"]
    name.names = [n for n in name.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17)]
    version = font["head"].fontRevision
    ps = f"{family.replace(' ', '')}-{weight}"
    for nid, text in ((1, family), (2, weight), (3, f"{version:.3f};esgpublish;{ps}"),
                      (4, f"{family} {weight}" if weight != "Regular" else family), (6, ps)):
        name.setName(text, nid, 3, 1, 0x409)
        name.setName(text, nid, 1, 0, 0)


def build_face(weight: str, out: Path, key: str = "SC", cps: set[int] | None = None) -> Path:
    """NotoSansCJK-<weight>.ttc face SC (or HK) → out/NotoSansSC-<weight>.ttf (NotoSansHK-…)."""
    index, source_name, family, chars = CJK_FACES[key]
    src = SOURCE_DIR / f"NotoSansCJK-{weight}.ttc"
    if not src.exists():
        sys.exit(f"{src}: not found; install Debian's fonts-noto-cjk")
    font = TTCollection(str(src)).fonts[index]
    assert font["name"].getDebugName(1) == source_name, "unexpected face order in TTC"
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
    subsetter.populate(unicodes=chars() if cps is None else cps)
    subsetter.subset(font)
    _to_quadratic(font)
    _rename(font, family, weight)
    font.recalcTimestamp = False
    path = out / f"{family.replace(' ', '')}-{weight}.ttf"
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
    header = ("Noto Sans SC (fonts/NotoSansSC-Regular.ttf, fonts/NotoSansSC-Bold.ttf) and Noto Sans HK\n"
              "(fonts/NotoSansHK-Regular.ttf, fonts/NotoSansHK-Bold.ttf) are modified versions of\n"
              "Noto Sans CJK SC and Noto Sans CJK HK from Debian's fonts-noto-cjk: subset, converted\n"
              "to TrueType outlines and renamed by tools/build_fonts.py.\n"
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
    hk = hk_charset()
    paths = [build_face(w, args.out) for w in WEIGHTS] + [build_face(w, args.out, "HK", hk) for w in WEIGHTS]
    for path in paths + [build_latin_face(w, args.out) for w in WEIGHTS]:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        print(f"{path}: {path.stat().st_size:,} bytes, sha256 {digest}")
    write_licence(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
