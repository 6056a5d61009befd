"""Stage 2 — read and validate a layout: ``layouts/*.yaml`` → ``Layout`` + diagnostics.

A layout is data: page, theme (its own file, shared), cover, and ordered sections of
blocks. ``extends:`` starts from another layout and overrides parts of it. The accepted
keys are declared once (``layoutspec``: ``LAYOUT``, ``THEME``); validation walks that declaration,
so every error is located as ``layouts/annual.yaml:LINE:COL`` with a hint.

The built-in layouts are those shipped with esgpublish (``builtin_layouts``): the
checkout's ``layouts/``, or its copy inside an installed package. ``--layout annual`` and
``extends: annual`` name one of them (a name has no slash and no ``.yaml``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..diagnostics import Collector, Location
from .crosscheck import check_against
from .hints import suggest
from .layoutcheck import check
from .layoutfiles import (DEFAULT_LAYOUT, MAX_EXTENDS, builtin_dir, builtin_files, builtin_layouts, is_layout_name,
                          load_chain, load_fallback, load_theme)
from .layoutmodel import Block, Layout, Page, Section, Theme, build_layout
from .layoutspec import (BLOCK, BLOCKS, CHART_KINDS, COLOR, COLOR_RE, EDITION_LANGS, EDITIONS, LAYOUT, PAGE_SIZES,
                         editions_made,
                         SELECT, SIZE, TABLE_COLUMNS, TEXT, THEME, M, Spec)

__all__ = ["BLOCK", "BLOCKS", "CHART_KINDS", "COLOR", "COLOR_RE", "DEFAULT_LAYOUT", "EDITIONS", "EDITION_LANGS",
           "editions_made",
           "LAYOUT", "MAX_EXTENDS", "PAGE_SIZES", "SELECT", "SIZE", "TABLE_COLUMNS", "TEXT", "THEME",
           "Block", "Layout", "M", "Page", "Section", "Spec", "Theme",
           "builtin_dir", "builtin_files", "builtin_layouts", "check_against", "is_layout_name", "load_layout",
           "suggest"]


def load_layout(path: Path, display: str | None = None, root: Path | None = None) -> tuple[Layout | None, Collector]:
    """Layout path → (Layout or None, diagnostics), following ``extends`` and ``theme``."""
    diags = Collector()
    display = display or str(path)
    root = (root or path.parent).resolve()
    doc = load_chain(path, display, diags, [], root)
    if doc is None:
        return None, diags
    check(doc.data, LAYOUT, (), doc, diags)
    check_name(doc.data.get("name"), path, doc, diags)
    theme_doc = load_theme(doc, path, diags, root)
    fallback = load_fallback(doc, path, diags, root)
    if not diags.ok:
        return None, diags
    layout = build_layout(doc, theme_doc, path)
    _check_text_block(layout, doc, diags)
    if not diags.ok:
        return None, diags
    return (replace(layout, fallback_font=fallback) if fallback else layout), diags


#: a layout's name is one component of the output files' names: plain ASCII, no path
NAME_RE = re.compile(r"[A-Za-z0-9_]{1,64}")


def check_name(name: object, path: Path, doc, diags: Collector) -> None:
    """The layout's ``name`` (or, without one, the file's stem) → an error unless it is a plain file-name part."""
    if name is not None and not isinstance(name, str):
        return  # the declaration's check reports the type
    value = name if name else path.stem
    if NAME_RE.fullmatch(value):
        return
    why = ("is longer than 64 characters" if len(value) > 64 else
           "may hold only ASCII letters, digits and _ (it names the output files)")
    shown = repr(value if len(value) <= 64 else value[:40] + "…")
    if name:
        diags.error(doc.loc(("name",)), f"the layout's name {shown} {why}",
                    "write a short plain name, e.g. name: annual_2024")
    else:
        diags.error(Location(doc.file), f"the layout has no name, and its file's name {shown} {why}",
                    "add a line such as name: annual_2024, or rename the file")


MIN_TEXT_MM = (90.0, 110.0)  # the text block's least width and height: a table, a figure, the cover fit


def _check_text_block(layout: Layout, doc, diags: Collector) -> None:
    """An error at the margins when they leave the text block narrower or lower than ``MIN_TEXT_MM``."""
    page = layout.page
    m = page.margins_mm
    width, height = page.width_mm - m["left"] - m["right"], page.height_mm - m["top"] - m["bottom"]
    for size, least, keys, what in ((width, MIN_TEXT_MM[0], ("left", "right"), "wide"),
                                    (height, MIN_TEXT_MM[1], ("top", "bottom"), "tall")):
        if size < least:
            diags.error(doc.loc(("page", "margins", keys[0])),
                        f"the margins leave a text block {size:g} mm {what} on a {page.width_mm:g} × {page.height_mm:g} mm "
                        f"page; it must be at least {least:g} mm {what}",
                        f"make the {keys[0]} and {keys[1]} margins smaller (together at most "
                        f"{(page.width_mm if what == 'wide' else page.height_mm) - least:g} mm)")
