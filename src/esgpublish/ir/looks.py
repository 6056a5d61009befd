"""IR looks: languages, paragraph and character styles, rules, table and box looks, page geometry."""
from __future__ import annotations

from dataclasses import dataclass


# ---------------------------------------------------------------- languages and styles
@dataclass(frozen=True)
class Language:
    """A language the edition prints: its tag, BCP 47 name and script."""

    tag: str  # the key spans use: zh | zh_hant | en
    bcp47: str  # zh-CN | zh-Hant-HK | en-US
    cjk: bool  # Chinese script: set in the CJK face, broken and spaced by the clreq rules


@dataclass(frozen=True)
class CharStyle:
    """Formatting a run takes on top of its paragraph's style (None: as the paragraph)."""

    name: str
    color: str | None = None
    size: float | None = None
    bold: bool | None = None
    underline: bool | None = None
    superscript: bool = False  # raised and smaller (a footnote's mark)


@dataclass(frozen=True)
class ParaStyle:
    """A paragraph's look: font size, line height, colour, alignment, indents, spacing."""

    name: str
    size: float
    leading: float  # line height
    color: str
    bold: bool = False
    align: str = "left"  # left | right | center | justify
    first_indent: float = 0.0
    left_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    cjk_wrap: bool = False  # holds Chinese: broken by the clreq rules (Latin text: at spaces only)
    script_gap: float = 0.0  # em between a hanzi and a Latin letter or digit (clreq: a quarter em)
    squeeze_punctuation: bool = False  # adjacent full-width marks close up by half an em (clreq)
    # the marks whose glyphs leave half an em blank on the right (，。） in SC) and on the left
    # (（《): the edition's face decides (the HK face centres ，。、；：, which never close up)
    squeeze_marks: tuple[str, str] = ("", "")
    widow_control: bool = True  # no paragraph leaves one line alone at a page's foot or head


@dataclass(frozen=True)
class Rule:
    """A line: its colour and width."""

    color: str
    width: float


@dataclass(frozen=True)
class TableLook:
    """How a table is drawn: header fill, row shading or rules, padding."""

    head: str  # ParaStyle of header cells
    body: str  # ParaStyle of body cells
    head_fill: str
    head_second: str  # CharStyle of the second language in the header
    zebra: str | None  # fill of every second body row, or None for rules between rows
    between: Rule | None  # rule between body rows
    below: Rule  # rule under the last row
    padding: float  # each side of a cell


@dataclass(frozen=True)
class BoxLook:
    """A tinted box with a rule on top (highlight cards)."""

    fill: str
    top: Rule
    padding: tuple[float, float, float, float]  # top, right, bottom, left
    gap: float  # between boxes, across and down


@dataclass(frozen=True)
class PageGeometry:
    """The page and its text block; header and footer baselines from the page's edges."""

    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    header_y: float  # the header's baseline, from the top edge
    footer_y: float  # the footer's baseline, from the bottom edge

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


@dataclass(frozen=True)
class NoteLook:
    """The footnotes at a page's foot: ``space`` above them, a rule ``length`` long over them."""

    rule: Rule
    length: float
    space: float  # between the text above and the rule
    gap: float  # between the rule and the first note
