"""The IR's computed styles as Word styles: one paragraph style per ``ir.ParaStyle`` and one
character style per ``ir.CharStyle``, under Word's own names where Word has the role
(Heading 1–3, Caption, Title, TOC 1–3, Header, Footer), so that navigation, the contents
field and STYLEREF work in Word."""
from __future__ import annotations

from collections import OrderedDict

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from ... import fonts, ir
from .oxml import hex6, props, put, twips

WORD_NAMES = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "caption": "Caption",
              "contents-title": "TOC Heading", "contents-1": "TOC 1", "contents-2": "TOC 2", "contents-3": "TOC 3",
              "cover-title": "Title", "cover-subtitle": "Subtitle", "furniture": "Header"}
JC = {"left": "left", "right": "right", "center": "center", "justify": "both"}
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def word_name(name: str) -> str:
    """An IR style name → its Word style name."""
    return WORD_NAMES.get(name) or " ".join(part.capitalize() for part in name.split("-"))


def set_fonts(rpr, fallback_family: str | None = None, cjk: str = fonts.FAMILY) -> None:
    """Noto Sans for Latin text, the document's CJK family (Noto Sans SC or HK) for East Asian
    text; theme fonts dropped."""
    rfonts = put(rpr, "w:rFonts")
    latin = fallback_family or fonts.LATIN_FAMILY
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), latin)
    rfonts.set(qn("w:eastAsia"), fallback_family or cjk)


def set_lang(rpr, latin: str, east_asian: str) -> None:
    lang = put(rpr, "w:lang", latin)
    lang.set(qn("w:eastAsia"), east_asian)


def word_lang(bcp47: str) -> str:
    """A BCP 47 tag → Word's language-region form (zh-Hant-HK → zh-HK; zh-CN, en-US as they are)."""
    parts = bcp47.split("-")
    return "-".join(p for i, p in enumerate(parts) if not (i and len(p) == 4 and p.isalpha()))


def languages(document: ir.Document) -> tuple[str, str]:
    """The document's East Asian and Latin languages, in Word's form."""
    east_asian = next((l.bcp47 for l in document.languages if l.cjk), "zh-CN")
    latin = next((l.bcp47 for l in document.languages if not l.cjk), "en-US")
    return word_lang(east_asian), word_lang(latin)


def _strip_theme_fonts(root) -> None:
    for el in root.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            el.attrib.pop(qn(attr), None)


_INSTALLED: "OrderedDict[str, tuple[bytes, dict[str, str]]]" = OrderedDict()
INSTALLED_KEPT = 16  # styles parts kept: a batch's documents share a few (one per layout × edition)


def install(d, document: ir.Document) -> dict[str, str]:
    """Write the document's styles into ``d`` (python-docx Document, fresh from the default
    template); → IR name → style id. The styles part made from the same styles, CJK face and
    languages is made once per process and parsed again from its bytes (python-docx's
    ``add_style`` searches every style by name: adding them costs more than parsing)."""
    key = repr((document.para_styles, document.char_styles, document.cjk_font, languages(document)))
    part = d.part._styles_part
    hit = _INSTALLED.get(key)
    if hit is not None:
        _INSTALLED.move_to_end(key)
        part._element = parse_xml(hit[0])
        return dict(hit[1])
    ids = _install(d, document)
    _INSTALLED[key] = (etree.tostring(part._element), dict(ids))
    while len(_INSTALLED) > INSTALLED_KEPT:
        _INSTALLED.popitem(last=False)
    return ids


def _install(d, document: ir.Document) -> dict[str, str]:
    styles_el = d.styles.element
    _strip_theme_fonts(styles_el)
    east_asian, latin = languages(document)
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, cjk=document.cjk_font)
    set_lang(rpr, latin, east_asian)
    ppr = props(defaults.find(qn("w:pPrDefault")), "w:pPr")
    put(ppr, "w:kinsoku", "1")
    put(ppr, "w:overflowPunct", "1")
    ids: dict[str, str] = {}
    existing = {s.name: s for s in d.styles}
    for s in document.para_styles:
        name = word_name(s.name)
        style = existing.get(name) or d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        el = style.element
        for child in list(el):  # the template's look is replaced by the IR's
            if child.tag in (qn("w:pPr"), qn("w:rPr"), qn("w:basedOn"), qn("w:link")):
                el.remove(child)
        _para_style(el, s)
        ids[s.name] = style.style_id
    for c in document.char_styles:
        name = word_name(c.name)
        style = existing.get(name) or d.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        rpr = style.element.get_or_add_rPr()
        if c.bold is not None:
            put(rpr, "w:b", "1" if c.bold else "0")
        if c.color:
            put(rpr, "w:color", hex6(c.color))
        if c.size:
            put(rpr, "w:sz", str(round(c.size * 2)))
            put(rpr, "w:szCs", str(round(c.size * 2)))
        if name in ("Emphasis", "Hyperlink"):  # Word's own styles of these names are italic or underlined
            put(rpr, "w:i", "0")
        if c.underline is not None:
            put(rpr, "w:u", "single" if c.underline else "none")
        if c.superscript:
            put(rpr, "w:vertAlign", "superscript")
        ids[c.name] = style.style_id
    for style in d.styles:  # every style names the shipped faces, none a theme font
        if style.element.get(qn("w:type")) in ("paragraph", "character", "table"):
            set_fonts(style.element.get_or_add_rPr(), cjk=document.cjk_font)
    return ids


def _para_style(el, s: ir.ParaStyle) -> None:
    ppr = el.get_or_add_pPr()
    if s.keep_with_next:
        put(ppr, "w:keepNext")
    put(ppr, "w:widowControl", "1" if s.widow_control else "0")
    if s.name in ("h1", "h2", "h3"):  # Word's outline: navigation pane and the TOC field
        put(ppr, "w:outlineLvl", str(int(s.name[1]) - 1))
    spacing = put(ppr, "w:spacing")
    spacing.set(qn("w:before"), twips(s.space_before))
    spacing.set(qn("w:after"), twips(s.space_after))
    spacing.set(qn("w:line"), twips(s.leading))
    spacing.set(qn("w:lineRule"), "exact")
    # the gap between hanzi and Latin letters or digits: Word's and LibreOffice's own (about a quarter em)
    put(ppr, "w:autoSpaceDE", "1" if s.script_gap else "0")
    put(ppr, "w:autoSpaceDN", "1" if s.script_gap else "0")
    ind = put(ppr, "w:ind")
    ind.set(qn("w:left"), twips(s.left_indent))
    ind.set(qn("w:hanging" if s.first_indent < 0 else "w:firstLine"), twips(abs(s.first_indent)))
    put(ppr, "w:jc", JC[s.align])
    rpr = el.get_or_add_rPr()
    put(rpr, "w:b", "1" if s.bold else "0")
    put(rpr, "w:i", "0")
    put(rpr, "w:color", hex6(s.color))
    put(rpr, "w:sz", str(round(s.size * 2)))
    put(rpr, "w:szCs", str(round(s.size * 2)))
