"""The one rule for cache keys: outputs, charts and font subsets are keyed by what they are
made from — their own inputs, the shipped fonts, esgpublish's code and the versions of the
libraries that shape files — so that a change to any of them makes them anew."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

LIBRARIES = ("reportlab", "python-docx", "matplotlib", "svglib", "fonttools", "lxml", "babel")


@lru_cache(maxsize=None)
def code_digest() -> str:
    """esgpublish's own source and the versions of the libraries that shape its files."""
    from importlib.metadata import PackageNotFoundError, version

    root = Path(__file__).parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    for dist in LIBRARIES:
        try:
            h.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:
            h.update(f"{dist}=none".encode())
    return h.hexdigest()


def file_stamp(path: Path) -> str:
    """A file's identity for a key: path, size and modification time."""
    st = path.stat()
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


@lru_cache(maxsize=None)
def fonts_digest() -> str:
    """The shipped faces, by their stamps."""
    from . import fonts

    return hashlib.sha256("|".join(file_stamp(f.path) for f in fonts.faces().values()).encode()).hexdigest()


def key(*parts: str, length: int = 64) -> str:
    """A cache key of ``parts`` under the one rule (code, libraries and fonts included)."""
    h = hashlib.sha256(code_digest().encode())
    h.update(fonts_digest().encode())
    for part in parts:
        h.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:length]
