"""A PDF read back with pypdf: an embedded file, the text of each page."""
from __future__ import annotations

import logging
from pathlib import Path


def _reader(path: Path):
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on odd files are not ours to print
    return PdfReader(str(path))


def embedded(path: Path, suffix: str) -> bytes | None:
    """A PDF → the bytes of its embedded file whose name ends in ``suffix`` (a copy of the PDF
    may have another name than the one embedded); None when it has none."""
    files = _reader(path).attachments
    name = next((n for n in sorted(files) if n.endswith(suffix)), None)
    return files[name][0] if name is not None and files[name] else None


def page_texts(path: Path) -> list[str]:
    """A PDF → the text of each page, as pypdf extracts it."""
    return [page.extract_text() or "" for page in _reader(path).pages]
