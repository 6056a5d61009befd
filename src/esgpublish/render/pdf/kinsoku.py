"""Kinsoku for reportlab: line filling by the clreq rules (``linebreak``) in place of
reportlab's CJK splitters, and Chinese lines justified by spacing characters evenly.

reportlab's own CJK wrapping breaks anywhere (before a closing mark, inside a number and
its unit); measured in notes.md. Installed once by ``install``.
"""
from __future__ import annotations

from contextlib import contextmanager

from ... import linebreak

GAP_CALLBACK = "esg_script_gap"  # the named canvas callback that moves the pen (``PdfCanvas``)
_gap: list = [0.0, False]  # the paragraph being broken: em between hanzi and Latin; marks to squeeze


@contextmanager
def script_gap(em: float, squeeze: tuple[str, str] | bool = False):
    """Break the lines of one paragraph with ``em`` between hanzi and Latin letters or
    digits and, with ``squeeze`` (the marks blank on the right and on the left, from the
    IR), adjacent full-width marks closed up (clreq)."""
    saved, _gap[:] = list(_gap), [em, squeeze]
    try:
        yield
    finally:
        _gap[:] = saved


def install() -> None:
    """Put the kinsoku splitters and the CJK justification into reportlab's paragraph module."""
    from reportlab.platypus import paragraph

    paragraph.cjkFragSplit = _cjk_frag_split
    paragraph.wordSplit = _word_split
    _justify_cjk(paragraph)


URL_BREAK_AFTER = set("/.?&=_#-")  # an over-long address breaks after these, with no hyphen added


def _fill(chars: list[str], widths: list[float], glued: list[bool], max_widths: list[float],
          hard: set[int] = frozenset(), hyphen: float = 0.0) -> list[tuple[int, int, float, bool, bool]]:
    """Greedy line filling at the breaks ``linebreak.allowed_breaks`` allows.

    → (start, end, width used, ends in a forced break, ends in a hyphen) per line. A line
    breaks after index ``k-1`` in ``hard`` (a <br/>). A word longer than the whole line is
    the only one broken: an address after a / or . (no hyphen), any other word where the
    line is full, with a hyphen (``hyphen`` points wide) added."""
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
        hyphenate = False
        if end is None:
            if last is None or last[0] <= start:
                if relaxed is None:
                    relaxed = linebreak.allowed_breaks(chars, [False] * n, strict=False)
                fits = [k for k in range(start + 1, i) if relaxed[k]]
                # a glued figure (96.4 million parcels) breaks at its no-break spaces first; an
                # address after a / or . — but never inside a number (96.|4, 1,|260)
                spaces = [k for k in range(start + 1, min(i + 1, n) + 1) if chars[k - 1] in linebreak.NO_BREAK_SPACES
                          and sum(widths[start:k - 1]) <= max_width + 1e-6]
                url = [k for k in fits if chars[k - 1] in URL_BREAK_AFTER and not _in_number(chars, k)]
                room = [k for k in fits if sum(widths[start:k]) + hyphen <= max_width + 1e-6]
                whole = [k for k in room if not _in_number(chars, k)]
                k = spaces[-1] if spaces else url[-1] if url else whole[-1] if whole else room[-1] if room \
                    else fits[-1] if fits else i
                hyphenate = not url and 0 < k < n and chars[k - 1].isalnum() and chars[k].isalnum() \
                    and not linebreak.is_wide(chars[k - 1]) and not linebreak.is_wide(chars[k])
                last = (k, sum(widths[start:k]) + (hyphen if hyphenate else 0.0))
            end, used = last
        trimmed = end
        while trimmed > start + 1 and (linebreak.is_space(chars[trimmed - 1])
                                       or chars[trimmed - 1] in linebreak.NO_BREAK_SPACES) and not forced:
            trimmed -= 1
            used -= widths[trimmed]
        lines.append((start, trimmed, used, bool(forced), hyphenate))
        start = end
        while start < n and linebreak.is_space(chars[start]) and start not in hard:
            start += 1
    return _no_lone_last_char(lines, chars, widths, allowed, max_widths)


