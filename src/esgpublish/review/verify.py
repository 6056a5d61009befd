"""``esgpublish verify``: the figures a published file prints, read back from the file (a PDF's
text, a DOCX's XML), against its provenance record: each recorded figure must be printed where
the record says (its page; its paragraph), and a table cell of figures prints no other number."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .records import Figure, Record
from .trace import squash

_NUMBER = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True)
class Finding:
    """One disagreement: where (page or paragraph), what (missing, changed, extra), the detail."""

    where: str
    kind: str  # missing | changed | extra
    text: str
    source: str = ""
    found: str = ""
    at: tuple[tuple[str, object], ...] = ()  # the record's place: page, or part, paragraph and table cell

    def as_dict(self) -> dict:
        return dict(self.__dict__, at=dict(self.at))


def _at(figure: Figure) -> tuple[tuple[str, object], ...]:
    return tuple(sorted((k, v) for k, v in figure.where.items() if k not in ("x", "y")))


def _source(figure: Figure) -> str:
    return ", ".join(s.get("location", "") for s in figure.sources)


def check_pdf(record: Record, pages: list[str], place) -> list[Finding]:
    """A PDF's page texts against its record: every figure on its page, as often as recorded."""
    out: list[Finding] = []
    wanted: Counter = Counter((f.page, squash(f.text)) for f in record.figures)
    first = {(f.page, squash(f.text)): f for f in reversed(record.figures)}
    for (page, text), n in sorted(wanted.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1])):
        printed = squash(pages[page - 1]) if page and 0 < page <= len(pages) else ""
        if printed.count(text) < n:
            f = first[page, text]
            out.append(Finding(place(f), "missing", f.text, _source(f), at=_at(f)))
    return out


def check_docx(record: Record, parts: dict[str, list[str]], place) -> list[Finding]:
    """A DOCX's paragraphs against its record: every figure in its paragraph; in a table cell
    of figures, no number that is not one of them."""
    out: list[Finding] = []
    by_para: dict[tuple[str, int], list[Figure]] = {}
    for f in record.figures:
        by_para.setdefault((f.where.get("part", "document"), f.where.get("paragraph", 0)), []).append(f)
    for (part, number), figures in sorted(by_para.items()):
        paras = parts.get(part, [])
        text = paras[number - 1] if 0 < number <= len(paras) else None
        rest, agree = squash(text or ""), True
        for f in figures:
            want = squash(f.text)
            if text is not None and want in rest:
                rest = rest.replace(want, "\0", 1)
            else:
                agree = False
                out.append(Finding(place(f), "missing" if text is None else "changed", f.text, _source(f),
                                   (text or "").strip(), _at(f)))
        if text is not None and agree and all(f.where.get("table") is not None for f in figures):
            extra = _NUMBER.findall(rest)
            if extra:
                out.append(Finding(place(figures[0]), "extra", " ".join(extra), found=text.strip(),
                                   at=_at(figures[0])))
    return out


def verify(path: Path, record: Record, place, diags) -> list[Finding] | None:
    """One published file against its record → the disagreements (None: the file cannot be read)."""
    from ..diagnostics import Location

    if path.name.lower().endswith(".pdf"):
        from .pdfread import page_texts

        try:
            pages = page_texts(path)
        except Exception as exc:  # pypdf: a damaged file
            diags.error(Location(str(path)), f"cannot read the PDF: {exc.__class__.__name__}: {exc}",
                        "give a PDF esgpublish publish wrote")
            return None
        return check_pdf(record, pages, place)
    from .docxread import paragraphs

    try:
        parts = paragraphs(path)
    except Exception as exc:  # not a zip, no document part, broken XML
        diags.error(Location(str(path)), f"cannot read the DOCX: {exc}", "give a DOCX esgpublish publish wrote")
        return None
    return check_docx(record, parts, place)
