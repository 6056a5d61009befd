"""IR lists: a bullet or numbered list whose labels hang to the left of its items' text."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ListItem:
    """One item: its label (• or 3.), its lines (``ir.Line``s), its paragraph style (whose left
    indent is where the text starts and whose negative first-line indent is where the label hangs)."""

    label: str
    lines: tuple
    style: str


@dataclass(frozen=True)
class ItemList:
    """A list in one language: ``ordered`` lists number their items 1, 2, 3 … (a new count per
    list); the label's character style is ``label_style`` (None: as the item's text)."""

    items: tuple[ListItem, ...]
    ordered: bool
    lang: str
    label_style: str | None = None
    anchor: str = ""  # a place a content index points to, else none
    narrative: str = ""  # the id of the narrative it prints (in ``lang``), else none
