"""The fonts shipped in ``fonts/``: where they are, what they cover, subsets of them.

The package never looks at system fonts: every renderer and the charts get their
fonts from here. ``faces`` maps a style to its file; ``coverage`` reads a cmap once.
Hanzi are set in one CJK family per edition: Noto Sans SC (Simplified) or Noto Sans HK
(Traditional, Hong Kong forms); ``cjk_styles`` names its two faces.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FAMILY = "Noto Sans SC"  # the CJK face (Simplified Chinese)
HK_FAMILY = "Noto Sans HK"  # the CJK face of Traditional Chinese editions (Hong Kong forms)
LATIN_FAMILY = "Noto Sans"  # the Latin face
#: each CJK family → its regular and bold styles in ``faces()``
CJK_STYLES: dict[str, tuple[str, str]] = {FAMILY: ("regular", "bold"), HK_FAMILY: ("hk-regular", "hk-bold")}


@dataclass(frozen=True)
class Face:
    """One font file: the family, its style, the PostScript name and the path."""

    family: str
    style: str  # regular | bold
    ps_name: str
    path: Path


#: the files ``fonts_dir`` must hold
FONT_FILES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf", "NotoSansHK-Regular.ttf", "NotoSansHK-Bold.ttf",
              "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")

_PACKAGE = Path(__file__).resolve().parent


def shipped_dirs(name: str) -> list[Path]:
    """Where a folder shipped with esgpublish (``fonts``, ``layouts``) may be, in order: the
    package's ``_data/NAME`` (an installed package: setup.py's build_py copies it there), then
    the checkout's top-level ``NAME/`` (an editable install, or ``src`` on the path)."""
    return [_PACKAGE / "_data" / name, _PACKAGE.parents[1] / name]


def shipped_dir(name: str, marker: str) -> Path | None:
    """The first of ``shipped_dirs(name)`` that holds the file ``marker``, or None."""
    return next((d for d in shipped_dirs(name) if (d / marker).is_file()), None)


def fonts_dir() -> Path:
    """The folder of the shipped fonts: ``$ESGPUBLISH_FONTS`` when it holds them, else the
    installed package's fonts or the checkout's ``fonts/`` (see ``shipped_dirs``)."""
    env = os.environ.get("ESGPUBLISH_FONTS")
    candidates = ([Path(env)] if env else []) + shipped_dirs("fonts")
    for c in candidates:
        if all((c / f).is_file() for f in FONT_FILES):
            return c
    raise FileNotFoundError(f"esgpublish fonts ({', '.join(FONT_FILES)}) not found; looked in "
                            + ", ".join(map(str, candidates)))


@lru_cache(maxsize=None)
def faces() -> dict[str, Face]:
    """The shipped faces: "regular" and "bold" (CJK, SC), "hk-regular" and "hk-bold" (CJK, HK),
    "latin" and "latin-bold"."""
    d = fonts_dir()
    return {"regular": Face(FAMILY, "regular", "NotoSansSC-Regular", d / "NotoSansSC-Regular.ttf"),
            "bold": Face(FAMILY, "bold", "NotoSansSC-Bold", d / "NotoSansSC-Bold.ttf"),
            "hk-regular": Face(HK_FAMILY, "regular", "NotoSansHK-Regular", d / "NotoSansHK-Regular.ttf"),
            "hk-bold": Face(HK_FAMILY, "bold", "NotoSansHK-Bold", d / "NotoSansHK-Bold.ttf"),
            "latin": Face(LATIN_FAMILY, "regular", "NotoSans-Regular", d / "NotoSans-Regular.ttf"),
            "latin-bold": Face(LATIN_FAMILY, "bold", "NotoSans-Bold", d / "NotoSans-Bold.ttf")}


@lru_cache(maxsize=None)
def coverage(path: Path) -> frozenset[int]:
    """The code points a font file maps to a glyph."""
    with _open_font(path) as font:
        return frozenset(font.getBestCmap())


