"""Typography per language, applied to the workbook's and the layout's own words.

``refine(text, lang, before)`` → English with curly quotes and en dashes in year ranges;
Chinese with full-width punctuation next to hanzi and no space between hanzi and
full-width marks; Traditional Chinese (zh_hant) as Chinese, with the corner brackets Hong
Kong uses for quotation marks (“” → 「」, ‘’ → 『』; OpenCC leaves quotes alone). Values
from placeholders are formatted by ``localize`` and left alone; ``before`` is the character
printed just before ``text`` (quotes open or close by context).
"""
from __future__ import annotations

import re

HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_FULL_MARKS = "，。、；：？！（）《》「」『』“”‘’【】"
_YEAR_RANGE = re.compile(r"\b(1[89]\d\d|20\d\d)-(1[89]\d\d|20\d\d)\b")
_OPENING_CONTEXT = set(" \t\n\u00a0([{<—–/-") | {""}


def _quotes(text: str, before: str, double: tuple[str, str], single: tuple[str, str] | None) -> str:
    out = []
    prev = before
    for ch in text:
        if ch == '"':
            ch = double[0] if prev in _OPENING_CONTEXT or prev in "“‘（《「" else double[1]
        elif ch == "'" and single:
            ch = single[0] if prev in _OPENING_CONTEXT or prev in "“" else single[1]
        out.append(ch)
        prev = ch
    return "".join(out)


def english(text: str, before: str = "") -> str:
    """Curly quotes and apostrophes; en dashes in year ranges (2020–2022)."""
    text = _quotes(text, before, ("“", "”"), ("‘", "’"))
    return _YEAR_RANGE.sub(r"\1–\2", text)


def chinese(text: str, before: str = "", open_quote: bool = False) -> str:
    """Full-width punctuation beside hanzi; no spaces between hanzi and full-width marks.
    Straight double quotes alternate “ and ” (``open_quote``: one is open already)."""
    out = []
    for ch in text:
        if ch == '"':
            ch = "”" if open_quote else "“"
            open_quote = not open_quote
        out.append(ch)
    text = "".join(out)
    for _ in range(2):  # twice: a converted mark makes its neighbour convertible
        text = re.sub(rf"(?<={HAN}|[{_FULL_MARKS}])[ \t]*([,;:?!()])[ \t]*(?={HAN}|[{_FULL_MARKS}])", r"\1", text)
        for half, full in _FULL.items():
            esc = re.escape(half)
            text = re.sub(rf"(?<={HAN}){esc}|{esc}(?={HAN})|(?<=[{_FULL_MARKS}]){esc}", full, text)
    return re.sub(rf"[ \t]+(?=[{_FULL_MARKS}])|(?<=[{_FULL_MARKS}])[ \t]+", "", text)


def traditional(text: str, before: str = "", open_quote: bool = False) -> str:
    """Chinese typography with Hong Kong's quotation marks: 「」 outside, 『』 inside."""
    from ..traditional import corner_quotes

    return corner_quotes(chinese(text, before, open_quote))


def refine_after(text: str, lang: str, preceding: str) -> str:
    """``refine`` for a piece of text printed after ``preceding`` (quotes open or close by it)."""
    opened = preceding.count("“") + preceding.count("「") > preceding.count("”") + preceding.count("」")
    return refine(text, lang, preceding[-1:], opened)


def refine(text: str, lang: str, before: str = "", open_quote: bool = False) -> str:
    """The text in its language's typography."""
    if lang == "zh_hant":
        return traditional(text, before, open_quote)
    return chinese(text, before, open_quote) if lang == "zh" else english(text, before)


# the report's typography read back (``esgpublish import-docx``): each printed mark → what an
# analyst types; spaces that Chinese typography removes beside a mark are dropped
_FOLD = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "\u00a0": " ", "「": '"', "」": '"',
         "『": "'", "』": "'"}
_FOLD_ZH = {full: half for half, full in _FULL.items()}
_MARKS = set(_FULL_MARKS) | set(_FULL) | {'"', "'"}


def fold(text: str, lang: str) -> tuple[str, list[int]]:
    """A text as printed, or as typed → the same text with the report's typography undone, and
    for each of its characters the index it comes from in ``text``: two texts that differ only in
    what ``refine`` does (curly or straight quotes, full- or half-width marks beside hanzi, the
    spaces Chinese drops beside them, an en dash between years) fold alike. Zero width spaces
    (the DOCX's break opportunities in web addresses) are dropped."""
    chinese_ = lang in ("zh", "zh_hant")
    kept: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch == "\u200b":
            continue
        if chinese_ and ch in " \t":
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if prev in _MARKS or nxt in _MARKS:
                continue
        ch = _FOLD.get(ch, ch)
        if chinese_:
            ch = _FOLD_ZH.get(ch, ch)
        kept.append((ch, i))
    return "".join(c for c, _ in kept), [i for _, i in kept]
