"""Issue 14 item 6: the PDF and the DOCX (as LibreOffice prints it) tell the same report.

For each layout and edition the esgpublish PDF is compared with LibreOffice's PDF of the DOCX:

* the same words in the same order, once page furniture (running header, footer) is dropped and
  white space, soft hyphens and hyphens between letters are removed, so that line and page
  breaking differences vanish; table cells are read cell by cell, and a table header that is
  repeated on a continuation page is read once (the PDF's "continued" caption above it, which
  a DOCX cannot have, is skipped);
* the same figures (every number-like token, counted);
* chart text: LibreOffice shows a chart's PNG, so a chart is compared through the DOCX's SVG part:
  every ``<text>`` of the SVG is in the PDF's drawing of that chart, character for character;
* the same headings: the PDF outline is the DOCX's Heading paragraphs (and LibreOffice's outline);
* page counts within 10 %.

A negative test drops one word and one figure from a DOCX and checks that the comparison sees it.
"""
from __future__ import annotations

import difflib
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import EDITIONS, ROOT, WORKBOOK, needs_soffice
from esgpublish.cli import main

pytestmark = needs_soffice

LAYOUTS = ("annual", "highlights")
EMU_PER_PT = 12700
MM = 72 / 25.4
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
ASVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SVG_NS = "http://www.w3.org/2000/svg"


# --------------------------------------------------------------------------- building

