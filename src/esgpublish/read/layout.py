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

from dataclasses import replace
from pathlib import Path

from ..diagnostics import Collector
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
    theme_doc = load_theme(doc, path, diags, root)
    fallback = load_fallback(doc, path, diags, root)
    if not diags.ok:
        return None, diags
    layout = build_layout(doc, theme_doc, path)
    return (replace(layout, fallback_font=fallback) if fallback else layout), diags
