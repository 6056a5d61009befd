"""The fonts shipped in ``fonts/``: where they are, what they cover, subsets of them.

The package never looks at system fonts: every renderer and the charts get their
fonts from here. ``FACES`` maps a style to its file; ``coverage`` reads a cmap once.
"""
from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FAMILY = "Noto Sans SC"


@dataclass(frozen=True)
class Face:
    """One font file: the family, its style, the PostScript name and the path."""

    family: str
    style: str  # regular | bold
    ps_name: str
    path: Path


def fonts_dir() -> Path:
    """``fonts/`` of the checkout (editable install), or the installed data folder."""
    env = os.environ.get("ESGPUBLISH_FONTS")
    candidates = [Path(env)] if env else []
    candidates += [Path(__file__).resolve().parents[2] / "fonts",
                   Path(sys.prefix) / "share" / "esgpublish" / "fonts"]
    for c in candidates:
        if (c / "NotoSansSC-Regular.ttf").is_file():
            return c
    raise FileNotFoundError("esgpublish fonts not found; looked in " + ", ".join(map(str, candidates)))


@lru_cache(maxsize=None)
def faces() -> dict[str, Face]:
    d = fonts_dir()
    return {"regular": Face(FAMILY, "regular", "NotoSansSC-Regular", d / "NotoSansSC-Regular.ttf"),
            "bold": Face(FAMILY, "bold", "NotoSansSC-Bold", d / "NotoSansSC-Bold.ttf")}


@lru_cache(maxsize=None)
def coverage(path: Path) -> frozenset[int]:
    """The code points a font file maps to a glyph."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_chars(text: set[str] | str, face: Face | None = None) -> list[str]:
    """Characters of ``text`` the face has no glyph for (whitespace aside), sorted."""
    cmap = coverage((face or faces()["regular"]).path)
    return sorted(ch for ch in set(text) if ord(ch) not in cmap and ch not in "\n\r\t")


def subset_bytes(face: Face, chars: set[str]) -> bytes:
    """A TrueType subset of ``face`` holding ``chars`` (plus .notdef and basic Latin)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    opts = subset.Options()
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.glyph_names = False
    opts.recalc_timestamp = False
    font = TTFont(str(face.path), recalcTimestamp=False)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes={ord(c) for c in chars} | set(range(0x20, 0x7F)))
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()
