"""``esgpublish import-docx REVIEWED.docx WORKBOOK.xlsx -o NEW.xlsx``: the reviewers' wording
back into the narrative cells.

The DOCX's narrative controls are read back (``review/controls.py``) as the narrative markup
(``markup.unparse``): paragraphs and lists, bold, emphasis, links, footnotes; each figure
control as its placeholder. A narrative is changed when its markup differs from its cell's
with the report's typography undone on both sides (``typography.fold``: curly quotes,
full-width marks, an en dash between years): an unchanged DOCX changes nothing. A changed
narrative's new text keeps the cell's own characters where the wording is the same and takes
the reviewer's where it differs (difflib on the folded texts). Not taken, each reported with
its place (paragraph, control): a changed figure (the cell keeps its placeholder), a narrative
with tracked changes left in it, a deleted or emptied narrative control, a narrative not in the
workbook, Traditional Chinese text reworded (the workbook holds the Simplified); the reviewers' comments are listed. NEW.xlsx is WORKBOOK.xlsx with
only the changed cells rewritten (``read/xlsxpatch.py``), never the workbook itself.

Exit 0 when NEW.xlsx is written (with nothing changed, it is a copy; what was not taken is
printed as warnings), 1 when an input cannot be used (no DOCX, a workbook with errors, -o the
workbook itself).
"""
from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Collector, InputError, Location
from ..model import markup


def add_parser(sub, common) -> None:
    """Add ``import-docx`` to the CLI's subcommands."""
    p = sub.add_parser("import-docx", parents=[common],
                       help="bring the reviewed wording of a published DOCX back into the workbook's narratives")
    p.add_argument("docx", type=Path, metavar="REVIEWED.docx", help="a DOCX esgpublish published, as reviewed in Word")
    p.add_argument("workbook", type=Path, metavar="WORKBOOK.xlsx", help="the workbook it was published from")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="NEW.xlsx",
                   help="the new workbook to write (never the workbook itself)")


@dataclass(frozen=True)
class Edit:
    """A narrative cell to rewrite: its narrative, language, cell and old and new text."""

    narrative: str
    lang: str
    location: Location
    old: str
    new: str


def run(args, lang: str, print_diagnostics) -> int:
    from ..messages import word
    from ..read import xlsxpatch
    from .publish import display_path

    docx_name, book_name = display_path(args.docx), display_path(args.workbook)
    _refuse_overwrite(args.output, args.workbook, args.docx)
    reviewed = _read_docx(args.docx, docx_name)
    langs = tuple(sorted({"zh" if c.lang == "zh_hant" else c.lang for c in reviewed.controls} & {"zh", "en"})) \
        or ("zh", "en")
    from ..read.workbook import read_workbook

    dataset, diags = read_workbook(args.workbook, book_name, langs)
    if dataset is None or not diags.ok:
        raise InputError([d for d in diags.items if d.severity == "error"])
    report = Collector()
    edits = plan(reviewed, dataset, docx_name, report)
    try:
        cells = {(e.location.sheet, e.location.cell): e.new for e in edits}
        xlsxpatch.patch(args.workbook, args.output, cells)
    except OSError as exc:
        failed = Collector()
        failed.error(Location(display_path(args.output)), f"cannot write the new workbook: {exc}",
                     "check that the folder exists and that you may write in it")
        raise InputError(failed.items)
    except (xlsxpatch.PatchError, KeyError) as exc:
        failed = Collector()
        failed.error(Location(book_name), f"cannot write the new wording into the workbook: {exc}",
                     "check that the workbook opens in Excel; its worksheets may be in a form esgpublish cannot edit")
        raise InputError(failed.items)
    for e in edits:
        print(word("import_changed", lang, e.location, e.narrative, e.lang))
    print_diagnostics(report.items, sys.stdout)
    out = display_path(args.output)
    print(word("import_done", lang, len(edits), out) if edits else word("import_none", lang, out, book_name))
    return 0


def _refuse_overwrite(output: Path, workbook: Path, docx: Path) -> None:
    """-o must name a new file: neither the workbook nor the reviewed DOCX."""
    for other in (workbook, docx):
        same = output.resolve() == other.resolve()
        if not same and output.exists() and other.exists():
            try:
                same = os.path.samefile(output, other)
            except OSError:
                same = False
        if same:
            diags = Collector()
            diags.error(Location(str(output)), "-o names the input itself: import-docx never writes over its inputs",
                        f"write the new workbook to another file, e.g. -o {workbook.with_name(workbook.stem + '-reviewed.xlsx')}")
            raise InputError(diags.items)