def _open_font(path: Path):
    """A fontTools font, read lazily and with placeholder glyph names: deriving the real
    names from the cmap costs more than the rest of reading the cmap or subsetting the
    CJK face (the names are not written to the subsets, which come out byte-identical)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), recalcTimestamp=False, lazy=True)
    font.setGlyphOrder([".notdef"] + [f"glyph{i:05d}" for i in range(1, font["maxp"].numGlyphs)])
    return font


def cjk_styles(family: str = FAMILY) -> tuple[str, str]:
    """A CJK family → the styles of its regular and bold faces in ``faces()``."""
    return CJK_STYLES[family]


def missing_chars(text: set[str] | str, fallback: Path | None = None, family: str = FAMILY) -> list[str]:
    """Characters of ``text`` that neither the CJK face of ``family`` nor the Latin face (nor the
    layout's fallback font, if any) can print, sorted."""
    cjk, latin = coverage(faces()[cjk_styles(family)[0]].path), coverage(faces()["latin"].path)
    extra = coverage(fallback) if fallback else frozenset()
    return sorted(ch for ch in set(text)
                  if ord(ch) not in cjk and ord(ch) not in latin and ord(ch) not in extra and ch not in "\n\r\t")


def missing_glyphs_error(text: str, fallback: Path | None = None, family: str = FAMILY) -> str | None:
    """The diagnostic message for characters of ``text`` no font can print, or None."""
    missing = missing_chars(text, fallback, family)
    if not missing:
        return None
    names = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:5])
    return f"no glyph in {family} or {LATIN_FAMILY} for {names}"


GLYPH_HINT = ("replace the character (it would print as a box), or name a font that has it "
              "as the layout's fallback_font")


# punctuation both scripts use: set in the face of the text's language
_SHARED = set("“”‘’…—–·•")


def face_runs(text: str, lang: str, fallback: Path | None = None) -> list[tuple[str, str]]:
    """Text → (face, run) pairs, face being "latin", "cjk" or "fallback": Latin letters,
    digits and ASCII punctuation in the Latin face; hanzi and full-width forms in the CJK
    face; shared marks (“ ” …) by language; what neither has, in the fallback font."""
    return list(_face_runs(text, lang if lang == "en" else "", fallback))


@lru_cache(maxsize=1 << 13)  # the same texts (labels, headings, units) in every edition and workbook
def _face_runs(text: str, lang: str, fallback: Path | None) -> tuple[tuple[str, str], ...]:
    latin_cmap, cjk_cmap = coverage(faces()["latin"].path), coverage(faces()["regular"].path)
    extra = coverage(fallback) if fallback else frozenset()
    runs: list[tuple[str, str]] = []
    for ch in text:
        cp = ord(ch)
        if ch in _SHARED:
            face = "latin" if lang == "en" else "cjk"
        elif 0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFE30 <= cp <= 0xFE4F or \
                0xFF00 <= cp <= 0xFFEF or cp >= 0x20000:
            face = "cjk"
        else:
            face = "latin" if cp in latin_cmap else "cjk"
        if extra and cp in extra and cp not in (latin_cmap if face == "latin" else cjk_cmap):
            face = "fallback"
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + ch)
        else:
            runs.append((face, ch))
    return tuple(runs)


def family_name(path: Path) -> str:
    """A font file's family name (name ID 1)."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return font["name"].getDebugName(1) or path.stem


def subset_path(face: Face, chars: set[str] | frozenset[str], cache_dir: Path) -> Path:
    """Where ``subset_bytes`` caches the subset of ``face`` holding ``chars``."""
    from . import cachekey

    key = cachekey.key("font subset", cachekey.file_stamp(face.path), "".join(sorted(chars)), length=24)
    return cache_dir / f"{face.ps_name}-{key}.ttf"


def subset_bytes(face: Face, chars: set[str], cache_dir: Path | None = None) -> bytes:
    """A TrueType subset of ``face`` holding ``chars`` (plus .notdef and basic Latin),
    cached under ``cache_dir`` by the face and the characters."""
    from .atomicfile import read_cached, write_cached

    cached = subset_path(face, chars, cache_dir) if cache_dir is not None else None
    data = read_cached(cached) if cached is not None else None  # None: missing or damaged
    if data is not None:
        return data
    from fontTools import subset

    opts = subset.Options()
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.glyph_names = False
    opts.recalc_timestamp = False
    font = _open_font(face.path)  # lazy: 7× faster on the CJK face
    sub = subset.Subsetter(opts)
    sub.populate(unicodes={ord(c) for c in chars} | set(range(0x20, 0x7F)))
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    data = buf.getvalue()
    if cached is not None:
        write_cached(cached, data)
    return data


def needs_face(chars: set[str], face: str, fallback: Path | None = None) -> bool:
    """Whether any of ``chars`` is set in ``face`` ("cjk", "fallback"; see ``face_runs``)."""
    return any(kind == face for kind, _ in face_runs("".join(sorted(chars)), "en", fallback))
