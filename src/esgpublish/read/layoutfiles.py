"""Layout files: the built-in layouts, ``extends:`` chains, and the theme and fallback font a layout names."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from . import yamlsrc
from ..diagnostics import Collector, Location
from .hints import suggest
from .layoutcheck import check
from .layoutspec import THEME

MAX_EXTENDS = 8
#: the built-in layout published when none is named
DEFAULT_LAYOUT = "annual"


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


def load_fallback(doc: yamlsrc.Located, path: Path, diags: Collector, root: Path) -> Path | None:
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
            for tag in font.reader.keys():  # every table's data is there (a truncated file fails here)
                font.reader[tag]
            for tag in ("head", "hhea", "maxp", "cmap", "hmtx", "loca", "OS/2", "name", "post"):
                if tag in font:  # and the tables the renderers read decode
                    font[tag].compile(font) if tag == "cmap" else font[tag]
            fs_type = font["OS/2"].fsType if "OS/2" in font else 0
    except Exception as exc:  # not a font at all, or a damaged one
        diags.error(loc, f"'{ref}' is not a font file, or a damaged one: {exc.__class__.__name__}: {exc}",
                    "name a complete TrueType (.ttf) font; copy the file again if it was cut short")
        return None
    if fs_type == 0x0002 or fs_type & 0x0300:  # as the PDF renderer (reportlab) judges it
        diags.error(loc, f"'{ref}' may not be embedded (its licence flags, OS/2 fsType {fs_type:#06x}, forbid it)",
                    "name a font whose licence allows embedding")
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


def load_chain(path: Path, display: str, diags: Collector, seen: list[Path], root: Path) -> yamlsrc.Located | None:
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
    parent = load_chain(parent_path, _display(parent_path, display, path), diags, chain, root)
    if parent is None:
        return None
    merged = yamlsrc.Located(display, merge(parent.data, doc.data))
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


def merge(base: Any, over: Any) -> Any:
    """Deep-merge mappings; lists and scalars in ``over`` replace those in ``base``."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = merge(base.get(key), value) if key in base else value
        return out
    return over


def load_theme(doc: yamlsrc.Located, path: Path, diags: Collector, root: Path) -> yamlsrc.Located | None:
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
    check(theme.data, THEME, (), theme, diags)
    for key, spec in THEME.fields:
        if key != "chart" and not isinstance(theme.data.get(key), dict):
            diags.error(theme.loc(()), f"theme is missing '{key}'", f"add a '{key}:' section to the theme")
    return theme
