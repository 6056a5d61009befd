"""Chinese line breaking (kinsoku, after W3C clreq): where a line may end.

``allowed_breaks(chars, glued)`` → the break opportunities of a text; ``wrap(text, width)``
fills lines greedily with them (chart labels); the PDF renderer fills paragraph lines with
the same rules (``render/pdf.py``, ``_cjk_frag_split``). The rules:

- no line starts with closing punctuation (，。、；：？！）》」』”’…% …) and no line ends
  with an opening bracket (（《「『“‘ …), however many stand together;
- Latin words and numbers are never broken (Latin text breaks after spaces and after the
  hyphen of a compound), a
  number stays with the unit or classifier after it (2022|年, 16|个) and with a
  qualifier before it (超过|100, 近|400);
- a run the renderer glued (a value with its qualifier and unit: 超过16,300小时) stays
  whole: the renderer marks it with WORD JOINER (U+2060), which it removes before the
  text reaches the page.
"""
from __future__ import annotations

import unicodedata

GLUE = "\u2060"

# W3C clreq §3.1.7: characters not allowed at the start or the end of a line
CANNOT_START = set("，。、；：？！）》」』】〕〉｝］”’…‥%‰℃°·・〃々〆ー–—)]}!,.:;?"
                   "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09\uff3d\uff5d\u300d\u300f\u3011"
                   "\uff05")
CANNOT_END = set("（《「『【〔〈｛［“‘([{$￥£€#\uff08\uff3b\uff5b")
NO_BREAK_SPACES = {"\u00a0", "\u202f", "\u2007"}
# ideographs that qualify the number after them: 超过100, 近400, 约4000, 达2270万 (超過100, 約4000)
QUALIFIER_CHARS = set("超过近约逾达過約達")  # Simplified and Traditional


def is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003ffff"


def is_space(ch: str) -> bool:
    return ch.isspace() and ch not in NO_BREAK_SPACES


def is_latin_alnum(ch: str) -> bool:
    """A Latin letter or a digit (ASCII, Latin-1 and Latin Extended-A/B)."""
    return (ch.isascii() and ch.isalnum()) or ("\u00c0" <= ch <= "\u024f" and ch.isalpha())


def script_gap(a: str, b: str) -> bool:
    """Whether clreq puts a gap between ``a`` and ``b``: a hanzi beside a Latin letter or digit."""
    return (is_ideograph(a) and is_latin_alnum(b)) or (is_latin_alnum(a) and is_ideograph(b))


# full-width marks with half an em of blank on one side, where the glyph sits in Simplified
# Chinese (GB) fonts: commas, stops and closing brackets at the left, opening ones at the right
BLANK_RIGHT = set("，。、；：”’）》」』】〕〉｝］")
BLANK_LEFT = set("“‘（《「『【〔〈｛［")


def punctuation_squeeze(a: str, b: str, right: str | set[str] = BLANK_RIGHT,
                        left: str | set[str] = BLANK_LEFT) -> float:
    """clreq §3.1.6: how much (in em) two adjacent full-width marks close up — half an em
    where two blanks meet or a blank stands between two marks (带头人”，), else nothing.
    ``right`` and ``left``: the marks blank on that side in the face they are set in; the
    others are centred (，。 in Hong Kong faces) and lose nothing, but a bracket's blank beside
    one goes (帶頭人」，: the centred mark's own side bearing spaces them)."""
    centred = (BLANK_RIGHT | BLANK_LEFT) - set(right) - set(left)
    if a in right and (b in right or b in left or b in centred):
        return 0.5
    if (a in left or a in centred) and b in left:
        return 0.5
    return 0.0


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def allowed_breaks(chars: list[str], glued: list[bool], strict: bool = True) -> list[bool]:
    """``out[k]`` is True when a line may end between ``chars[k-1]`` and ``chars[k]``.

    With ``strict=False`` (the last resort for a run longer than the line) only the
    punctuation rules hold: words, numbers and glued runs may then be broken."""
    n = len(chars)
    out = [False] * (n + 1)
    for k in range(1, n):
        a, b = chars[k - 1], chars[k]
        if (strict and glued[k]) or b in CANNOT_START or a in CANNOT_END or is_space(b) or b in NO_BREAK_SPACES \
                or a in NO_BREAK_SPACES:
            continue
        if a == b and a in "—…":
            continue
        if not strict:
            out[k] = True
            continue
        if is_space(a):
            out[k] = True
        elif (a.isdigit() and is_ideograph(b)) or (a in QUALIFIER_CHARS and b.isdigit()):
            continue  # a number stays with its unit (2022|年) and its qualifier (超过|100)
        elif is_wide(a) or is_wide(b):
            out[k] = True
        elif a == "-" and k >= 2 and chars[k - 2].isalpha() and b.isalpha():
            out[k] = True  # after the hyphen of a compound (environmentally-|certified), as UAX #14
        # else: two Latin characters: inside a word or number, never
    out[n] = True
    return out


def glue(text: str) -> str:
    """Join every character of ``text`` with WORD JOINER, so no line breaks inside it."""
    return GLUE.join(text)


def wrap(text: str, width: int) -> list[str]:
    """Greedy lines of at most ``width`` columns (a wide character counts two)."""
    chars = list(text)
    allowed = allowed_breaks(chars, [False] * len(chars))
    lines, start, used, last = [], 0, 0, None
    for i, ch in enumerate(chars):
        used += 2 if is_wide(ch) else 1
        if used > width and i > start and last is not None and not is_space(ch):
            lines.append("".join(chars[start:last]).rstrip())
            start = last
            while start < len(chars) and is_space(chars[start]):
                start += 1
            used = sum(2 if is_wide(c) else 1 for c in chars[start:i + 1])
            last = None
        if allowed[i + 1] and i + 1 > start:
            last = i + 1
    if start < len(chars):
        lines.append("".join(chars[start:]).rstrip())
    return [line for line in lines if line]
