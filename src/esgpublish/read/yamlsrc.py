"""YAML with line numbers: a file → plain Python values plus the location of each.

Safe loading only (PyYAML's SafeLoader composes nodes; no tags are constructed).
``Located.loc(path)`` gives the ``file:line:col`` of any value by its key path, falling
back to the nearest parent, so validation can point at the exact key or value.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import Collector, Location

KeyPath = tuple[object, ...]
MAX_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 100  # nested mappings and lists; a layout needs about 8
MAX_DIGITS = 30  # of a number: margins, sizes and counts need a few


@dataclass
class Located:
    """A YAML document as plain values, with a location for every key path."""

    file: str
    data: Any
    marks: dict[KeyPath, Location] = field(default_factory=dict)
    key_marks: dict[KeyPath, Location] = field(default_factory=dict)

    def loc(self, path: KeyPath, *, key: bool = False) -> Location:
        """Location of the value (or of its key, with ``key=True``) at ``path``."""
        table = self.key_marks if key else self.marks
        p = tuple(path)
        while p and p not in table:
            table = self.marks
            p = p[:-1]
        return table.get(p, Location(self.file, line=1, column=1))


def load(path: Path, display: str, diags: Collector) -> Located | None:
    """YAML file → ``Located`` or None with a located diagnostic."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        diags.error(Location(display), f"cannot read layout: {exc.strerror or exc}", "check the path")
        return None
    if len(raw) > MAX_BYTES:
        diags.error(Location(display), f"layout file is {len(raw):,} bytes, more than {MAX_BYTES:,}",
                    "a layout is a short description; split it with extends:")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        diags.error(Location(display), f"layout is not UTF-8 (byte {exc.start})", "save the file as UTF-8")
        return None
    try:
        deep = _too_deep(text)
        if deep is not None:
            diags.error(Location(display, line=deep.line + 1, column=deep.column + 1),
                        f"YAML nested more than {MAX_DEPTH} levels deep", "a layout nests a few levels; check the brackets")
            return None
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        diags.error(Location(display, line=line, column=col), f"invalid YAML: {exc.problem or exc}",
                    "check indentation, colons and quotes on this line")
        return None
    except (yaml.YAMLError, RecursionError) as exc:
        diags.error(Location(display, line=1, column=1), f"invalid YAML: {exc}", None)
        return None
    doc = Located(display, None)
    if node is None:
        doc.data = {}
        return doc
    count = [0]
    try:
        doc.data = _convert(node, (), doc, count, set())
    except _TooBig:
        diags.error(Location(display), f"layout has more than {MAX_NODES:,} YAML nodes",
                    "a layout is a short description; remove repeated aliases")
        return None
    except _Bad as exc:
        diags.error(Location(display, line=exc.mark.line + 1, column=exc.mark.column + 1), exc.message, exc.hint)
        return None
    return doc


def _too_deep(text: str) -> Any | None:
    """The mark where YAML text nests deeper than ``MAX_DEPTH`` (tokens, scanned without recursion), or None."""
    depth = 0
    opening = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockMappingStartToken,
               yaml.BlockSequenceStartToken)
    closing = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, opening):
                depth += 1
                if depth > MAX_DEPTH:
                    return token.start_mark
            elif isinstance(token, closing):
                depth -= 1
    except yaml.YAMLError:
        return None  # composing reports it, located
    return None


def _at(file: str, mark: Any) -> Location:
    return Location(file, line=mark.line + 1, column=mark.column + 1)


class _TooBig(Exception):
    pass


class _Bad(Exception):
    def __init__(self, mark: Any, message: str, hint: str | None = None):
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


def _convert(node: yaml.Node, path: KeyPath, doc: Located, count: list[int], active: set[int]) -> Any:
    count[0] += 1
    if count[0] > MAX_NODES:
        raise _TooBig
    doc.marks[path] = _at(doc.file, node.start_mark)
    if id(node) in active:
        raise _Bad(node.start_mark, "recursive YAML alias", "remove the alias that refers to itself")
    if isinstance(node, yaml.MappingNode):
        active.add(id(node))
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Bad(key_node.start_mark, "a key must be a plain name", None)
            key = key_node.value
            if key == "<<":
                raise _Bad(key_node.start_mark, "YAML merge keys (<<) are not supported", "use extends: instead")
            if key in out:
                raise _Bad(key_node.start_mark, f"duplicate key '{key}'", "remove one of the two")
            doc.key_marks[path + (key,)] = _at(doc.file, key_node.start_mark)
            out[key] = _convert(value_node, path + (key,), doc, count, active)
        active.discard(id(node))
        return out
    if isinstance(node, yaml.SequenceNode):
        active.add(id(node))
        items = [_convert(v, path + (i,), doc, count, active) for i, v in enumerate(node.value)]
        active.discard(id(node))
        return items
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    """A scalar node → str, int, float, bool or None, as the safe loader would type it."""
    if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and \
            sum(ch.isdigit() for ch in node.value) > MAX_DIGITS:
        raise _Bad(node.start_mark, f"a number of {sum(ch.isdigit() for ch in node.value):,} digits",
                   "type a number of a sensible size (sizes in pt, margins in mm)")
    loader = yaml.SafeLoader("")
    try:
        value = loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        raise _Bad(node.start_mark, f"invalid value: {exc}") from None
    finally:
        loader.dispose()
    if isinstance(value, float) and not math.isfinite(value):
        raise _Bad(node.start_mark, f"'{node.value}' is not a finite number", "type a number such as 12 or 0.5")
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value
