"""An output's provenance record, read back: from a PDF's embedded file, else from the sidecar."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Collector, Location

SUFFIX = ".sources.json"  # as pipeline/provenance.py writes it
FORMAT = "esgpublish-sources"


@dataclass(frozen=True)
class Figure:
    """One printed figure of the record: its text and language, where it was printed, its sources."""

    text: str
    lang: str
    where: dict
    sources: tuple[dict, ...]

    @property
    def page(self) -> int | None:
        return self.where.get("page")

    def as_dict(self) -> dict:
        return {"text": self.text, "lang": self.lang, "where": self.where, "sources": list(self.sources)}


@dataclass(frozen=True)
class Record:
    """A file's provenance record: the output it describes, where it was read from, its figures."""

    output: str
    edition: str
    read_from: str  # "embedded" | "sidecar"
    figures: tuple[Figure, ...]


def kind(path: Path) -> str:
    """An output's format, by its name: pdf, docx, or the record itself (sources)."""
    name = path.name.lower()
    return "sources" if name.endswith(SUFFIX) else "pdf" if name.endswith(".pdf") else \
        "docx" if name.endswith(".docx") else "other"


def load(path: Path, diags: Collector) -> Record | None:
    """An output (PDF, DOCX) or its record → the record: a PDF's embedded one first (the PDF
    alone can be traced), else the sidecar ``<output>.sources.json``; problems → ``diags``."""
    where = Location(str(path))
    if not path.is_file():
        diags.error(where, "no such file")
        return None
    if kind(path) == "other":
        diags.error(where, "not a published PDF or DOCX (nor its .sources.json)",
                    "give a file esgpublish publish wrote")
        return None
    data, read_from = None, "sidecar"
    if kind(path) == "pdf":
        from .pdfread import embedded

        try:
            data = embedded(path, SUFFIX)
        except Exception as exc:  # pypdf: a damaged or foreign file
            diags.error(where, f"cannot read the PDF: {exc.__class__.__name__}: {exc}",
                        "give a PDF esgpublish publish wrote")
            return None
        read_from = "embedded" if data is not None else "sidecar"
    if data is None:
        side = path if kind(path) == "sources" else path.with_name(path.name + SUFFIX)
        if not side.is_file():
            diags.error(where, f"no provenance record: none embedded and no {side.name} beside it",
                        "publish the report again with this esgpublish: files made before provenance carry none")
            return None
        data = side.read_bytes()
    return parse(data, path, read_from, diags)


def parse(data: bytes, path: Path, read_from: str, diags: Collector) -> Record | None:
    """A record's JSON bytes → the record; anything else is an error at the file."""
    try:
        raw = json.loads(data.decode("utf-8"))
        if raw.get("format") != FORMAT:
            raise ValueError(raw.get("format"))
        figures = tuple(Figure(f["text"], f["lang"], dict(f["where"]), tuple(f["sources"])) for f in raw["figures"])
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        diags.error(Location(str(path)), "not an esgpublish provenance record", "publish the report again")
        return None
    return Record(str(raw.get("output", "")), str(raw.get("edition", "")), read_from, figures)
