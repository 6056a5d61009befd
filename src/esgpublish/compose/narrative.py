"""Compose narratives with markup (model/markup.py): paragraphs, lists, emphasis, links and
footnotes, in each language of the edition; and the styles they print in.

Presentation decided here: bullets (•) and numbers (1.) hang to the left of the item's text;
``**strong**`` prints bold; ``*emphasis*`` prints in the theme's primary colour, regular weight,
in both languages (the shipped fonts have no italic, and Chinese sets no italic: a slanted
Latin word beside upright hanzi would be a fake); links underlined in the primary colour;
footnotes numbered 1, 2, 3 … through the document, their mark superscript.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .. import ir
from ..model import markup
from . import styles

if TYPE_CHECKING:
    from .document import Composer

BULLET = "•"
LIST_INDENT = 2.0  # ems: where an item's text starts
LIST_HANG = 1.4  # ems: how far left of it the label hangs


def para_styles(theme, langs: tuple[ir.Language, ...]) -> list[ir.ParaStyle]:
    """The styles of list items (each item, and the list's last, followed by the paragraph
    space) and of footnotes, per language; and of table notes."""
    f, c, s = theme.fonts, theme.colors, theme.spacing
    out = []
    for lang in langs:
        body = f["body"]
        item = ir.ParaStyle(f"list-{lang.tag}", body, body * f["leading"], c["text"], align="left",
                            left_indent=LIST_INDENT * body, first_indent=-LIST_HANG * body,
                            space_after=2, cjk_wrap=lang.cjk)
        out += [item, replace(item, name=f"list-end-{lang.tag}", space_after=s["paragraph"]),
                ir.ParaStyle(f"footnote-{lang.tag}", f["small"], f["small"] * 1.4, c["text"], space_after=1,
                             cjk_wrap=lang.cjk)]
    cjk = any(lang.cjk for lang in langs)
    out.append(ir.ParaStyle("table-note", f["small"], f["small"] * 1.45, c["text"], space_before=1, cjk_wrap=cjk))
    return [replace(st, script_gap=styles.SCRIPT_GAP, squeeze_punctuation=True) if st.cjk_wrap else st
            for st in out]


def char_styles(theme) -> list[ir.CharStyle]:
    """Emphasis, links and footnote marks."""
    primary = theme.colors["primary"]
    return [ir.CharStyle("emphasis", color=primary), ir.CharStyle("link", color=primary, underline=True),
            ir.CharStyle("note-mark", superscript=True)]


def note_look(theme) -> ir.NoteLook:
    """Footnotes: a 40 mm rule, 6 pt under the text above, 3 pt over the first note."""
    return ir.NoteLook(ir.Rule(theme.colors["rule"], 0.5), 40 * styles.MM, 6.0, 3.0)


def narrative(c: "Composer", nar) -> list[ir.Block]:
    """A narrative → its blocks per language (paragraphs and lists), each carrying the
    narrative's id (the DOCX puts each language's blocks in a content control tagged with it);
    in a bilingual edition the translation's plain text is muted. The first block carries the
    narrative's anchor."""
    per_lang = []
    for i, lang in enumerate(c.langs):
        blocks = [replace(b, narrative=nar.id)
                  for b in markup_blocks(c, markup.parse(nar.text.get(lang)), lang, nar.origins.get(lang))]
        if i:
            blocks = [_second(b) for b in blocks]
        per_lang.append(blocks)
    return per_lang


def markup_blocks(c: "Composer", md: markup.Markup, lang: str, origin) -> list[ir.Block]:
    """A narrative's parsed markup in one language → its paragraphs and lists (placeholders filled)."""
    out: list[ir.Block] = []
    for block in md.blocks:
        if isinstance(block, markup.Para):
            out.append(ir.Paragraph((_line(c, block.inlines, md, lang, origin),), f"body-{lang}", lang))
            continue
        n = len(block.items)
        items = tuple(ir.ListItem(f"{k + 1}." if block.ordered else BULLET, (_line(c, inl, md, lang, origin),),
                                  f"list-end-{lang}" if k == n - 1 else f"list-{lang}")
                      for k, inl in enumerate(block.items))
        out.append(ir.ItemList(items, block.ordered, lang))
    return out


def _line(c: "Composer", inlines: markup.Inline, md: markup.Markup, lang: str, origin) -> ir.Line:
    """Runs → spans: placeholders filled, strong bold, emphasis and links in their styles,
    citations as numbered footnote marks carrying their note."""
    spans: list[ir.Span] = []
    for run in inlines:
        if isinstance(run, markup.NoteRef):
            c.n_notes += 1
            note = ir.Footnote(c.n_notes, (_line(c, md.notes.get(run.label, ()), md, lang, origin),),
                               f"footnote-{lang}", lang, "note-mark", note_look(c.theme))
            spans.append(ir.NoteRef(str(c.n_notes), lang, (origin,) if origin else (), "note-mark", note=note))
            continue
        style = "link" if run.link else "emphasis" if run.emphasis else None
        for span in c.fill(run.text, lang, origin):
            spans.append(replace(span, strong=span.strong or run.strong, style=style or span.style, link=run.link))
    return tuple(spans)


def _second(block: ir.Block) -> ir.Block:
    """A block of the second language: its plain spans in the muted ``second`` style."""
    def line(ln: ir.Line) -> ir.Line:
        return tuple(s if s.style else replace(s, style="second") for s in ln)
    if isinstance(block, ir.Paragraph):
        return replace(block, lines=tuple(line(ln) for ln in block.lines))
    return replace(block, items=tuple(replace(it, lines=tuple(line(ln) for ln in it.lines)) for it in block.items),
                   label_style="second")
