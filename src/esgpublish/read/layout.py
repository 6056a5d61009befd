"""Stage 2 — read and validate a layout: ``layouts/*.yaml`` → ``Layout`` + diagnostics.

A layout is data: page, theme (its own file, shared), cover, and ordered sections of
blocks. ``extends:`` starts from another layout and overrides parts of it. The accepted
keys are declared once below (``LAYOUT``, ``THEME``); validation walks that declaration,
so every error is located as ``layouts/annual.yaml:LINE:COL`` with a hint.

The built-in layouts are those shipped with esgpublish (``builtin_layouts``): the
checkout's ``layouts/``, or its copy inside an installed package. ``--layout annual`` and
``extends: annual`` name one of them (a name has no slash and no ``.yaml``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import yamlsrc
from ..diagnostics import Collector, Location
from ..model.dataset import Dataset, Text
from .workbook import suggest

EDITIONS = ("zh", "en", "bilingual")
#: the languages each edition prints
EDITION_LANGS: dict[str, tuple[str, ...]] = {"zh": ("zh",), "en": ("en",), "bilingual": ("zh", "en")}
CHART_KINDS = ("bar", "grouped_bar", "line", "progress", "donut")
TABLE_COLUMNS = ("value", "periods", "change", "unit", "period", "baseline", "target", "hkex", "gri", "note")
PAGE_SIZES = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
MAX_EXTENDS = 8
#: the built-in layout published when none is named
DEFAULT_LAYOUT = "annual"


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


TEXT = Spec("text", "text in both languages: {zh: …, en: …}; may use {report.reporting_year} and the like")
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
SELECT = M("indicators chosen by pillar, topic or unit (all given must match)",
           pillar=Spec("str", "E, S or G", choices=("E", "S", "G")),
           topic=Spec("str", "a topic id"),
           unit=Spec("str", "a unit id"))
BLOCKS: dict[str, Spec] = {
    "heading": M("a sub-heading", text=Spec("text", "heading text", required=True),
                 level=Spec("int", "2 or 3", choices=(2, 3))),
    "narrative": Spec("str", "the id of a narrative block in the workbook"),
    "narratives": M("every narrative block of a pillar or topic, in workbook order",
                    pillar=Spec("str", "E, S or G", choices=("E", "S", "G")),
                    topic=Spec("str", "a topic id"),
                    headings=Spec("bool", "a sub-heading with the topic's name before each topic's text")),
    "kpi_table": M("a table of indicators",
                   title=TEXT,
                   indicators=Spec("list", "indicator ids, in order", item=Spec("str")),
                   select=SELECT,
                   columns=Spec("list", "columns after the indicator name", item=Spec("str", choices=TABLE_COLUMNS))),
    "chart": M("a chart drawn from indicators",
               kind=Spec("str", "chart kind", required=True, choices=CHART_KINDS),
               indicators=Spec("list", "indicator ids", item=Spec("str")),
               select=SELECT,
               series=Spec("str", "plot the values (default) or the targets", choices=("value", "target")),
               title=TEXT),
    "cards": M("highlight cards: a large number and its label, in a grid",
               indicators=Spec("list", "indicator ids, in order", item=Spec("str")),
               select=SELECT,
               columns=Spec("int", "cards per row", choices=(2, 3, 4))),
    "content_index": M("the HKEX ESG Reporting Guide content index of the indicators reported",
                       title=TEXT),
    "page_break": Spec("bool", "start a new page"),
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
            disclaimer=Spec("bool", "print the workbook's disclaimer on the cover")),
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


# ---------------------------------------------------------------- validated model
@dataclass(frozen=True)
class Theme:
    fonts: dict[str, float]
    colors: dict[str, str]
    spacing: dict[str, float]
    table_style: str
    palette: tuple[str, ...]
    chart_size_mm: tuple[float, float]


@dataclass(frozen=True)
class Page:
    width_mm: float
    height_mm: float
    margins_mm: dict[str, float]


@dataclass(frozen=True)
class Block:
    """One block of a section: its kind, its options and the layout line it came from."""

    kind: str
    options: dict[str, Any]
    origin: Location


@dataclass(frozen=True)
class Section:
    title: Text | None
    pillar: str | None
    blocks: tuple[Block, ...]
    origin: Location
    new_page: bool = True


@dataclass(frozen=True)
class Layout:
    name: str
    path: str
    editions: tuple[str, ...]
    page: Page
    theme: Theme
    cover: dict[str, bool]
    contents: dict[str, Any]
    header: dict[str, Any]
    footer: dict[str, Any]
    sections: tuple[Section, ...]
    bilingual: dict[str, Any] = field(default_factory=dict)
    fallback_font: Path | None = None
    title: Text | None = None  # the report's title (None: the workbook's)


# ---------------------------------------------------------------- built-in layouts
def is_layout_name(ref: str) -> bool:
    """Whether ``ref`` (``--layout``, ``extends:``) names a built-in layout rather than a file:
    a name has no slash and does not end in .yaml (or .yml)."""
    return bool(ref) and "/" not in ref and "\\" not in ref and not ref.lower().endswith((".yaml", ".yml"))


def builtin_dir() -> Path | None:
    """The folder of the built-in layouts (and their theme), or None when it is missing."""
    from ..fonts import shipped_dir

    return shipped_dir("layouts", f"{DEFAULT_LAYOUT}.yaml")


def builtin_layouts() -> dict[str, Path]:
    """The built-in layouts by name: {"annual": …/annual.yaml, "highlights": …}."""
    folder = builtin_dir()
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))} if folder else {}


def builtin_files() -> list[Path]:
    """Every file of the built-in layouts folder (layouts, themes, schemas), relative to it."""
    folder = builtin_dir()
    if folder is None:
        return []
    return sorted(p.relative_to(folder) for pattern in ("*.yaml", "*.json", "themes/*.yaml")
                  for p in folder.glob(pattern) if p.is_file())


# ---------------------------------------------------------------- loading
def load_layout(path: Path, display: str | None = None, root: Path | None = None) -> tuple[Layout | None, Collector]:
    """Layout path → (Layout or None, diagnostics), following ``extends`` and ``theme``."""
    diags = Collector()
    display = display or str(path)
    root = (root or path.parent).resolve()
    doc = _load_chain(path, display, diags, [], root)
    if doc is None:
        return None, diags
    _check(doc.data, LAYOUT, (), doc, diags)
    theme_doc = _load_theme(doc, path, diags, root)
    fallback = _load_fallback(doc, path, diags, root)
    if not diags.ok:
        return None, diags
    layout = _build(doc, theme_doc, path)
    return (replace(layout, fallback_font=fallback) if fallback else layout), diags


def _load_fallback(doc: yamlsrc.Located, path: Path, diags: Collector, root: Path) -> Path | None:
    """The layout's fallback font: a TrueType file inside the layouts folder."""
    ref = doc.data.get("fallback_font")
    if not isinstance(ref, str):
        return None
    loc = doc.loc(("fallback_font",))
    font_path = _resolve(path, ref, loc, diags, root)
    if font_path is None:
        return None
    try:
        from fontTools.ttLib import TTFont

        with TTFont(str(font_path), lazy=True) as font:
            outlines = "glyf" in font
            missing = [t for t in ("cmap", "maxp") if t not in font]
    except Exception as exc:  # not a font at all
        diags.error(loc, f"'{ref}' is not a font file: {exc}", "name a TrueType (.ttf) font")
        return None
    if missing:
        diags.error(loc, f"'{ref}' lacks the font tables {', '.join(missing)}", "name a complete TrueType (.ttf) font")
        return None
    if not outlines:
        diags.error(loc, f"'{ref}' has PostScript (CFF) outlines, which the PDF renderer cannot embed",
                    "convert it to TrueType outlines (tools/build_fonts.py shows how) or use a .ttf font")
        return None
    return font_path


