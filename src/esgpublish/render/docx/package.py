"""Package-level parts of the DOCX: embedded font subsets (obfuscated, ECMA-376 §17.8.1),
settings in schema order, core properties."""
from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ... import fonts, ir
from . import oxml
from .oxml import put

FONT = fonts.FAMILY
LATIN_FONT = fonts.LATIN_FAMILY
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
RT_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
# CT_Settings: the children esgpublish sets, with the elements that must precede them
SETTINGS_ORDER = ("w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
                  "w:removeDateAndTime", "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape",
                  "w:printPostScriptOverText", "w:printFractionalCharacterWidth", "w:printFormsData",
                  "w:embedTrueTypeFonts", "w:embedSystemFonts", "w:saveSubsetFonts", "w:saveFormsData",
                  "w:mirrorMargins", "w:alignBordersAndEdges", "w:bordersDoNotSurroundHeader",
                  "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
                  "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign",
                  "w:attachedTemplate", "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod",
                  "w:documentType", "w:mailMerge", "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves",
                  "w:doNotTrackFormatting", "w:documentProtection", "w:autoFormatOverride",
                  "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation",
                  "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps",
                  "w:showEnvelope", "w:summaryLength", "w:clickAndTypeStyle", "w:defaultTableStyle",
                  "w:evenAndOddHeaders", "w:bookFoldRevPrinting", "w:bookFoldPrinting",
                  "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing",
                  "w:drawingGridVerticalSpacing", "w:displayHorizontalDrawingGridEvery",
                  "w:displayVerticalDrawingGridEvery", "w:doNotUseMarginsForDrawingGridOrigin",
                  "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin", "w:doNotShadeFormData",
                  "w:noPunctuationKerning", "w:characterSpacingControl", "w:printTwoOnOne",
                  "w:strictFirstAndLastChars", "w:noLineBreaksAfter", "w:noLineBreaksBefore",
                  "w:savePreviewPicture", "w:doNotValidateAgainstSchema", "w:saveInvalidXml",
                  "w:ignoreMixedContent", "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml",
                  "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags",
                  "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr",
                  "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                  "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                  "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
                  "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
                  "w:decimalSymbol", "w:listSeparator")


oxml.ORDER["w:settings"] = SETTINGS_ORDER


def settings(d, document: ir.Document) -> None:
    """Zoom at 100 %, fields updated on open (the contents), East Asian line-breaking rules
    and the theme-font languages; every element in CT_Settings order."""
    el = d.settings.element
    zoom = put(el, "w:zoom")
    zoom.set(qn("w:percent"), "100")
    put(el, "w:updateFields", "true")
    put(el, "w:characterSpacingControl", "compressPunctuation")
    from .styles import languages

    east_asian, latin = languages(document)
    tfl = put(el, "w:themeFontLang", latin)
    tfl.set(qn("w:eastAsia"), east_asian)


def properties(d, meta: ir.Metadata) -> None:
    cp = d.core_properties
    when = dt.datetime.combine(meta.date, dt.time())
    cp.title, cp.author, cp.subject, cp.keywords = meta.title, meta.author, meta.subject, meta.keywords
    cp.language = meta.lang
    cp.created = cp.modified = when
    cp.last_modified_by = meta.author
    cp.revision = 1
    cp.comments = ""
    cp.last_printed = when


def drop_template_leftovers(d) -> None:
    """Remove python-docx's template thumbnail and its styles-with-effects copy."""
    pkg_part = d.part.package
    for rel_id, rel in list(pkg_part.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            pkg_part.drop_rel(rel_id) if hasattr(pkg_part, "drop_rel") else pkg_part.rels.pop(rel_id)
    for rel_id, rel in list(d.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            d.part.rels.pop(rel_id)


def embed_fonts(d, document: ir.Document, embed_full_fonts: bool, font_cache, font_chars,
                fallback_family: str | None) -> None:
    """Embed the faces as obfuscated .odttf parts (ECMA-376 §17.8.1): subsets of the
    characters the document uses, or the whole shipped fonts for documents to be edited."""
    own = document.text_chars()
    chars = set(font_chars) if font_chars else own
    font_table_part = next(rel.target_part for rel in d.part.rels.values()
                           if rel.reltype == RT.FONT_TABLE)
    root = _parse(font_table_part.blob) if not hasattr(font_table_part, "element") else font_table_part.element
    n = 0
    families = [(LATIN_FONT, "00", ("latin", "latin-bold"))]
    if embed_full_fonts or fonts.needs_face(own, "cjk"):  # charset 86: GB2312; 88: Big5
        families.insert(0, (document.cjk_font, "86" if document.cjk_font == FONT else "88",
                            fonts.cjk_styles(document.cjk_font)))
    fallback = Path(document.fallback_font) if document.fallback_font else None
    if fallback and fonts.needs_face(own, "fallback", fallback):
        families.append((fallback_family, "00", ("fallback",)))
    for family, charset, faces in families:
        for el in list(root):
            if el.get(qn("w:name")) == family:
                root.remove(el)
        font_el = OxmlElement("w:font")
        font_el.set(qn("w:name"), family)
        for tag, val in (("w:charset", charset), ("w:family", "swiss"), ("w:pitch", "variable")):
            sub = OxmlElement(tag)
            sub.set(qn("w:val"), val)
            font_el.append(sub)
        for style, tag in zip(faces, ("w:embedRegular", "w:embedBold")):
            n += 1
            face = fonts.faces()[style] if style != "fallback" else \
                fonts.Face(fallback_family, "regular", fallback_family.replace(" ", ""), fallback)
            data = face.path.read_bytes() if embed_full_fonts else \
                fonts.subset_bytes(face, chars, font_cache)
            key = "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"
            part = Part(PackURI(f"/word/fonts/font{n}.odttf"), OBFUSCATED_FONT, _obfuscate(data, key),
                        d.part.package)
            rid = font_table_part.relate_to(part, RT_FONT)
            embed = OxmlElement(tag)
            embed.set(qn("r:id"), rid)
            embed.set(qn("w:fontKey"), key)
            if not embed_full_fonts:
                embed.set(qn("w:subsetted"), "1")
            font_el.append(embed)
        root.append(font_el)
    if not hasattr(font_table_part, "element"):
        font_table_part._blob = _serialize(root)
    settings = d.settings.element
    put(settings, "w:embedTrueTypeFonts")
    if not embed_full_fonts:
        put(settings, "w:saveSubsetFonts")


def _parse(blob: bytes):
    from docx.oxml.parser import parse_xml

    return parse_xml(blob)


def _serialize(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _obfuscate(data: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the GUID's 16 bytes in reverse order."""
    key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]
