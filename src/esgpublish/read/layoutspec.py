"""The layout declaration: the keys a layout and a theme accept (``Spec``, ``LAYOUT``, ``THEME``, ``BLOCKS``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

EDITIONS = ("zh", "en", "bilingual", "zh-hant", "bilingual-hant")
DEFAULT_EDITIONS = ("zh", "en", "bilingual")  # a layout that names none publishes these
#: the languages each edition prints (zh_hant: Traditional Chinese, Hong Kong)
EDITION_LANGS: dict[str, tuple[str, ...]] = {"zh": ("zh",), "en": ("en",), "bilingual": ("zh", "en"),
                                             "zh-hant": ("zh_hant",), "bilingual-hant": ("zh_hant", "en")}
#: the Traditional editions derive from the Simplified ones: a layout that publishes the
#: Simplified edition makes the Traditional one too when asked for it by name
DERIVED_EDITIONS: dict[str, str] = {"zh-hant": "zh", "bilingual-hant": "bilingual"}


def editions_made(listed: tuple[str, ...], asked: tuple[str, ...] | None) -> tuple[str, ...]:
    """The editions a layout listing ``listed`` makes when ``asked`` for these (None: all it
    lists): each one it lists, and a Traditional one whose Simplified edition it lists."""
    if asked is None:
        return tuple(listed)
    return tuple(e for e in asked if e in listed or DERIVED_EDITIONS.get(e) in listed)
CHART_KINDS = ("bar", "grouped_bar", "line", "progress", "donut")
TABLE_COLUMNS = ("value", "periods", "change", "unit", "period", "baseline", "target", "hkex", "gri", "note")
PAGE_SIZES = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


# ---------------------------------------------------------------- declaration
@dataclass(frozen=True)
class Spec:
    """What a YAML value may be: its type, allowed values and, for maps, its keys."""

    type: str  # str | int | number | bool | color | text | map | list | block
    doc: str = ""
    required: bool = False
    choices: tuple[Any, ...] = ()
    fields: tuple[tuple[str, "Spec"], ...] = ()
    item: "Spec | None" = None
    minimum: float | None = None
    maximum: float | None = None
    placeholders: tuple[str, ...] = ()  # for texts: the {names} allowed besides {report.…}
    min_items: int | None = None  # for lists


def M(doc: str, **fields: Spec) -> Spec:
    return Spec("map", doc, fields=tuple(fields.items()))


TEXT = Spec("text", "text in both languages: {zh: …, en: …} (zh_hant: the Traditional text, else converted from zh); "
                   "may use {report.reporting_year} and the like")
SIZE = Spec("number", "font size in points", minimum=5, maximum=72)
COLOR = Spec("color", "colour as #RRGGBB")

THEME = M(
    "the look shared by the PDF, the DOCX and the charts",
    fonts=M("font sizes (pt) and line spacing",
            body=SIZE, small=SIZE, title=SIZE, h1=SIZE, h2=SIZE, h3=SIZE,
            leading=Spec("number", "line height as a multiple of the font size", minimum=1.0, maximum=3.0)),
    colors=M("colours",
             primary=COLOR, accent=COLOR, text=COLOR, muted=COLOR, rule=COLOR, zebra=COLOR, cover=COLOR),
    spacing=M("vertical spacing in points",
              paragraph=Spec("number", "space after a paragraph", minimum=0, maximum=72),
              block=Spec("number", "space around tables and figures", minimum=0, maximum=144)),
    table=M("KPI tables",
            style=Spec("str", "zebra stripes or rules between rows", choices=("zebra", "rules"))),
    chart=M("charts",
            palette=Spec("list", "series colours after the first two (colors.primary, colors.accent)", item=COLOR),
            width=Spec("number", "width in mm", minimum=40, maximum=300),
            height=Spec("number", "height in mm", minimum=30, maximum=300)),
)

BLOCK = Spec("block", "one block: a single key naming its kind")
from .assetspec import ASSET_BLOCKS  # noqa: E402  (image, box, free_table, materiality)
SELECT = M("indicators chosen by pillar, topic or unit (all given must match)",
           pillar=Spec("str", "E, S or G", choices=("E", "S", "G")),
           topic=Spec("str", "a topic id"),
           unit=Spec("str", "a unit id"),
           hkex=Spec("str", "an HKEX aspect or KPI code (B1 selects B1.1 and B1.2)"))
BLOCKS: dict[str, Spec] = {
    "heading": M("a sub-heading", text=Spec("text", "heading text", required=True),
                 level=Spec("int", "2 or 3", choices=(2, 3))),
    "narrative": Spec("str", "the id of a narrative block in the workbook"),
    "narratives": M("every narrative block of a pillar, a topic or an HKEX aspect, in workbook order (one an "
                    "earlier block printed is not printed again)",
                    pillar=Spec("str", "E, S or G", choices=("E", "S", "G")),
                    topic=Spec("str", "a topic id"),
                    hkex=Spec("str", "an HKEX aspect or KPI code the narrative reports (A1 selects A1 and A1.1 …)"),
                    headings=Spec("bool", "a sub-heading with the topic's name before each topic's text")),
    "kpi_table": M("a table of indicators",
                   title=TEXT,
                   indicators=Spec("list", "indicator ids, in order", item=Spec("str")),
                   select=SELECT,
                   columns=Spec("list", "columns after the indicator name", item=Spec("str", choices=TABLE_COLUMNS)),
                   decimals=Spec("int", "decimal places of every figure in the table (over the workbook's decimals)",
                                 choices=(0, 1, 2, 3, 4)),
                   notes=Spec("bool", "print the indicators' notes (note_zh/note_en) as the table's notes: a "
                                      "letter (a, b, c …) after the indicator's name, the note under the table")),
    "chart": M("a chart drawn from indicators",
               kind=Spec("str", "chart kind", required=True, choices=CHART_KINDS),
               indicators=Spec("list", "indicator ids", item=Spec("str")),
               select=SELECT,
               series=Spec("str", "plot the values (default) or the targets", choices=("value", "target")),
               share=Spec("bool", "progress charts: print the value's share of the target on the bar (only "
                                  "where both figures are exact, without a qualifier such as 近 or 超过)"),
               title=TEXT),
    "breakdown": M("an indicator broken down (Breakdowns sheet): a row per category of each dimension, "
                   "a column per year, and the total; with select, a table for each selected indicator "
                   "the workbook breaks down (none, silently, where it breaks down none)",
                   indicator=Spec("str", "the indicator's id"),
                   select=SELECT,
                   dimensions=Spec("list", "dimension ids, in order (default: all it is broken down by)",
                                   item=Spec("str")),
                   decimals=Spec("int", "decimal places of every figure (over the workbook's decimals)",
                                 choices=(0, 1, 2, 3, 4)),
                   orientation=Spec("str", "categories as rows and a column per year (rows, the default), or a "
                                           "table per dimension with a row per year and a column per category "
                                           "and the total (columns)", choices=("rows", "columns")),
                   chart=Spec("str", "draw a chart per dimension instead of the table: stacked (a bar per year, "
                                     "a segment per category, the total at its end; for quantities that add up) "
                                     "or grouped (a bar per category and year)", choices=("stacked", "grouped")),
                   title=TEXT),
    "cards": M("highlight cards: a large number and its label, in a grid",
               indicators=Spec("list", "indicator ids, in order", item=Spec("str")),
               select=SELECT,
               columns=Spec("int", "cards per row", choices=(2, 3, 4))),
    "content_index": M("a content index: each aspect and KPI of the HKEX framework of the reporting year (the "
                       "ESG Reporting Code from 2025, the Guide before) or each GRI disclosure, with the chapters "
                       "and pages where its indicators and narratives print, and the explanation of what is not "
                       "reported",
                       framework=Spec("str", "hkex (default) or gri", choices=("hkex", "gri")),
                       complete=Spec("bool", "a row for every aspect and KPI of the framework (an HKEX filing), "
                                             "and validate reports what is missing: a mandatory item as an error, "
                                             "a comply-or-explain KPI with neither data nor explanation as a "
                                             "warning; without it, the rows the report covers or explains"),
                       title=TEXT),
    "page_break": Spec("bool", "start a new page"),
    **ASSET_BLOCKS,
}

LAYOUT = M(
    "a report layout",
    name=Spec("str", "the layout's name, used in output file names"),
    title=Spec("text", "the report's title as printed (cover, running header, document properties); "
                       "may use {report.reporting_year}, {report.company} and the like (default: the workbook's title)"),
    extends=Spec("str", "a layout to start from: a built-in layout's name (annual, highlights), "
                        "or a path ending in .yaml, relative to this file"),
    editions=Spec("list", "editions this layout publishes", item=Spec("str", choices=EDITIONS), min_items=1),
    theme=Spec("str", "path of a theme file, relative to this file"),
    fallback_font=Spec("str", "a TrueType font (.ttf) for characters the shipped fonts lack, relative to this file"),
    theme_overrides=THEME,
    page=M("the page", size=Spec("str", "paper size", choices=tuple(PAGE_SIZES)),
           orientation=Spec("str", "portrait or landscape", choices=("portrait", "landscape")),
           margins=M("margins in mm", top=Spec("number", minimum=5, maximum=60),
                     bottom=Spec("number", minimum=5, maximum=60), left=Spec("number", minimum=5, maximum=60),
                     right=Spec("number", minimum=5, maximum=60))),
    cover=M("the cover page", show=Spec("bool", "print a cover"),
            disclaimer=Spec("bool", "print the workbook's disclaimer on the cover"),
            logo=Spec("bool", "print the workbook's logo (Report sheet: logo) on the cover (default true)"),
            stock_code=Spec("bool", "print the stock code (Report sheet: stock_code) on the cover (default true)")),
    back_cover=M("the back cover: the cover's colour over the whole page, with the logo, the company, "
                  "the stock code and a narrative of the workbook (its contact details, say)",
                  show=Spec("bool", "print a back cover (default false)"),
                  narrative=Spec("str", "the id of a narrative block printed on the back cover")),
    contents=M("the table of contents", show=Spec("bool", "print contents"),
               depth=Spec("int", "heading levels listed", choices=(1, 2))),
    header=M("running header", show=Spec("bool", "print a header on each page after the cover"),
             text=Spec("text", "the header's left text (default: the report's title); the right shows the chapter")),
    footer=M("running footer",
             text=Spec("text", "footer text with {page} and {pages} (default: 第 {page} 页 / 共 {pages} 页, Page {page} of {pages})",
                       placeholders=("page", "pages"))),
    bilingual=M("the bilingual edition",
                paragraphs=Spec("str", "each Chinese paragraph followed by its English one, or the two side by side",
                                choices=("stacked", "side_by_side"))),
    sections=Spec("list", "the report's chapters, in order", item=M(
        "a chapter: a title (or a pillar) and its blocks",
        title=TEXT,
        pillar=Spec("str", "take the title from a pillar", choices=("E", "S", "G")),
        new_page=Spec("bool", "start the chapter on a new page (default true)"),
        blocks=Spec("list", "the chapter's blocks", item=BLOCK),
    )),
)
