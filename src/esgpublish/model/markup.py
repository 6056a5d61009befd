"""Narrative markup: a small subset of Markdown in a Narrative cell (docs/workbook.md, "Markup").

``parse(text)`` → ``Markup``: paragraphs and lists of inline runs, and the cell's footnotes.
A blank line starts a paragraph, a single line break is a line break; a line starting with
``- `` is a bullet item, with ``1. `` (one or two digits) a numbered one; ``**bold**``,
``*emphasis*``; ``[text](url)`` (http, https and mailto only); ``[^label]`` cites the note
of a ``[^label]: text`` line of the same cell; a backslash before a markup character prints
it. Placeholders (``{id}``, ``{{``) stay in the runs' text, untouched, for compose to fill.
``problems`` lists what validation reports: (severity, message, hint), in English.
Used by validation (read/records.py) and compose (compose/narrative.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby

ESCAPABLE = set("\\*[]()-.^!#_`")  # a backslash before one of these prints it
SCHEMES = ("http://", "https://", "mailto:")
_BULLET = re.compile(r"^ {0,3}- (.*)$")
_NUMBER = re.compile(r"^ {0,3}(\d{1,2})\. (.*)$")
_NOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$")
_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_LINK = re.compile(r"\[((?:\\.|[^\]\\\[])*)\]\(([^()\s]*)\)")
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}")


@dataclass(frozen=True)
class Run:
    """Inline text (placeholders still raw) with its emphasis and link."""

    text: str
    strong: bool = False
    emphasis: bool = False
    link: str = ""


@dataclass(frozen=True)
class NoteRef:
    """A footnote citation ``[^label]``."""

    label: str


Inline = tuple[Run | NoteRef, ...]


@dataclass(frozen=True)
class Para:
    """A paragraph; a line break is a ``\\n`` in a run's text."""

    inlines: Inline


@dataclass(frozen=True)
class ItemList:
    """A bullet (``ordered`` False) or numbered list: one inline sequence per item."""

    ordered: bool
    items: tuple[Inline, ...]


class Problems(list):
    """What parsing finds to report: (severity, message, hint) triples, added by ``error``
    and ``warning`` as a diagnostics collector's are (the first argument, a location, is
    the caller's to give: the cell)."""

    def error(self, _at, message: str, hint: str) -> None:
        self.append(("error", message, hint))

    def warning(self, _at, message: str, hint: str) -> None:
        self.append(("warning", message, hint))


@dataclass(frozen=True)
class Markup:
    """A parsed narrative cell: its blocks, its notes (label → text) and what to report."""

    blocks: tuple[Para | ItemList, ...]
    notes: dict[str, Inline] = field(default_factory=dict)
    problems: tuple[tuple[str, str, str], ...] = ()


def parse(text: str) -> Markup:
    """A narrative cell's text → its blocks, notes and problems."""
    problems = Problems()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    notes: dict[str, Inline] = {}
    body: list[str] = []
    for line in lines:
        m = _NOTE_DEF.match(line)
        if m:
            if m.group(1) in notes:
                problems.error(None, f"footnote [^{m.group(1)}] is defined twice",
                                 "keep one [^label]: line per note")
            notes[m.group(1)] = _inline(m.group(2), problems)
        else:
            body.append(line)
    blocks: list[Para | ItemList] = []
    para: list[str] = []
    items: list[tuple[bool, int, str]] = []

    def flush_para() -> None:
        if para:
            blocks.append(Para(_inline("\n".join(para), problems)))
            para.clear()

    def flush_list() -> None:
        if not items:
            return
        ordered = items[0][0]
        if len(items) == 1:
            problems.warning(None, f"a line starting with '{_marker(items[0])}' makes a list of one item",
                             "write \\- (or 1\\.) at the line's start to print it as it is, or add items")
        if ordered and [n for _, n, _ in items] != list(range(1, len(items) + 1)):
            problems.warning(None, "a numbered list is numbered 1, 2, 3 … whatever numbers are typed",
                             "number the items 1, 2, 3 …, or write 1\\. to print the number as it is")
        blocks.append(ItemList(ordered, tuple(_inline(t, problems) for _, _, t in items)))
        items.clear()

    for line in body:
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if not line.strip():
            flush_para()
            flush_list()
        elif bullet or number:
            flush_para()
            item = (False, 0, bullet.group(1)) if bullet else (True, int(number.group(1)), number.group(2))
            if items and items[0][0] != item[0]:
                flush_list()
            items.append(item)
        else:
            flush_list()
            para.append(line)
    flush_para()
    flush_list()
    cited = [r.label for b in blocks for inl in (b.items if isinstance(b, ItemList) else (b.inlines,))
             for r in inl if isinstance(r, NoteRef)]
    for label in dict.fromkeys(cited):
        if label not in notes:
            problems.error(None, f"footnote [^{label}] has no note",
                             f"add a line [^{label}]: the note's text, in the same cell")
    for label in notes:
        if label not in cited:
            problems.warning(None, f"footnote [^{label}] is never cited", f"cite it with [^{label}] in the text")
    return Markup(tuple(blocks), notes, tuple(problems))


