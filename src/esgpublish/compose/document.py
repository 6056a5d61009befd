"""Stage 3 — compose: (Dataset, Layout, edition) → ``ir.Document``.

Decides every word and number printed, in each language of the edition, through
``localize`` (Babel) and the ``words`` catalogue. Each value span keeps the workbook
cell it came from; headings, tables and figures keep their layout line.
"""
from __future__ import annotations

from .. import ir
from . import localize
from ..model import placeholders
from ..model import select
from . import typography
from ..diagnostics import Location
from ..read.layout import EDITION_LANGS, Block, Layout
from ..model.dataset import Dataset, Indicator, Lang, Text
from .words import HKEX_ASPECTS, PILLAR_NAMES, WORDS, word

BCP47 = {"zh": "zh-CN", "en": "en", "bilingual": "zh-CN"}


def compose(dataset: Dataset, layout: Layout, edition: str) -> ir.Document:
    """Dataset + layout + edition → the edition's document IR."""
    return _Composer(dataset, layout, edition).document()


def _lines(text: Text, langs: tuple[Lang, ...], origin: Location | None = None) -> tuple[ir.Line, ...]:
    """A workbook or layout text → one line per language, in that language's typography."""
    return tuple((ir.Span(typography.refine(text.get(lang), lang), lang, origin),) for lang in langs)


def _words(key: str, langs: tuple[Lang, ...], **fields: object) -> tuple[ir.Line, ...]:
    return tuple((ir.Span(word(key, lang, **fields), lang),) for lang in langs)


def _dedupe(lines: tuple[ir.Line, ...]) -> tuple[ir.Line, ...]:
    """Bilingual cells print a value once when both languages write it alike (460%)."""
    if len(lines) == 2 and ir.plain(lines[0]) == ir.plain(lines[1]):
        return lines[:1]
    return lines


