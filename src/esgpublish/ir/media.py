"""IR nodes of assets: pictures (an image file's checked bytes), images with captions,
case-study boxes, and the cover's logo."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Location
from .looks import BoxLook
from .nodes import Paragraph, Span


@dataclass(frozen=True)
class Picture:
    """An image file's bytes (PNG or JPEG, checked by the reader), its pixel size and SHA-256
    (the bytes stay out of ``repr`` and comparisons: the hash stands for them in cache keys)."""

    format: str  # png | jpeg
    pixels: tuple[int, int]
    sha256: str
    data: bytes = field(repr=False, compare=False, default=b"")


@dataclass(frozen=True)
class Image:
    """A picture printed ``width`` × ``height`` points, centred, its caption under it (kept
    together), with a one-sentence alt text per language."""

    picture: Picture
    caption: Paragraph | None
    alt: tuple[Span, ...]
    width: float
    height: float
    origin: Location | None = None
    anchor: str = ""
    space_before: float = 0.0
    space_after: float = 0.0


@dataclass(frozen=True)
class Box:
    """A case study: a title and paragraphs in a shaded box (``look``: fill, the rule on top,
    padding), the full width of the text block; it breaks across pages only between paragraphs,
    and never between its title and its first paragraph."""

    title: Paragraph
    body: tuple[Paragraph, ...]
    look: BoxLook
    origin: Location | None = None
    anchor: str = ""
    space_before: float = 0.0
    space_after: float = 0.0


@dataclass(frozen=True)
class CoverLogo:
    """The cover's logo: a picture placed at (``x``, ``y``) from the page's top-left corner,
    ``width`` × ``height`` points."""

    picture: Picture
    x: float
    y: float
    width: float
    height: float
    alt: str = ""


def media_spans(b: Image | Box):
    """The spans an image (caption, alt text) or a box (title, paragraphs) prints, in reading order."""
    paras = ((b.caption,) if b.caption else ()) if isinstance(b, Image) else (b.title,) + b.body
    for p in paras:
        for line in p.lines:
            yield from line
    if isinstance(b, Image):
        yield from b.alt