def _marker(item: tuple[bool, int, str]) -> str:
    return f"{item[1]}. " if item[0] else "- "


def _inline(text: str, problems: list) -> Inline:
    """Inline text → runs and note citations: escapes, links, emphasis."""
    tokens: list = []  # str | NoteRef | ("link", Inline, url) | ["*", count, can_open, can_close]
    i, n = 0, len(text)
    buf: list[str] = []

    def flush() -> None:
        if buf:
            tokens.append("".join(buf))
            buf.clear()
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in ESCAPABLE:
            buf.append(text[i + 1])
            i += 2
            continue
        if ch == "{":
            m = _PLACEHOLDER.match(text, i)
            if m:  # a placeholder is one piece: markup never splits it
                buf.append(m.group(0))
                i = m.end()
                continue
        if ch == "[":
            m = _NOTE_REF.match(text, i)
            if m:
                flush()
                tokens.append(NoteRef(m.group(1)))
                i = m.end()
                continue
            m = _LINK.match(text, i)
            if m:
                url = m.group(2)
                if not url.lower().startswith(SCHEMES) or len(url) <= len("http://"):
                    problems.error(None, f"link address '{url}' is not an http, https or mailto address",
                                     "write a full address: https://… or mailto:…")
                flush()
                tokens.append(("link", _inline(m.group(1), problems), url))
                i = m.end()
                continue
        if ch == "*":
            j = i
            while j < n and text[j] == "*":
                j += 1
            before, after = text[i - 1] if i else " ", text[j] if j < n else " "
            flush()
            tokens.append(["*", j - i, not after.isspace(), not before.isspace(), i])
            i = j
            continue
        buf.append(ch)
        i += 1
    flush()
    return _emphasis(tokens, problems)


def _emphasis(tokens: list, problems: list) -> Inline:
    """Delimiter runs of one or two ``*`` paired, the nearest opener first; an unpaired run
    prints as it is."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for k, t in enumerate(tokens):
        if not isinstance(t, list) or t[1] > 2:
            continue
        opener = next((s for s in reversed(stack) if tokens[s][1] == t[1]), None)
        if t[3] and opener is not None:
            pairs[opener] = k
            stack = stack[:stack.index(opener)]
        elif t[2]:
            stack.append(k)
    closers = set(pairs.values())
    # an unpaired run touching a word may have been meant as emphasis: reported; one between
    # spaces (3 * 4) or longer than two is plainly literal
    lone = [t for k, t in enumerate(tokens) if isinstance(t, list) and k not in pairs and k not in closers
            and (t[2] or t[3]) and t[1] <= 2]
    if lone:
        problems.warning(None, f"'{'*' * lone[0][1]}' at character {lone[0][4] + 1} has no partner and prints as it is",
                         "close the emphasis (**bold**, *emphasis*), or write \\* for a literal *")
    out: list[Run | NoteRef] = []
    strong = emph = 0
    for k, t in enumerate(tokens):
        if isinstance(t, list) and (k in pairs or k in closers):
            delta = 1 if k in pairs else -1
            if t[1] == 2:
                strong += delta
            else:
                emph += delta
            continue
        if isinstance(t, list):
            t = "*" * t[1]
        if isinstance(t, str):
            out.append(Run(t, strong > 0, emph > 0))
        elif isinstance(t, NoteRef):
            out.append(t)
        else:
            _, inner, url = t
            out += [Run(r.text, r.strong or strong > 0, r.emphasis or emph > 0, url) if isinstance(r, Run) else r
                    for r in inner]
    return _merge(out)


def _merge(runs: list) -> Inline:
    """Adjacent runs of the same look joined."""
    out: list = []
    for r in runs:
        if out and isinstance(r, Run) and isinstance(out[-1], Run) and (r.strong, r.emphasis, r.link) == \
                (out[-1].strong, out[-1].emphasis, out[-1].link):
            out[-1] = Run(out[-1].text + r.text, r.strong, r.emphasis, r.link)
        elif not (isinstance(r, Run) and not r.text):
            out.append(r)
    return tuple(out)


def joined(runs) -> Inline:
    """Runs and citations → the same, adjacent runs of the same look joined, empty ones dropped."""
    return _merge(list(runs))


def plain(text: str) -> str:
    """A narrative cell's text as it reads without markup (notes dropped)."""
    md = parse(text)
    parts = []
    for b in md.blocks:
        for inl in (b.items if isinstance(b, ItemList) else (b.inlines,)):
            parts.append("".join(r.text for r in inl if isinstance(r, Run)))
    return "\n".join(parts)


