"""Validation of layout YAML against its declaration, each problem located at its key or value."""
from __future__ import annotations

from typing import Any

from . import yamlsrc
from ..diagnostics import Collector, Location
from .hints import suggest
from .layoutspec import BLOCKS, COLOR_RE, Spec


def check(value: Any, spec: Spec, path: tuple, doc: yamlsrc.Located, diags: Collector) -> None:
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
        if isinstance(value, dict) and set(value) <= {"zh", "en", "zh_hant"} and \
                all(isinstance(v, str) and v.strip() for v in value.values()):
            if not {"zh", "en"} <= set(value):  # zh_hant (Traditional) is optional: else converted from zh
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
                check(value[key], sub, path + (key,), doc, diags)
            elif sub.required:
                diags.error(loc, f"missing key '{key}'", sub.doc or None)
    elif spec.type == "list":
        if spec.min_items and len(value) < spec.min_items:
            choices = spec.item.choices if spec.item is not None else ()
            diags.error(loc, f"'{path[-1]}' is empty" if not value else
                        f"'{path[-1]}' needs at least {spec.min_items} items",
                        f"list one or more of {', '.join(map(str, choices))}" if choices else spec.doc or None)
        for i, item in enumerate(value if spec.item is not None else ()):
            check(item, spec.item, path + (i,), doc, diags)


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
    check(options, BLOCKS[kind], path + (kind,), doc, diags)
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
