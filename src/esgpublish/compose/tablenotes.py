"""Table notes: the workbook's indicator notes (note_zh/note_en) as the lettered notes
(a, b, c …) of the table that prints the figure, where the layout asks (``kpi_table``
with ``notes: true``): the letter, superscript, after the indicator's name, and the note
under the table, in the ``table-note`` style."""
from __future__ import annotations

import string
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import ir
from ..model.dataset import Indicator
from .lines import origins

if TYPE_CHECKING:
    from .document import Composer

LETTERS = string.ascii_lowercase


def letter(k: int) -> str:
    """The k-th note's letter: a … z, then aa, ab …"""
    return LETTERS[k] if k < 26 else letter(k // 26 - 1) + LETTERS[k % 26]


def mark_rows(c: "Composer", inds: list[Indicator], rows: list[tuple[ir.Cell, ...]]
              ) -> tuple[list[tuple[ir.Cell, ...]], tuple[ir.Paragraph, ...]]:
    """Rows (the indicator's name first) → rows whose noted indicators carry their letter,
    and the notes to print under the table."""
    out, notes = [], []
    for ind, row in zip(inds, rows):
        if not ind.note:
            out.append(row)
            continue
        mark = letter(len(notes))
        name = row[0]
        first = name.lines[0] + (ir.Span(mark, name.lines[0][0].lang if name.lines[0] else c.langs[0],
                                         style="note-mark"),)
        out.append((replace(name, lines=(first,) + name.lines[1:]),) + tuple(row[1:]))
        texts = [ir.Span(ind.note.get(l), l, origins(ind.cell(f"note_{l}")), "second" if i else None)
                 for i, l in enumerate(c.langs)]
        first = (ir.Span(mark, c.langs[0], style="note-mark"), ir.Span(" ", c.langs[0]), texts[0])
        notes.append(ir.Paragraph((first,) + tuple((t,) for t in texts[1:]), "table-note", c.langs[0]))
    return out, tuple(notes)
