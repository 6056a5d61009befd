"""Outputs that are up to date: a file is not rendered again when what it is made from — its
edition's IR, the format and options, the shipped and fallback fonts, esgpublish's code and
the renderer libraries' versions — is unchanged since it was written, and the file itself
is the one written then (its hash is checked, so a file edited or replaced by hand is
rendered again).

Records live beside the other caches: ``CACHE/outputs/<file name>.key`` holds the inputs'
key and the file's SHA-256.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .. import cachekey
from .. import ir
from .atomic import write_atomic


def key(document: ir.Document, fmt: str, embed_full_fonts: bool, font_chars: frozenset[str] | None) -> str:
    """The key of everything one output file is made from."""
    fallback = cachekey.file_stamp(Path(document.fallback_font)) if document.fallback_font else ""
    # dataclass reprs are stable across runs; the DOCX subsets hold every edition's characters
    return cachekey.key("output", repr((document, fmt, embed_full_fonts)), "".join(sorted(font_chars or ())),
                        fallback)


def _record(cache: Path, output: Path) -> Path:
    return cache / "outputs" / f"{output.name}.key"


def is_current(cache: Path, output: Path, inputs_key: str) -> bool:
    """Whether ``output`` was written from inputs with this key and is unchanged since."""
    try:
        recorded = _record(cache, output).read_text().split()
        data = output.read_bytes()
    except OSError:
        return False
    return recorded == [inputs_key, hashlib.sha256(data).hexdigest()]


def remember(cache: Path, output: Path, inputs_key: str, data: bytes) -> None:
    """Record that ``output`` now holds ``data``, made from inputs with this key."""
    write_atomic(_record(cache, output), f"{inputs_key} {hashlib.sha256(data).hexdigest()}\n".encode())
