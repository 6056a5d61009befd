"""The optional sheets of assets → images (checked files of the ``assets/`` folder beside the
workbook), free-form tables and materiality scores; the Report sheet's logo checked against
the images."""
from __future__ import annotations

from pathlib import Path

from ..diagnostics import Collector, Location
from ..model.assets import FreeTable, ImageAsset, MaterialTopic
from ..model.dataset import ReportMeta, Text
from . import cellvalues as cell
from .assetschema import TABLE_COLUMNS, TABLE_ROW_KINDS
from .hints import suggest
from .images import read_image
from .xlsxread import SheetReader

ASSETS_FOLDER = "assets"
SCORE_RANGE = (0.0, 10.0)  # materiality scores


def assets_folder(workbook: Path) -> Path:
    """A workbook's path → the folder its images are read from."""
    return workbook.parent / ASSETS_FOLDER


def _texts(cells: dict, zh_key: str, en_key: str, diags: Collector, need: frozenset[str], what: str,
           required: bool) -> Text | None:
    """A pair of zh/en cells → a Text (None when both are empty); a language published but missing is an error."""
    zh = cell.text(cells, zh_key, diags, False, f"Chinese {what}")
    en = cell.text(cells, en_key, diags, False, f"English {what}")
    if zh is None and en is None and not required:
        return None
    for lang, value, key in (("zh", zh, zh_key), ("en", en, en_key)):
        if value is None and lang in need:
            label = f"{'Chinese' if lang == 'zh' else 'English'} {what}"
            diags.error(cells[key][1], f"missing {label}", f"fill in the {label}")
    return Text(zh or "", en or "")


def read_images(sheet: SheetReader, diags: Collector, folder: Path,
                need: frozenset[str]) -> tuple[dict[str, ImageAsset], set[str]]:
    """The Images sheet → (images by id, each file read from ``folder`` and checked; every id on the sheet)."""
    out: dict[str, ImageAsset] = {}
    seen: dict[str, Location] = {}
    for _, cells in sheet.rows():
        ident = cell.check_id(cells, seen, diags, "image")
        name, nloc = cells["file"]
        alt = _texts(cells, "alt_zh", "alt_en", diags, need, "alt text", True)
        caption = _texts(cells, "caption_zh", "caption_en", diags, need, "caption", False)
        if name is None:
            diags.error(nloc, "missing file name", "type the image's file name, e.g. logo.png")
            continue
        checked = read_image(folder, cell.plain(name), nloc, diags)
        if ident and checked and alt:
            out[ident] = ImageAsset(ident, cell.plain(name), checked.format, checked.pixels, checked.sha256, alt,
                                    caption, cells["id"][1], checked.data)
    return out, set(seen)


def read_tables(sheet: SheetReader, diags: Collector, need: frozenset[str]) -> dict[str, FreeTable]:
    """The Tables sheet → free-form tables by id: per table an optional title row, a header
    row and its rows, in sheet order; a cell in each language published."""
    found: dict[str, dict] = {}
    for _, cells in sheet.rows():
        raw, tloc = cells["table"]
        ident = cell.plain(raw) if raw is not None else None
        if ident is None or not cell.ID_RE.match(ident):
            diags.error(tloc, f"invalid table id '{raw}'" if raw is not None else "missing table id",
                        "use lower-case letters, digits and underscores, starting with a letter")
            continue
        kind_raw, kloc = cells["kind"]
        kind = TABLE_ROW_KINDS.get(str(kind_raw).strip().lower()) if kind_raw is not None else None
        if kind is None:
            diags.error(kloc, f"unknown row kind '{kind_raw}'", "use title, header or row (标题, 表头, 行)")
            continue
        t = found.setdefault(ident, {"title": None, "header": None, "rows": [], "cells": [], "origin": tloc})
        texts = [_texts(cells, f"zh{k}", f"en{k}", diags, need, "cell text", False)
                 for k in range(1, TABLE_COLUMNS + 1)]
        locs = tuple(cells[f"zh{k}"][1] for k in range(1, TABLE_COLUMNS + 1))
        width = max((k + 1 for k, x in enumerate(texts) if x is not None), default=0)
        if kind == "title":
            if t["title"] is not None or texts[0] is None:
                diags.error(tloc, f"table '{ident}' has a second or empty title row",
                            "give a table one title, in the first two text columns")
            t["title"] = texts[0]
        elif kind == "header":
            if t["header"] is not None or not width:
                diags.error(tloc, f"table '{ident}' has a second or empty header row", "give a table one header row")
                continue
            t["header"] = tuple(x or Text("", "") for x in texts[:width])
            t["cells"].insert(0, locs[:width])
        else:
            if t["header"] is None:
                diags.error(tloc, f"a row of table '{ident}' before its header row",
                            "put the header row (kind: header) first")
                continue
            if width > len(t["header"]):
                diags.error(locs[width - 1], f"a row of table '{ident}' has {width} columns, its header {len(t['header'])}",
                            "add the column's header, or move the text into the table's columns")
                continue
            t["rows"].append(tuple(x or Text("", "") for x in texts[:len(t["header"])]))
            t["cells"].append(locs[:len(t["header"])])
    out = {}
    for ident, t in found.items():
        if t["header"] is None or not t["rows"]:
            diags.error(t["origin"], f"table '{ident}' needs a header row and at least one row",
                        "add rows of kind header and row")
            continue
        out[ident] = FreeTable(ident, t["title"], t["header"], tuple(t["rows"]), t["origin"], tuple(t["cells"]))
    return out


