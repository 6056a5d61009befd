"""The workbook's assets: images (checked files from the ``assets/`` folder), free-form
tables and materiality scores, each located at its cells."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Location
from .dataset import Text


@dataclass(frozen=True)
class ImageAsset:
    """An image of the Images sheet: its checked bytes (PNG or JPEG), pixel size and hash."""

    id: str
    file: str  # as typed, relative to the assets folder
    format: str  # png | jpeg
    pixels: tuple[int, int]  # width, height
    sha256: str
    alt: Text
    caption: Text | None
    origin: Location  # the row's id cell
    data: bytes = field(repr=False, compare=False, default=b"")


@dataclass(frozen=True)
class FreeTable:
    """A free-form table of the Tables sheet: its title, header and rows, each cell in both languages."""

    id: str
    title: Text | None
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    origin: Location  # the first row's id cell
    cells: tuple[tuple[Location, ...], ...] = field(default=(), compare=False)  # per row (header first): each cell


@dataclass(frozen=True)
class MaterialTopic:
    """A row of the Materiality sheet: a topic and its importance to stakeholders and to the business."""

    id: str
    name: Text
    stakeholders: float
    business: float
    pillar: str | None
    origin: Location
