"""The document IR: every word, figure and presentation decision of one edition.

Produced by ``compose``; translated by the renderers (``render/pdf``, ``render/docx``), which
decide nothing: sizes, colours, spacing, indents, column widths, page geometry, the parts of
the running header and footer and every printed word are here, resolved. The IR imports
nothing from the input side (workbook, layout, YAML); all nodes are frozen dataclasses.

Lengths are in points (1/72 in). Colours are ``#RRGGBB``. A language is a tag of the
edition (``zh``, ``en``, …) described once in ``Document.languages``.
"""
from __future__ import annotations

from .document import (
    Metadata, Document, spans, block_spans, page_refs_text, resolve_page_refs, has_page_refs, footnotes,
)
from .looks import (
    Language, CharStyle, ParaStyle, Rule, TableLook, BoxLook, PageGeometry, NoteLook,
)
from .lists import ItemList, ListItem
from .nodes import (
    Span, PageRefs, Line, plain, ChapterTitle, PageNumber, PageCount, Part, Furniture, Paragraph, Parallel,
    Heading, Cell, Table, ChartSpec, Figure, Card, Cards, PageBreak, ContentsEntry, Contents,
    CoverBand, Cover, Space, Block, BLOCKS, Footnote, NoteRef,
)
from .placement import PdfPlacement, DocxPlacement, Placement, traced
from .media import Box, CoverLogo, Image, Picture
from .scatter import Scatter, ScatterLabel

__all__ = [
    "BLOCKS", "Block", "Footnote", "ItemList", "ListItem", "NoteLook", "NoteRef", "footnotes", "BoxLook", "Card", "Cards", "Cell", "ChapterTitle", "CharStyle", "ChartSpec",
    "Contents", "ContentsEntry", "Cover", "CoverBand", "Document", "Figure", "Furniture", "Heading",
    "Language", "Line", "Metadata", "PageBreak", "PageCount", "PageGeometry", "PageNumber",
    "ParaStyle", "Paragraph", "Parallel", "PageRefs", "Part", "Rule", "Space", "Span", "Table", "TableLook",
    "Box", "CoverLogo", "Image", "Picture", "Scatter", "ScatterLabel",
    "block_spans", "has_page_refs", "page_refs_text", "plain", "resolve_page_refs", "spans",
    "DocxPlacement", "PdfPlacement", "Placement", "traced",
]