def _resolve(base: Path, ref: str, loc: Location, diags: Collector, root: Path) -> Path | None:
    target = (base.parent / ref).resolve()
    builtin = builtin_dir()
    if not target.is_relative_to(root) and not (builtin and target.is_relative_to(builtin.resolve())):
        diags.error(loc, f"'{ref}' points outside the layouts folder ({root})",
                    "keep layouts and themes inside the project's layouts folder")
        return None
    if not target.is_file():
        diags.error(loc, f"no such file '{ref}'", "paths are relative to the file that names them")
        return None
    return target


def _display(path: Path, base_display: str, base: Path) -> str:
    try:
        return str(Path(base_display).parent / path.relative_to(base.parent.resolve()))
    except ValueError:
        return str(path)


def _load_chain(path: Path, display: str, diags: Collector, seen: list[Path], root: Path) -> yamlsrc.Located | None:
    doc = yamlsrc.load(path, display, diags)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        diags.error(doc.loc(()), "a layout must be a mapping of keys", "start with 'name: annual'")
        return None
    parent_ref = doc.data.get("extends")
    if parent_ref is None:
        return doc
    loc = doc.loc(("extends",))
    if not isinstance(parent_ref, str):
        diags.error(loc, "extends must be a built-in layout's name or a file path",
                    "for example: extends: annual (built in), or extends: mine.yaml")
        return None
    if is_layout_name(parent_ref):
        builtins = builtin_layouts()
        parent_path = builtins.get(parent_ref)
        if parent_path is None:
            diags.error(loc, f"no built-in layout named '{parent_ref}'",
                        suggest(parent_ref, list(builtins)) or
                        f"the built-in layouts are {', '.join(builtins) or '(none found)'}; "
                        "a layout file's path ends in .yaml")
            return None
        parent_path = parent_path.resolve()
    else:
        parent_path = _resolve(path, parent_ref, loc, diags, root)
    if parent_path is None:
        return None
    chain = seen + [path.resolve()]
    if parent_path in chain:
        names = " → ".join(p.name for p in chain + [parent_path])
        diags.error(loc, f"extends forms a cycle: {names}", "remove one of the extends: lines")
        return None
    if len(chain) > MAX_EXTENDS:
        diags.error(loc, f"extends chain deeper than {MAX_EXTENDS}", "flatten the layouts")
        return None
    parent = _load_chain(parent_path, _display(parent_path, display, path), diags, chain, root)
    if parent is None:
        return None
    merged = yamlsrc.Located(display, _merge(parent.data, doc.data))
    merged.marks = {**parent.marks, **doc.marks}
    merged.key_marks = {**parent.key_marks, **doc.key_marks}
    # a key that names the parent's theme file stays relative to the parent
    if "theme" not in doc.data and "theme" in parent.data:
        if isinstance(parent.data["theme"], str):
            merged.data["theme"] = str((parent_path.parent / parent.data["theme"]).resolve())
    if "fallback_font" not in doc.data and isinstance(parent.data.get("fallback_font"), str):
        merged.data["fallback_font"] = str((parent_path.parent / parent.data["fallback_font"]).resolve())
    merged.data.pop("extends", None)
    return merged


