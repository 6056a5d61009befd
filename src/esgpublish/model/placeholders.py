"""Placeholders in narrative text: ``{indicator_id}``, ``{indicator_id.attribute}``, ``{report.key}``.

``parse(text)`` → literal strings and ``Placeholder`` parts, in order. ``{{`` and ``}}``
print literal braces. Used by validation (unknown names are located errors) and by
compose (each placeholder becomes the value in the edition's locale form).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: attributes an indicator placeholder may name; "value" is the default
INDICATOR_ATTRS = ("value", "target", "target_year", "baseline", "baseline_year",
                   "as_of", "period", "name")
#: report metadata a placeholder may name as {report.KEY}
REPORT_ATTRS = ("company", "title", "reporting_year", "publication_date")

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


@dataclass(frozen=True)
class Placeholder:
    """``{ref.attr}`` found at ``start`` in the text."""

    ref: str
    attr: str
    start: int
    raw: str


def parse(text: str) -> list[str | Placeholder]:
    """Text → literal strings and placeholders, in order."""
    parts: list[str | Placeholder] = []
    pos = 0
    buf = []
    for m in _TOKEN.finditer(text):
        buf.append(text[pos:m.start()])
        tok = m.group(0)
        if tok in ("{{", "}}"):
            buf.append(tok[0])
        else:
            if buf:
                parts.append("".join(buf))
                buf = []
            name = m.group(1).strip()
            ref, _, attr = name.partition(".")
            parts.append(Placeholder(ref, attr or "value", m.start(), tok))
        pos = m.end()
    buf.append(text[pos:])
    if "".join(buf):
        parts.append("".join(buf))
    return parts


def unbalanced_brace(text: str) -> int | None:
    """The index of a lone ``{`` or ``}`` that is not part of a placeholder, if any."""
    stripped = _TOKEN.sub(lambda m: "\0" * len(m.group(0)), text)
    for i, ch in enumerate(stripped):
        if ch in "{}":
            return i
    return None
