"""Shared fixtures: the repository's inputs, one published build, broken-workbook helpers."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

# messages in English whatever the machine's locale (--lang defaults from LANG); the tests
# of Chinese messages ask for them with --lang zh
for _var in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_var, None)
os.environ["LANG"] = "C.UTF-8"

from esgpublish.cli import main

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "data" / "esg_2022.xlsx"
LAYOUT = ROOT / "layouts" / "annual.yaml"
EDITIONS = ("zh", "en", "bilingual")


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Path:
    """All editions of the annual layout in both formats, published once through the CLI."""
    out = tmp_path_factory.mktemp("build")
    assert main(["publish", str(WORKBOOK), "--layout", str(LAYOUT), "-o", str(out)]) == 0
    return out


def pdf_pages(path: Path) -> list[str]:
    """Text of each page, in order."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def pdf_text(path: Path) -> str:
    """Text of every page, as a reader's copy-and-paste would give it."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def docx_text(path: Path) -> str:
    """Text of every paragraph of the body (table cells and content controls included), read
    from the XML as ``esgpublish verify`` reads it (python-docx's ``paragraphs`` skips the
    paragraphs in the narratives' content controls, and a paragraph's text the figures' controls)."""
    from esgpublish.review.docxread import paragraphs

    return "\n".join(paragraphs(path)["document"])


def squash(text: str, lang: str) -> str:
    """Chinese: drop all white space (lines wrap anywhere); English: one space for any run."""
    if lang == "zh":
        return re.sub(r"\s+", "", text)
    return re.sub(r"[\s\u00a0]+", " ", text)


def pdffonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        # name type [type…] encoding emb sub uni object ID
        rows.append({"name": cols[0], "emb": cols[-5], "sub": cols[-4]})
    return rows


needs_poppler = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")


def copy_workbook(tmp_path: Path, name: str = "book.xlsx") -> Path:
    dst = tmp_path / name
    shutil.copy(WORKBOOK, dst)
    return dst


def edit_workbook(path: Path, edits) -> None:
    """Apply ``edits(workbook)`` with openpyxl and save in place."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    edits(wb)
    wb.save(path)


def row_of(ws, ident: str) -> int:
    for row in ws.iter_rows(min_row=2):
        if row[0].value == ident:
            return row[0].row
    raise KeyError(ident)


def copy_layouts(tmp_path: Path) -> Path:
    """A copy of the shipped layouts folder under ``tmp_path`` (to edit a layout or theme)."""
    layouts = tmp_path / "layouts"
    shutil.copytree(ROOT / "layouts", layouts)
    return layouts


def write_layout(tmp_path: Path, name: str, text: str) -> Path:
    """A layouts folder under ``tmp_path`` holding the shipped theme and one layout ``name``."""
    layouts = tmp_path / "layouts"
    (layouts / "themes").mkdir(parents=True, exist_ok=True)
    (layouts / "themes" / "default.yaml").write_text((ROOT / "layouts" / "themes" / "default.yaml").read_text())
    path = layouts / name
    path.write_text(text, encoding="utf-8")
    return path


def pytest_sessionfinish(session, exitstatus) -> None:
    """Every DOCX any test produced validates against the ECMA-376 transitional schemas
    (tests/schemas/ecma376): a schema error fails the run, listed with its part and path."""
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None or exitstatus not in (0, 1):
        return
    from ooxml_check import validate_docx

    base = factory.getbasetemp()
    checked, errors = 0, []
    for path in sorted(base.rglob("*.docx")):
        if path.name.startswith("~$") or ".hand-edited" in path.name:
            continue
        checked += 1
        errors += [f"{path.relative_to(base)}: {e}" for e in validate_docx(path)[:5]]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write_line(f"ECMA-376 schema check: {checked} DOCX files, {len(errors)} errors")
        for e in errors[:40]:
            reporter.write_line(f"  {e}")
    if errors:
        session.exitstatus = 1


# ---------------------------------------------------------------- verify runs on every publish
_VERIFIED: set[tuple[str, str]] = set()  # (output's digest, its record's digest): each distinct output once


def _digest(path: Path) -> str | None:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


_WRITTEN: dict[Path, tuple[str | None, str | None]] = {}  # every PDF and DOCX committed, and its digests


def _record_commits() -> None:
    """Wrap ``atomic.commit`` (where every output set is written) to note each PDF and DOCX it writes."""
    from esgpublish.pipeline import atomic, provenance

    real = atomic.commit

    def commit(staged):
        real(staged)
        for s in staged:
            if s.target.suffix.lower() in (".pdf", ".docx"):
                _WRITTEN[s.target] = (_digest(s.target), _digest(provenance.sidecar_path(s.target)))
    atomic.commit = commit


_record_commits()


def pytest_configure(config):
    config.addinivalue_line("markers", "no_verify(reason): the test's outputs are not verified (say why)")


@pytest.fixture(autouse=True)
def verify_every_publish(request):
    """Issue 19: every PDF and DOCX the tests publish (module fixtures' too) is read back at the
    end of the test that made or first used it, and checked against its provenance record as
    ``esgpublish verify`` does — unless the test changed it since."""
    yield
    from esgpublish.diagnostics import Collector
    from esgpublish.pipeline import provenance
    from esgpublish.review import records, trace, verify

    written = dict(_WRITTEN)
    _WRITTEN.clear()
    if request.node.get_closest_marker("no_verify"):
        return
    for path, digests in written.items():
        if digests[0] is None or digests in _VERIFIED:
            continue
        if (_digest(path), _digest(provenance.sidecar_path(path))) != digests:
            continue  # the test edited or removed it since (a negative test of verify, say)
        diags = Collector()
        record = records.load(path, diags)
        findings = verify.verify(path, record, lambda f: trace.place(f, "en"), diags) if record else None
        assert diags.ok and findings == [], \
            (path, [str(d) for d in diags.items], findings)
        _VERIFIED.add(digests)


# ---------------------------------------------------------------- a block pushed down the page
def compose_en(workbook: Path, layout_text: str, folder: Path):
    """A layout (YAML text, written in ``folder``) on a workbook → its English document IR."""
    from esgpublish.compose.document import compose_checked
    from esgpublish.pipeline.publish import load_inputs

    layout = folder / "pushed.yaml"
    layout.write_text(layout_text, encoding="utf-8")
    inputs, diags = load_inputs(workbook, layout, editions=("en",))
    assert diags.ok, diags.items
    return compose_checked(inputs.dataset, inputs.layout, "en")[0]


def pages_pushed_down(document, k: int) -> list[str]:
    """The document's PDF with ``k`` lines of filler after its first block (its chapter heading),
    → the text of each page: what follows is pushed down the page a line at a time."""
    import io
    from dataclasses import replace

    import pdfplumber

    from esgpublish import ir
    from esgpublish.render.pdf import render_pdf

    heading, *rest = document.body
    filler = ir.Paragraph(((ir.Span("A line of filler text.", "en"),),), "body-en", "en")
    with pdfplumber.open(io.BytesIO(render_pdf(replace(document, body=(heading, *([filler] * k), *rest)), {}))) as d:
        return [p.extract_text() or "" for p in d.pages]