def _merge(base: Any, over: Any) -> Any:
    """Deep-merge mappings; lists and scalars in ``over`` replace those in ``base``."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = _merge(base.get(key), value) if key in base else value
        return out
    return over


def _load_theme(doc: yamlsrc.Located, path: Path, diags: Collector, root: Path) -> yamlsrc.Located | None:
    ref = doc.data.get("theme")
    if not isinstance(ref, str):
        if "theme" not in doc.data:
            diags.error(doc.loc(()), "missing key 'theme'", "name a theme file, e.g. theme: themes/default.yaml")
        return None
    theme_path = _resolve(path, ref, doc.loc(("theme",)), diags, root)
    if theme_path is None:
        return None
    theme = yamlsrc.load(theme_path, _display(theme_path, doc.file, path), diags)
    if theme is None:
        return None
    _check(theme.data, THEME, (), theme, diags)
    for key, spec in THEME.fields:
        if key != "chart" and not isinstance(theme.data.get(key), dict):
            diags.error(theme.loc(()), f"theme is missing '{key}'", f"add a '{key}:' section to the theme")
    return theme


def _check(value: Any, spec: Spec, path: tuple, doc: yamlsrc.Located, diags: Collector) -> None:
    """Validate ``value`` against ``spec``; every problem is located at its key or value."""
    loc = doc.loc(path)
    kinds = {"str": str, "int": int, "bool": bool, "list": list, "map": dict}
    if spec.type == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            diags.error(loc, f"'{path[-1]}' must be a number, not {_describe(value)}", spec.doc or None)
            return
        if spec.minimum is not None and not spec.minimum <= value <= (spec.maximum or value):
            diags.error(loc, f"'{path[-1]}' is {value}, outside {spec.minimum:g}–{spec.maximum:g}", spec.doc or None)
        return
    if spec.type == "color":
        if not isinstance(value, str) or not COLOR_RE.match(value):
            diags.error(loc, f"'{path[-1]}' must be a colour such as \"#0B6E4F\", not {_describe(value)}",
                        "quote the colour: a bare # starts a YAML comment")
        return
    if spec.type == "text":
        if isinstance(value, dict) and set(value) <= {"zh", "en"} and all(isinstance(v, str) and v.strip() for v in value.values()):
            if set(value) != {"zh", "en"}:
                missing = ({"zh", "en"} - set(value)).pop()
                diags.error(loc, f"'{path[-1]}' has no '{missing}' text", "give the text in both languages: {zh: …, en: …}")
            for lang, text in value.items():
                _check_text_placeholders(text, spec, doc.loc(path + (lang,)), diags)
            return
        diags.error(loc, f"'{path[-1]}' must be a text in both languages, not {_describe(value)}",
                    "write {zh: 中文, en: English}")
        return
    if spec.type == "block":
        _check_block(value, path, doc, diags)
        return
    expected = kinds[spec.type]
    if isinstance(value, bool) and expected is int or not isinstance(value, expected):
        what = {"str": "a text", "int": "a whole number", "bool": "true or false", "list": "a list",
                "map": "a mapping of keys"}[spec.type]
        name = path[-1] if path else "layout"
        diags.error(loc, f"'{name}' must be {what}, not {_describe(value)}", spec.doc or None)
        return
    if spec.choices and value not in spec.choices:
        diags.error(loc, f"'{value}' is not allowed for '{path[-2] if isinstance(path[-1], int) else path[-1]}'",
                    suggest(str(value), [str(c) for c in spec.choices]) or f"use one of {', '.join(map(str, spec.choices))}")
        return
    if spec.type == "map":
        fields = dict(spec.fields)
        for key in value:
            if key not in fields:
                diags.error(doc.loc(path + (key,), key=True), f"unknown key '{key}'",
                            suggest(str(key), list(fields)) or f"known keys: {', '.join(fields)}")
        for key, sub in fields.items():
            if key in value:
                _check(value[key], sub, path + (key,), doc, diags)
            elif sub.required:
                diags.error(loc, f"missing key '{key}'", sub.doc or None)
    elif spec.type == "list":
        if spec.min_items and len(value) < spec.min_items:
            choices = spec.item.choices if spec.item is not None else ()
            diags.error(loc, f"'{path[-1]}' is empty" if not value else
                        f"'{path[-1]}' needs at least {spec.min_items} items",
                        f"list one or more of {', '.join(map(str, choices))}" if choices else spec.doc or None)
        for i, item in enumerate(value if spec.item is not None else ()):
            _check(item, spec.item, path + (i,), doc, diags)


def _check_text_placeholders(text: str, spec: Spec, loc: Location, diags: Collector) -> None:
    from ..model import placeholders

    if placeholders.unbalanced_brace(text) is not None:
        diags.error(loc, f"unbalanced brace in '{text}'", "write {{ and }} for literal braces")
        return
    allowed = [f"report.{a}" for a in placeholders.REPORT_ATTRS] + list(spec.placeholders)
    for part in placeholders.parse(text):
        if isinstance(part, str):
            continue
        name = part.raw[1:-1].strip()
        if name not in allowed:
            diags.error(loc, f"unknown placeholder {part.raw} in a layout text",
                        suggest(name, allowed) or f"use one of {', '.join('{' + a + '}' for a in allowed)}")


def _check_block(value: Any, path: tuple, doc: yamlsrc.Located, diags: Collector) -> None:
    if not isinstance(value, dict) or len(value) != 1:
        diags.error(doc.loc(path), "a block must be a single key naming its kind",
                    f"for example '- narrative: about'; kinds: {', '.join(BLOCKS)}")
        return
    (kind, options), = value.items()
    if kind not in BLOCKS:
        diags.error(doc.loc(path + (kind,), key=True), f"unknown block kind '{kind}'",
                    suggest(str(kind), list(BLOCKS)) or f"kinds: {', '.join(BLOCKS)}")
        return
    _check(options, BLOCKS[kind], path + (kind,), doc, diags)
    if kind in ("kpi_table", "chart", "cards") and isinstance(options, dict) and ("indicators" in options) == ("select" in options):
        diags.error(doc.loc(path + (kind,)), f"a {kind} needs either 'indicators' or 'select'",
                    "list indicator ids, or select: {pillar: E}")


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return f"'{value}'"


def _build(doc: yamlsrc.Located, theme_doc: yamlsrc.Located | None, path: Path) -> Layout:
    data = doc.data
    t = _merge(theme_doc.data if theme_doc else {}, data.get("theme_overrides", {}))
    chart = t.get("chart", {})
    colors = {"primary": "#0B6E4F", "accent": "#E07A1F", "text": "#222222", "muted": "#666666",
              "rule": "#B8C4BE", "zebra": "#EEF4F1", "cover": "#0B6E4F", **t.get("colors", {})}
    theme = Theme(
        fonts={"body": 10, "small": 8, "title": 26, "h1": 18, "h2": 13, "h3": 11, "leading": 1.6, **t.get("fonts", {})},
        colors=colors,
        spacing={"paragraph": 6, "block": 12, **t.get("spacing", {})},
        table_style=t.get("table", {}).get("style", "zebra"),
        palette=(colors["primary"], colors["accent"], *chart.get("palette", ["#3A7CA5", "#8AA29E"])),
        chart_size_mm=(float(chart.get("width", 160)), float(chart.get("height", 70))),
    )
    page = data.get("page", {})
    w, h = PAGE_SIZES[page.get("size", "A4")]
    if page.get("orientation") == "landscape":
        w, h = h, w
    margins = {"top": 22, "bottom": 20, "left": 20, "right": 20, **page.get("margins", {})}
    sections = []
    for i, sec in enumerate(data.get("sections", [])):
        blocks = []
        for j, blk in enumerate(sec.get("blocks", [])):
            (kind, options), = blk.items()
            if kind == "narrative":
                options = {"id": options}
            elif kind == "page_break":
                options = {}
            blocks.append(Block(kind, options, doc.loc(("sections", i, "blocks", j, kind), key=True)))
        title = Text(**sec["title"]) if "title" in sec else None
        sections.append(Section(title, sec.get("pillar"), tuple(blocks), doc.loc(("sections", i)),
                                sec.get("new_page", True)))
    return Layout(
        name=str(data.get("name") or path.stem), path=doc.file,
        editions=tuple(data.get("editions", EDITIONS)), page=Page(w, h, margins), theme=theme,
        cover={"show": True, "disclaimer": True, **data.get("cover", {})},
        contents={"show": True, "depth": 2, **data.get("contents", {})},
        header={"show": True, **data.get("header", {})},
        footer=dict(data.get("footer", {})),
        sections=tuple(sections),
        bilingual=dict(data.get("bilingual", {})),
        title=Text(**data["title"]) if "title" in data else None,
    )


def check_against(layout: Layout, dataset: Dataset) -> Collector:
    """Cross-check a layout against a dataset: ids exist, selectors match, charts can be drawn."""
    from ..model import select

    diags = Collector()
    for sec in layout.sections:
        if sec.title is None and sec.pillar is None:
            diags.error(sec.origin, "a section needs a 'title' or a 'pillar'", "add title: {zh: …, en: …}")
        for blk in sec.blocks:
            opts = blk.options
            if blk.kind == "narrative" and opts["id"] not in dataset.narratives:
                diags.error(blk.origin, f"unknown narrative id '{opts['id']}'",
                            suggest(str(opts["id"]), list(dataset.narratives)) or "use an id from the Narrative sheet")
            for ident in opts.get("indicators", []):
                if ident not in dataset.indicators:
                    diags.error(blk.origin, f"unknown indicator id '{ident}'",
                                suggest(str(ident), list(dataset.indicators)) or "use an id from the Indicators sheet")
            selector = opts.get("select") if blk.kind in ("kpi_table", "chart", "cards") else \
                opts if blk.kind == "narratives" else None
            if selector is None:
                if blk.kind == "chart":
                    _check_chart_data(blk, dataset, diags)
                continue
            found = select.narratives(dataset, selector) if blk.kind == "narratives" else \
                select.chart_indicators(dataset, opts) if blk.kind == "chart" else select.indicators(dataset, opts)
            if not found:
                what = " and ".join(f"{k} '{v}'" for k, v in selector.items() if k != "headings") or "everything"
                diags.warning(blk.origin, f"{blk.kind} selects nothing ({what}) and is left out",
                              "check the selector, or remove the block")
            elif blk.kind == "chart":
                _check_chart_data(blk, dataset, diags)
    _check_layout_glyphs(layout, diags)
    return diags


def _check_layout_glyphs(layout: Layout, diags: Collector) -> None:
    """Every text the layout itself prints must be printable in the shipped fonts."""
    from .. import fonts

    def check(text: Any, loc: Location) -> None:
        if isinstance(text, dict):
            text = "".join(str(v) for v in text.values())
        elif isinstance(text, Text):
            text = text.zh + text.en
        message = fonts.missing_glyphs_error(str(text), layout.fallback_font)
        if message:
            diags.error(loc, message, fonts.GLYPH_HINT)

    for sec in layout.sections:
        if sec.title:
            check(sec.title, sec.origin)
        for blk in sec.blocks:
            for key in ("title", "text"):
                if isinstance(blk.options, dict) and key in blk.options:
                    check(blk.options[key], blk.origin)
    if layout.title is not None:
        check(layout.title, Location(layout.path))
    for part in (layout.header, layout.footer):
        if "text" in part:
            check(part["text"], Location(layout.path))


def _check_chart_data(blk: Block, dataset: Dataset, diags: Collector) -> None:
    from ..model import select

    inds = select.chart_indicators(dataset, blk.options)
    kind, series = blk.options["kind"], blk.options.get("series", "value")
    for ind in inds:
        if select.chartable(ind, kind, series):
            continue
        if kind == "progress":
            diags.error(blk.origin, f"a progress chart needs a value and a target; '{ind.id}' lacks one",
                        f"fill in {ind.cell('value')} and {ind.cell('target_value')}, or choose another kind")
        elif kind in ("grouped_bar", "line"):
            diags.error(blk.origin, f"a {kind.replace('_', ' ')} chart needs values for two or more years; "
                        f"'{ind.id}' has {len(ind.series())}", "add its earlier years to the Periods sheet")
        elif series == "target":
            diags.error(blk.origin, f"a chart of targets needs a target; '{ind.id}' has none",
                        f"fill in {ind.cell('target_value')}")
        else:
            diags.error(blk.origin, f"a bar chart needs numbers; '{ind.id}' has none", f"see {ind.cell('value')}")
    if kind != "progress" and len({i.unit.id for i in inds}) > 1:
        diags.error(blk.origin, f"a {kind.replace('_', ' ')} chart's indicators must share one unit",
                    ", ".join(f"{i.id}: {i.unit.id}" for i in inds))
