"""Where the PDF draws each span that carries origins, and the record embedded in the PDF.

``markup`` puts a zero-width marker (a named ``onDraw`` callback) before each such span; the
line breaker (``kinsoku``) gives markers no width and no break, so the lines are those of the
unmarked text; when a line is drawn the callback reports the page and the pen's position.
A paragraph of one run (reportlab's single-style path) reports its first line's start.
``embed`` attaches a file to the PDF (``/Names /EmbeddedFiles``): bytes given by the
pipeline, never decided here.
"""
from __future__ import annotations

from collections.abc import Callable

from ... import ir

ORIGIN_CALLBACK = "esg_origin"  # the named canvas callback of markers (``PdfCanvas``)


class Recorder:
    """One render's marked spans (the marker's label is the index) and where each was drawn."""

    def __init__(self) -> None:
        self.spans: list[ir.Span] = []
        self.placed: list[ir.PdfPlacement] = []

    def marker(self, span: ir.Span) -> str:
        """A span → the markup of its marker ('' for a span without origins)."""
        if not ir.traced(span):
            return ""
        self.spans.append(span)
        return f'<onDraw name="{ORIGIN_CALLBACK}" label="{len(self.spans) - 1}"/>'

    def drawn(self, canv, label: str, x: float, y: float) -> None:
        """A marker drawn at (x, y) in the canvas's current coordinates."""
        ax, ay = canv.absolutePosition(x, y)
        self.placed.append(ir.PdfPlacement(self.spans[int(label)], canv.getPageNumber(), round(ax, 2), round(ay, 2)))


_CURRENT: list[Recorder | None] = [None]


def start() -> Recorder:
    """A new recorder for the render that starts now."""
    _CURRENT[0] = Recorder()
    return _CURRENT[0]


def stop() -> None:
    _CURRENT[0] = None


def marker(span: ir.Span) -> str:
    """The marker of a span in the current render ('' when nothing records)."""
    rec = _CURRENT[0]
    return rec.marker(span) if rec is not None else ""


def is_marker(frag) -> bool:
    """Whether a reportlab fragment is a marker."""
    return getattr(getattr(frag, "cbDefn", None), "name", None) == ORIGIN_CALLBACK


def on_draw(canv, _kind, label) -> None:
    """The named callback of markers: report the pen's position (with the clreq gaps moved so far)."""
    rec = _CURRENT[0]
    if rec is None:
        return
    info = canv._curr_tx_info
    x, y = info["cur_x"], info["cur_y"]
    moved = canv.__dict__.get("_esg_gap_line", (None, 0.0))
    rec.drawn(canv, label, x + (moved[1] if moved[0] == y else 0.0), y)


def draw_leading(para, canv) -> None:
    """A one-run paragraph's markers (set aside before its lines were broken): its first line's start."""
    marks = getattr(para, "_esg_marks", ())
    rec = _CURRENT[0]
    lines = getattr(getattr(para, "blPara", None), "lines", None)
    if not marks or rec is None or not lines:
        return
    style = para.style
    extra = lines[0][0] if isinstance(lines[0], tuple) else getattr(lines[0], "extraSpace", 0.0)
    shift = {1: extra / 2, 2: extra}.get(style.alignment, 0.0)  # centred, right
    x = style.leftIndent + style.firstLineIndent + shift
    y = para.height - style.fontSize
    for frag in marks:
        rec.drawn(canv, frag.cbDefn.label, x, y)


def split_markers(frags: list) -> tuple[list, list]:
    """A paragraph's fragments → (the fragments without markers, the markers)."""
    return [f for f in frags if not is_marker(f)], [f for f in frags if is_marker(f)]


def embed(canv, name: str, data: bytes, mime: str, description: str) -> None:
    """Attach ``data`` as the embedded file ``name`` of the PDF the canvas writes."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString, PDFZCompress

    doc = canv._doc
    stream = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"), "Subtype": _name(mime),
                                      "Params": PDFDictionary({"Size": len(data)})}),
                       data, filters=[PDFZCompress])
    spec = PDFDictionary({"Type": PDFName("Filespec"), "F": PDFString(name), "UF": PDFString(name),
                          "Desc": PDFString(description), "AFRelationship": PDFName("Data"),
                          "EF": PDFDictionary({"F": doc.Reference(stream)})})
    ref = doc.Reference(spec)
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray([PDFString(name), ref])})})


def _name(text: str) -> str:
    """A PDF name with every character outside the regular ones as #xx (reportlab's PDFName keeps '/')."""
    return "/" + "".join(ch if ch.isalnum() or ch in "-_." else f"#{ord(ch):02X}" for ch in text)


Attach = Callable[[list[ir.PdfPlacement]], tuple[str, bytes, str, str] | None]
"""What the pipeline attaches, made from the placements: (name, bytes, MIME type, description)."""
