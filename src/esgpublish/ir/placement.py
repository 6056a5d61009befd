"""Where a renderer put each span that carries origins: the renderers report these, the
pipeline turns them into the provenance record (``provenance.py``). Renderers decide nothing:
they report every span with ``origins`` they print, where they printed it."""
from __future__ import annotations

from dataclasses import dataclass

from .nodes import Span


@dataclass(frozen=True)
class PdfPlacement:
    """A span drawn in the PDF: its page (1-based) and the start of its text, in points from
    the page's bottom-left corner (the baseline)."""

    span: Span
    page: int
    x: float
    y: float


@dataclass(frozen=True)
class DocxPlacement:
    """A span written in the DOCX: the part (document, header, footer), the paragraph (1-based,
    counting every ``w:p`` of the part in document order) and, in a table, the table (1-based,
    every ``w:tbl`` in document order), row and cell (1-based)."""

    span: Span
    part: str
    paragraph: int
    table: int | None = None
    row: int | None = None
    cell: int | None = None


Placement = PdfPlacement | DocxPlacement


def traced(span: Span) -> bool:
    """Whether a renderer reports where it prints a span: it carries origins."""
    return bool(span.origins)