class _Composer:
    def __init__(self, dataset: Dataset, layout: Layout, edition: str):
        self.ds, self.layout, self.edition = dataset, layout, edition
        self.langs = EDITION_LANGS[edition]
        self.n_tables = 0
        self.n_figures = 0
        self.n_headings = 0
        self.charts: list[ir.ChartSpec] = []

    # ------------------------------------------------------------ values
    def value_text(self, ind: Indicator, attr: str, lang: Lang, *, with_unit: bool = True) -> str:
        """One attribute of an indicator in the language's form (placeholders and cells)."""
        if attr == "value":
            if ind.value is None:
                return word("not_disclosed", lang)
            return localize.quantity(ind.value, ind.unit, ind.qualifier, lang, with_unit=with_unit)
        if attr == "target":
            return localize.quantity(ind.target_value, ind.unit, ind.target_qualifier, lang, with_unit=with_unit)
        if attr == "baseline":
            return localize.quantity(ind.baseline_value, ind.unit, None, lang, with_unit=with_unit)
        if attr in ("target_year", "baseline_year", "period"):
            return localize.year(getattr(ind, attr), lang)
        if attr == "as_of":
            return localize.date(ind.as_of, lang)
        if attr == "name":
            return ind.name.get(lang)
        raise KeyError(attr)

    def report_text(self, attr: str, lang: Lang) -> str:
        meta = self.ds.meta
        if attr == "publication_date":
            return localize.date(meta.publication_date, lang)
        if attr == "reporting_year":
            return localize.year(meta.reporting_year, lang)
        return getattr(meta, attr).get(lang)

    def fill(self, text: str, lang: Lang, origin: Location | None) -> ir.Line:
        """Narrative text with placeholders → spans; each value span keeps its cell."""
        spans: list[ir.Span] = []
        for part in placeholders.parse(text):
            if isinstance(part, str):
                part = typography.refine_after(part, lang, "".join(s.text for s in spans))
                spans.append(ir.Span(part, lang, origin))
            elif part.ref == "report":
                spans.append(ir.Span(self.report_text(part.attr, lang), lang,
                                     self.ds.meta.origins.get(part.attr), keep=True))
            else:
                ind = self.ds.indicators[part.ref]
                field = {"value": "value", "target": "target_value", "baseline": "baseline_value"}.get(part.attr, part.attr)
                spans.append(ir.Span(self.value_text(ind, part.attr, lang), lang, ind.cell(field), keep=True))
        return tuple(spans)

    # ------------------------------------------------------------ document
    def document(self) -> ir.Document:
        meta = self.ds.meta
        body: list[ir.Block] = []
        if self.layout.contents["show"]:
            body.append(ir.Contents(_words("contents", self.langs), self.layout.contents["depth"]))
        for sec in self.layout.sections:
            content = [node for blk in sec.blocks for node in self.block(blk)]
            if not content and sec.blocks:
                continue  # every block selected nothing: check_against has warned
            title = self.layout_text(sec.title) if sec.title else Text(*PILLAR_NAMES[sec.pillar])
            body.append(self.heading(1, title, sec.origin, new_page=sec.new_page))
            body.extend(content)
        cover = None
        if self.layout.cover["show"]:
            cover = ir.Cover(
                title=_lines(meta.title, self.langs, meta.origins.get("title")),
                subtitle=_lines(meta.subtitle, self.langs) if meta.subtitle else (),
                company=_lines(meta.company, self.langs, meta.origins.get("company")),
                date=tuple((ir.Span(f"{word('published', l)}{word('pair_sep', l)}{localize.date(meta.publication_date, l)}", l),)
                           for l in self.langs),
                disclaimer=tuple(ir.Paragraph(self.fill(meta.disclaimer.get(l), l, meta.origins.get("disclaimer")), l, "disclaimer")
                                 for l in self.langs) if meta.disclaimer and self.layout.cover["disclaimer"] else (),
            )
        custom_footer = self.layout.footer.get("text")
        footer = "    ".join(self.layout_text(custom_footer).get(l) if custom_footer else
                             word("page_of", l, page="{page}", pages="{pages}") for l in self.langs)
        header_text = self.layout_text(self.layout.header["text"]) if "text" in self.layout.header else meta.title
        title_line = tuple(ir.Span(header_text.get(l) + ("  " if i < len(self.langs) - 1 else ""), l)
                           for i, l in enumerate(self.langs))
        return ir.Document(
            edition=self.edition, langs=self.langs,
            meta=ir.Metadata(
                title=" / ".join(meta.title.get(l) for l in self.langs),
                author=" / ".join(meta.author.get(l) for l in self.langs),
                subject=" / ".join(meta.subject.get(l) for l in self.langs) if meta.subject else "",
                keywords="; ".join(meta.keywords.get(l) for l in self.langs) if meta.keywords else "",
                lang=BCP47[self.edition], date=meta.publication_date),
            page=self.layout.page, theme=self.layout.theme, cover=cover, body=tuple(body),
            running_header=title_line, footer=footer, show_header=self.layout.header["show"],
            charts=tuple(self.charts),
            fallback_font=str(self.layout.fallback_font) if self.layout.fallback_font else None,
        )

    def layout_text(self, text: Text | dict) -> Text:
        """A layout text with its {report.…} placeholders filled ({page} and {pages} are kept)."""
        if isinstance(text, dict):
            text = Text(**text)

        def fill(raw: str, lang: Lang) -> str:
            out = []
            for part in placeholders.parse(raw):
                if isinstance(part, str):
                    out.append(typography.refine_after(part, lang, "".join(out)))
                elif part.ref == "report":
                    out.append(self.report_text(part.attr, lang))
                else:
                    out.append(part.raw)
            return "".join(out)
        return Text(fill(text.zh, "zh"), fill(text.en, "en"))

    def heading(self, level: int, text: Text, origin: Location | None, new_page: bool = False) -> ir.Heading:
        self.n_headings += 1
        return ir.Heading(level, _lines(text, self.langs, origin), f"h{self.n_headings}", origin, new_page)

    def block(self, blk: Block) -> list[ir.Block]:
        """One layout block → IR blocks (none when its selector matches nothing)."""
        opts = blk.options
        if blk.kind == "heading":
            return [self.heading(opts.get("level", 2), self.layout_text(opts["text"]), blk.origin)]
        if blk.kind == "narrative":
            return self.narrative(self.ds.narratives[opts["id"]])
        if blk.kind == "narratives":
            out: list[ir.Block] = []
            for topic_id, items in select.narratives(self.ds, opts):
                if opts.get("headings") and topic_id in self.ds.topics:
                    out.append(self.heading(2, self.ds.topics[topic_id].name, blk.origin))
                for nar in items:
                    out.extend(self.narrative(nar))
            return out
        if blk.kind == "page_break":
            return [ir.PageBreak()]
        if blk.kind == "cards":
            inds = select.indicators(self.ds, opts)
            return [self.cards(blk, inds)] if inds else []
        if blk.kind == "content_index":
            return [self.content_index(blk)]
        if blk.kind == "kpi_table":
            inds = select.indicators(self.ds, opts)
            return [self.kpi_table(blk, inds)] if inds else []
        if blk.kind == "chart":
            inds = select.chart_indicators(self.ds, opts)
            return [self.figure(blk, inds)] if inds else []
        raise ValueError(blk.kind)

    def narrative(self, nar) -> list[ir.Block]:
        """A narrative block → a paragraph per language (side by side where the layout says so)."""
        paras = [ir.Paragraph(self.fill(nar.text.get(l), l, nar.origins.get(l)), l) for l in self.langs]
        if len(paras) == 2 and self.layout.bilingual.get("paragraphs") == "side_by_side":
            return [ir.Parallel(paras[0], paras[1])]
        return paras

    # ------------------------------------------------------------ cards and index
    def cards(self, blk: Block, inds: list[Indicator]) -> ir.Cards:
        """Indicators → highlight cards: the value (or the target, where no value) and the name."""
        cards = []
        for ind in inds:
            attr = "value" if ind.value is not None else "target"
            value = _dedupe(tuple((ir.Span(self.value_text(ind, attr, l), l, ind.cell("value")),) for l in self.langs))
            label = []
            for l in self.langs:
                name = ind.name.get(l)
                if attr == "target":
                    name = f"{word('target', l)}{word('pair_sep', l)}{name}"
                label.append((ir.Span(name, l, ind.cell("name_zh")),))
            cards.append(ir.Card(value, tuple(label)))
        return ir.Cards(tuple(cards), blk.options.get("columns", 3), blk.origin)

    def content_index(self, blk: Block) -> ir.Table:
        """The HKEX content index: each aspect or KPI the indicators report, with the chapter."""
        chapters: dict[str, Text] = {}
        for sec in self.layout.sections:
            title = self.layout_text(sec.title) if sec.title else Text(*PILLAR_NAMES[sec.pillar])
            for b in sec.blocks:
                if b.kind in ("kpi_table", "cards", "chart"):
                    for ind in select.indicators(self.ds, b.options):
                        chapters.setdefault(ind.id, title)
        codes: dict[str, list[Indicator]] = {}
        for ind in self.ds.indicators.values():
            if ind.hkex:
                codes.setdefault(ind.hkex, []).append(ind)
        rows = []
        for code in sorted(codes, key=lambda c: (c[0], int(c[1]), float(c[3:] or 0))):
            inds = codes[code]
            aspect = HKEX_ASPECTS[code[:2]]
            names = tuple((ir.Span(word("list_sep", l).join(i.name.get(l) for i in inds), l),) for l in self.langs)
            secs = {chapters[i.id] for i in inds if i.id in chapters}
            where = tuple((ir.Span(word("list_sep", l).join(sorted(t.get(l) for t in secs)), l),) for l in self.langs)
            rows.append((ir.Cell(((ir.Span(code, self.langs[0]),),)),
                         ir.Cell(tuple((ir.Span(aspect[0] if l == "zh" else aspect[1], l),) for l in self.langs)),
                         ir.Cell(names), ir.Cell(_dedupe(where))))
        cols = (ir.Column(_words("aspect_kpi", self.langs), 1.2), ir.Column(_words("description", self.langs), 1.8),
                ir.Column(_words("indicators", self.langs), 4.5), ir.Column(_words("section", self.langs), 1.5))
        self.n_tables += 1
        title = self.layout_text(blk.options["title"]) if "title" in blk.options else Text(*WORDS["content_index"])
        caption = tuple((ir.Span(f"{word('table', l)} {self.n_tables}  {title.get(l)}", l, blk.origin),) for l in self.langs)
        return ir.Table(cols, tuple(rows), caption, blk.origin, f"t{self.n_tables}")

    # ------------------------------------------------------------ tables
    def kpi_table(self, blk: Block, inds: list[Indicator]) -> ir.Table:
        """Indicators → a KPI table; the ``periods`` column becomes one column per year."""
        opts = blk.options
        columns = opts.get("columns", ["value", "unit", "period"])
        widths = {"value": 1.5, "unit": 1.5, "period": 1.7, "baseline": 1.1, "target": 1.9, "change": 1.4,
                  "hkex": 1.0, "gri": 0.8, "note": 2.0}
        align = {"value": "right", "baseline": "right", "target": "right", "change": "right"}
        years = sorted({p.period for ind in inds for p in ind.series()})
        cols = [ir.Column(_words("indicator", self.langs), 3.1)]
        for c in columns:
            if c == "periods":
                cols += [ir.Column(tuple((ir.Span(localize.year(y, l), l),) for l in self.langs)[:1], 1.2, "right")
                         for y in years]
            else:
                cols.append(ir.Column(_words(c, self.langs), widths[c], align.get(c, "left")))
        rows = []
        for ind in inds:
            row = [ir.Cell(_lines(ind.name, self.langs, ind.cell("name_zh")))]
            for c in columns:
                if c == "periods":
                    by_year = {p.period: p for p in ind.series()}
                    for y in years:
                        p = by_year.get(y)
                        row.append(ir.Cell(_dedupe(tuple(
                            (ir.Span(localize.quantity(p.value, ind.unit, p.qualifier, l, with_unit=False) if p else "–",
                                     l, p.origin if p else None),) for l in self.langs)), "right"))
                    continue
                row.append(ir.Cell(_dedupe(tuple((ir.Span(self.cell_text(ind, c, l), l, ind.cell(_CELL_FIELD.get(c, c))),)
                                                  for l in self.langs)), align.get(c, "left")))
            rows.append(tuple(row))
        self.n_tables += 1
        title = self.layout_text(opts["title"]) if "title" in opts else Text("关键绩效指标", "Key performance indicators")
        caption = tuple((ir.Span(f"{word('table', l)} {self.n_tables}  {title.get(l)}", l, blk.origin),) for l in self.langs)
        return ir.Table(tuple(cols), tuple(rows), caption, blk.origin, f"t{self.n_tables}")

    def cell_text(self, ind: Indicator, column: str, lang: Lang) -> str:
        if column == "value":
            return self.value_text(ind, "value", lang, with_unit=False)
        if column == "unit":
            return ind.unit.get(lang) if ind.unit.kind != "date" else ""
        if column == "period":
            if ind.period:
                return localize.year(ind.period, lang)
            if ind.as_of:
                return f"{word('as_of', lang)} {localize.date(ind.as_of, lang)}" if lang == "en" else \
                    f"{word('as_of', lang)}{localize.date(ind.as_of, lang)}"
            return ""
        if column == "baseline":
            if ind.baseline_value is not None:
                return f"{self.value_text(ind, 'baseline', lang, with_unit=False)} ({ind.baseline_year})"
            return localize.year(ind.baseline_year, lang) if ind.baseline_year else ""
        if column == "target":
            if ind.target_value is None:
                return ""
            text = self.value_text(ind, "target", lang, with_unit=False)
            return f"{text} ({word('by_year', lang, year=ind.target_year)})" if ind.target_year else text
        if column in ("hkex", "gri"):
            return getattr(ind, column) or ""
        if column == "change":
            return self.change_text(ind, lang)
        if column == "note":
            return ind.note.get(lang) if ind.note else ""
        raise KeyError(column)

    def change_text(self, ind: Indicator, lang: Lang) -> str:
        """The change on the previous year (Periods sheet) or on the baseline, as a signed percentage."""
        series = ind.series()
        if len(series) >= 2:
            old, new, year = series[-2].value, series[-1].value, series[-2].period
        elif ind.baseline_value and isinstance(ind.value, (int, float)) and ind.baseline_year:
            old, new, year = ind.baseline_value, ind.value, ind.baseline_year
        else:
            return ""
        if not old:
            return ""
        pct = (new - old) / abs(old) * 100
        sign = "+" if pct > 0 else "−" if pct < 0 else "±"
        sep = "" if lang == "zh" else " "
        return f"{sign}{localize.number(round(abs(pct), 1), lang)}%{sep}({word('vs_year', lang, year=year)})"

    # ------------------------------------------------------------ charts
    def figure(self, blk: Block, inds: list[Indicator]) -> ir.Figure:
        opts = blk.options
        theme = self.layout.theme
        title = self.layout_text(opts["title"]) if "title" in opts else Text(
            "、".join(i.name.zh for i in inds), ", ".join(i.name.en for i in inds))
        series = opts.get("series", "value")
        if opts["kind"] == "progress":
            values = tuple(float(i.value) for i in inds)
            value_labels = tuple(self._joined(i, "value") for i in inds)
            targets = tuple(float(i.target_value) for i in inds)
            target_labels = tuple(" / ".join(f"{word('target', l)}{word('pair_sep', l)}{self.value_text(i, 'target', l)}"
                                             for l in self.langs) for i in inds)
        else:
            attr = "target" if series == "target" else "value"
            values = tuple(float(i.target_value if series == "target" else i.value) for i in inds) \
                if opts["kind"] in ("bar", "donut") else ()
            value_labels = tuple(self._joined(i, attr, with_unit=i.unit.kind not in ("count",)) for i in inds) \
                if values else ()
            targets, target_labels = tuple(None for _ in inds), ()
            if opts["kind"] == "donut" and inds[0].unit.kind != "change":  # the total, in the middle
                total = sum(values)
                target_labels = (" / ".join(dict.fromkeys(
                    localize.quantity(total, inds[0].unit, None, l, with_unit=inds[0].unit.kind != "count")
                    for l in self.langs)),)
        periods, matrix, matrix_labels = (), (), ()
        if opts["kind"] in ("grouped_bar", "line"):
            years = sorted({p.period for i in inds for p in i.series()})
            periods = tuple(str(y) for y in years)
            by_year = [{p.period: p for p in i.series()} for i in inds]
            matrix = tuple(tuple(float(b[y].value) if y in b else None for y in years) for b in by_year)
            matrix_labels = tuple(tuple(
                " / ".join(dict.fromkeys(localize.quantity(b[y].value, i.unit, b[y].qualifier, l, with_unit=False)
                                         for l in self.langs)) if y in b else "" for y in years)
                for i, b in zip(inds, by_year))
        labels = tuple(self._label(i, series) for i in inds)
        subtitle = tuple(s for s in (self._chart_subtitle(inds, series, l) for l in self.langs) if s)
        spec = ir.ChartSpec(
            kind=opts["kind"], title=tuple(title.get(l) for l in self.langs), subtitle=subtitle,
            labels=labels, values=values, value_labels=value_labels, targets=targets,
            target_labels=target_labels, percent=all(i.unit.kind in ("percent", "change") for i in inds),
            palette=theme.palette, text_color=theme.colors["text"], muted_color=theme.colors["muted"],
            font_size=theme.fonts["small"], size_mm=theme.chart_size_mm, langs=self.langs,
            periods=periods, matrix=matrix, matrix_labels=matrix_labels,
            fallback_font=str(self.layout.fallback_font) if self.layout.fallback_font else None)
        self.charts.append(spec)
        self.n_figures += 1
        caption = tuple((ir.Span(f"{word('figure', l)} {self.n_figures}  {title.get(l)}", l, blk.origin),) for l in self.langs)
        alt = tuple(ir.Span(self._alt(spec, inds, l, series), l, blk.origin) for l in self.langs)
        return ir.Figure(spec, caption, alt, blk.origin, f"f{self.n_figures}")

    def _joined(self, ind: Indicator, attr: str, with_unit: bool = True) -> str:
        return " / ".join(dict.fromkeys(self.value_text(ind, attr, l, with_unit=with_unit) for l in self.langs))

    def _label(self, ind: Indicator, series: str) -> tuple[str, ...]:
        if series == "target" and ind.target_year:
            return tuple(f"{ind.name.get(l)}{'（' if l == 'zh' else ' ('}{word('by_year', l, year=ind.target_year)}"
                         f"{'）' if l == 'zh' else ')'}" for l in self.langs)
        return tuple(ind.name.get(l) for l in self.langs)

    def _chart_subtitle(self, inds: list[Indicator], series: str, lang: Lang) -> str:
        parts = []
        units = {i.unit.id for i in inds}
        if len(units) == 1 and inds[0].unit.kind in ("count", "currency"):
            parts.append(f"{word('unit', lang)}{word('pair_sep', lang)}{inds[0].unit.get(lang)}")
        if series == "target":
            return "  ".join(parts + [word("target_values", lang)])
        as_of = {i.as_of for i in inds}
        base = {i.baseline_year for i in inds}
        if len(as_of) == 1 and None not in as_of:
            sep = "" if lang == "zh" else " "
            parts.append(f"{word('as_of', lang)}{sep}{localize.date(inds[0].as_of, lang)}")
        if len(base) == 1 and None not in base and all(i.unit.kind == "change" for i in inds):
            parts.append(word("vs_year", lang, year=inds[0].baseline_year))
        return "  ".join(parts)

    def _alt(self, spec: ir.ChartSpec, inds: list[Indicator], lang: Lang, series: str) -> str:
        title = spec.title[self.langs.index(lang)]
        if spec.kind == "progress":
            ind = inds[0]
            share = f"{ind.value / ind.target_value:.0%}"
            return word("chart_alt_progress", lang, title=title, value=self.value_text(ind, "value", lang),
                        target=self.value_text(ind, "target", lang), share=share)
        if spec.kind in ("grouped_bar", "line"):
            items = word("list_sep", lang).join(
                f"{i.name.get(lang)}{word('pair_sep', lang)}" + word("list_sep", lang).join(
                    f"{word('year_value', lang, year=p.period, value=localize.quantity(p.value, i.unit, p.qualifier, lang))}"
                    for p in i.series()) for i in inds)
            return word("chart_alt_bar", lang, title=title, items=items)
        attr = "target" if series == "target" else "value"
        items = word("list_sep", lang).join(
            f"{i.name.get(lang)}{word('pair_sep', lang)}{self.value_text(i, attr, lang)}" for i in inds)
        return word("chart_alt_bar", lang, title=title, items=items)


_CELL_FIELD = {"target": "target_value", "baseline": "baseline_value", "period": "period", "unit": "unit"}
