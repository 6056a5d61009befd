"""A DOCX validator against the ECMA-376 Transitional schemas (tests/schemas/ecma376/, offline).

``validate_docx(path_or_bytes)`` returns one string per schema error,
"word/PART.xml:LINE: message (at XPATH)"; an empty list means every part checked is valid.
python-docx writes each part on one line, hence the XPath (of the tree after MCE preprocessing).
libxml2 reports only the first misplaced child of an element and skips that child's subtree:
fixing one error can reveal others behind it.
Usable on any DOCX: ``python tests/ooxml_check.py FILE.docx …`` prints the errors, exits 1 if any.
"""
from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas" / "ecma376"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# word/ parts whose root element wml.xsd declares (w:document, w:styles, w:hdr, ...)
PARTS = re.compile(
    r"word/(document|styles|settings|fontTable|webSettings|numbering"
    r"|header\d*|footer\d*|footnotes|endnotes|comments)\.xml"
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

_SCHEMA: etree.XMLSchema | None = None  # built once, on first use
_KNOWN: frozenset[str] = frozenset()  # target namespaces of the schema files (w, a, pic, m, xml, ...)


def _schema() -> etree.XMLSchema:
    global _SCHEMA, _KNOWN
    if _SCHEMA is None:
        _KNOWN = frozenset(
            {etree.parse(str(p), _PARSER).getroot().get("targetNamespace") for p in SCHEMA_DIR.glob("*.xsd")}
        )
        _SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "wml.xsd"), _PARSER))
    return _SCHEMA


def _understood(el: etree._Element, prefixes: str | None) -> bool:
    return all(el.nsmap.get(p) in _KNOWN for p in (prefixes or "").split())


def _splice(old: etree._Element, new: list) -> None:
    """Put the elements `new` where `old` is, keeping the text that followed `old`."""
    parent, tail = old.getparent(), old.tail
    i = parent.index(old)
    parent.remove(old)
    parent[i:i] = new
    if tail:
        prev = new[-1] if new else (parent[i - 1] if i else None)
        if prev is None:
            parent.text = (parent.text or "") + tail
        else:
            prev.tail = (prev.tail or "") + tail


def _mce(el: etree._Element, ignored: frozenset = frozenset()) -> None:
    """Markup Compatibility preprocessing (ECMA-376 Part 3), as a consumer that understands
    exactly the namespaces of the schema set would do it, in place:
      * mc:Ignorable (on any element, inherited by its descendants): elements and attributes in
        the namespaces it lists are dropped unless the schema set declares that namespace;
      * mc:AlternateContent is replaced by the content of its first mc:Choice whose Requires
        namespaces are all understood, else of its mc:Fallback, else by nothing;
      * mc:* attributes are removed (the schemas do not declare them).
    mc:ProcessContent and mc:MustUnderstand are not implemented: an ignorable element's
    content goes with it, and a non-ignorable unknown namespace is left for the schema to reject.
    """
    ignored = ignored | {
        ns for ns in (el.nsmap.get(p) for p in el.get(f"{{{MC}}}Ignorable", "").split()) if ns not in _KNOWN
    }
    for name in list(el.attrib):
        if etree.QName(name).namespace in ignored | {MC}:
            del el.attrib[name]
    todo = list(el)
    while todo:
        child = todo.pop(0)
        if not isinstance(child.tag, str):  # comment or processing instruction
            continue
        if child.tag == f"{{{MC}}}AlternateContent":
            branch = next(
                (c for c in child.iterchildren(f"{{{MC}}}Choice") if _understood(c, c.get("Requires"))),
                next(child.iterchildren(f"{{{MC}}}Fallback"), None),
            )
            new = [] if branch is None else list(branch)
            _splice(child, new)
            todo[:0] = new
        elif etree.QName(child).namespace in ignored:
            _splice(child, [])
        else:
            _mce(child, ignored)


def _short(message: str, nsmap: dict) -> str:
    """'{http://…/wordprocessingml/2006/main}tblLayout' → 'w:tblLayout' in libxml2 messages."""
    for prefix, uri in nsmap.items():
        if prefix and uri:
            message = message.replace(f"{{{uri}}}", f"{prefix}:")
    return message


def validate_part(name: str, data: bytes) -> list[str]:
    """Errors of one WordprocessingML part (its XML text) after MCE preprocessing."""
    schema = _schema()
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as e:
        return [f"{name}:{e.lineno}: XML syntax error: {e.msg}"]
    nsmap = dict(root.nsmap)
    _mce(root)
    if schema.validate(root):
        return []
    return [
        f"{name}:{e.line}: {_short(e.message, nsmap)}" + (f" (at {e.path})" if e.path else "")
        for e in schema.error_log
    ]


def validate_docx(path_or_bytes) -> list[str]:
    """Schema errors of every word/*.xml part of a DOCX that wml.xsd covers, in part order.

    `path_or_bytes` is a path, the DOCX's bytes, or a binary file object.
    """
    src = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, (bytes, bytearray)) else path_or_bytes
    try:
        with zipfile.ZipFile(src) as z:
            names = [n for n in z.namelist() if PARTS.fullmatch(n)]
            errors = [] if "word/document.xml" in names else ["word/document.xml:0: part missing"]
            for name in names:
                errors += validate_part(name, z.read(name))
    except zipfile.BadZipFile as e:
        return [f"[zip]:0: not a DOCX (ZIP) file: {e}"]
    return errors


def main(argv: list[str]) -> int:
    bad = 0
    for path in argv:
        errors = validate_docx(path)
        for e in errors:
            print(f"{path}: {e}")
        bad += bool(errors)
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python tests/ooxml_check.py FILE.docx …")
    sys.exit(main(sys.argv[1:]))
