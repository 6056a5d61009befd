"""``esgpublish diff OLD.xlsx NEW.xlsx``: what a reviewer needs between two drafts.

Both workbooks are read and validated with the same layout and composed in every edition the
layout publishes; then each changed figure is given with its cell and its printed forms in
each language (taken from the composed documents, so exactly as the report prints them),
indicators added or removed, narratives changed (word by word in English, character by
character in Chinese, with difflib), the tables, charts and chapters whose content changed, and
the pages of the new draft that print each changed figure (its PDF laid out, charts drawn in a
temporary folder: nothing is written beside the workbooks).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import ir
from ..diagnostics import Location
from .publish import Inputs

FIELDS = ("value", "qualifier", "unit", "period", "as_of", "baseline_value", "baseline_year", "target_value",
          "target_qualifier", "target_year", "status", "decimals", "history", "breakdowns", "name", "note",
          "reason", "source_quote", "hkex", "gri")
CELL = {"qualifier": "qualifier", "unit": "unit", "name": "name_zh", "note": "note_zh", "reason": "reason_zh",
        "history": "value", "breakdowns": "value"}


@dataclass(frozen=True)
class Change:
    """One changed field of an indicator: its cell, the old and new values, and per language
    the old and new printed forms (where the report prints it)."""

    indicator: str
    field: str
    location: str
    old: str
    new: str
    printed: tuple[tuple[str, str, str], ...] = ()  # (language, old, new)
    affected: tuple[str, ...] = ()  # captions of the tables and charts that change with it
    pages: tuple[int, ...] = ()  # the pages of the new draft's PDF (``Report.edition``) that print it
    chapters: tuple[str, ...] = ()  # the chapters whose text prints it


@dataclass(frozen=True)
class TextChange:
    """A changed narrative (or report text): per language, the difference as (op, text) pieces."""

    id: str
    location: str
    pieces: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (language, ((op, text), …)); op: = - +


@dataclass
class Report:
    """Every difference between two workbooks."""

    old: str
    new: str
    changes: list[Change] = field(default_factory=list)
    added: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    removed: list[tuple[str, str]] = field(default_factory=list)
    texts: list[TextChange] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)  # captions of every table and chart that changed
    edition: str = ""  # the edition whose captions, chapters and pages the report names

    @property
    def empty(self) -> bool:
        return not (self.changes or self.added or self.removed or self.texts or self.blocks)


def _show(value) -> str:
    """A field's value as the reviewer reads it (periods and breakdowns by year and category)."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "; ".join(_show(v) for v in value)
    if hasattr(value, "zh") and hasattr(value, "en") and not hasattr(value, "kind"):  # a text in both languages
        return f"{value.zh} / {value.en}"
    if hasattr(value, "period") and hasattr(value, "value"):  # a year's value, a breakdown's
        category = getattr(value, "category", None)
        return f"{value.period}{' ' + category if category else ''}: {_show(value.value)}"
    if hasattr(value, "typed"):  # a qualifier
        return value.typed
    if hasattr(value, "kind") and hasattr(value, "id"):  # a unit
        return value.id
    return str(value)


def _printed(documents: dict[str, ir.Document], loc: Location) -> dict[str, list[str]]:
    """A cell → the texts the documents print from it, per language (first seen first)."""
    out: dict[str, list[str]] = {}
    for doc in documents.values():
        for span in ir.spans(doc):
            if loc in span.origins and (span.keep or any(ch.isdigit() for ch in span.text)):
                texts = out.setdefault(span.lang, [])
                if span.text not in texts:
                    texts.append(span.text)
    return out


def _caption(block) -> str:
    para = block.caption if isinstance(block, (ir.Table, ir.Figure)) else None
    return " / ".join(ir.plain(line) for line in para.lines) if para else ""


def _content(block) -> tuple:
    """What a block prints (its words, a chart's drawing), not where its words come from."""
    texts = tuple(span.text for span in ir.block_spans(block))
    return (type(block).__name__, texts, block.chart.key if isinstance(block, ir.Figure) else None)


def _blocks(old: ir.Document, new: ir.Document
            ) -> tuple[list[str], dict[Location, list[str]], dict[Location, list[str]]]:
    """Tables and charts whose content differs (by position in the body; the edition's captions),
    and for each of them the cells whose spans they hold; and the cells printed in the text
    (paragraphs, lists, boxes) of each chapter."""
    changed: list[str] = []
    cells: dict[Location, list[str]] = {}
    texts: dict[Location, list[str]] = {}
    chapter = ""
    for x, y in zip(old.body, new.body):
        if isinstance(y, ir.Heading) and y.level == 1:
            chapter = ir.plain(y.title)
        if not isinstance(y, (ir.Table, ir.Figure)):
            for span in ir.block_spans(y):
                for loc in span.origins:
                    texts.setdefault(loc, []).append(chapter)
            continue
        if _content(x) == _content(y):
            continue
        cap = _caption(y)
        changed.append(cap)
        for span in ir.block_spans(y):
            for loc in span.origins:
                cells.setdefault(loc, []).append(cap)
    return changed, cells, texts