_LINE_MARKER = re.compile(r"^( {0,3})(-|\d{1,2}\.)( )", re.MULTILINE)


def unparse(md: Markup) -> str:
    """Blocks and notes → a narrative cell's text that ``parse`` reads back as the same blocks
    and notes (esgpublish import-docx writes reviewed wording back with it): paragraphs
    separated by a blank line, items as ``- `` or ``1. `` lines, ``**strong**``, ``*emphasis*``,
    ``[text](url)``, ``[^label]`` citations and the ``[^label]: text`` lines at the end; a
    markup character in the text escaped with a backslash. Placeholders and ``{{``/``}}`` in
    the runs' text are written as they are."""
    parts = []
    for b in md.blocks:
        if isinstance(b, Para):
            text = re.sub(r"\n[ \t]*(?=\n)", "", _unline(b.inlines))  # a blank line would end the paragraph
            parts.append(_LINE_MARKER.sub(lambda m: m.group(1) + "\\" + m.group(2) + m.group(3)
                                          if m.group(2) == "-" else m.group(1) + m.group(2)[:-1] + "\\." + m.group(3),
                                          text))
        else:
            parts.append("\n".join(("%d. " % (k + 1) if b.ordered else "- ") + _unline(inl).replace("\n", " ")
                                   for k, inl in enumerate(b.items)))
    text = "\n\n".join(p for p in parts if p.strip())
    notes = [f"[^{label}]: " + _unline(inl).replace("\n", " ") for label, inl in md.notes.items()]
    if notes:
        text += ("\n\n" if text else "") + "\n".join(notes)
    return text


def _escape(text: str, in_link: bool = False) -> str:
    text = text.replace("\\", "\\\\").replace("*", "\\*").replace("[", "\\[")
    return text.replace("]", "\\]") if in_link else text


def _unline(inlines: Inline) -> str:
    """Runs → inline markup: links around their runs, strong and emphasis around the runs that
    have them, each delimiter touching its text (the spaces at a run's ends kept outside)."""
    out: list[str] = []
    for link, group in groupby(inlines, key=lambda r: r.link if isinstance(r, Run) and r.link else None):
        out.append(f"[{_styled(list(group), True)}]({link})" if link else _styled(list(group), False))
    return "".join(out)


def _styled(items: list, in_link: bool) -> str:
    """Runs (within a link or not) → their text with **strong** and *emphasis* marks."""
    def text_of(r) -> str:
        return f"[^{r.label}]" if isinstance(r, NoteRef) else _escape(r.text, in_link)

    def wrap(body: str, mark: str) -> str:  # the marks touch the text; its outer spaces stay outside
        stripped = body.strip()
        if not stripped:
            return body
        return body[:len(body) - len(body.lstrip())] + mark + stripped + mark + body[len(body.rstrip()):]

    def emphasised(group) -> str:
        return "".join(wrap(piece, "*") if em else piece
                       for em, runs in groupby(group, key=lambda r: isinstance(r, Run) and r.emphasis)
                       for piece in ("".join(text_of(r) for r in runs),))

    return "".join(wrap(emphasised(runs), "**") if strong else emphasised(runs)
                   for strong, runs in groupby(items, key=lambda r: isinstance(r, Run) and r.strong))

    out, k = [], 0
    while k < len(items):
        strong = isinstance(items[k], Run) and items[k].strong
        j = k
        while j < len(items) and (isinstance(items[j], Run) and items[j].strong) == strong:
            j += 1
        group = items[k:j]
        if strong:
            body = emph_level(group)
            stripped = body.strip()
            out.append(body if not stripped else
                       body[:len(body) - len(body.lstrip())] + "**" + stripped + "**" + body[len(body.rstrip()):])
        else:
            out.append(emph_level(group))
        k = j
    return "".join(out)
