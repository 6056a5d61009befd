"""``esgpublish trace``: the printed figures of an output, each with the cells it comes from."""
from __future__ import annotations

import re

from .records import Figure, Record

_SPACE = re.compile(r"[\s\u00a0\u2009\u202f\u200b\u2060]+")


def squash(text: str) -> str:
    """Text compared as printed: no white space (lines wrap anywhere), case ignored."""
    return _SPACE.sub("", text).casefold()


def select(record: Record, page: int | None = None, find: str | None = None) -> list[Figure]:
    """The record's figures on ``page`` whose printed text (or a cell's location) holds ``find``."""
    wanted = squash(find) if find else ""
    return [f for f in record.figures
            if (page is None or f.page == page)
            and (not wanted or wanted in squash(f.text) or any(wanted in squash(s.get("location", ""))
                                                                 for s in f.sources))]


def place(figure: Figure, lang: str) -> str:
    """Where a figure was printed, in words: the page (PDF) or the paragraph and table cell (DOCX)."""
    from ..messages import word

    w = figure.where
    if "page" in w:
        return word("trace_page", lang, w["page"])
    text = word("trace_paragraph", lang, w.get("paragraph"))
    if w.get("part", "document") != "document":
        text = f"{w['part']} {text}"
    if w.get("table") is not None:
        text += " " + word("trace_cell", lang, w["table"], w["row"], w["cell"])
    return text


def line(figure: Figure, lang: str) -> str:
    """One figure → 'page  printed text  workbook location(s)  “source quote”'."""
    locations = ", ".join(s["location"] for s in figure.sources) or "-"
    quotes = list(dict.fromkeys(s["quote"] for s in figure.sources if s.get("quote")))
    quote = " | ".join(f"“{q}”" for q in quotes)
    return "  ".join(part for part in (place(figure, lang), figure.text, locations, quote) if part)


def as_data(record: Record, figures: list[Figure]) -> dict:
    """The selected figures as data (``--format json``)."""
    return {"output": record.output, "edition": record.edition, "read_from": record.read_from,
            "figures": [dict(f.as_dict(), page=f.page) for f in figures]}
