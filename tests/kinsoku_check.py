"""A line-breaking checker: reads every text line of every page back from a PDF and
counts what a Chinese (W3C clreq) or English reader would call a bad break.

Usable on any PDF: ``python tests/kinsoku_check.py FILE.pdf …`` prints each violation.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

CLOSERS = set("，。、；：？！）》」』】〕〉”’…%‰℃")
OPENERS = set("（《「『【〔〈“‘")
LATIN = re.compile(r"[A-Za-z0-9]")
QUALIFIERS = set("超过近约逾达過約達")  # Simplified and Traditional (超過, 約, 達)


def is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


@dataclass
class Segment:
    """A run of characters on one baseline, not interrupted by a column gap."""

    page: int
    top: float
    x0: float
    x1: float
    size: float
    text: str


def segments(pdf_path) -> list[Segment]:
    import pdfplumber

    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            rows: dict[tuple[int, int], list] = {}
            for ch in page.chars:
                if not ch["text"].strip():
                    continue
                # the baseline, not the top: faces of different ascent share a line
                key = (round(ch["matrix"][5] * 2), round(ch["size"]))
                rows.setdefault(key, []).append(ch)
            for chars in rows.values():
                chars.sort(key=lambda c: c["x0"])
                run = [chars[0]]
                for prev, ch in zip(chars, chars[1:]):
                    if ch["x0"] - prev["x1"] > 0.9 * ch["size"]:  # a column gap
                        out.append(_segment(n, run))
                        run = []
                    run.append(ch)
                out.append(_segment(n, run))
    return out


def _segment(page: int, run: list) -> Segment:
    return Segment(page, min(c["top"] for c in run), run[0]["x0"], run[-1]["x1"], run[0]["size"],
                   "".join(c["text"] for c in run))


def violations(pdf_path, vocabulary: set[str] = frozenset()) -> list[str]:
    """Every bad break in the PDF, described; ``vocabulary`` holds the words and numbers
    of the source text, to tell a split word from an ordinary break at a space."""
    segs = segments(pdf_path)
    found = []
    by_page: dict[int, list[Segment]] = {}
    for s in segs:
        by_page.setdefault(s.page, []).append(s)
    for page, items in by_page.items():
        for s in items:
            nxt = _next_line(s, items)
            if nxt is None:
                continue
            a, b = s.text[-1], nxt.text[0]
            pair = f"page {page}: {s.text[-12:]!r} | {nxt.text[:12]!r}"
            if b in CLOSERS:
                found.append(f"{pair}: line starts with closing punctuation {b!r}")
            if a in OPENERS:
                found.append(f"{pair}: line ends with opening bracket {a!r}")
            if a.isdigit() and is_ideograph(b):
                found.append(f"{pair}: number split from its unit")
            if a in QUALIFIERS and b.isdigit():
                found.append(f"{pair}: number split from its qualifier")
            if LATIN.match(a) and LATIN.match(b) and vocabulary:
                left = re.findall(r"[A-Za-z0-9][A-Za-z0-9.,%/\-]*$", s.text)
                right = re.findall(r"^[A-Za-z0-9][A-Za-z0-9.,%/\-]*", nxt.text)
                if left and right:
                    joined = (left[0] + right[0]).rstrip(".,")
                    if joined in vocabulary and left[0].rstrip(".,") not in vocabulary:
                        found.append(f"{pair}: word or number broken: {joined!r}")
    return found


def _next_line(s: Segment, items: list[Segment]) -> Segment | None:
    """The line that continues ``s``: on the next baseline of the same block (same size, one
    line-height below, left edges aligned), with ``s`` reaching its column's right edge."""
    if "...." in s.text or ". . ." in s.text:  # contents entries end in page numbers
        return None
    column = [o.x1 for o in items if abs(o.size - s.size) <= 0.5 and abs(o.x0 - s.x0) <= 2.5 * s.size]
    if s.x1 < max(column) - 1.5 * s.size:
        return None  # a short line ends its paragraph or cell
    best = None
    for o in items:
        gap = o.top - s.top
        if o is s or abs(o.size - s.size) > 0.5 or not (0.9 * s.size < gap < 1.9 * s.size):
            continue
        if abs(o.x0 - s.x0) > 2.5 * s.size:
            continue
        if best is None or gap < best.top - s.top:
            best = o
    return best


if __name__ == "__main__":
    total = 0
    for path in sys.argv[1:]:
        for v in violations(path):
            print(f"{path}: {v}")
            total += 1
    print(f"{total} violation(s)")
    sys.exit(1 if total else 0)
