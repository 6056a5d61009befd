"""Stage 3 — compose: (Dataset, Layout, edition) → ``ir.Document``.

Decides every word and number printed, in each language of the edition, through
``localize`` (Babel) and the ``words`` catalogue, and every presentation decision through
``styles`` (the theme resolved) and ``measure`` (the fonts' metrics). Each value span
keeps the workbook cells it came from; headings, tables and figures keep their layout line.
Tables are in ``tables.py``, figures in ``figures.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .. import ir
from ..diagnostics import Collector, Location
from ..model import placeholders
from ..model.dataset import Dataset, Indicator, Lang, Text, is_chinese
from ..read.layout import EDITION_LANGS, Block, Layout
from . import assets, figures, localize, measure, styles, tables, typography
from .lines import origins, stack, value_origins
from .narrative import char_styles as narrative_chars, para_styles as narrative_styles
from .words import pillar, text as word_text, word


@dataclass(frozen=True)
class PendingIndex:
    """A content index's place in the body while the blocks it points to are composed."""

    block: Block
    number: int  # its table number, where it stands


def compose(dataset: Dataset, layout: Layout, edition: str) -> ir.Document:
    """Dataset + layout + edition → the edition's document IR."""
    return Composer(dataset, layout, edition).document()


def compose_checked(dataset: Dataset, layout: Layout, edition: str) -> tuple[ir.Document, Collector]:
    """Dataset + layout + edition → the document IR and what cannot be laid out (a table
    header taller than the page …), located at the layout's block."""
    composer = Composer(dataset, layout, edition)
    return composer.document(), composer.problems


