"""Self-test of the offline ECMA-376 DOCX validator (tests/ooxml_check.py)."""
from __future__ import annotations

import io
import zipfile

from ooxml_check import validate_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)


def docx(body: str, root_attrs: str = "") -> bytes:
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS} {root_attrs}>\n<w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def table(tblpr: str) -> str:
    return (f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid>"
            "<w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>")


LAYOUT = '<w:tblLayout w:type="fixed"/>'
LOOK = '<w:tblLook w:val="04A0" w:firstRow="1"/>'


def test_minimal_document_is_valid():
    body = '<w:p><w:r><w:t xml:space="preserve">Hello </w:t></w:r></w:p>' + table(LAYOUT + LOOK)
    assert validate_docx(docx(body)) == []


def test_misordered_table_property_is_reported():
    errors = validate_docx(docx(table(LOOK + LAYOUT)))
    assert len(errors) == 1
    assert errors[0].startswith("word/document.xml:3: Element 'w:tblLayout': This element is not expected")
    assert errors[0].endswith("(at /w:document/w:body/w:tbl/w:tblPr/w:tblLayout)")


def test_markup_compatibility_is_preprocessed():
    body = (
        '<w:p w14:paraId="1A2B3C4D"><w14:unknownThing/>'
        '<mc:AlternateContent><mc:Choice Requires="w14"><w14:x/></mc:Choice>'
        '<mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>'
    )
    assert validate_docx(docx(body, 'mc:Ignorable="w14"')) == []
    # without mc:Ignorable, an unknown namespace is an error
    assert validate_docx(docx(body))


def test_not_a_docx():
    assert validate_docx(b"not a zip")[0].startswith("[zip]:0:")
