"""Text widths from the shipped fonts' metrics (fontTools ``hmtx``), for decisions compose
makes before any renderer runs: table column widths, what fits on a line.

A width is that of the text set as the renderers set it: Latin runs in the Latin face,
hanzi and full-width forms in the CJK face (``fonts.face_runs``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .. import fonts, linebreak


@lru_cache(maxsize=None)
def _advances(path: Path) -> tuple[dict[int, float], float]:
    """A face's advance widths per code point, in ems, and its default (.notdef) advance."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        upem = font["head"].unitsPerEm
        hmtx = font["hmtx"].metrics
        cmap = font.getBestCmap()
        widths = {cp: hmtx[name][0] / upem for cp, name in cmap.items() if name in hmtx}
        return widths, hmtx[".notdef"][0] / upem if ".notdef" in hmtx else 1.0


def _face_path(kind: str, bold: bool, fallback: Path | None, lang: str = "zh") -> Path:
    if kind == "fallback" and fallback:
        return fallback
    if kind == "cjk":  # Traditional text in the HK face
        return fonts.faces()[fonts.cjk_styles(fonts.HK_FAMILY if lang == "zh_hant" else fonts.FAMILY)[bold]].path
    return fonts.faces()["latin-bold" if bold else "latin"].path


@lru_cache(maxsize=None)
def blank_sides(family: str) -> tuple[str, str]:
    """A CJK family → the full-width marks its glyphs leave half an em blank on the right
    (，。 in SC fonts: ink in the left half) and on the left (（《“), measured in the regular
    face's outlines. The Hong Kong face centres ，。、；：, which then close up with nothing."""
    from fontTools.ttLib import TTFont

    with TTFont(str(fonts.faces()[fonts.cjk_styles(family)[0]].path), lazy=True) as font:
        cmap, glyf, hmtx = font.getBestCmap(), font["glyf"], font["hmtx"].metrics

        def ink(ch: str) -> tuple[float, float] | None:
            name = cmap.get(ord(ch))
            if name is None:
                return None
            glyph = glyf[name]
            if not glyph.numberOfContours:
                return None
            glyph.recalcBounds(glyf)
            advance = hmtx[name][0]
            return glyph.xMin / advance, glyph.xMax / advance
        right = "".join(ch for ch in sorted(linebreak.BLANK_RIGHT) if (b := ink(ch)) and b[1] <= 0.5)
        left = "".join(ch for ch in sorted(linebreak.BLANK_LEFT) if (b := ink(ch)) and b[0] >= 0.5)
    return right, left


@lru_cache(maxsize=1 << 14)  # a pure function of its arguments; tables measure the same texts again and again
def width(text: str, lang: str, size: float, bold: bool = False, fallback: Path | None = None,
          gap: float = 0.0) -> float:
    """The printed width of ``text`` (one line) at ``size`` points, with ``gap`` em between
    hanzi and Latin letters or digits (``ParaStyle.script_gap``)."""
    total = 0.0
    for kind, run in fonts.face_runs(text, lang, fallback):
        adv, default = _advances(_face_path(kind, bold, fallback, lang))
        total += sum(adv.get(ord(ch), default) for ch in run if ch != linebreak.GLUE)
    if gap:
        chars = [ch for ch in text if ch != linebreak.GLUE]
        total += gap * sum(linebreak.script_gap(a, b) for a, b in zip(chars, chars[1:]))
    return total * size


_PIECE = re.compile(r"\S+")
_URL_PIECE = re.compile(r"[^/.?&=_#-]*[/.?&=_#-]*")  # an address breaks after / . ? & = _ # - (kinsoku.py)
_COMPOUND = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")  # after the hyphen of a compound, as linebreak.py


WORD_CHARS = 6  # a CJK run up to this long is a word where words are kept (headers): 港交所指标


def pieces(text: str, keep: bool = False, words: bool = False) -> list[str]:
    """The pieces of ``text`` that are never broken: a Latin word (with its punctuation), a
    pair of CJK characters — with ``words``, a CJK run of up to ``WORD_CHARS`` — or the
    whole text where it is to be kept together."""
    if keep or not text:
        return [text] if text else []
    if words:
        out = []
        for word in _PIECE.findall(text):
            out += [word] if len(word) <= WORD_CHARS or not any(linebreak.is_wide(ch) for ch in word) \
                else pieces(word)
        return out
    out: list[str] = []
    for word in _PIECE.findall(text):
        run = ""
        for ch in word:
            if linebreak.is_wide(ch):
                if run:
                    out.append(run)
                    run = ""
                out.append(ch)
            else:
                run += ch
        if run:
            out.append(run)
    out = [p for piece in out for p in (_URL_PIECE.findall(piece) if "/" in piece else _COMPOUND.split(piece)) if p]
    # two wide characters side by side: a line never ends on a lone one when kinsoku
    # moves a mark with it, so a column fits at least a pair
    paired: list[str] = []
    for p in out:
        if paired and len(p) == 1 and linebreak.is_wide(p) and len(paired[-1]) == 1 and linebreak.is_wide(paired[-1]):
            paired[-1] += p
        else:
            paired.append(p)
    return paired


def shorten(text: str, lang: str, size: float, room: float, *, bold: bool = False, fallback: Path | None = None,
            suffix: str = "", gap: float = 0.0) -> str:
    """``text`` + ``suffix`` within ``room`` points; else ``text`` cut (at a word in English)
    and ended with "…" before the suffix (chart labels, running headers)."""
    def fits(t: str) -> bool:
        return width(t + suffix, lang, size, bold, fallback, gap) <= room

    if fits(text):
        return text + suffix
    if not any(linebreak.is_wide(ch) for ch in text):  # Latin: at a word
        words = text.split(" ")
        for k in range(len(words) - 1, 0, -1):
            cut = " ".join(words[:k]).rstrip(" ,;:/") + "…"
            if fits(cut):
                return cut + suffix
    for k in range(len(text) - 1, 0, -1):
        cut = text[:k].rstrip(" ,;:/，、") + "…"
        if fits(cut):
            return cut + suffix
    return text[:1] + "…" + suffix


def shorten_line(spans: tuple, size: float, room: float, *, fallback: Path | None = None, gap: float = 0.0) -> tuple:
    """IR spans (one printed line) within ``room`` points: those that fit, and the first that
    does not shortened with "…" (``shorten``); the rest dropped."""
    from dataclasses import replace

    out, used = [], 0.0
    for span in spans:
        w = width(span.text, span.lang, size, False, fallback, gap)
        if used + w <= room:
            out.append(span)
            used += w
            continue
        cut = shorten(span.text, span.lang, size, room - used, fallback=fallback, gap=gap)
        if cut != span.text[:1] + "…" or not out:
            out.append(replace(span, text=cut))
        elif out:  # nothing of this span fits: end the previous one with the ellipsis
            out[-1] = replace(out[-1], text=out[-1].text.rstrip(" /") + "…")
        break
    return tuple(out)