def lo_convert(docs: list[Path], outdir: Path, profile: Path) -> None:
    """All ``docs`` to PDF in ONE LibreOffice run, with a private profile (no lock clashes)."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)],
                   check=True, capture_output=True, timeout=300)
    missing = [d.name for d in docs if not (outdir / d.with_suffix(".pdf").name).exists()]
    assert not missing, f"LibreOffice did not convert {missing}"


@pytest.fixture(scope="module", params=LAYOUTS)
def layout(request, tmp_path_factory):
    """One layout published once (all editions, both formats) and its DOCX converted once."""
    name = request.param
    out = tmp_path_factory.mktemp(f"parity-{name}")
    assert main(["publish", str(WORKBOOK), "--layout", str(ROOT / "layouts" / f"{name}.yaml"),
                 "-o", str(out)]) == 0
    docs = [out / f"esg_2022-{name}-{e}.docx" for e in EDITIONS]
    lo_convert(docs, out / "lo", out / "lo-profile")
    return name, out


# --------------------------------------------------------------------------- DOCX facts

@dataclass
class DocxFacts:
    top: float  # body top margin, pt
    bottom: float  # body bottom margin, pt
    charts: list[tuple[float, float]]  # each chart picture's extent (w, h) in pt, document order
    svg_texts: list[list[str]]  # the <text> strings of each chart's SVG part, document order
    headings: list[tuple[int, str]]  # (level, text with line breaks as " / ")


def docx_facts(path: Path) -> DocxFacts:
    import docx
    from lxml import etree

    d = docx.Document(str(path))
    section = d.sections[-1]
    charts, svg_texts = [], []
    for inline in d.element.body.iter(f"{{{WP_NS}}}inline"):
        svg = next(inline.iter(f"{{{ASVG_NS}}}svgBlip"), None)
        if svg is None:
            continue  # a plain picture (e.g. the cover band), not a chart
        ext = inline.find(f"{{{WP_NS}}}extent")
        charts.append((int(ext.get("cx")) / EMU_PER_PT, int(ext.get("cy")) / EMU_PER_PT))
        root = etree.fromstring(d.part.related_parts[svg.get(f"{{{R_NS}}}embed")].blob)
        svg_texts.append(["".join(t.itertext()) for t in root.iter(f"{{{SVG_NS}}}text")])
    headings = []
    for p in d.paragraphs:
        m = re.match(r"Heading (\d)$", p.style.name)
        if m:
            headings.append((int(m.group(1)), " / ".join(p.text.split("\n"))))
    return DocxFacts(section.top_margin.pt, section.bottom_margin.pt, charts, svg_texts, headings)


# --------------------------------------------------------------------------- PDF reading

@dataclass
class Reading:
    """A PDF as read for the comparison."""
    segments: list[tuple[int, str]] = field(default_factory=list)  # (page, text) in reading order
    charts: list[str] = field(default_factory=list)  # text drawn inside each chart, page order
    pages: int = 0


_SPACE = re.compile(r"[\s\u00ad\u200b\u2000-\u200d\u2060\ufeff]")


def _baseline(c: dict) -> float:
    return c["matrix"][5]


def _lines(chars: list[dict]) -> list[list[dict]]:
    """Chars grouped into lines by their baseline (a CJK face and a Latin one, or a large figure
    and its unit, have different tops on one line), top to bottom, each left to right."""
    lines: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (-_baseline(c), c["x0"])):
        if lines and abs(_baseline(lines[-1][0]) - _baseline(c)) <= 0.3 * min(c["size"], lines[-1][0]["size"]):
            lines[-1].append(c)
        else:
            lines.append([c])
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    return lines


def _segments(line: list[dict]) -> list[tuple[float, float, str]]:
    """A line cut where the gap is wider than a word space (between table cells, card columns)."""
    out: list[tuple[float, float, str]] = []
    start, text = line[0], line[0]["text"]
    prev = line[0]
    for c in line[1:]:
        gap = c["x0"] - prev["x1"]
        size = min(c["size"], prev["size"])
        if gap > 0.8 * size:
            out.append((start["x0"], prev["x1"], text))
            start, text = c, c["text"]
        else:
            text += (" " if gap > 0.15 * size else "") + c["text"]
        prev = c
    out.append((start["x0"], prev["x1"], text))
    return out


def _band_text(chars: list[dict]) -> list[str]:
    """Reading order in one horizontal band: columns (segments joined by horizontal overlap), left
    to right, each read line by line. A paragraph is one column; a table row has one per cell."""
    segs = []  # (line index, x0, x1, text)
    for i, line in enumerate(_lines(chars)):
        segs += [(i, x0, x1, t) for x0, x1, t in _segments(line)]
    parent = list(range(len(segs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(segs):
        for j in range(i):
            b = segs[j]
            if min(a[2], b[2]) - max(a[1], b[1]) > 0:
                parent[find(i)] = find(j)
    columns: dict[int, list] = {}
    for i, s in enumerate(segs):
        columns.setdefault(find(i), []).append(s)
    out = []
    for col in sorted(columns.values(), key=lambda col: min(s[1] for s in col)):
        out += [s[3] for s in sorted(col, key=lambda s: (s[0], s[1]))]
    return out


def read_pdf(path: Path, facts: DocxFacts, charts: bool = True) -> Reading:
    """Body text in reading order, without page furniture and, if ``charts`` (esgpublish's PDF, where
    charts are vector drawings), with the text inside each chart set apart."""
    import pdfplumber

    reading = Reading()
    seen_bands: set[str] = set()
    with pdfplumber.open(path) as pdf:
        reading.pages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, 1):
            top_cut = facts.top - 2 * MM
            bottom_cut = float(page.height) - facts.bottom + 2 * MM
            # a chart is drawn on a white ground the size of the DOCX picture
            boxes = [r for r in page.rects if charts
                     and any(abs(r["width"] - w) < 1.5 and abs(r["height"] - h) < 1.5 for w, h in facts.charts)]
            boxes.sort(key=lambda r: r["top"])
            in_chart: list[list[dict]] = [[] for _ in boxes]
            body = []
            for c in page.chars:
                if _SPACE.fullmatch(c["text"]):
                    continue
                x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
                if y < top_cut or y > bottom_cut:
                    continue  # running header, footer
                box = next((k for k, r in enumerate(boxes)
                            if r["x0"] <= x <= r["x1"] and r["top"] <= y <= r["bottom"]), None)
                if box is None:
                    body.append(c)
                else:
                    in_chart[box].append(c)
            reading.charts += ["".join(c["text"] for line in _lines(cs) for c in line) for cs in in_chart]
            # bands: cut the page at every edge of a filled box, rule and picture (table rows, cards)
            edges = {round(v, 1) for r in page.rects for v in (r["top"], r["bottom"])}
            edges |= {round(ln["top"], 1) for ln in page.lines if ln["x1"] - ln["x0"] > 20}
            edges |= {round(v, 1) for im in page.images for v in (im["top"], im["bottom"])}
            cuts = sorted(e for e in edges if top_cut < e < bottom_cut)
            bands: list[list[dict]] = [[] for _ in range(len(cuts) + 1)]
            for c in body:
                y = (c["top"] + c["bottom"]) / 2
                bands[sum(1 for e in cuts if e <= y)].append(c)
            first = True
            for band in bands:
                if not band:
                    continue
                texts = _band_text(band)
                if all(CONTINUED.match(t) for t in texts):
                    continue  # a table's caption on a continuation page: the PDF's only (Word paginates)
                key = squash("\n".join(texts))
                # a table header repeated at the top of a continuation page is read once
                if not (first and key in seen_bands):
                    reading.segments += [(number, t) for t in texts]
                seen_bands.add(key)
                first = False
    return reading


CONTINUED = re.compile(r"^(表 \d+（续）|Table \d+ \(continued\))")


# --------------------------------------------------------------------------- comparison

_LETTER = re.compile(r"[^\W\d_]")


def normalise(text: str) -> list[int]:
    """Indices of the chars of ``text`` that count: line-breaking differences removed (white space,
    soft hyphens, a hyphen between letters, which a line may end with) and contents dot leaders."""
    keep = [i for i, ch in enumerate(text) if not _SPACE.fullmatch(ch)]
    out = []
    for k, i in enumerate(keep):
        ch = text[i]
        if ch in "-\u2010" and 0 < k < len(keep) - 1 and _LETTER.fullmatch(text[keep[k - 1]]) \
                and _LETTER.fullmatch(text[keep[k + 1]]):
            continue
        out.append(i)
    # dot leaders: three or more dots in a row (spaced or not) go
    result, run = [], []
    for i in out:
        if text[i] in ".\u2026":
            run.append(i)
            continue
        if len(run) < 3 and not any(text[j] == "\u2026" for j in run):
            result += run
        run = []
        result.append(i)
    if len(run) < 3:
        result += run
    return result


def squash(text: str) -> str:
    return "".join(text[i] for i in normalise(text))


FIGURE = re.compile(r"\d+(?:[.,]\d+)*(?:%|\s*[万亿])?")


def figures(reading: Reading) -> Counter:
    """Number-like tokens, each counted (a space before 万/亿 does not count: Word and LibreOffice
    put automatic space between Chinese and Latin text)."""
    counts: Counter = Counter()
    for _, t in reading.segments:
        counts.update(_SPACE.sub("", f) for f in FIGURE.findall(t))
    return counts


def _flat(reading: Reading) -> tuple[str, list[int]]:
    raw, pages = [], []
    for page, t in reading.segments:
        raw.append(t + "\n")
        pages += [page] * (len(t) + 1)
    raw = "".join(raw)
    idx = normalise(raw)
    return "".join(raw[i] for i in idx), [pages[i] for i in idx]


def compare(pdf: Reading, lo: Reading) -> list[str]:
    """Every difference between the two readings (words, figures), as readable lines."""
    problems = []
    a, pa = _flat(pdf)
    b, pb = _flat(lo)
    if a != b:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            page_a = pa[min(i1, len(pa) - 1)] if pa else 0
            page_b = pb[min(j1, len(pb) - 1)] if pb else 0
            problems.append(f"words: {op} PDF p.{page_a} {a[i1:i2]!r} ≠ LibreOffice p.{page_b} {b[j1:j2]!r}"
                            f" — after …{a[max(0, i1 - 40):i1]}")
    fa, fb = figures(pdf), figures(lo)
    for f in sorted(set(fa) | set(fb)):
        if fa[f] != fb[f]:
            problems.append(f"figure {f!r}: {fa[f]}× in the PDF, {fb[f]}× in LibreOffice's PDF of the DOCX")
    return problems


def outline(path: Path) -> list[tuple[int, str]]:
    import pypdf

    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title))

    walk(pypdf.PdfReader(str(path)).outline, 1)
    return out


# --------------------------------------------------------------------------- the checks

def _pair(layout, edition):
    name, out = layout
    stem = f"esg_2022-{name}-{edition}"
    facts = docx_facts(out / f"{stem}.docx")
    return facts, out / f"{stem}.pdf", out / "lo" / f"{stem}.pdf"


_READINGS: dict[Path, Reading] = {}


def reading(path: Path, facts: DocxFacts, charts: bool = True) -> Reading:
    if path not in _READINGS:
        _READINGS[path] = read_pdf(path, facts, charts)
    return _READINGS[path]


@pytest.mark.parametrize("edition", EDITIONS)
def test_same_words_and_figures(layout, edition):
    facts, pdf, lo = _pair(layout, edition)
    problems = compare(reading(pdf, facts), reading(lo, facts, charts=False))
    assert not problems, f"{layout[0]} {edition}: the PDF and the DOCX differ:\n" + "\n".join(problems)


@pytest.mark.parametrize("edition", EDITIONS)
def test_chart_text_is_the_svg_text(layout, edition):
    facts, pdf, _ = _pair(layout, edition)
    drawn = reading(pdf, facts).charts
    assert len(drawn) == len(facts.svg_texts) > 0, (len(drawn), len(facts.svg_texts))
    for k, (texts, got) in enumerate(zip(facts.svg_texts, drawn), 1):
        got = _SPACE.sub("", got)
        missing = [t for t in texts if _SPACE.sub("", t) not in got]
        assert not missing, f"chart {k}: SVG text not drawn in the PDF: {missing}"
        want = Counter(_SPACE.sub("", "".join(texts)))
        assert Counter(got) == want, f"chart {k}: the PDF draws {got!r}, the SVG says {texts}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_same_headings(layout, edition):
    facts, pdf, lo = _pair(layout, edition)
    assert facts.headings
    assert outline(pdf) == facts.headings
    assert [(lv, _SPACE.sub("", t)) for lv, t in outline(lo)] == \
        [(lv, _SPACE.sub("", t.replace(" / ", ""))) for lv, t in facts.headings]


@pytest.mark.parametrize("edition", EDITIONS)
def test_page_counts_within_ten_percent(layout, edition):
    """Within 10 %, and never more than one page apart on a report under 10 pages: the PDF
    alone repeats a table's caption where it runs on and carries a chapter's last figure over
    with the rows before it (issue 15), which can cost it a page LibreOffice does not use."""
    facts, pdf, lo = _pair(layout, edition)
    ours, theirs = reading(pdf, facts).pages, reading(lo, facts, charts=False).pages
    assert abs(ours - theirs) <= max(1, 0.1 * ours), f"{layout[0]} {edition}: PDF {ours} pages, LibreOffice {theirs}"


# --------------------------------------------------------------------------- negative test

def _drop(docx_path: Path, dst: Path, text: str, in_table: bool) -> None:
    """Save a copy of the DOCX with the first occurrence of ``text`` removed from one ``w:t``."""
    import docx

    d = docx.Document(str(docx_path))
    tables = [t._tbl for t in d.tables]
    for t in d.element.body.iter(f"{{{W_NS}}}t"):
        if text in (t.text or "") and any(tb in t.iterancestors() for tb in tables) == in_table:
            t.text = t.text.replace(text, "", 1)
            break
    else:
        raise AssertionError(f"{text!r} not found")
    d.save(str(dst))


def test_a_dropped_word_or_figure_is_seen(tmp_path):
    out = tmp_path / "out"
    assert main(["publish", str(WORKBOOK), "--layout", str(ROOT / "layouts" / "annual.yaml"),
                 "--edition", "en", "-o", str(out)]) == 0
    src = out / "esg_2022-annual-en.docx"
    _drop(src, tmp_path / "no-word.docx", "Ulanqab", in_table=False)  # a word of a body paragraph
    _drop(src, tmp_path / "no-figure.docx", "2,157", in_table=True)  # a figure of a table cell
    lo = tmp_path / "lo"
    lo_convert([src, tmp_path / "no-word.docx", tmp_path / "no-figure.docx"], lo, tmp_path / "lo-profile")
    facts = docx_facts(src)
    pdf = read_pdf(out / "esg_2022-annual-en.pdf", facts)

    def problems(name: str) -> list[str]:
        return compare(pdf, read_pdf(lo / name, facts, charts=False))

    control = set(problems("esg_2022-annual-en.pdf"))  # the unedited DOCX: what the edits did not cause
    word = [p for p in problems("no-word.pdf") if p not in control]
    assert word and any(p.startswith("words:") and "Ulanqab" in p for p in word), word
    figure = [p for p in problems("no-figure.pdf") if p not in control]
    assert any(p.startswith("figure '2,157': 2× in the PDF, 1×") for p in figure), figure
    assert any(p.startswith("words:") and "2,157" in p for p in figure), figure