def _in_number(chars: list[str], k: int) -> bool:
    """Whether a break before ``chars[k]`` would split a number (96|4, 96.|4, 1,|260)."""
    if k <= 0 or k >= len(chars) or not chars[k].isdigit():
        return False
    return chars[k - 1].isdigit() or (chars[k - 1] in ".," and k >= 2 and chars[k - 2].isdigit())


def _no_lone_last_char(lines: list[tuple[int, int, float, bool, bool]], chars: list[str], widths: list[float],
                       allowed: list[bool], max_widths: list[float]) -> list[tuple[int, int, float, bool, bool]]:
    """clreq: a Chinese paragraph (or each line-broken part of one) never ends on a line of
    one character (with its punctuation: 用。): the line before gives it a character or two,
    breaking at the last allowed place that leaves it at least two."""
    for i in range(1, len(lines)):
        a, b, used, forced, _ = lines[i]
        pa, pb, _, pforced, hyphenated = lines[i - 1]
        ends_part = forced or i == len(lines) - 1
        content = [ch for ch in chars[a:b] if ch not in linebreak.CANNOT_START and not linebreak.is_space(ch)
                   and ch != "\ufffc"]  # a <br/> is no character
        if not ends_part or pforced or hyphenated or len(content) != 1 or not linebreak.is_wide(content[0]):
            continue
        max_width = max_widths[min(i, len(max_widths) - 1)]
        for k in range(pb - 1, pa + 1, -1):
            if allowed[k] and not linebreak.is_space(chars[k]) and sum(widths[k:b]) <= max_width + 1e-6:
                lines[i - 1] = (pa, k, sum(widths[pa:k]), False, False)
                lines[i] = (k, b, sum(widths[k:b]), forced, False)
                break
    return lines


def _justify_cjk(paragraph) -> None:
    """Justify Chinese lines by spacing characters evenly (reportlab only widens spaces,
    which Chinese lines lack); Latin-only lines keep reportlab's word spacing."""
    # one style: reportlab's plain lines (the whole line in one face)
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
        """Spread the line's extra width over the gaps after its wide characters only: digits
        and Latin words keep their own spacing (4 0 0 would read as three numbers)."""
        words, extra = line.words, line.extraSpace
        if last or line.lineBreak or extra <= 1e-8:
            return frag_line(tx, offset, line, last)
        # Tc spaces every glyph of a frag it is set for: all of a frag in the CJK face
        counts = [0 if hasattr(w, "cbDefn") or not any(map(linebreak.is_wide, w.text)) else len(w.text)
                  for w in words]
        last_text = next((k for k in range(len(words) - 1, -1, -1) if not hasattr(words[k], "cbDefn")
                          and words[k].text), None)
        n = sum(counts) - (1 if last_text is not None and counts[last_text] else 0)
        if n <= 0 or not any(counts):
            return frag_line(tx, offset, line, last)
        spacing, current, spaced = extra / n, 0.0, []
        for w, count in zip(words, counts):
            want = current if _is_trace_marker(w) else spacing if count else 0.0  # markers: no width
            if want != current:
                spaced.append(_char_space_unit(w, want))
                current = want
            spaced.append(w)
        if current:
            spaced.append(_char_space_unit(words[-1], 0.0))
        line.words, line.extraSpace = spaced, 0
        try:
            return frag_line(tx, offset, line, last)
        finally:
            line.words, line.extraSpace = words, extra

    justify_plain.esgpublish = True
    paragraph._justifyDrawParaLine, paragraph._justifyDrawParaLineX = justify_plain, justify_frags


