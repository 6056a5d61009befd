"""Page flow of the PDF: figures float, tables run on with a 'continued' caption, and a
chapter's last figure never stands alone on a page.

reportlab places flowables strictly in order, so a figure that does not fit leaves the rest
of the page empty and may end up alone on the next one. ``arrange`` runs before reportlab
places each flowable (``PdfDoc.handle_flowable``) and changes the order as a typesetter
would (issue 15):

- a figure that does not fit where it falls waits (a float) while the text after it fills
  the page; it goes at the top of the next page, or before the next heading or page break;
- when a chapter ends with a figure (``ir.Figure.keep_with_previous``) that does not fit
  after the block before it, the end of that block (the last rows of a table, the last
  lines of a paragraph) goes over with it, or the figure before it.
"""
from __future__ import annotations

import copy

from reportlab.platypus import FrameBreak, KeepTogether, PageBreak, Spacer, Table
from reportlab.platypus.flowables import CondPageBreak, Flowable

from .text import Para

CARRY = 2  # rows or lines carried over with a chapter's last figure


class FloatFigure(KeepTogether):
    """A chart with its caption, kept together; it may float to the top of the next page.
    ``keep_with_previous`` (``ir.Figure``): it ends its chapter and takes the end of the
    block before it along rather than stand alone on a page."""

    keep_with_previous = False


class ContinuedTable(Table):
    """A table whose every part after the first is headed by its 'continued' caption (the
    header row repeats as reportlab's ``repeatRows``)."""

    continued = None

    def split(self, avail_width, avail_height):
        parts = super().split(avail_width, avail_height)
        if len(parts) < 2 or self.continued is None:
            return parts
        for part in parts[1:]:
            part.continued = self.continued
        out = [parts[0]]
        for part in parts[1:]:  # the rest did not fit on this page: the caption goes with it
            out += [FrameBreak(), copy.copy(self.continued), part]
        return out


def _barrier(flowables: list, i: int) -> bool:
    """Whether flowables[i] is something a float does not pass: a page break or a heading
    (with the conditional page break that keeps a heading off a page's foot)."""
    from .pages import HeadingMark

    x = flowables[i]
    if isinstance(x, (PageBreak, HeadingMark)):
        return True
    return isinstance(x, CondPageBreak) and i + 1 < len(flowables) and isinstance(flowables[i + 1], HeadingMark)


def _follows(flowables: list, start: int) -> list[Flowable]:
    """The flowables from ``start`` up to the next barrier."""
    out = []
    for i in range(start, len(flowables)):
        if _barrier(flowables, i):
            break
        out.append(flowables[i])
    return out


def _height(f: Flowable, doc, width: float, avail: float) -> float:
    """A flowable's height in ``width`` × ``avail``, measured as the frame would (on its canvas)."""
    f.canv = doc.canv
    height = f.wrap(width, avail)[1]
    return f._H if isinstance(f, KeepTogether) else height  # KeepTogether answers 0xffffff to force a split


def _content(xs: list[Flowable]) -> bool:
    return any(not isinstance(x, Spacer) for x in xs)


def arrange(doc, flowables: list) -> None:
    """Reorder or split ``flowables`` (reportlab's list, in place) before the first is placed."""
    frame = getattr(doc, "frame", None)
    if frame is None:  # before the first page begins
        return
    floats: list = doc.floats
    if floats and (frame._atTop or _barrier(flowables, 0)):
        flowables[0:0] = floats  # waiting figures: at the top of a page, or before a heading
        floats.clear()
        return
    if floats and len(flowables) == 1:
        flowables.extend(floats)  # the end of the report: after the last block
        floats.clear()
        return
    if frame._atTop:
        return
    avail = frame._y - frame._y1p
    first = flowables[0]
    if isinstance(first, FloatFigure):
        height = _height(first, doc, frame._aW, avail)
        if height > avail and _content(_follows(flowables, 1)):
            floats.append(flowables.pop(0))  # the text after it moves up past it
        elif height <= avail:
            _with_last_figure(doc, flowables, frame, avail, height)
        return
    if isinstance(first, (ContinuedTable, Para)):
        _carry_with_last_figure(doc, flowables, frame, avail)


def _with_last_figure(doc, flowables: list, frame, avail: float, height: float) -> None:
    """A figure followed by its chapter's last figure, which will not fit after it here: both
    go to the next page together, so that the last one does not stand alone there."""
    k = next((i for i in range(1, len(flowables)) if not isinstance(flowables[i], Spacer)), None)
    if k is None or not isinstance(flowables[k], FloatFigure) or not flowables[k].keep_with_previous:
        return
    both = height + sum(_height(f, doc, frame._aW, frame._aH) for f in flowables[1:k + 1])
    if avail < both <= frame._aH:
        flowables.insert(0, FrameBreak())


def _carry_with_last_figure(doc, flowables: list, frame, avail: float) -> None:
    """A table or paragraph followed by its chapter's last figure: if the block fits here and
    the figure does not, the block's last rows or lines go over with the figure."""
    k = next((i for i in range(1, len(flowables)) if not isinstance(flowables[i], Spacer)), None)
    if k is None or not isinstance(flowables[k], FloatFigure) or not flowables[k].keep_with_previous:
        return
    block = flowables[0]
    height = _height(block, doc, frame._aW, avail)
    need = sum(_height(f, doc, frame._aW, frame._aH) for f in flowables[1:k + 1])
    if height > avail or height + need <= avail:
        return
    if isinstance(block, ContinuedTable):
        rows = block._rowHeights
        if len(rows) < 2 + CARRY + 1:  # a header, at least a row left behind, the rows carried
            return
        cut = height - sum(rows[-CARRY:]) + 0.01  # a hair over: the rows before still fit, exactly CARRY go
        parts = block.split(frame._aW, cut)
    else:
        lines = getattr(block.blPara, "lines", [])
        if len(lines) < 2 * CARRY:
            return
        parts = block.split(frame._aW, height - CARRY * block.style.leading - 0.01)
        parts = parts[:1] + [FrameBreak()] + parts[1:] if len(parts) == 2 else []
    if len(parts) >= 2:
        flowables[0:1] = parts
