"""A diff report (``pipeline/diff.py``) as text, JSON or one self-contained HTML page."""
from __future__ import annotations

import json
from dataclasses import asdict
from html import escape

from .diff import Report


def _inline(pieces, style: str) -> str:
    """(op, text) pieces → one line: [-removed-]{+added+} (text), or <del>/<ins> (html)."""
    if style == "html":
        tag = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
        return "".join(tag[op].format(escape(t)) for op, t in pieces)
    mark = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(mark[op].format(_context(t, k, len(pieces)) if op == "=" else t)
                   for k, (op, t) in enumerate(pieces))


def _context(text: str, k: int, n: int, keep: int = 16) -> str:
    """Unchanged text around a change, shortened to ``keep`` characters each side (…)."""
    if len(text) <= 2 * keep + 1:
        return text
    head = text[:keep] if k > 0 else ""
    tail = text[-keep:] if k < n - 1 else ""
    return f"{head}…{tail}"


def text(report: Report) -> str:
    """The report as lines of text."""
    out = [f"--- {report.old}", f"+++ {report.new}"]
    for c in report.changes:
        out.append(f"{c.location}: {c.indicator} {c.field}: {c.old} → {c.new}")
        out += [f"  {lang}: {old or '-'} → {new or '-'}" for lang, old, new in c.printed]
        out += [f"  in: {caption}" for caption in c.affected]
    out += [f"added: {ident} {name}".rstrip() for ident, name in report.added]
    out += [f"removed: {ident} {name}".rstrip() for ident, name in report.removed]
    for t in report.texts:
        out.append(f"{t.location}: narrative {t.id}")
        out += [f"  {lang}: {_inline(pieces, 'text')}" for lang, pieces in t.pieces]
    out += [f"changed table or chart: {caption}" for caption in report.blocks]
    return "\n".join(out) + "\n"


def as_json(report: Report) -> str:
    """The report as data."""
    data = asdict(report)
    data["texts"] = [{"id": t.id, "location": t.location,
                      "languages": {lang: [{"op": op, "text": s} for op, s in pieces] for lang, pieces in t.pieces}}
                     for t in report.texts]
    data["changes"] = [dict(asdict(c), printed={lang: {"old": o, "new": n} for lang, o, n in c.printed})
                       for c in report.changes]
    return json.dumps(dict(data, differences=not report.empty), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


_STYLE = ("body{font-family:'Noto Sans SC','Noto Sans',sans-serif;max-width:60em;margin:2em auto;color:#222}"
          "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left;"
          "vertical-align:top}del{background:#fdd;text-decoration:line-through}ins{background:#dfd;"
          "text-decoration:none}code{font-size:.9em}")


def html(report: Report) -> str:
    """The report as one self-contained HTML page (no external file, no script)."""
    e = escape
    rows = "".join(
        f"<tr><td><code>{e(c.location)}</code></td><td>{e(c.indicator)} {e(c.field)}</td>"
        f"<td><del>{e(c.old)}</del> → <ins>{e(c.new)}</ins></td><td>"
        + "<br>".join(f"{e(lang)}: <del>{e(o or '-')}</del> → <ins>{e(n or '-')}</ins>" for lang, o, n in c.printed)
        + "</td><td>" + "<br>".join(e(a) for a in c.affected) + "</td></tr>" for c in report.changes)
    parts = [f"<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>esgpublish diff</title>"
             f"<style>{_STYLE}</style></head><body><h1>{e(report.old)} → {e(report.new)}</h1>"]
    if report.empty:
        parts.append("<p>No differences.</p>")
    if report.changes:
        parts.append("<h2>Figures</h2><table><tr><th>cell</th><th>indicator</th><th>value</th>"
                     f"<th>printed</th><th>tables and charts</th></tr>{rows}</table>")
    if report.added or report.removed:
        parts.append("<h2>Added and removed</h2><ul>" + "".join(
            f"<li><ins>{e(i)} {e(n)}</ins></li>" for i, n in report.added) + "".join(
            f"<li><del>{e(i)} {e(n)}</del></li>" for i, n in report.removed) + "</ul>")
    if report.texts:
        parts.append("<h2>Narratives</h2>" + "".join(
            f"<h3>{e(t.id)} <code>{e(t.location)}</code></h3>" + "".join(
                f"<p lang=\"{e(lang)}\">{_inline(pieces, 'html')}</p>" for lang, pieces in t.pieces)
            for t in report.texts))
    if report.blocks:
        parts.append("<h2>Tables and charts that changed</h2><ul>"
                     + "".join(f"<li>{e(c)}</li>" for c in report.blocks) + "</ul>")
    return "".join(parts) + "</body></html>\n"
