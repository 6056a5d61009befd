"""Compose tables and cards: KPI tables, the HKEX content index, highlight cards.

Column widths are decided here for both formats, from the text each column holds measured
with the fonts' metrics (``measure``), the way browsers lay out auto-width tables: each
column's minimum (its longest unbreakable piece) and preferred width (its longest line),
then the free width shared out in proportion.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import ir
from ..model.dataset import Gap, Indicator, Lang, Text, is_chinese
from ..read.layout import Block
from . import localize, measure, styles
from .lines import dedupe, origins, stack, value_origins
from .words import aspect, pillar, text as word_text, word

if TYPE_CHECKING:
    from .document import Composer

_CELL_FIELD = {"target": "target_value", "baseline": "baseline_value", "period": "period", "unit": "unit"}
ALIGN = {"value": "right", "baseline": "right", "target": "right", "change": "right"}


def caption(c: "Composer", kind: str, n: int, title: Text, origin, continued: bool = False) -> ir.Paragraph:
    """'表 1  title' / 'Table 1  title' in the caption style; ``continued``: '表 1（续）  title' /
    'Table 1 (continued)  title', for the pages a table runs on to."""
    more = (lambda l: word("continued", l)) if continued else (lambda l: "")
    # （续） ends in a full-width bracket, which carries its own space
    gap = (lambda l: "" if continued and is_chinese(l) else "  ")
    return c.para(tuple((ir.Span(f"{word(kind, l)} {n}{more(l)}{gap(l)}{title.get(l)}", l, origins(origin)),)
                        for l in c.langs), "caption")


def column_widths(c: "Composer", rows: list[tuple[ir.Cell, ...]], look: ir.TableLook, total: float) -> tuple[float, ...]:
    """Cells (the header row first) → column widths summing to ``total``.

    Each column's minimum is its longest unbreakable piece: a word, or a value kept whole
    (超过16,300小时). Where the kept values do not all fit, the text columns fall back to
    their words, then the figures' columns too (the values then break between words,
    ``loosen``); only where not even the words fit are the columns shrunk in proportion (a
    word then breaks with a hyphen)."""
    ncols = len(rows[0])
    pad = 2 * look.padding + 2  # 2 pt of slack: clients round and measure a little differently
    kept, words, preferred = [pad] * ncols, [pad] * ncols, [pad] * ncols
    for r, row in enumerate(rows):
        base = c.para_styles[look.head if r == 0 else look.body]
        for k, cell in enumerate(row):
            for i, line in enumerate(cell.lines):
                size = base.size if i == 0 else c.theme.fonts["small"]
                line_width = 0.0
                for span in line:
                    bold, gap = base.bold or span.strong, base.script_gap
                    # a header is never broken inside a word (港交所指标, not 港交所指|标)
                    for piece in measure.pieces(span.text, span.keep and len(span.text) <= 24, words=r == 0):
                        kept[k] = max(kept[k], measure.width(piece, span.lang, size, bold, c.fallback, gap)
                                      + pad + cell.indent)
                    for piece in measure.pieces(span.text, False, words=r == 0):
                        words[k] = max(words[k], measure.width(piece, span.lang, size, bold, c.fallback, gap)
                                       + pad + cell.indent)
                    line_width += measure.width(span.text, span.lang, size, bold, c.fallback, gap)
                preferred[k] = max(preferred[k], line_width + pad + cell.indent)
    if sum(kept) <= total:
        return share(kept, preferred, total)
    # not every kept value fits: start from the words and keep whole what fits, the figures'
    # columns (right-aligned) first, the smallest need first
    minimum = list(words)
    order = sorted(range(ncols), key=lambda k: (rows[0][k].align != "right", kept[k] - words[k]))
    for k in order:
        if sum(minimum) - minimum[k] + kept[k] <= total:
            minimum[k] = kept[k]
    return share(minimum, preferred, total)


def loosen(c: "Composer", rows: list[tuple[ir.Cell, ...]], widths: tuple[float, ...], look: ir.TableLook,
           body: str) -> list[tuple[ir.Cell, ...]]:
    """Rows whose kept values are wider than their column → those values free to break
    between words (never glued past the column's edge, where they would break mid-word)."""
    style = c.para_styles[body]
    out = []
    for row in rows:
        cells = []
        for cell, width in zip(row, widths):
            room = width - 2 * look.padding - 2 - cell.indent
            lines = tuple(tuple(
                replace(span, keep=False) if span.keep and measure.width(
                    span.text, span.lang, style.size if i == 0 else c.theme.fonts["small"], style.bold,
                    c.fallback, style.script_gap) > room else span
                for span in line) for i, line in enumerate(cell.lines))
            cells.append(replace(cell, lines=lines))
        out.append(tuple(cells))
    return out


def _row_height(c: "Composer", row: tuple[ir.Cell, ...], widths: tuple[float, ...], look: ir.TableLook,
                style_name: str | None = None) -> float:
    """A row's height, estimated from its text's width over its columns' (for rows taller
    than a page, which must then be split; and a header, which cannot be)."""
    style = c.para_styles[style_name or look.body]
    tallest = 0.0
    for cell, width in zip(row, widths):
        room = max(width - 2 * look.padding - cell.indent, 1.0)
        lines = sum(_lines(line, style.size, room) for line in cell.lines)
        tallest = max(tallest, lines * style.leading + 2 * look.padding)
    return tallest


def _lines(line: ir.Line, size: float, room: float) -> int:
    """The lines a line of spans fills in ``room`` points, filled greedily with the pieces
    never broken (a word, a CJK pair); a piece wider than the room is broken across lines."""
    count, used = 1, 0.0
    for span in line:
        for piece in measure.pieces(span.text):
            w = measure.width(piece, span.lang, size)
            if used and used + w > room:
                count, used = count + 1, 0.0
            if w > room:  # broken inside: its own lines, the rest on the last
                count += math.ceil(w / room) - 1
                w = w - (math.ceil(w / room) - 1) * room
            used += w
    return count


def share(minimum: list[float], preferred: list[float], total: float) -> tuple[float, ...]:
    """Minimum and preferred widths → widths summing to ``total`` (CSS 2.1 auto table layout)."""
    preferred = [max(p, m) for p, m in zip(preferred, minimum)]
    if sum(preferred) <= total:  # everything fits on one line: spread the rest by preference
        extra = total - sum(preferred)
        return tuple(p + extra * p / sum(preferred) for p in preferred)
    if sum(minimum) >= total:  # not even the pieces fit: shrink in proportion (pieces will break)
        return tuple(m * total / sum(minimum) for m in minimum)
    room = total - sum(minimum)
    want = [p - m for p, m in zip(preferred, minimum)]
    return tuple(m + room * w / sum(want) for m, w in zip(minimum, want))


def table(c: "Composer", blk: Block, title: Text, header: list[ir.Cell], rows: list[tuple[ir.Cell, ...]],
          number: int | None = None) -> ir.Table:
    """Header cells and rows → a table with its caption, widths and look (numbered next, or
    ``number`` where it was reserved)."""
    look = styles.table_look(c.theme)
    header = [replace(cell, lines=stack(cell.lines, look.head_second)) for cell in header]
    rows = [tuple(replace(cell, lines=stack(cell.lines, "second-small")) for cell in row) for row in rows]
    widths = column_widths(c, [tuple(header)] + rows, look, c.page.frame_width)
    rows = loosen(c, rows, widths, look, look.body)
    tallest = max((_row_height(c, row, widths, look) for row in rows), default=0.0)
    if number is None:
        c.n_tables += 1
        number = c.n_tables
    head = _row_height(c, tuple(header), widths, look, look.head)
    if head > c.page.frame_height * 0.8:  # a header row repeats on every page and cannot be split
        c.problems.error(blk.origin, f"table {number}'s header row would be {head:.0f} pt tall, taller than the "
                                     f"page's text block ({c.page.frame_height:.0f} pt)",
                         "make the theme's font sizes smaller, the margins narrower, or the table's columns fewer")
    block = c.theme.spacing["block"]
    return ir.Table(caption(c, "table", number, title, blk.origin), tuple(header), tuple(rows), widths, look,
                    blk.origin, f"t{number}", block * 0.5, block, keep_rows=1,
                    split_rows=head + tallest > c.page.frame_height * 0.8,  # a row and the header it repeats under
                    continued=caption(c, "table", number, title, blk.origin, continued=True))


def kpi_table(c: "Composer", blk: Block, inds: list[Indicator]) -> ir.Table:
    """Indicators → a KPI table; the ``periods`` column becomes one column per year."""
    opts = blk.options
    columns = opts.get("columns", ["value", "unit", "period"])
    years = sorted({p.period for ind in inds for p in (*ind.series(), *ind.gaps) if getattr(p, "dimension", None) is None})
    header = [ir.Cell(c.words("indicator"))]
    for col in columns:
        if col == "periods":
            header += [ir.Cell(tuple((ir.Span(c.period(y, l), l),) for l in c.langs)[:1], "right") for y in years]
        else:
            header.append(ir.Cell(c.words(col), ALIGN.get(col, "left")))
    rows = []
    for ind in inds:
        row = [ir.Cell(c.lines(ind.name, ind.cell("name_zh")), anchor=c.anchor("r"))]
        for col in columns:
            if col == "periods":
                by_year = {p.period: p for p in ind.series()}
                # one scale for all of an indicator's years (never 16.85万 beside 41,900)
                d = c.decimals(ind)
                power = c.scales(ind, (p.value for p in by_year.values()))
                for y in years:
                    p = by_year.get(y) or ind.gap(y)  # a value, or why the year has none
                    row.append(ir.Cell(dedupe(tuple(
                        (ir.Span(figure_or_gap(p, ind, l, power[l], d), l, origins(p.origin if p else None),
                                 keep=True),)
                        for l in c.langs)), "right"))
                continue
            row.append(ir.Cell(dedupe(tuple((ir.Span(cell_text(c, ind, col, l), l,
                                                     value_origins(ind, _CELL_FIELD.get(col, col)),
                                                     keep=col in ALIGN or col == "period"),)
                                            for l in c.langs)), ALIGN.get(col, "left")))
        rows.append(tuple(row))
    title = c.layout_text(opts["title"]) if "title" in opts else Text("关键绩效指标", "Key performance indicators")
    if opts.get("notes"):  # the indicators' notes as the table's notes (a, b, c …)
        from .tablenotes import mark_rows

        rows, notes = mark_rows(c, inds, rows)
        return replace(table(c, blk, title, header, rows), notes=notes)
    return table(c, blk, title, header, rows)


CATEGORY_INDENT = 8.0  # points: a category under its dimension's row


def breakdown_table(c: "Composer", blk: Block, ind: Indicator) -> list[ir.Table]:
    """An indicator by its dimensions → a table: per dimension a heading row and a row per
    category, a column per year, the total last (HKEX B1.1: the workforce by gender, age
    group, employment type and region); with ``orientation: columns``, a table per
    dimension with a row per year and a column per category. One scale for all of the
    indicator's figures, as in KPI tables."""
    dims = [d for d in blk.options.get("dimensions") or dict.fromkeys(b.dimension for b in ind.breakdowns)
            if d in c.ds.dimensions and any(b.dimension == d for b in (*ind.breakdowns, *ind.gaps))]
    if not dims:
        return []
    totals = {p.period: p for p in ind.series()}
    years = sorted({b.period for b in (*ind.breakdowns, *ind.gaps) if b.dimension in dims})
    by_key = {(b.period, b.dimension, b.category): b for b in (*ind.breakdowns, *ind.gaps)}
    places = c.decimals(ind)
    power = c.scales(ind, [b.value for b in ind.breakdowns] + [totals[y].value for y in years if y in totals])

    def figure(v, lang: Lang) -> str:
        return figure_or_gap(v, ind, lang, power[lang], places)

    def cell(get, y: int, strong: bool = False) -> ir.Cell:
        v = get(y)
        return ir.Cell(dedupe(tuple((ir.Span(figure(v, l), l, origins(v.origin if v else None), keep=True,
                                             strong=strong),) for l in c.langs)), "right")

    def values(get, strong: bool = False) -> list[ir.Cell]:
        return [cell(get, y, strong) for y in years]

    unit = tuple((ir.Span(f"{word('unit', l)}{word('pair_sep', l)}{ind.unit.get(l)}", l),) for l in c.langs) \
        if ind.unit.kind in ("count", "currency", "ratio") else ()
    whole = "total" if ind.unit.kind in ("count", "currency") else "overall"  # a rate's whole is no sum
    if blk.options.get("orientation") == "columns":  # a table per dimension: a row per year, a column per category
        out = []
        for d in dims:
            dim = c.ds.dimensions[d]
            cats = [cat for cat in dim.categories if any((y, d, cat) in by_key for y in years)]
            header = [ir.Cell(unit or c.words("period"))] + \
                [ir.Cell(tuple((ir.Span(dim.categories[cat].get(l), l),) for l in c.langs), "right") for cat in cats] + \
                [ir.Cell(tuple((ir.Span(word(whole, l), l, strong=True),) for l in c.langs), "right")]
            rows = [(ir.Cell(tuple((ir.Span(c.period(y, l), l),) for l in c.langs)[:1]),)
                    + tuple(cell(lambda _, cat=cat, y=y: by_key.get((y, d, cat)), y) for cat in cats)
                    + (cell(lambda _, y=y: totals.get(y) or ind.gap(y), y, strong=True),) for y in years]
            title = c.layout_text(blk.options["title"]) if "title" in blk.options else \
                c.text_of(lambda l, dim=dim: f"{ind.name.get(l)}（按{dim.name.get(l)}）" if is_chinese(l)
                          else f"{ind.name.en} by {dim.name.en.lower()}")
            out.append(table(c, blk, title, header, rows))
        return out
    header = [ir.Cell(unit or c.words("indicator"))] + \
        [ir.Cell(tuple((ir.Span(c.period(y, l), l),) for l in c.langs)[:1], "right") for y in years]
    rows: list[tuple[ir.Cell, ...]] = []
    for d in dims:
        dim = c.ds.dimensions[d]
        rows.append((ir.Cell(tuple((ir.Span(dim.name.get(l), l, strong=True),) for l in c.langs)),)
                    + tuple(ir.Cell(((ir.Span("", c.langs[0]),),)) for _ in years))
        for cat, name in dim.categories.items():
            if not any((y, d, cat) in by_key for y in years):
                continue
            rows.append((ir.Cell(tuple((ir.Span(name.get(l), l),) for l in c.langs), indent=CATEGORY_INDENT),)
                        + tuple(values(lambda y, d=d, cat=cat: by_key.get((y, d, cat)))))
    rows.append((ir.Cell(tuple((ir.Span(word(whole, l), l, strong=True),) for l in c.langs)),)
                + tuple(values(lambda y: totals.get(y) or ind.gap(y), strong=True)))
    title = c.layout_text(blk.options["title"]) if "title" in blk.options else \
        c.text_of(lambda l: f"{ind.name.get(l)}（按{'、'.join(c.ds.dimensions[d].name.get(l) for d in dims)}）"
                  if is_chinese(l) else
                  f"{ind.name.en} by {', '.join(c.ds.dimensions[d].name.en.lower() for d in dims)}")
    return [table(c, blk, title, header, rows)]


def figure_or_gap(v, ind: Indicator, lang: Lang, power: int, decimals: int | None) -> str:
    """A table's figure (a period or breakdown value) in the column's scale; a withheld one
    as 不适用 / N/A or 未披露 / Not disclosed; none at all as the empty-cell mark."""
    if v is None:
        return word("empty_cell", lang)
    if isinstance(v, Gap):
        return word(v.status, lang)
    return localize.quantity(v.value, ind.unit, v.qualifier, lang, with_unit=False, power=power, decimals=decimals)


def _bracketed(text: str, lang: str) -> str:
    """' (text)' in English, '（text）' in Chinese (full-width brackets, no space)."""
    return f"（{text}）" if is_chinese(lang) else f" ({text})"


def cell_text(c: "Composer", ind: Indicator, column: str, lang: Lang) -> str:
    """One table cell of an indicator in the language's form."""
    if column == "value":
        if ind.status != "reported":  # comply or explain: 不适用 / N/A, 未披露 / Not disclosed
            return word(ind.status, lang)
        if ind.value is None and ind.target_value is not None:  # a target-only row: nothing withheld
            return word("no_value", lang)
        return c.value_text(ind, "value", lang, with_unit=False)
    if column == "unit":  # one unit per value: a percentage carries its % already
        return ind.unit.get(lang) if ind.unit.kind not in ("date", "percent", "change") else ""
    if column == "period":
        if ind.period:
            return c.period(ind.period, lang)
        if ind.as_of:
            return f"{word('as_of', lang)} {localize.date(ind.as_of, lang)}" if lang == "en" else \
                f"{word('as_of', lang)}{localize.date(ind.as_of, lang)}"
        return ""
    if column == "baseline":
        if ind.baseline_value is not None:
            return f"{c.value_text(ind, 'baseline', lang, with_unit=False)}{_bracketed(c.period(ind.baseline_year, lang), lang)}"
        return c.period(ind.baseline_year, lang) if ind.baseline_year else ""
    if column == "target":
        if ind.target_value is None:
            return ""
        text = c.value_text(ind, "target", lang, with_unit=False)
        return text + _bracketed(word("by_year", lang, year=ind.target_year), lang) if ind.target_year else text
    if column in ("hkex", "gri"):
        return getattr(ind, column, None) or ""
    if column == "change":
        return change_text(ind, lang, c.period)
    if column == "note":  # the note, and why an indicator (or one of its years) is withheld
        gaps = [f"{c.period(g.period, lang)}{word('pair_sep', lang)}{g.reason.get(lang)}" for g in ind.gaps
                if g.dimension is None and g.reason]
        parts = [t.get(lang) for t in (ind.reason, ind.note) if t] + gaps
        return "；".join(parts) if is_chinese(lang) else " ".join(parts)
    raise KeyError(column)


def change_text(ind: Indicator, lang: Lang, period=lambda year, lang: str(year)) -> str:
    """The change on the previous year (Periods sheet) or on the baseline: a signed
    percentage, or for a percentage itself (a share, or a rate of change) the difference in
    percentage points (27 % → 38.5 % is +11.5 pp, not +42.6 %)."""
    series = ind.series()
    if len(series) >= 2:
        old, new, year = series[-2].value, series[-1].value, series[-2].period
    elif ind.baseline_value is not None and isinstance(ind.value, (int, float)) and ind.baseline_year:
        old, new, year = ind.baseline_value, ind.value, ind.baseline_year
    else:
        return ""
    label = period(year, lang)
    since = f"（{word('vs_year', lang, year=label)}）" if is_chinese(lang) else f" ({word('vs_year', lang, year=label)})"
    if ind.unit.kind in ("percent", "change"):  # a share or a rate of change: the difference, in points
        diff = round(new - old, 6)
        sign = "+" if diff > 0 else "−" if diff < 0 else "±"
        return f"{sign}{localize.number(round(abs(diff), 1), lang)}{word('points', lang)}{since}"
    if not old:
        return ""
    pct = (new - old) / abs(old) * 100
    sign = "+" if pct > 0 else "−" if pct < 0 else "±"
    return f"{sign}{localize.number(round(abs(pct), 1), lang)}%{since}"


def content_index(c: "Composer", blk: Block, number: int) -> ir.Table:
    """The content index of the HKEX framework of the reporting year (or, with ``framework:
    gri``, of the GRI disclosures reported): a row per aspect and KPI — every one of the
    framework with ``complete: true``, else those the report covers or explains — with the
    chapters and pages (``ir.PageRefs``) where its indicators and narratives print, and for
    what is not reported, its status and explanation (comply or explain)."""
    from ..model import frameworks

    opts = blk.options
    gri = opts.get("framework") == "gri"
    covered = {code: where for (fw, code), where in c.coverage.items() if fw == ("gri" if gri else "hkex")}
    explained = frameworks.explanations(c.ds) if not gri else {}
    if gri:
        items = [(code, frameworks.GRI_DISCLOSURES.get(code), False) for code in
                 sorted(covered, key=frameworks.gri_sort_key)]
    else:
        known = frameworks.hkex(c.ds.meta.reporting_year)
        items = [(i.code, i.description, i.mandatory) for i in known
                 if opts.get("complete") or i.code in covered or i.code in explained]
    rows = []
    for code, description, mandatory in items:
        where = covered.get(code, [])
        chapters = list(dict.fromkeys(chapter for _, chapter in where if chapter))
        remark = explained.get(code)
        remark_lines = tuple((ir.Span(f"{word(remark[0], l)}{word('pair_sep', l)}{remark[1].get(l)}", l,
                                      origins(remark[2])),) for l in c.langs) if remark else \
            tuple((ir.Span(word("mandatory", l) if mandatory else "", l),) for l in c.langs)
        anchors = tuple(dict.fromkeys(a for a, _ in where if a))
        # until the PDF is laid out, two digits a page (at most four: more pages wrap in the cell)
        pages = ir.PageRefs(", ".join(["00"] * min(len(anchors), 4)), c.langs[0], anchors=anchors) if anchors \
            else ir.Span(word("no_value", c.langs[0]), c.langs[0])
        rows.append((ir.Cell(((ir.Span(code, c.langs[0]),),)),
                     ir.Cell(tuple((ir.Span(description.get(l) if description else "", l),) for l in c.langs)),
                     ir.Cell(dedupe(tuple((ir.Span(word("list_sep", l).join(t.get(l) for t in chapters)
                                                   or word("no_value", l), l),) for l in c.langs))),
                     ir.Cell(((pages,),), "right"),
                     ir.Cell(dedupe(remark_lines))))
    header = [ir.Cell(c.words("gri_disclosure" if gri else "aspect_kpi")),
              *(ir.Cell(c.words(k), "right" if k == "page" else "left") for k in ("description", "section", "page",
                                                                                  "remarks"))]
    if "title" in opts:
        title = c.layout_text(opts["title"])
    elif gri:
        title = word_text("gri_index")
    else:
        name = frameworks.framework_name(c.ds.meta.reporting_year)
        title = c.text_of(lambda l: word("content_index_of", l, framework=name.get(l)))
    return table(c, blk, title, header, rows, number=number)


def cards(c: "Composer", blk: Block, inds: list[Indicator]) -> ir.Cards:
    """Indicators → highlight cards: the value (or the target, where no value) and the name.
    The values are set in one size for the whole block, the largest at which the widest fits
    its card; a value too long even at the smallest size breaks between words."""
    look = styles.box_look(c.theme)
    columns = blk.options.get("columns", 3)
    inner = (c.page.frame_width - look.gap * (columns - 1)) / columns - look.padding[1] - look.padding[3]
    values = []
    for ind in inds:
        attr = "value" if ind.value is not None or ind.target_value is None else "target"
        # a target prints its year: 100% alone would read as achieved
        year = (lambda l: _bracketed(word("by_year", l, year=ind.target_year), l)) \
            if attr == "target" and ind.target_year else (lambda l: "")
        values.append((attr, tuple(c.value_text(ind, attr, l) + year(l) for l in c.langs)))
    style = _card_value_style(c, [texts for _, texts in values], inner)
    base, second = c.para_styles[style], c.theme.fonts["h1"] * styles.SECOND_SCALE["card-value"]
    out = []
    for ind, (attr, texts) in zip(inds, values):
        value = dedupe(tuple((_card_value(t, l, measure.width(t, l, base.size if i == 0 else second, True, c.fallback,
                                                              base.script_gap) <= inner, ind),)
                             for i, (l, t) in enumerate(zip(c.langs, texts))))
        label = []
        for l in c.langs:
            name = ind.name.get(l)
            if attr == "target" and word("target", l).lower() not in name.lower():  # not '目标：…目标'
                name = f"{word('target', l)}{word('pair_sep', l)}{name}"
            label.append((ir.Span(name, l, origins(ind.cell("name_zh"))),))
        out.append(ir.Card(c.para(value, style, "second-card-value"), c.para(tuple(label), "card-label")))
    block = c.theme.spacing["block"]
    return ir.Cards(tuple(out), columns, look, blk.origin, block * 0.5, block * 0.5)


def _card_value(text: str, lang: Lang, fits: bool, ind: Indicator) -> ir.Span:
    """A card's value: kept on one line where it fits; else it may break between its words, so
    its no-break spaces become spaces (every renderer then breaks there, never inside a word)."""
    return ir.Span(text if fits else text.replace("\u00a0", " "), lang, value_origins(ind, "value"), keep=fits)


CARD_VALUE_MIN = 0.6  # the smallest card value, as a share of the theme's size


def _card_value_style(c: "Composer", texts: list[tuple[str, ...]], inner: float) -> str:
    """The card-value style, or a smaller one made for this block, in which the widest first-
    language value fits ``inner`` points (never below ``CARD_VALUE_MIN`` of the size)."""
    base = c.para_styles["card-value"]
    widest = max((measure.width(t[0], c.langs[0], base.size, True, c.fallback, base.script_gap) for t in texts),
                 default=0.0)
    if widest <= inner:
        return base.name
    scale = max(CARD_VALUE_MIN, inner / widest)
    size = max(math.floor(base.size * scale * 2) / 2, math.ceil(base.size * CARD_VALUE_MIN * 2) / 2)  # half points
    name = f"card-value-{size:g}"
    if name not in c.para_styles:
        c.para_styles[name] = replace(base, name=name, size=size, leading=base.leading * size / base.size)
    return name
