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
from functools import lru_cache
from pathlib import Path

from .. import fonts
from .. import ir
from .atomic import write_atomic


@lru_cache(maxsize=None)
def _code_digest() -> str:
    """esgpublish's own source and the versions of the libraries that shape the files."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        h.update(path.relative_to(Path(__file__).parent).as_posix().encode())
        h.update(path.read_bytes())
    for dist in ("reportlab", "python-docx", "matplotlib", "svglib", "fonttools", "lxml"):
        try:
            h.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:
            h.update(f"{dist}=none".encode())
    return h.hexdigest()


def _stat(path: Path) -> str:
    st = path.stat()
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def key(document: ir.Document, fmt: str, embed_full_fonts: bool, font_chars: frozenset[str] | None) -> str:
    """The key of everything one output file is made from."""
    h = hashlib.sha256(_code_digest().encode())
    h.update(repr((document, fmt, embed_full_fonts)).encode())  # dataclass reprs: stable across runs
    h.update("".join(sorted(font_chars or ())).encode())  # the DOCX subsets hold every edition's characters
    for face in fonts.faces().values():
        h.update(_stat(face.path).encode())
    if document.fallback_font:
        h.update(_stat(Path(document.fallback_font)).encode())
    return h.hexdigest()


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