class Composer:
    """Composes one edition; the table and figure builders share its counters."""

    def __init__(self, dataset: Dataset, layout: Layout, edition: str):
        self.ds, self.layout, self.edition = dataset, layout, edition
        self.langs: tuple[Lang, ...] = EDITION_LANGS[edition]
        self.languages = styles.languages(self.langs)
        self.theme = layout.theme
        self.page = styles.page_geometry(layout.page)
        self.para_styles = {s.name: s for s in styles.para_styles(self.theme, self.languages)}
        self.para_styles.update((s.name, s) for s in narrative_styles(self.theme, self.languages))
        self.n_tables = 0
        self.n_figures = 0
        self.n_headings = 0
        self.block_decimals: int | None = None  # the layout block's decimals, while it is composed
        self.charts: list[ir.ChartSpec] = []
        self.fallback = layout.fallback_font
        self.chapter: Text | None = None  # the chapter being composed
        # (framework, code) → where it is reported: (anchor, chapter), in reading order
        self.coverage: dict[tuple[str, str], list[tuple[str, Text]]] = {}
        self.n_anchors = 0
        self.problems = Collector()  # what the renderers could not lay out, found while composing
        self.printed: set[str] = set()  # narratives printed so far (a selection skips them)
        self.n_notes = 0  # footnotes so far (numbered through the document)

    # ------------------------------------------------------------ text
    def lines(self, text: Text, origin: Location | None = None) -> tuple[ir.Line, ...]:
        """A workbook or layout text → one line per language, in that language's typography."""
        return tuple((ir.Span(typography.refine(text.get(lang), lang), lang, origins(origin)),)
                     for lang in self.langs)

    def words(self, key: str, **fields: object) -> tuple[ir.Line, ...]:
        """A word of the catalogue → one line per language."""
        return tuple((ir.Span(word(key, lang, **fields), lang),) for lang in self.langs)

    def para(self, lines: tuple[ir.Line, ...], style: str, second: str | None = "second") -> ir.Paragraph:
        """Lines (one per language) → a paragraph in ``style``; later languages in ``second``."""
        lang = lines[0][0].lang if lines and lines[0] else self.langs[0]
        return ir.Paragraph(stack(lines, second) if second else lines, style, lang)

    def one_line(self, lines: tuple[ir.Line, ...]) -> ir.Line:
        """Lines in several languages → one line, joined by the catalogue's separator."""
        out: list[ir.Span] = []
        for i, line in enumerate(lines):
            if i:
                out.append(ir.Span(word("lang_sep", line[0].lang if line else self.langs[0]), self.langs[0]))
            out.extend(line)
        return tuple(out)

    def period(self, year: int, lang: Lang) -> str:
        """A reporting period (the year it ends in) as printed: 2022, or 2023/24 for a fiscal year."""
        return localize.year(year, lang, self.ds.meta.year_end)

    def decimals(self, ind: Indicator) -> int | None:
        """The decimal places an indicator prints with: the current layout block's, else the workbook's."""
        return self.block_decimals if self.block_decimals is not None else ind.decimals

    def scales(self, ind: Indicator, values) -> dict[Lang, int]:
        """The one scale, per language, for figures of ``ind`` printed side by side (its years,
        its breakdown): never 16.85万 beside 41,900 (``localize.scale_power``)."""
        values = list(values)  # read once: a generator serves every language
        return {l: localize.scale_power(values, l, money=ind.unit.kind == "currency",
                                        decimals=self.decimals(ind)) for l in self.langs}

    def value_text(self, ind: Indicator, attr: str, lang: Lang, *, with_unit: bool = True) -> str:
        """One attribute of an indicator in the language's form (placeholders and cells)."""
        d = self.decimals(ind)
        if attr == "value":
            if ind.value is None:
                return word("not_applicable" if ind.status == "not_applicable" else "not_disclosed", lang)
            return localize.quantity(ind.value, ind.unit, ind.qualifier, lang, with_unit=with_unit, decimals=d)
        if attr == "target":
            return localize.quantity(ind.target_value, ind.unit, ind.target_qualifier, lang, with_unit=with_unit,
                                     decimals=d)
        if attr == "baseline":
            return localize.quantity(ind.baseline_value, ind.unit, None, lang, with_unit=with_unit, decimals=d)
        if attr == "target_year":  # a target's year is a calendar year (by 2030)
            return localize.year(ind.target_year, lang)
        if attr in ("baseline_year", "period"):
            return self.period(getattr(ind, attr), lang)
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
            return self.period(meta.reporting_year, lang)
        return getattr(meta, attr).get(lang)

    def fill(self, text: str, lang: Lang, origin: Location | None) -> ir.Line:
        """Narrative text with placeholders → spans; each value span keeps its cell."""
        spans: list[ir.Span] = []
        for part in placeholders.parse(text):
            if isinstance(part, str):
                part = typography.refine_after(part, lang, "".join(s.text for s in spans))
                spans.append(ir.Span(part, lang, origins(origin)))
            elif part.ref == "report":
                spans.append(ir.Span(self.report_text(part.attr, lang), lang,
                                     origins(self.ds.meta.origins.get(part.attr)), keep=True, placeholder=part.raw))
            else:
                ind = self.ds.indicators[part.ref]
                field = {"value": "value", "target": "target_value", "baseline": "baseline_value"}.get(part.attr, part.attr)
                spans.append(ir.Span(self.value_text(ind, part.attr, lang), lang, value_origins(ind, field), keep=True,
                                     placeholder=part.raw))
        return tuple(spans)

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
        return Text(fill(text.zh, "zh"), fill(text.en, "en"),
                    zh_hant=fill(text.get("zh_hant"), "zh_hant") if "zh_hant" in self.langs else None)

    def text_of(self, make) -> Text:
        """A text made per language (``make(lang)`` → str) → a Text in the edition's languages."""
        return Text(make("zh"), make("en"), zh_hant=make("zh_hant") if "zh_hant" in self.langs else None)

    def title(self) -> Text:
        """The report's title: the layout's (filled from the workbook), else the workbook's."""
        own = getattr(self.layout, "title", None)
        return self.layout_text(own) if own else self.ds.meta.title

    # ------------------------------------------------------------ document
    def document(self) -> ir.Document:
        meta = self.ds.meta
        body: list[ir.Block] = []
        for sec in self.layout.sections:
            title = self.layout_text(sec.title) if sec.title else pillar(sec.pillar)
            self.chapter = title
            content = self.section_blocks(sec.blocks)
            if not content and sec.blocks:
                continue  # every block selected nothing: check_against has warned
            body.append(self.heading(1, title, sec.origin, new_page=sec.new_page))
            if len(content) > 1 and isinstance(content[-1], ir.Figure):  # a chapter's last figure is never alone
                content[-1] = replace(content[-1], keep_with_previous=True)
            for b in content:  # consecutive page breaks make one: never an empty page
                if not (isinstance(b, ir.PageBreak) and isinstance(body[-1], ir.PageBreak)):
                    body.append(b)
        # a content index is made last, where it stands, once every block it points to exists
        body = [tables.content_index(self, b.block, b.number) if isinstance(b, PendingIndex) else b for b in body]
        if self.layout.contents["show"]:
            body.insert(0, self.contents(body))
        title = self.title()
        sep = word("lang_sep", self.langs[0])
        header = self.header(title) if self.layout.header["show"] else None
        if header:
            header, body = self.fit_running_header(header, body)
        return ir.Document(
            edition=self.edition, languages=self.languages,
            meta=ir.Metadata(
                title=_property(sep.join(title.get(l) for l in self.langs)),
                author=_property(sep.join(meta.author.get(l) for l in self.langs)),
                subject=_property(sep.join(meta.subject.get(l) for l in self.langs) if meta.subject else ""),
                keywords=_property(word("list_sep", "en").join(meta.keywords.get(l) for l in self.langs)
                                   if meta.keywords else ""),
                lang=self.languages[0].bcp47, date=meta.publication_date),
            page=self.page, char_styles=styles.char_styles(self.theme) + tuple(narrative_chars(self.theme)),
            para_styles=tuple(self.para_styles.values()),
            cover=self.cover(title) if self.layout.cover["show"] else None,
            body=tuple(body), header=header,
            footer=self.footer(), charts=tuple(self.charts),
            fallback_font=str(self.fallback) if self.fallback else None,
            cjk_font=styles.cjk_family(self.langs),
            back_cover=assets.back_cover(self) if self.layout.back_cover.get("show") else None,
        )

    def cover(self, title: Text) -> ir.Cover:
        meta = self.ds.meta
        mm = styles.MM
        on_band: list = [ir.Space(30 * mm)]
        on_band += [ir.Paragraph((line,), "cover-subtitle", line[0].lang)
                    for line in self.lines(meta.company, meta.origins.get("company"))]
        on_band.append(ir.Space(4 * mm))
        on_band += [ir.Paragraph((line,), "cover-title" if i == 0 else "cover-title-2", line[0].lang)
                    for i, line in enumerate(self.lines(title, meta.origins.get("title")))]
        on_band.append(ir.Space(3 * mm))
        if meta.subtitle:
            on_band += [ir.Paragraph((line,), "cover-subtitle", line[0].lang) for line in self.lines(meta.subtitle)]
        below: list = [ir.Paragraph(((ir.Span(f"{word('published', l)}{word('pair_sep', l)}"
                                               f"{localize.date(meta.publication_date, l)}", l,
                                               origins(meta.origins.get("publication_date"))),),), "cover-meta", l)
                       for l in self.langs]
        if meta.disclaimer and self.layout.cover["disclaimer"]:
            below.append(ir.Space(8 * mm))
            below += [ir.Paragraph((self.fill(meta.disclaimer.get(l), l, meta.origins.get("disclaimer")),),
                                   "disclaimer", l) for l in self.langs]
        return assets.cover(self, ir.Cover(styles.cover_band(self.theme, self.page), tuple(on_band), tuple(below)))

    def header(self, title: Text) -> ir.Furniture:
        """The running header: the report's (or the layout's) title left, the chapter right."""
        text = self.layout_text(self.layout.header["text"]) if "text" in self.layout.header else title
        left: list[ir.Part] = []
        for i, l in enumerate(self.langs):
            if i:
                left.append(ir.Span(word("furniture_sep", l), l))
            left.append(ir.Span(text.get(l), l))
        return ir.Furniture(tuple(left), (), (ir.ChapterTitle(),), "furniture", styles.header_rule(self.theme),
                            rule_below=2.5 * styles.MM)

    def fit_running_header(self, header: ir.Furniture, body: list[ir.Block]) -> tuple[ir.Furniture, list[ir.Block]]:
        """The running header on one line, nothing overprinting: a chapter title keeps at least
        40 % of the line and is shortened with "…" beyond the room the report's title leaves;
        the report's title is shortened to what the longest chapter title leaves it."""
        style = self.para_styles[header.style]
        full, gap = self.page.frame_width, 8 * styles.MM

        def width(line) -> float:
            return sum(measure.width(s.text, s.lang, style.size, False, self.fallback, style.script_gap)
                       for s in line if isinstance(s, ir.Span))

        chapters = [b for b in body if isinstance(b, ir.Heading) and b.level == 1]
        chapter_room = max(full - width(header.left) - gap, 0.4 * full)
        widest = max((width(h.title) for h in chapters), default=0.0)
        title_room = full - min(widest, chapter_room) - gap
        if width(header.left) > title_room:
            left = measure.shorten_line(header.left, style.size, title_room, fallback=self.fallback,
                                        gap=style.script_gap)
            header = replace(header, left=left)
        body = [replace(b, running=measure.shorten_line(b.title, style.size, chapter_room, fallback=self.fallback,
                                                        gap=style.script_gap))
                if isinstance(b, ir.Heading) and b.level == 1 and width(b.title) > chapter_room else b
                for b in body]
        return header, body

    def footer(self) -> ir.Furniture:
        """The footer: "page N of M" in each language (or the layout's text), centred."""
        custom = self.layout.footer.get("text")
        parts: list[ir.Part] = []
        for i, l in enumerate(self.langs):
            if i:
                parts.append(ir.Span(word("furniture_sep", l), l))
            raw = self.layout_text(custom).get(l) if custom else word("page_of", l, page="{page}", pages="{pages}")
            for piece in _fields(raw):
                parts.append(ir.PageNumber() if piece == "{page}" else ir.PageCount() if piece == "{pages}"
                             else ir.Span(piece, l))
        return ir.Furniture((), tuple(parts), (), "furniture")

    def contents(self, body: list[ir.Block]) -> ir.Contents:
        depth = self.layout.contents["depth"]
        entries = tuple(ir.ContentsEntry(h.anchor, h.title, h.level, f"contents-{h.level}")
                        for h in body if isinstance(h, ir.Heading) and h.level <= depth)
        return ir.Contents(self.para(self.words("contents"), "contents-title", "second-contents-title"),
                           entries, depth, word("leader", self.langs[0]))

    def heading(self, level: int, text: Text, origin: Location | None, new_page: bool = False) -> ir.Heading:
        self.n_headings += 1
        lines = self.lines(text, origin)
        return ir.Heading(level, stack(lines, f"second-h{level}"), f"h{level}", f"h{self.n_headings}",
                          self.one_line(lines), origin, new_page, min_space=40 * styles.MM)

    def section_blocks(self, blocks) -> list[ir.Block]:
        """A chapter's layout blocks → IR blocks. A table, chart or cards block that follows
        the topics' own sub-headings belongs to the chapter, not to the last topic: it gets a
        sub-heading of its own ('关键数据 / Key figures') unless the layout gives one."""
        out: list[ir.Block] = []
        under_topic = False
        for blk in blocks:
            nodes = self.block(blk)
            if blk.kind == "heading":
                under_topic = False
            elif blk.kind in ("kpi_table", "chart", "cards", "breakdown") and under_topic and nodes:
                out.append(self.heading(2, word_text("key_figures"), blk.origin))
                under_topic = False
            elif blk.kind == "narratives" and any(isinstance(n, ir.Heading) for n in nodes):
                under_topic = True
            out.extend(nodes)
        return out

    def block(self, blk: Block) -> list[ir.Block]:
        """One layout block → IR blocks (none when its selector matches nothing)."""
        self.block_decimals = blk.options.get("decimals") if isinstance(blk.options, dict) else None
        try:
            return self._block(blk)
        finally:
            self.block_decimals = None

    def _block(self, blk: Block) -> list[ir.Block]:
        from ..model import select

        opts = blk.options
        if blk.kind == "heading":
            return [self.heading(opts.get("level", 2), self.layout_text(opts["text"]), blk.origin)]
        if blk.kind == "narrative":
            return self.narrative(self.ds.narratives[opts["id"]])
        if blk.kind == "narratives":  # a selection never prints again what an earlier block printed
            out: list[ir.Block] = []
            for topic_id, items in select.narratives(self.ds, opts):
                items = [nar for nar in items if nar.id not in self.printed]
                if not items:
                    continue
                if opts.get("headings") and topic_id in self.ds.topics:
                    out.append(self.heading(2, self.ds.topics[topic_id].name, blk.origin))
                for nar in items:
                    out.extend(self.narrative(nar))
            return out
        if blk.kind == "page_break":
            return [ir.PageBreak()]
        if blk.kind == "cards":
            inds = select.indicators(self.ds, opts)
            if not inds:
                return []
            return [self.covers(replace(tables.cards(self, blk, inds), anchor=self.anchor("c")), inds)]
        if blk.kind == "content_index":
            self.n_tables += 1  # its number, where it stands; it is made at the end (``document``)
            return [PendingIndex(blk, self.n_tables)]
        if blk.kind == "kpi_table":
            inds = select.indicators(self.ds, opts)
            if not inds:
                return []
            table = tables.kpi_table(self, blk, inds)
            for ind, row in zip(inds, table.rows):  # each indicator's row: where the index points
                self.covers(row[0], [ind])
            return [table]
        if blk.kind == "breakdown":
            inds = [self.ds.indicators[opts["indicator"]]] if "indicator" in opts else \
                [i for i in select.indicators(self.ds, opts) if i.breakdowns]
            if opts.get("chart"):  # a chart per dimension (stacked or grouped)
                return [self.covers(f, [i]) for i in inds
                        for d in opts.get("dimensions") or dict.fromkeys(b.dimension for b in i.breakdowns)
                        if d in self.ds.dimensions and (f := figures.breakdown_figure(self, blk, i, d))]
            return [self.covers(t, [i]) for i in inds for t in tables.breakdown_table(self, blk, i)]
        if blk.kind == "chart":
            inds = select.chart_indicators(self.ds, opts)
            return [self.covers(figures.figure(self, blk, inds), inds)] if inds else []
        if blk.kind in assets.KINDS:  # image, box, free_table, materiality
            return assets.block(self, blk)
        raise ValueError(blk.kind)

    def anchor(self, kind: str) -> str:
        """A new anchor name: ``kind`` (r a table row, n a narrative, c cards) and a number."""
        self.n_anchors += 1
        return f"{kind}{self.n_anchors}"

    def covers(self, node, inds: list[Indicator] = (), hkex: tuple[str, ...] = (), gri: tuple[str, ...] = ()):
        """Record that ``node`` (by its anchor) reports the framework codes of ``inds`` (or
        ``hkex``, ``gri``) in the current chapter, for the content index; → the node."""
        for framework, codes in (("hkex", [*hkex, *(c for i in inds for c in i.hkex_codes)]),
                                 ("gri", [*gri, *(c for i in inds for c in i.gri_codes)])):
            for code in dict.fromkeys(codes):
                self.coverage.setdefault((framework, code), []).append((node.anchor, self.chapter))
        return node

    def narrative(self, nar) -> list[ir.Block]:
        self.printed.add(nar.id)
        return self._narrative(nar)

    def _narrative(self, nar) -> list[ir.Block]:
        """A narrative block → its paragraphs and lists per language (``narrative.py``: markup),
        side by side where the layout says so and each language is one paragraph; in a bilingual
        edition the translation is muted. A narrative reporting framework codes is anchored
        (its first block), for the content index."""
        from . import narrative

        per_lang = narrative.narrative(self, nar)
        if nar.hkex_codes or nar.gri_codes:
            per_lang[0][0] = self.covers(replace(per_lang[0][0], anchor=self.anchor("n")), hkex=nar.hkex_codes,
                                         gri=nar.gri_codes)
        if len(per_lang) == 2 and self.layout.bilingual.get("paragraphs") == "side_by_side" \
                and all(len(b) == 1 and isinstance(b[0], ir.Paragraph) for b in per_lang):
            return [ir.Parallel(per_lang[0][0], per_lang[1][0], 6 * styles.MM)]
        return [b for blocks in per_lang for b in blocks]


PROPERTY_CHARS = 255  # a document property (title, author …): Word's and python-docx's limit


def _property(text: str) -> str:
    """A document property's text → at most 255 characters (over-long ones cut, with "…"), on one line."""
    text = " ".join(text.split())
    return text if len(text) <= PROPERTY_CHARS else text[:PROPERTY_CHARS - 1].rstrip() + "…"


def _fields(raw: str) -> list[str]:
    """Footer text → pieces, ``{page}`` and ``{pages}`` standing alone."""
    import re

    return [p for p in re.split(r"(\{page\}|\{pages\})", raw) if p]
