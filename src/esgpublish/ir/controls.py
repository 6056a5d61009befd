"""The tags of the DOCX's content controls, shared by the renderer that writes them and the
review round trip that reads them back (``esgpublish import-docx``).

A narrative's blocks in one language sit in a block-level control tagged
``esgpublish:narrative:<id>:<lang>``; a figure printed in it (a span filling a placeholder) is
a locked run-level control tagged ``esgpublish:figure:<placeholder><printed text>``, e.g.
``esgpublish:figure:{charity_donation}2,270万元`` (a placeholder ends at its one ``}``): the
reader maps it back to its placeholder and sees whether the figure was changed. The
document's settings list every narrative control written (a ``w:docVar`` named
``DOC_VAR``), so that a control deleted in review is found missing.
"""
from __future__ import annotations

NARRATIVE = "esgpublish:narrative:"
FIGURE = "esgpublish:figure:"
DOC_VAR = "esgpublish.narratives"


def narrative_tag(narrative: str, lang: str) -> str:
    return f"{NARRATIVE}{narrative}:{lang}"


def figure_tag(placeholder: str, printed: str) -> str:
    return f"{FIGURE}{placeholder}{printed}"


def parse_narrative(tag: str) -> tuple[str, str] | None:
    """A narrative control's tag → (narrative id, language), else None."""
    if not tag.startswith(NARRATIVE):
        return None
    narrative, _, lang = tag[len(NARRATIVE):].rpartition(":")
    return (narrative, lang) if narrative and lang else None


def parse_figure(tag: str) -> tuple[str, str] | None:
    """A figure control's tag → (placeholder, printed text), else None."""
    if not tag.startswith(FIGURE):
        return None
    rest = tag[len(FIGURE):]
    end = rest.find("}")
    if not rest.startswith("{") or end < 0:
        return None
    return rest[:end + 1], rest[end + 1:]
