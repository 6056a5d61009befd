"""The validated layout (``Layout``, its page, theme, sections and blocks), built from checked YAML."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlsrc
from ..diagnostics import Location
from ..model.dataset import Text
from .layoutfiles import merge
from .layoutspec import DEFAULT_EDITIONS, PAGE_SIZES


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
    back_cover: dict[str, Any] = field(default_factory=lambda: {"show": False})
    back_cover_origin: Location | None = None  # the layout's back_cover key, for its diagnostics


def build_layout(doc: yamlsrc.Located, theme_doc: yamlsrc.Located | None, path: Path) -> Layout:
    data = doc.data
    t = merge(theme_doc.data if theme_doc else {}, data.get("theme_overrides", {}))
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
        editions=tuple(data.get("editions", DEFAULT_EDITIONS)), page=Page(w, h, margins), theme=theme,
        cover={"show": True, "disclaimer": True, **data.get("cover", {})},
        contents={"show": True, "depth": 2, **data.get("contents", {})},
        header={"show": True, **data.get("header", {})},
        footer=dict(data.get("footer", {})),
        sections=tuple(sections),
        bilingual=dict(data.get("bilingual", {})),
        title=Text(**data["title"]) if "title" in data else None,
        back_cover={"show": False, **data.get("back_cover", {})},
        back_cover_origin=doc.loc(("back_cover",), key=True) if "back_cover" in data else None,
    )
