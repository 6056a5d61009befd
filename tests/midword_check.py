"""English words broken mid-word at a line end, as a reader finds them in a PDF.

Adapted from a script of an earlier investigation (check_midword.py). The vocabulary of whole
words is taken from the sources: every cell of the workbook, the layout files, and the report's
own words (the catalogue of ``esgpublish.compose.words``, month names, number scales). A
hyphenated compound of the sources ("environmentally-certified") is kept whole too, so that a
break after its own hyphen is allowed.

Per page, the words (pdfplumber) are grouped into visual lines by their vertical centre. A word
is *line-final* when no word of its line follows within half an em (so a table cell's last word
is line-final although the next cell's text sits on the same baseline). For every line-final
word that ends in a Latin fragment A (letters and digits, apostrophe forms such as "Group's",
optionally a trailing hyphen or a shortening "…"):

* A must be a whole word of the vocabulary ("electrificatio-", "parc-", "telecommun-" are not);
* with a next line — the nearest line below, within 1.3 em, whose first word starts left of A's
  end — beginning with a Latin fragment B: a hyphenated "A-" where A+B is a word and "A-B" is not
  a compound of the sources is a hyphen put inside a word ("work-" | "force"); an unhyphenated A
  where A+B is a word and B alone is not is a word cut in two ("Target" | "s").
"""
from __future__ import annotations

import calendar
import re
from pathlib import Path

# apostrophes stay inside a token ("Kuaishou's"), so a stray "s" is not a known word
LATIN_TOKEN = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:['\u2019][A-Za-z]+)*")
COMPOUND = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")
TRAIL = re.compile(r"([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:['\u2019][A-Za-z]+)*)(-?)(\u2026?)$")
LEAD = re.compile(r"^([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*)")
GAP_EM = 0.5  # a wider gap ends a line's run of text (table cells: at least twice the padding)
NEXT_EM = 1.3  # the next line starts within this distance below the line's bottom
SCALES = ("thousand", "million", "billion", "trillion")


def tokens(text: str) -> list[str]:
    out = []
    for t in LATIN_TOKEN.findall(text or ""):
        t = t.lower().replace("\u2019", "'")
        out.append(t)
        if "'" in t:
            out.append(t.split("'")[0])  # "kuaishou's" -> also "kuaishou"
    return out


def compounds(text: str) -> list[str]:
    return [t.lower() for t in COMPOUND.findall(text or "")]


def vocabulary(workbook: Path, texts: tuple[str, ...] = ()) -> tuple[set[str], set[str]]:
    """Whole words and hyphenated compounds of the workbook, of ``texts`` (layout files) and
    of the report's own words."""
    import openpyxl

    from esgpublish.compose.words import HKEX_ASPECTS, PILLAR_NAMES, WORDS

    sources = list(texts)
    wb = openpyxl.load_workbook(workbook, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            sources += [str(c) for c in row if c is not None]
    for table in (WORDS, HKEX_ASPECTS, PILLAR_NAMES):
        sources += [t for pair in table.values() for t in pair]
    sources += list(calendar.month_name[1:]) + list(SCALES)
    words, comps = set(), set()
    for s in sources:
        words.update(tokens(s))
        comps.update(compounds(s))
    # single letters are not words except "a" and "I" (a code cut after its letter, "A-" of
    # "A1.1", is a broken word)
    return {w for w in words if len(w) > 1 or w in ("a", "i")}, comps


def _lines(page) -> list[list[dict]]:
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False)
    words = [w for w in words if w.get("upright", True)]
    words.sort(key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"]))
    lines: list[dict] = []
    for w in words:
        cy = (w["top"] + w["bottom"]) / 2
        for ln in lines:
            if abs(ln["cy"] - cy) <= 0.35 * min(ln["size"], w["size"]):
                ln["words"].append(w)
                break
        else:
            lines.append({"cy": cy, "size": w["size"], "words": [w]})
    return [sorted(ln["words"], key=lambda w: w["x0"]) for ln in lines]


def _runs(line: list[dict]) -> list[list[dict]]:
    """A line cut where the gap is wider than half an em: table cells, chart labels, columns."""
    runs = [[line[0]]]
    for w in line[1:]:
        if w["x0"] - runs[-1][-1]["x1"] > GAP_EM * max(w["size"], runs[-1][-1]["size"]):
            runs.append([w])
        else:
            runs[-1].append(w)
    return runs


def _next_run(run: list[dict], runs: list[list[dict]]) -> list[dict] | None:
    """The run that continues ``run`` on the next line: the nearest below (within NEXT_EM), and
    of those on that line the one starting furthest right but left of ``run``'s end."""
    last = run[-1]
    size = last["size"]
    below = [r for r in runs if r[0]["top"] > last["top"] + 0.5 * size
             and r[0]["top"] - last["bottom"] <= NEXT_EM * size and r[0]["x0"] <= last["x1"]
             and r[-1]["x1"] >= run[0]["x0"]]
    if not below:
        return None
    top = min(r[0]["top"] for r in below)
    same = [r for r in below if r[0]["top"] - top < 0.5 * size]
    return max(same, key=lambda r: r[0]["x0"])


def breaks(pdf: Path, vocab: set[str], comps: set[str]) -> list[str]:
    """Every line-final Latin fragment of ``pdf`` that is not a whole word, as readable lines."""
    import pdfplumber

    found = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            runs = [r for line in _lines(page) for r in _runs(line)]
            for run in runs:
                m = TRAIL.search(run[-1]["text"])
                if not m:
                    continue
                frag, hyphen, cut = m.groups()
                a = frag.lower().replace("\u2019", "'")
                nxt = _next_run(run, runs)
                n = LEAD.match(nxt[0]["text"]) if nxt and not cut else None
                b = n.group(1).lower() if n else None
                text = " ".join(w["text"] for w in run)
                follow = " ".join(w["text"] for w in nxt) if nxt else ""
                where = f"{pdf.name} p.{page.page_number}: {text[-40:]!r} | {follow[:30]!r}"
                if a not in vocab:
                    found.append(f"{where}: line ends in {frag + hyphen + cut!r}, not a whole word")
                elif b and hyphen and a + b in vocab and f"{a}-{b}" not in comps:
                    found.append(f"{where}: a hyphen inside the word {a + b!r}")
                elif b and not hyphen and a + b in vocab and b not in vocab:
                    found.append(f"{where}: the word {a + b!r} cut in two")
    return found
