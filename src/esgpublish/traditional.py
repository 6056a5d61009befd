"""Simplified → Hong Kong Traditional Chinese: OpenCC's ``s2hk``, and the review marks.

``to_hk(text)`` converts phrase by phrase (发展 → 發展, 头发 → 頭髮, 后来 → 後來; 台, 户, 温
stay as Hong Kong writes them); ``hong_kong(zh, zh_hant)`` is a cell's Traditional text, the
workbook's own or converted, with Hong Kong's quotation marks (“” → 「」, ‘’ → 『』, which
OpenCC leaves alone; straight quotes are ``compose/typography``'s).
``review_mark(texts)`` is the short hash of a row's Simplified texts that the workbook's
``reviewed_zh_hant`` column holds once a reviewer has checked the row's conversion.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

CONFIG = "s2hk"  # OpenCC's Simplified → Traditional (Hong Kong standard) configuration
MARK_LENGTH = 8


@lru_cache(maxsize=1)
def _converter():
    """The OpenCC converter, made once per process (0.4 s: only editions in Traditional need it)."""
    from opencc import OpenCC

    return OpenCC(CONFIG)


@lru_cache(maxsize=8192)
def to_hk(text: str) -> str:
    """Simplified Chinese text → Hong Kong Traditional (OpenCC s2hk)."""
    if not text or text.isascii():
        return text
    return _converter().convert(text)


_CORNER = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


def corner_quotes(text: str) -> str:
    """Curly quotation marks → Hong Kong's corner brackets: “” → 「」, ‘’ → 『』."""
    return text.translate(_CORNER)


def hong_kong(zh: str, zh_hant: str | None) -> str:
    """A cell's Simplified text and its Traditional cell (or None) → the Traditional text printed."""
    return corner_quotes(zh_hant if zh_hant is not None else to_hk(zh))


def review_mark(texts: tuple[str, ...]) -> str:
    """A row's Simplified texts, in column order → the mark that says their conversion was reviewed."""
    return hashlib.sha256("\x1f".join(texts).encode("utf-8")).hexdigest()[:MARK_LENGTH]
