"""Outputs that are up to date: a file is not rendered again when what it is made from — its
edition's IR, the format and options, the shipped and fallback fonts, esgpublish's code and
the renderer libraries' versions — is unchanged since it was written, and the file itself
is the one written then (its hash is checked, so a file edited or replaced by hand is
rendered again).

Records live beside the other caches: ``CACHE/outputs/<file name>.key`` holds the inputs'
key and the file's SHA-256. They are written with the outputs, in the same set
(``pipeline.atomic.write_set``). Only regular files are read: never a FIFO, a device or a link.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from .. import cachekey
from .. import ir


def key(document: ir.Document, fmt: str, embed_full_fonts: bool, font_chars: frozenset[str] | None) -> str:
    """The key of everything one output file is made from."""
    fallback = cachekey.file_stamp(Path(document.fallback_font)) if document.fallback_font else ""
    # dataclass reprs are stable across runs; the DOCX subsets hold every edition's characters
    return cachekey.key("output", repr((document, fmt, embed_full_fonts)), "".join(sorted(font_chars or ())),
                        fallback)


def record_path(cache: Path, output: Path) -> Path:
    """An output file → where its up-to-date record is kept."""
    return cache / "outputs" / f"{output.name}.key"


def _file_digest(path: Path) -> str | None:
    """A regular file's SHA-256, read in chunks (never opening a FIFO, device or link) → or None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        h = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def is_current(cache: Path, output: Path, inputs_key: str) -> bool:
    """Whether ``output`` was written from inputs with this key and is unchanged since."""
    from ..atomicfile import read_regular

    recorded = read_regular(record_path(cache, output), 1024)
    if recorded is None:
        return False
    return recorded.decode("ascii", "replace").split() == [inputs_key, _file_digest(output)]


def record(inputs_key: str, data: bytes) -> bytes:
    """The record of an output holding ``data``, made from inputs with this key."""
    return f"{inputs_key} {hashlib.sha256(data).hexdigest()}\n".encode()
