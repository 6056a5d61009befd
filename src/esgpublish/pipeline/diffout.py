"""A diff report (``pipeline/diff.py``) as text, JSON or one self-contained HTML page."""
from __future__ import annotations

import json
from dataclasses import asdict
from html import escape

from .diff import Report

#: the report's own words (zh, en); the workbook's texts print as they are
WORDS = {
    "in": ("所在表格或图表", "in"), "text": ("正文", "text in"), "pages": ("页码", "pages"),
    "added": ("新增", "added"), "removed": ("删除", "removed"), "narrative": ("叙述", "narrative"),
    "changed": ("内容有变的表格或图表", "changed table or chart"), "none": ("没有差异。", "No differences."),
    "figures": ("数字", "Figures"), "added_removed": ("新增及删除", "Added and removed"),
    "narratives": ("叙述", "Narratives"), "blocks": ("内容有变的表格及图表", "Tables and charts that changed"),
    "cell": ("单元格", "cell"), "indicator": ("指标", "indicator"), "value": ("数值", "value"),
    "printed": ("印出", "printed"), "where": ("所在", "where"), "edition": ("版本", "edition"),
}


def w(key: str, lang: str) -> str:
    """One of the report's words in ``lang`` (zh or en)."""
    return WORDS[key][0 if lang == "zh" else 1]


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


def _pages(c, lang: str, edition: str) -> str:
    sep = "、" if lang == "zh" else ", "
    return f"{w('pages', lang)} ({edition}){'：' if lang == 'zh' else ': '}{sep.join(map(str, c.pages))}"


def text(report: Report, lang: str = "en") -> str:
    """The report as lines of text, its own words in ``lang``."""
    colon = "：" if lang == "zh" else ": "
    out = [f"--- {report.old}", f"+++ {report.new}"]
    for c in report.changes:
        out.append(f"{c.location}: {c.indicator} {c.field}: {c.old} → {c.new}")
        out += [f"  {lg}: {old or '-'} → {new or '-'}" for lg, old, new in c.printed]
        out += [f"  {w('in', lang)}{colon}{caption}" for caption in c.affected]
        out += [f"  {w('text', lang)}{colon}{chapter}" for chapter in c.chapters]
        if c.pages:
            out.append(f"  {_pages(c, lang, report.edition)}")
    out += [f"{w('added', lang)}{colon}{ident} {name}".rstrip() for ident, name in report.added]
    out += [f"{w('removed', lang)}{colon}{ident} {name}".rstrip() for ident, name in report.removed]
    for t in report.texts:
        out.append(f"{t.location}: {w('narrative', lang)} {t.id}")
        out += [f"  {lg}: {_inline(pieces, 'text')}" for lg, pieces in t.pieces]
    out += [f"{w('changed', lang)}{colon}{caption}" for caption in report.blocks]
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


def html(report: Report, lang: str = "en") -> str:
    """The report as one self-contained HTML page (no external file, no script), its own words in ``lang``."""
    e = escape
    rows = "".join(
        f"<tr><td><code>{e(c.location)}</code></td><td>{e(c.indicator)} {e(c.field)}</td>"
        f"<td><del>{e(c.old)}</del> → <ins>{e(c.new)}</ins></td><td>"
        + "<br>".join(f"{e(lg)}: <del>{e(o or '-')}</del> → <ins>{e(n or '-')}</ins>" for lg, o, n in c.printed)
        + "</td><td>" + "<br>".join([e(a) for a in c.affected] + [e(f"{w('text', lang)} {t}") for t in c.chapters]
                                    + ([e(_pages(c, lang, report.edition))] if c.pages else []))
        + "</td></tr>" for c in report.changes)
    parts = [f"<!DOCTYPE html><html lang=\"{'zh' if lang == 'zh' else 'en'}\"><head><meta charset=\"utf-8\">"
             f"<title>esgpublish diff</title><style>{_STYLE}</style></head><body>"
             f"<h1>{e(report.old)} → {e(report.new)}</h1>"]
    if report.empty:
        parts.append(f"<p>{w('none', lang)}</p>")
    if report.changes:
        parts.append(f"<h2>{w('figures', lang)}</h2><table><tr><th>{w('cell', lang)}</th><th>{w('indicator', lang)}"
                     f"</th><th>{w('value', lang)}</th><th>{w('printed', lang)}</th><th>{w('where', lang)}</th>"
                     f"</tr>{rows}</table>")
    if report.added or report.removed:
        parts.append(f"<h2>{w('added_removed', lang)}</h2><ul>" + "".join(
            f"<li><ins>{e(i)} {e(n)}</ins></li>" for i, n in report.added) + "".join(
            f"<li><del>{e(i)} {e(n)}</del></li>" for i, n in report.removed) + "</ul>")
    if report.texts:
        parts.append(f"<h2>{w('narratives', lang)}</h2>" + "".join(
            f"<h3>{e(t.id)} <code>{e(t.location)}</code></h3>" + "".join(
                f"<p lang=\"{e(lang)}\">{_inline(pieces, 'html')}</p>" for lang, pieces in t.pieces)
            for t in report.texts))
    if report.blocks:
        parts.append(f"<h2>{w('blocks', lang)}</h2><ul>"
                     + "".join(f"<li>{e(c)}</li>" for c in report.blocks) + "</ul>")
    return "".join(parts) + "</body></html>\n"