def _pages(document: ir.Document) -> dict[Location, list[int]]:
    """A document → the pages of its PDF that print each cell (charts drawn in a temporary folder)."""
    import tempfile

    from ..charts.draw import render_chart
    from ..render.pdf import render_pdf_traced

    with tempfile.TemporaryDirectory(prefix="esgpublish-diff-") as tmp:
        charts = {s.key: render_chart(s, Path(tmp)) for s in document.charts}
        _, _, placed = render_pdf_traced(document, charts)
    out: dict[Location, list[int]] = {}
    for p in placed:
        for loc in p.span.origins:
            if p.page not in out.setdefault(loc, []):
                out[loc].append(p.page)
    return out


def _edition(editions: tuple[str, ...], lang: str) -> str:
    """The edition whose captions and pages a report in ``lang`` names: the one in that language,
    else the bilingual one, else the first."""
    for e in (lang, "bilingual"):
        if e in editions:
            return e
    return editions[0]


def _pieces(old: str, new: str, lang: str) -> tuple[tuple[str, str], ...]:
    """Two texts → their difference: words (English) or characters (Chinese), with difflib."""
    split = (lambda t: list(t)) if lang == "zh" else (lambda t: re.findall(r"\s+|[^\s]+", t))
    a, b = split(old), split(new)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return tuple(out)


def compare(old: Inputs, new: Inputs, old_name: str, new_name: str, lang: str = "en", pages: bool = True) -> Report:
    """Two validated inputs (the same layout) → their differences; captions, chapters and pages
    (``pages``: laid out) from the edition ``lang`` reads best."""
    from ..compose.document import compose

    editions = new.layout.editions
    docs_old = {e: compose(old.dataset, old.layout, e) for e in editions}
    docs_new = {e: compose(new.dataset, new.layout, e) for e in editions}
    edition = _edition(editions, lang)
    report = Report(old_name, new_name, edition=edition)
    report.blocks, by_cell, in_text = _blocks(docs_old[edition], docs_new[edition])
    on_pages: dict[Location, list[int]] | None = None
    a, b = old.dataset.indicators, new.dataset.indicators
    report.added = [(k, f"{b[k].name.zh} / {b[k].name.en}") for k in b if k not in a]
    report.removed = [(k, f"{a[k].name.zh} / {a[k].name.en}") for k in a if k not in b]
    for key in (k for k in b if k in a):
        x, y = a[key], b[key]
        for name in FIELDS:
            before, after = getattr(x, name), getattr(y, name)
            if _show(before) == _show(after):
                continue
            cell = CELL.get(name, name)
            loc_old, loc_new = x.cell(cell), y.cell(cell)
            if name in ("history", "breakdowns"):
                changed = [v for v in getattr(y, name) if v not in getattr(x, name)]
                loc_new = changed[0].origin if changed else loc_new
                olds = [v for v in getattr(x, name) if v not in getattr(y, name)]
                loc_old = olds[0].origin if olds else loc_old
            p_old, p_new = _printed(docs_old, loc_old), _printed(docs_new, loc_new)
            printed = tuple((lang, " | ".join(p_old.get(lang, [])), " | ".join(p_new.get(lang, [])))
                            for lang in sorted(set(p_old) | set(p_new), key=("zh", "en").index))
            affected = tuple(dict.fromkeys(by_cell.get(loc_new, [])))
            if pages and on_pages is None:
                on_pages = _pages(docs_new[edition])
            report.changes.append(Change(key, name, str(loc_new), _show(before), _show(after), printed, affected,
                                         tuple(sorted((on_pages or {}).get(loc_new, []))),
                                         tuple(dict.fromkeys(c for c in in_text.get(loc_new, []) if c))))
    na, nb = old.dataset.narratives, new.dataset.narratives
    report.added += [(f"narrative {k}", "") for k in nb if k not in na]
    report.removed += [(f"narrative {k}", "") for k in na if k not in nb]
    for key in (k for k in nb if k in na):
        pieces = tuple((lang, _pieces(na[key].text.get(lang), nb[key].text.get(lang), lang)) for lang in ("zh", "en")
                       if na[key].text.get(lang) != nb[key].text.get(lang))
        if pieces:
            loc = nb[key].origins.get(pieces[0][0])
            report.texts.append(TextChange(key, str(loc) if loc else key, pieces))
    return report


def load_both(old: Path, new: Path, layout: Path):
    """Both workbooks read and validated with the layout → (inputs, inputs) or the diagnostics."""
    from .publish import load_inputs

    a, da = load_inputs(old, layout)
    b, db = load_inputs(new, layout)
    return a, b, da.items + db.items