def read_materiality(sheet: SheetReader, diags: Collector, need: frozenset[str]) -> tuple[MaterialTopic, ...]:
    """The Materiality sheet → its topics with their two scores (0–10) and pillar, in sheet order."""
    out = []
    seen: dict[str, Location] = {}
    for _, cells in sheet.rows():
        ident = cell.check_id(cells, seen, diags, "materiality topic")
        name = _texts(cells, "name_zh", "name_en", diags, need, "name", True)
        scores = []
        for key in ("stakeholders", "business"):
            value = cell.number(cells, key, diags)
            if value is None and cells[key][0] is None:
                diags.error(cells[key][1], f"missing {key} score", "type a score from 0 to 10")
            elif value is not None and not SCORE_RANGE[0] <= value <= SCORE_RANGE[1]:
                diags.error(cells[key][1], f"score {value:g} is outside 0–10", "type a score from 0 to 10")
                value = None
            scores.append(value)
        pillar, ploc = cells["pillar"]
        if pillar is not None and pillar not in ("E", "S", "G"):
            diags.error(ploc, f"unknown pillar '{pillar}'", "use E, S or G")
            pillar = None
        if ident and name and None not in scores:
            out.append(MaterialTopic(ident, name, float(scores[0]), float(scores[1]), pillar, cells["id"][1]))
    return tuple(out)


def check_logo(meta: ReportMeta, ids: set[str], diags: Collector) -> None:
    """The Report sheet's logo names an image of the Images sheet (``ids``: every id there)."""
    if meta.logo is None:
        return
    ident = cell.plain(meta.logo)
    if ident not in ids:
        diags.error(meta.origins["logo"], f"unknown image id '{ident}'",
                    suggest(ident, sorted(ids)) or "use an id from the sheet '图片 Images'")


def read_assets(sheets: dict[str, SheetReader], diags: Collector, workbook: Path, meta: ReportMeta | None,
                need: frozenset[str]) -> dict:
    """The asset sheets a workbook has → the Dataset's ``images``, ``tables`` and ``materiality``."""
    images, ids = read_images(sheets["images"], diags, assets_folder(workbook), need) if "images" in sheets \
        else ({}, set())
    if meta is not None:
        check_logo(meta, ids, diags)
    return {"images": images,
            "tables": read_tables(sheets["tables"], diags, need) if "tables" in sheets else {},
            "materiality": read_materiality(sheets["materiality"], diags, need) if "materiality" in sheets else ()}


def asset_texts(dataset) -> list[tuple[str, Location, str]]:
    """Every text of the asset sheets that prints, with its cell and language (for the glyph check)."""
    out: list[tuple[str, Location, str]] = []

    def put(t, loc: Location) -> None:
        out.extend(((t.zh, loc, "zh"), (t.en, loc, "en")))
    for img in dataset.images.values():
        for t in (img.alt, img.caption):
            if t:
                put(t, img.origin)
    for table in dataset.tables.values():
        if table.title:
            put(table.title, table.origin)
        for k, row in enumerate((table.header,) + table.rows):
            locs = table.cells[k] if k < len(table.cells) else ()
            for j, t in enumerate(row):
                put(t, locs[j] if j < len(locs) else table.origin)
    for topic in dataset.materiality:
        put(topic.name, topic.origin)
    return out