def _read_docx(path: Path, name: str):
    import xml.etree.ElementTree as ET
    import zipfile

    from ..review import controls

    diags = Collector()
    try:
        reviewed = controls.read(path)
    except FileNotFoundError:
        diags.error(Location(name), "no such file")
        raise InputError(diags.items)
    except (zipfile.BadZipFile, KeyError, ET.ParseError, IsADirectoryError, PermissionError) as exc:
        diags.error(Location(name), f"not a Word document (.docx): {exc.__class__.__name__}",
                    "give the DOCX esgpublish published, as reviewed and saved in Word")
        raise InputError(diags.items)
    if not reviewed.controls and not reviewed.published:
        diags.error(Location(name), "the document has no narrative content controls: it was not published by "
                                    "esgpublish, or not by a version that marks them",
                    "publish the workbook again, review that DOCX and import it")
        raise InputError(diags.items)
    return reviewed


def plan(reviewed, dataset, docx_name: str, report: Collector) -> list[Edit]:
    """The reviewed DOCX against the workbook → the cells to rewrite; what is not taken and the
    comments into ``report``."""
    edits: list[Edit] = []
    seen: set[str] = set()

    def at(paragraph, tag) -> Location:
        return Location(f"{docx_name}: ¶ {paragraph} [{tag}]" if paragraph else f"{docx_name}: [{tag}]")

    for control in reviewed.controls:
        where = at(control.paragraph, control.tag)
        if control.tag in seen:
            report.warning(where, f"narrative '{control.narrative}' ({control.lang}) is in the document twice: "
                                  "only its first content control is imported",
                           "keep one copy of the narrative's text")
            continue
        seen.add(control.tag)
        for paragraph, fig in control.changed_figures:
            report.warning(at(paragraph, control.tag),
                           f"the figure {fig.placeholder} was changed from '{fig.printed}' to '{fig.text}': "
                           "not imported, the narrative keeps its placeholder",
                           "change the figure in its cell of the workbook: the report prints it from there")
        nar = dataset.narratives.get(control.narrative)
        if nar is None:
            report.warning(where, f"narrative '{control.narrative}' is not in the workbook: its wording was not imported",
                           "import into the workbook the DOCX was published from")
            continue
        if control.lang not in ("zh", "en"):
            hant, hant_labels = _original(nar.text.get(control.lang))
            if merge(hant, _reviewed(control, reviewed.notes, hant_labels), control.lang) is None:
                continue  # Traditional Chinese as published: nothing to take
            report.warning(where, f"narrative '{control.narrative}' in {control.lang}: not imported, the workbook "
                                  "holds the Simplified Chinese and English texts",
                           "make the change in the Chinese (zh) or English edition, or in the workbook")
            continue
        if control.tracked:
            report.warning(at(control.tracked[0], control.tag),
                           f"tracked changes are left in narrative '{control.narrative}' ({control.lang}): "
                           "its wording was not imported",
                           "accept or reject the changes in Word (Review, Accept or Reject), save, and import again")
            continue
        location = nar.origins.get(control.lang)
        old = nar.text.get(control.lang)
        if location is None or location.cell is None:
            report.warning(where, f"narrative '{control.narrative}' ({control.lang}) has no cell in the workbook: "
                                  "its wording was not imported",
                           "import into the workbook the DOCX was published from")
            continue
        original, labels = _original(old)
        new = merge(original, _reviewed(control, reviewed.notes, labels), control.lang)
        if new is not None and not new.strip():
            report.warning(where, f"narrative '{control.narrative}' ({control.lang}) is empty in the document: "
                                  "not imported, its cell is kept as it was",
                           "to drop a narrative from the report, delete its row in the workbook")
            continue
        if new is not None:
            edits.append(Edit(control.narrative, control.lang, location, old, _closest(old, new)))
    present = {c.tag for c in reviewed.controls}
    for tag in reviewed.published:
        if tag not in present:
            from ..ir import controls as tags

            narrative, lang = tags.parse_narrative(tag) or (tag, "")
            report.warning(Location(f"{docx_name}: [{tag}]"),
                           f"the content control of narrative '{narrative}' ({lang}) was deleted: its cell is kept as it was",
                           "to drop a narrative from the report, delete its row in the workbook")
    for c in reviewed.comments:
        where = at(c.paragraph, c.control) if c.control else \
            Location(f"{docx_name}: ¶ {c.paragraph}" if c.paragraph else docx_name)
        report.note(where, f"comment by {c.author or '?'}: {c.text}")
    return edits


