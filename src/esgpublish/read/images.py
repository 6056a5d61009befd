"""Image files from the workbook's ``assets/`` folder, checked before anything decodes them:
a name that stays inside the folder (no ``..``, no absolute path, no link out), PNG or JPEG
only, at most ``MAX_BYTES``, and pixel dimensions read from the header (PNG IHDR, JPEG SOF)
within ``MAX_SIDE`` and ``MAX_PIXELS`` — only then is the image decoded (Pillow), to find a
damaged file. No decompression bomb is ever decoded."""
from __future__ import annotations

import hashlib
import io
import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..diagnostics import Collector, Location

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 10_000  # pixels, each side
MAX_PIXELS = 40_000_000  # pixels in all (40 megapixels: a large photograph)
SUFFIXES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True)
class Checked:
    """An image file that passed every check: its bytes, format, pixel size and hash."""

    data: bytes
    format: str
    pixels: tuple[int, int]
    sha256: str


def name_problem(name: str) -> str | None:
    """A file name as typed → why it may not be used (None: a plain name inside the folder)."""
    if not name or name.strip() != name:
        return "is empty or starts or ends with a space"
    if "\\" in name or PureWindowsPath(name).drive or PurePosixPath(name).is_absolute():
        return "is an absolute path or uses backslashes"
    if any(part in ("..", ".") or not part for part in PurePosixPath(name).parts) or "//" in name:
        return "leaves the assets folder (..)"
    return None


def header_size(data: bytes, fmt: str) -> tuple[int, int] | None:
    """A PNG's or JPEG's first bytes → (width, height) from its header, or None when it is not one."""
    if fmt == "png":
        if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR" or len(data) < 24:
            return None
        return struct.unpack(">II", data[16:24])
    if data[:2] != b"\xff\xd8":
        return None
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2:i + 4])
        if marker in _SOF:
            if i + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        if marker == 0xDA or length < 2:  # image data before any frame header
            return None
        i += 2 + length
    return None


def read_image(folder: Path, name: str, loc: Location, diags: Collector) -> Checked | None:
    """The assets folder and a file name → the checked image, or None with a located error."""
    problem = name_problem(name)
    if problem:
        diags.error(loc, f"the file name '{name}' {problem}",
                    "give the name of a file inside the assets folder beside the workbook, e.g. logo.png")
        return None
    fmt = SUFFIXES.get(PurePosixPath(name).suffix.lower())
    if fmt is None:
        diags.error(loc, f"'{name}' is not a PNG or JPEG file (.png, .jpg, .jpeg)", "save the image as PNG or JPEG")
        return None
    path = folder / name
    try:
        inside = path.resolve(strict=True).is_relative_to(folder.resolve(strict=True))
    except (OSError, RuntimeError):
        diags.error(loc, f"no file '{name}' in {folder.name}/",
                    f"put the file in the folder {folder.name}/ beside the workbook, or correct the name")
        return None
    if not inside:
        diags.error(loc, f"'{name}' links to a file outside {folder.name}/", "copy the file itself into the folder")
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                diags.error(loc, f"'{name}' is not a regular file", "copy the file itself into the folder")
                return None
            if st.st_size > MAX_BYTES:
                diags.error(loc, f"'{name}' is {st.st_size / 2**20:.1f} MB, more than {MAX_BYTES // 2**20} MB",
                            "save a smaller copy of the image (a report needs no more than 300 dpi)")
                return None
            chunks = []
            while (chunk := os.read(fd, 1 << 20)) and sum(map(len, chunks)) <= MAX_BYTES:
                chunks.append(chunk)
            data = b"".join(chunks)
        finally:
            os.close(fd)
    except OSError as exc:
        diags.error(loc, f"cannot read '{name}': {exc.strerror}", "check the file's permissions")
        return None
    size = header_size(data, fmt)
    if size is None:
        diags.error(loc, f"'{name}' is not a {fmt.upper()} image",
                    "the file is not the image its name says; save it again as PNG or JPEG")
        return None
    width, height = size
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE) or width * height > MAX_PIXELS:
        diags.error(loc, f"'{name}' is {width:,} × {height:,} pixels, more than {MAX_SIDE:,} a side or "
                         f"{MAX_PIXELS:,} in all", "save a smaller copy of the image (a report needs no more than 300 dpi)")
        return None
    damage = _decode_problem(data, fmt)
    if damage:
        diags.error(loc, f"'{name}' is damaged: {damage}", "open the image and save it again as PNG or JPEG")
        return None
    return Checked(data, fmt, (width, height), hashlib.sha256(data).hexdigest())


def _decode_problem(data: bytes, fmt: str) -> str | None:
    """Decode the image (its size already checked) → None, or what went wrong."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data), formats=["PNG" if fmt == "png" else "JPEG"]) as im:
            im.load()
    except Exception as exc:  # Pillow raises many kinds for damaged data
        return f"{exc.__class__.__name__}: {exc}"
    return None