def _is_trace_marker(frag) -> bool:
    from .trace import is_marker

    return is_marker(frag)


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
    hyphen = stringWidth("-", fontName, fontSize)
    for k, (a, b, used, _, hyphenate) in enumerate(_fill(chars, widths, glued, maxWidths, hyphen=hyphen)):
        max_width = maxWidths[min(k, len(maxWidths) - 1)]
        out.append([max_width - used, "".join(chars[a:b]) + ("-" if hyphenate else "")])
    return out


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """reportlab's multi-style CJK splitter (``cjkFragSplit``, same arguments and result)
    with kinsoku; WORD JOINERs are dropped and glue their neighbours."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

    from .trace import is_marker

    units, glued, hard = [], [], set()
    pending = False
    marks: list[tuple[int, object]] = []  # (the unit it stands before, marker): no width, no break
    for f in frags:
        if getattr(getattr(f, "cbDefn", None), "name", None) == GAP_CALLBACK:
            continue  # a gap from an earlier breaking (the rest of a split paragraph): placed anew
        if is_marker(f):
            marks.append((len(units), f))
            continue
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
    # the clreq gap between hanzi and Latin (and the closing up of adjacent full-width
    # marks): counted in the width of the character after it, printed by a pen move
    # (``gap_unit``), never a space character in the text
    em, squeeze = _gap
    gaps = [0.0] * len(units)
    for k in range(1, len(units)):
        a, b = chars[k - 1], chars[k]
        if em and linebreak.script_gap(a, b):
            gaps[k] = em * units[k].frag.fontSize
        elif squeeze and linebreak.punctuation_squeeze(a, b, *squeeze) and all(  # both full-width (the CJK face)
                abs(widths[j] - units[j].frag.fontSize) < 0.05 * units[j].frag.fontSize for j in (k - 1, k)):
            gaps[k] = -linebreak.punctuation_squeeze(a, b, *squeeze) * units[k - 1].frag.fontSize
    widths = [w + g for w, g in zip(widths, gaps)]
    lines = []
    first = next((u.frag for u in units if str(u)), None)
    hyphen = stringWidth("-", first.fontName, first.fontSize) if first is not None else 0.0
    filled = _fill(chars, widths, glued, maxWidths, hard, hyphen)
    for k, (a, b, used, forced, hyphenate) in enumerate(filled):
        max_width = maxWidths[min(k, len(maxWidths) - 1)]
        used -= gaps[a] if a < b else 0.0  # no gap at the start of a line
        # a marker goes on the first line that ends after it (the last line: any left over)
        here = [(max(j, a), cjkU("", m, encoding)) for j, m in marks if j < b or k == len(filled) - 1]
        marks = [(j, m) for j, m in marks if not (j < b or k == len(filled) - 1)]
        line = [x for j in range(a, b) for x in ((_gap_unit(units[j], gaps[j]),) if gaps[j] and j > a else ())
                + tuple(u for at, u in here if at == j) + (units[j],)]
        line += [u for at, u in here if at >= b]
        if hyphenate:  # a word longer than the line, broken where the line is full
            line.append(cjkU("-", units[b - 1].frag, encoding))
        lines.append(makeCJKParaLine(line, max_width, used, max_width - used, forced, calcBounds))
    return ParaLines(kind=1, lines=lines)


def _gap_unit(unit, gap: float):
    """A zero-width unit whose drawing moves the pen ``gap`` points (a named canvas callback)."""
    from reportlab.lib.abag import ABag
    from reportlab.platypus.paragraph import cjkU

    frag = unit.frag.clone()
    frag.text = ""
    frag.cbDefn = ABag(kind="onDraw", name=GAP_CALLBACK, label=f"{gap:.4f}")
    return cjkU("", frag, "utf8")


CHAR_SPACE_CALLBACK = "esg_char_space"  # the named canvas callback that sets the character spacing


def _char_space_unit(frag, space: float):
    """A zero-width frag whose drawing sets the character spacing (PDF ``Tc``) to ``space``."""
    from reportlab.lib.abag import ABag

    unit = frag.clone()
    unit.text = ""
    unit.cbDefn = ABag(kind="onDraw", name=CHAR_SPACE_CALLBACK, label=f"{space:.4f}")
    return unit


def set_char_space(canv, _kind, label) -> None:
    """The named callback of character-spacing units."""
    canv._curr_tx_info["tx"]._code.append(f"{float(label):.4f} Tc")


def move_pen(canv, _kind, label) -> None:
    """The named callback of gap units: move the text position ``label`` points to the right."""
    tx = canv._curr_tx_info["tx"]
    gap = float(label)
    if tx._fontsize:
        tx._code.append(f"[{-gap * 1000 / tx._fontsize:.2f}] TJ")
        # the pen moved beyond what reportlab counts: callbacks later on this line (contents leaders) add it
        y = canv._curr_tx_info["cur_y"]
        moved = canv.__dict__.get("_esg_gap_line", (None, 0.0))
        canv._esg_gap_line = (y, (moved[1] if moved[0] == y else 0.0) + gap)