def _original(text: str) -> tuple[str, list[str]]:
    """A narrative cell → its markup written as ``unparse`` writes it (the notes it cites, in
    the order cited), and the labels of those notes."""
    md = markup.parse(text)
    cited: list[str] = []
    for b in md.blocks:
        for inl in (b.items if isinstance(b, markup.ItemList) else (b.inlines,)):
            cited += [r.label for r in inl if isinstance(r, markup.NoteRef) and r.label not in cited]
    notes = {label: md.notes[label] for label in cited if label in md.notes}
    return markup.unparse(markup.Markup(md.blocks, notes)), cited


def _reviewed(control, notes: dict, labels: list[str]) -> str:
    """A narrative control → its markup: the k-th note it cites under the cell's k-th label."""
    ids: dict[str, str] = {}
    taken = set(labels)

    def label(note_id: str) -> str:
        if note_id not in ids:
            k = len(ids)
            if k < len(labels):
                ids[note_id] = labels[k]
            else:
                n = 1
                while str(n) in taken:
                    n += 1
                taken.add(str(n))
                ids[note_id] = str(n)
        return ids[note_id]

    def inlines(pieces) -> markup.Inline:
        out = []
        for p in pieces:
            if p.kind == "note":
                out.append(markup.NoteRef(label(p.note)))
            elif p.kind == "figure":
                out.append(markup.Run(p.placeholder, p.strong, p.emphasis, p.link))
            else:
                out.append(markup.Run(p.text.replace("{", "{{").replace("}", "}}"), p.strong, p.emphasis, p.link))
        return markup.joined(out)

    blocks: list = []
    lists: list[str] = []  # per block, the w:numId of its list ("" for a paragraph)
    for b in control.blocks:
        line = inlines(b.pieces)
        if not any(isinstance(r, markup.NoteRef) or r.text.strip() for r in line):
            continue  # an empty paragraph (Enter pressed twice)
        if b.numbered is None:
            blocks.append(markup.Para(line))
            lists.append("")
        elif blocks and isinstance(blocks[-1], markup.ItemList) and lists[-1] == b.num_id:
            blocks[-1] = markup.ItemList(blocks[-1].ordered, blocks[-1].items + (line,))
        else:
            blocks.append(markup.ItemList(b.numbered, (line,)))
            lists.append(b.num_id)
    cited = list(ids.items())
    note_text = {lab: inlines(notes.get(nid, [])) for nid, lab in cited}
    return markup.unparse(markup.Markup(tuple(blocks), note_text))


def merge(original: str, reviewed: str, lang: str) -> str | None:
    """The cell's markup and the reviewed markup → None when they differ only in the report's
    typography, else the new text: the cell's characters where the folded texts agree, the
    reviewer's where they differ."""
    from ..compose.typography import fold

    a, amap = fold(original, lang)
    b, bmap = fold(reviewed, lang)
    if a == b:
        return None
    out = []
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            start = amap[i1] if i1 else 0
            end = amap[i2] if i2 < len(a) else len(original)
            out.append(original[start:end])
        elif j2 > j1:
            start = bmap[j1] if j1 else 0
            end = bmap[j2] if j2 < len(b) else len(reviewed)
            out.append(reviewed[start:end])
    return "".join(out)


def _closest(cell: str, new: str) -> str:
    """The new text (markup as ``unparse`` writes it) as close to the cell's own as it can be:
    where they differ only in how the markup is written (a blank line before a list or the
    notes, an escape), the cell's way is kept, as long as the result reads as the new text."""
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, cell, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(cell[i1:i2])
        elif op == "insert" and not new[j1:j2].strip():
            continue  # the canonical form's extra blank line
        elif op in ("replace", "insert"):
            out.append(new[j1:j2])
    candidate = "".join(out)
    same = markup.unparse(markup.parse(candidate)) == markup.unparse(markup.parse(new))
    return candidate if same else new
