"""Footnotes at the foot of the page that cites them (reportlab has none).

Each citation's ``<onDraw>`` (``text.NOTE_CALLBACK``) records the page it is drawn on; the
page's end draws those notes under a short rule at the bottom of the text block. Room for
them is made by laying the document out again: ``NoteFrame`` ends the body frame higher on
each page by the height of the notes the previous layout put there (``render_pdf_pages``
repeats until every page's notes fit in the room it kept).
"""
from __future__ import annotations

from reportlab.platypus import Frame

from ... import ir
from .text import NOTE_CALLBACK, Styles, color, paragraph


def all_notes(document: ir.Document) -> dict[int, ir.Footnote]:
    """Every footnote of the document by number."""
    return {n.number: n for b in document.body for n in ir.footnotes(b)}


class NoteFrame(Frame):
    """The body frame, its bottom raised on a page by ``reserve[page]`` points (its footnotes)."""

    reserve: dict[int, float] = {}
    page_of = None  # → the number of the page being laid out

    def _reset(self):
        super()._reset()
        room = self.reserve.get(self.page_of(), 0.0) if self.page_of else 0.0
        if room:
            self._y1p = self._y1 + self._bottomPadding + room
            self._aH = self._y2 - self._y1p - self._topPadding


class Notes:
    """The footnotes of one layout: where each was cited, their heights, their drawing."""

    def __init__(self, document: ir.Document, styles: Styles):
        self.doc, self.st = document, styles
        self.notes = all_notes(document)
        self.found: dict[int, list[int]] = {}  # page → note numbers cited there, in order
        self._paras: dict[int, object] = {}

    def install(self, canv) -> None:
        """Listen for citations on the canvas."""
        canv.setNamedCB(NOTE_CALLBACK, self._cited)

    def _cited(self, canv, _kind, label) -> None:
        number, page = int(label), canv.getPageNumber()
        if number in self.notes and all(number not in v for v in self.found.values()):
            self.found.setdefault(page, []).append(number)

    def para(self, number: int):
        """A note's paragraph: its mark, the separator and its text."""
        if number not in self._paras:
            note = self.notes[number]
            mark = ir.Span(str(note.number), note.lang, style=note.mark_style)
            lines = ((mark, ir.Span(note.sep, note.lang)) + (note.lines[0] if note.lines else ()),) + note.lines[1:]
            self._paras[number] = paragraph(self.doc, lines, self.st[note.style])
        return self._paras[number]

    def height(self, numbers, width: float) -> float:
        """The room notes take at a page's foot: space, rule, gap and the notes."""
        if not numbers:
            return 0.0
        look = self.notes[numbers[0]].look
        total = look.space + look.rule.width + look.gap
        for n in numbers:
            p = self.para(n)
            total += p.wrap(width, 1e6)[1] + p.style.spaceAfter
        return total

    def reserve(self, width: float, pages: dict[int, list[int]]) -> dict[int, float]:
        """Page → the room its notes take."""
        return {page: self.height(numbers, width) for page, numbers in pages.items() if numbers}

    def draw(self, canv, left: float, bottom: float, width: float) -> None:
        """Draw the notes cited on the canvas's page, above ``bottom``."""
        numbers = self.found.get(canv.getPageNumber())
        if not numbers:
            return
        look = self.notes[numbers[0]].look
        y = bottom + self.height(numbers, width) - look.space
        canv.saveState()
        canv.setStrokeColor(color(look.rule.color))
        canv.setLineWidth(look.rule.width)
        canv.line(left, y, left + min(look.length, width), y)
        canv.restoreState()
        y -= look.rule.width + look.gap
        for n in numbers:
            p = self.para(n)
            h = p.wrap(width, 1e6)[1]
            p.drawOn(canv, left, y - h)
            y -= h + p.style.spaceAfter
