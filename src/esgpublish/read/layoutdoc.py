"""The layout declaration (``layoutspec.LAYOUT``, ``layoutspec.THEME``) → JSON Schema and Markdown reference.

Generated from the same ``Spec`` objects that validation walks, so the schema editors use,
the documentation and the checks cannot drift apart (a test compares the committed files).
"""
from __future__ import annotations

import json
from typing import Any

from .layoutspec import BLOCKS, COLOR_RE, LAYOUT, THEME, Spec

SCHEMA_ID = "https://esgpublish.invalid/layouts/schema.json"


def _schema(spec: Spec) -> dict[str, Any]:
    out: dict[str, Any]
    if spec.type == "map":
        out = {"type": "object", "properties": {k: _schema(v) for k, v in spec.fields},
               "additionalProperties": False}
        required = [k for k, v in spec.fields if v.required]
        if required:
            out["required"] = required
    elif spec.type == "list":
        out = {"type": "array", "items": _schema(spec.item) if spec.item else {}}
        if spec.min_items:
            out["minItems"] = spec.min_items
    elif spec.type == "text":
        out = {"type": "object", "properties": {"zh": {"type": "string", "minLength": 1},
                                                "en": {"type": "string", "minLength": 1},
                                                "zh_hant": {"type": "string", "minLength": 1}},
               "required": ["zh", "en"], "additionalProperties": False}
    elif spec.type == "color":
        out = {"type": "string", "pattern": COLOR_RE.pattern}
    elif spec.type == "block":
        out = {"oneOf": [{"type": "object", "properties": {kind: _schema(sub)}, "required": [kind],
                          "additionalProperties": False} for kind, sub in BLOCKS.items()]}
    else:
        out = {"type": {"str": "string", "int": "integer", "number": "number", "bool": "boolean"}[spec.type]}
        if spec.minimum is not None:
            out["minimum"] = spec.minimum
        if spec.maximum is not None:
            out["maximum"] = spec.maximum
    if spec.choices:
        out["enum"] = list(spec.choices)
    if spec.doc:
        out["description"] = spec.doc
    return out


def json_schema(which: str = "layout") -> str:
    """The JSON Schema of a layout (or a theme) file, as stable, indented JSON."""
    spec = LAYOUT if which == "layout" else THEME
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": SCHEMA_ID if which == "layout" else SCHEMA_ID.replace("schema.json", "theme.schema.json"),
              "title": f"esgpublish {which}", **_schema(spec)}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _type_name(spec: Spec) -> str:
    if spec.type == "list":
        name = f"list of {_type_name(spec.item)}" if spec.item else "list"
        return name + (f" (at least {spec.min_items})" if spec.min_items else "")
    names = {"str": "text", "int": "whole number", "number": "number", "bool": "true/false",
             "color": "colour `#RRGGBB`", "text": "`{zh: …, en: …}`", "map": "mapping", "block": "block"}
    name = names[spec.type]
    if spec.choices:
        name += ": " + ", ".join(f"`{c}`" for c in spec.choices)
    if spec.minimum is not None:
        name += f" ({spec.minimum:g}–{spec.maximum:g})"
    return name


def _rows(spec: Spec, prefix: str) -> list[str]:
    rows = []
    for key, sub in spec.fields:
        path = f"{prefix}{key}"
        item = sub.item if sub.type == "list" else None
        rows.append(f"| `{path}` | {_type_name(sub)} | {'yes' if sub.required else ''} | {sub.doc} |")
        if sub.type == "map":
            rows += _rows(sub, path + ".")
        elif item is not None and item.type == "map":
            rows += _rows(item, path + "[].")
    return rows


def reference_markdown() -> str:
    """Every layout, block and theme key as Markdown tables."""
    head = "| key | type | required | meaning |\n|---|---|---|---|"
    parts = ["### Layout keys\n", head, *_rows(LAYOUT, ""), "", "### Blocks\n",
             "Each entry of `sections[].blocks` is a mapping with one key, the block's kind.\n"]
    for kind, sub in BLOCKS.items():
        parts.append(f"#### `{kind}` — {sub.doc}\n")
        if sub.type == "map":
            parts += [head, *_rows(sub, ""), ""]
        else:
            parts.append(f"Value: {_type_name(sub)}.\n")
    parts += ["### Theme keys\n", head, *_rows(THEME, ""), ""]
    return "\n".join(parts)
