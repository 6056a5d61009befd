"""Kinsoku for reportlab: line filling by the clreq rules (``linebreak``) in place of
reportlab's CJK splitters, and Chinese lines justified by spacing characters evenly.

reportlab's own CJK wrapping breaks anywhere (before a closing mark, inside a number and
its unit); measured in notes.md. Installed once by ``install``.
"""
from __future__ import annotations

from ... import linebreak


def install() -> None:
    """Put the kinsoku splitters and the CJK justification into reportlab's paragraph module."""
    from reportlab.platypus import paragraph

    paragraph.cjkFragSplit = _cjk_frag_split
    paragraph.wordSplit = _word_split
    _justify_cjk(paragraph)


def _fill(chars: list[str], widths: list[float], glued: list[bool], max_widths: list[float],
          hard: set[int] = frozenset()) -> list[tuple[int, int, float, bool]]:
    """Greedy line filling at the breaks ``linebreak.allowed_breaks`` allows.

    → (start, end, width used, ends in a forced break) per line. A line breaks after index
    ``k-1`` in ``hard`` (a <br/>); where nothing allowed fits (an over-long word), it breaks
    where the line is full."""
    allowed = linebreak.allowed_breaks(chars, glued)
    relaxed = None  # for an over-long run: break where only the punctuation rules hold
    n, start, lines = len(chars), 0, []
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used, i, last = 0.0, start, None
        end = forced = None
        while i < n:
            if used + widths[i] > max_width + 1e-6 and i > start:
                break
            used += widths[i]
            i += 1
            if i in hard:
                end, forced = i, True
                break
            if allowed[i]:
                last = (i, used)
        else:
            end = n
        if end is None:
            if last is None or last[0] <= start:
                if relaxed is None:
                    relaxed = linebreak.allowed_breaks(chars, [False] * n, strict=False)
                fits = [k for k in range(start + 1, i) if relaxed[k]]
                last = (fits[-1], sum(widths[start:fits[-1]])) if fits else (i, used)
            end, used = last
        trimmed = end
        while trimmed > start + 1 and linebreak.is_space(chars[trimmed - 1]) and not forced:
            trimmed -= 1
            used -= widths[trimmed]
        lines.append((start, trimmed, used, bool(forced)))
        start = end
        while start < n and linebreak.is_space(chars[start]) and start not in hard:
            start += 1
    return lines


def _justify_cjk(paragraph) -> None:
    """Justify Chinese lines by spacing characters evenly (reportlab only widens spaces,
    which Chinese lines lack); Latin-only lines keep reportlab's word spacing."""
    plain_line, frag_line = paragraph._justifyDrawParaLine, paragraph._justifyDrawParaLineX
    if getattr(plain_line, "esgpublish", False):
        return

    def gaps(text: str) -> int:
        return len(text) - 1 if any(linebreak.is_wide(ch) for ch in text) else 0

    def justify_plain(tx, offset, extraspace, words, last=0):
        text = " ".join(words)
        n = gaps(text)
        if last or n <= 0 or extraspace <= 1e-8:
            return plain_line(tx, offset, extraspace, words, last)
        tx.setCharSpace(extraspace / n)
        result = plain_line(tx, offset, 0, words, last)
        tx.setCharSpace(0)
        return result

    def justify_frags(tx, offset, line, last=0):
        text = "".join(w.text for w in line.words if not hasattr(w, "cbDefn"))
        n = gaps(text)
        extra = line.extraSpace
        if last or line.lineBreak or n <= 0 or extra <= 1e-8:
            return frag_line(tx, offset, line, last)
        tx.setCharSpace(extra / n)
        line.extraSpace = 0
        try:
            return frag_line(tx, offset, line, last)
        finally:
            line.extraSpace = extra
            tx.setCharSpace(0)

    justify_plain.esgpublish = True
    paragraph._justifyDrawParaLine, paragraph._justifyDrawParaLineX = justify_plain, justify_frags


def _strip_glue(text: str) -> tuple[list[str], list[bool]]:
    """Text with WORD JOINERs → its characters and, for each, whether it is glued to the previous."""
    chars, glued, pending = [], [], False
    for ch in text:
        if ch == linebreak.GLUE:
            pending = True
            continue
        chars.append(ch)
        glued.append(pending)
        pending = False
    return chars, glued


def _word_split(text, maxWidths, fontName, fontSize, encoding="utf8"):
    """reportlab's single-style CJK splitter (``textsplit.wordSplit``) with kinsoku."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if isinstance(text, bytes):
        text = text.decode(encoding)
    chars, glued = _strip_glue(text)
    widths = [stringWidth(ch, fontName, fontSize) for ch in chars]
    out = []
    for k, (a, b, used, _) in enumerate(_fill(chars, widths, glued, maxWidths)):
        max_width = maxWidths[min(k, len(maxWidths) - 1)]
        out.append([max_width - used, "".join(chars[a:b])])
    return out


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """reportlab's multi-style CJK splitter (``cjkFragSplit``, same arguments and result)
    with kinsoku; WORD JOINERs are dropped and glue their neighbours."""
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

    units, glued, hard = [], [], set()
    pending = False
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        if not text:  # an image or a <br/>
            units.append(cjkU(text, f, encoding))
            glued.append(False)
            if hasattr(f, "lineBreak"):
                hard.add(len(units))
            continue
        for ch in text:
            if ch == linebreak.GLUE:
                pending = True
                continue
            units.append(cjkU(ch, f, encoding))
            glued.append(pending)
            pending = False
    chars = [str(u) if len(u) == 1 else "\ufffc" for u in units]
    widths = []
    for u in units:
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidths[0]
            w = w.normalizedValue(maxWidths[0])
        widths.append(w)
    lines = []
    for k, (a, b, used, forced) in enumerate(_fill(chars, widths, glued, maxWidths, hard)):
        max_width = maxWidths[min(k, len(maxWidths) - 1)]
        lines.append(makeCJKParaLine(units[a:b], max_width, used, max_width - used, forced, calcBounds))
    return ParaLines(kind=1, lines=lines)
