"""Stage 5b — the DOCX renderer: ``ir.Document`` + chart files → DOCX bytes (python-docx).

The only module that imports python-docx. Styles carry the formatting (Title, Heading
1–3, TOC Heading, Caption, body styles), the theme fonts of python-docx's template are
removed and ``w:eastAsia`` is set everywhere, the fonts are embedded as obfuscated
subsets, and the package is written with fixed timestamps so builds are byte-identical.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import uuid
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from ... import fonts
from ... import ir
from ...ooxml import normalise_package
from ...charts.draw import ChartFiles

FONT = fonts.FAMILY
LATIN_FONT = fonts.LATIN_FAMILY
LANG_TAGS = {"zh": "zh-CN", "en": "en-US"}
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
RT_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


def _set_fonts(rpr, lang: str | None = None) -> None:
    """Name the fonts on an rPr — Noto Sans for Latin, Noto Sans SC for East Asian text —
    drop theme-font overrides, and with ``lang`` set the language; Chinese text gets the
    East Asian hint, so that shared marks (“ ” …) take the CJK face."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), FONT)
    if lang == "en":
        rfonts.set(qn("w:hint"), "default")
    elif lang == "zh":
        rfonts.set(qn("w:hint"), "eastAsia")
    if lang:
        el = rpr.find(qn("w:lang"))
        if el is None:
            el = OxmlElement("w:lang")
            rpr.append(el)
        el.set(qn("w:val"), LANG_TAGS["en"] if lang == "en" else LANG_TAGS["zh"])
        el.set(qn("w:eastAsia"), "zh-CN")


def _strip_theme_fonts(root) -> None:
    for el in root.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            el.attrib.pop(qn(attr), None)


class _Writer:
    def __init__(self, document: ir.Document, charts: dict[str, ChartFiles], embed_full_fonts: bool = False,
                 font_cache=None, font_chars=None):
        self.ir, self.charts = document, charts
        self.embed_full_fonts, self.font_cache = embed_full_fonts, font_cache
        self.font_chars = font_chars
        self.fallback_family = fonts.family_name(Path(document.fallback_font)) if document.fallback_font else None
        self.doc = Document()
        self._body_end = self.doc.element.body.find(qn("w:sectPr"))  # paragraphs go before it
        self.theme = document.theme
        self.bookmark_id = 0

    # ------------------------------------------------------------ setup
    def setup(self) -> None:
        d, theme = self.doc, self.theme
        styles_el = d.styles.element
        _strip_theme_fonts(styles_el)
        lang = self.ir.langs[0]
        defaults = styles_el.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(rpr, lang)
        for style in d.styles:
            el = style.element
            if el.get(qn("w:type")) in ("paragraph", "character", "table"):
                rpr = el.get_or_add_rPr() if hasattr(el, "get_or_add_rPr") else None
                if rpr is not None:
                    _set_fonts(rpr)
        settings = d.settings.element
        tfl = settings.find(qn("w:themeFontLang"))
        if tfl is None:
            tfl = OxmlElement("w:themeFontLang")
            settings.append(tfl)
        tfl.set(qn("w:val"), LANG_TAGS["en"] if lang == "en" else "zh-CN")
        tfl.set(qn("w:eastAsia"), "zh-CN")
        # page
        sec = d.sections[0]
        page = self.ir.page
        sec.page_width, sec.page_height = Mm(page.width_mm), Mm(page.height_mm)
        sec.orientation = WD_ORIENT.LANDSCAPE if page.width_mm > page.height_mm else WD_ORIENT.PORTRAIT
        m = page.margins_mm
        sec.top_margin, sec.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
        sec.left_margin, sec.right_margin = Mm(m["left"]), Mm(m["right"])
        sec.header_distance, sec.footer_distance = Mm(m["top"] * 0.45), Mm(m["bottom"] * 0.45)
        # styles from the theme
        f, c = theme.fonts, theme.colors
        text = _rgb(c["text"])
        normal = d.styles["Normal"]
        normal.font.size = Pt(f["body"])
        normal.font.color.rgb = text
        pf = normal.paragraph_format
        pf.line_spacing = f["leading"] * 0.85
        pf.space_after = Pt(theme.spacing["paragraph"])
        for level, size in ((1, f["h1"]), (2, f["h2"]), (3, f["h3"])):
            st = d.styles[f"Heading {level}"]
            st.font.size = Pt(size)
            st.font.bold = True
            st.font.color.rgb = _rgb(c["primary"] if level < 3 else c["text"])
            st.paragraph_format.space_before = Pt(14 if level == 1 else 10)
            st.paragraph_format.space_after = Pt(6)
            st.paragraph_format.keep_with_next = True
        title = d.styles["Title"]
        title.font.size = Pt(f["title"])
        title.font.color.rgb = _rgb(c["primary"])
        title.font.bold = True
        _remove_border(title.element)
        subtitle = d.styles["Subtitle"]
        subtitle.font.italic = False
        subtitle.font.size = Pt(f["h2"])
        subtitle.font.color.rgb = _rgb(c["muted"])
        d.styles["TOC Heading"].font.color.rgb = _rgb(c["primary"])
        d.styles["TOC Heading"].font.size = Pt(f["h1"])
        cap = d.styles["Caption"]
        cap.font.size = Pt(f["small"] + 1)
        cap.font.bold = True
        cap.font.italic = False
        cap.font.color.rgb = text
        cap.paragraph_format.keep_with_next = True
        cap.paragraph_format.space_before = Pt(theme.spacing["block"] * 0.5)
        from docx.enum.style import WD_STYLE_TYPE

        body_zh = d.styles.add_style("Body Text ZH", WD_STYLE_TYPE.PARAGRAPH)
        body_zh.base_style = normal
        body_zh.paragraph_format.first_line_indent = Pt(2 * f["body"])
        _set_fonts(body_zh.element.get_or_add_rPr(), "zh")
        body_en = d.styles.add_style("Body Text EN", WD_STYLE_TYPE.PARAGRAPH)
        body_en.base_style = normal
        _set_fonts(body_en.element.get_or_add_rPr(), "en")
        if len(self.ir.langs) > 1:
            body_en.font.color.rgb = _rgb(c["muted"])
        small = d.styles.add_style("Small", WD_STYLE_TYPE.PARAGRAPH)
        small.base_style = normal
        small.font.size = Pt(f["small"])
        small.font.color.rgb = _rgb(c["muted"])
        cell = d.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.font.size = Pt(f["small"] + 0.5)
        cell.paragraph_format.space_after = Pt(0)
        cell.paragraph_format.line_spacing = 1.0
        head = d.styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
        head.base_style = cell
        head.font.bold = True
        head.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        second = d.styles.add_style("Second Language", WD_STYLE_TYPE.CHARACTER)
        second.font.color.rgb = _rgb(c["muted"])
        _set_fonts(second.element.get_or_add_rPr(), "en")
        latin = d.styles.add_style("Latin Text", WD_STYLE_TYPE.CHARACTER)
        _set_fonts(latin.element.get_or_add_rPr(), "en")
        card = d.styles.add_style("Card Value", WD_STYLE_TYPE.CHARACTER)
        card.font.bold = True
        card.font.size = Pt(f["h2"] + 3)
        card.font.color.rgb = _rgb(c["primary"])
        table_style = d.styles.add_style("KPI Table", WD_STYLE_TYPE.TABLE)
        table_style.base_style = d.styles["Normal Table"]
        _kpi_table_style(table_style.element, theme)
        for lvl in (1, 2):
            toc = d.styles.add_style(f"TOC {lvl}", WD_STYLE_TYPE.PARAGRAPH)
            toc.base_style = normal
            toc.paragraph_format.left_indent = Mm(6 * (lvl - 1))
            toc.paragraph_format.space_after = Pt(3)
            toc.font.bold = lvl == 1
        for style in d.styles:
            rpr = style.element.find(qn("w:rPr"))
            if rpr is not None:
                _set_fonts(rpr)

    # ------------------------------------------------------------ text helpers
    def style_id(self, name: str) -> str:
        """A style's id by its name, looked up once (python-docx scans every style per lookup)."""
        if not hasattr(self, "_style_ids"):
            self._style_ids = {s.name: s.style_id for s in self.doc.styles}
        return self._style_ids[name]

    def para(self, container, style: str, align: str | None = None):
        """A new paragraph in ``style`` (and alignment) at the end of ``container`` (the
        document or a cell). Built as XML: python-docx's ``add_paragraph`` searches the body
        for its section properties on every call, which makes long reports quadratic."""
        p = OxmlElement("w:p")
        ppr = _sub(p, "w:pPr")
        _sub(ppr, "w:pStyle", self.style_id(style))
        if align:
            _sub(ppr, "w:jc", align)
        if container is self.doc:
            self._body_end.addprevious(p)
        else:
            container._element.append(p)
        return DocxParagraph(p, container)

    def set_style(self, paragraph, style: str, align: str | None = None) -> None:
        """Style (and align) a paragraph that has no properties yet (a new cell's)."""
        ppr = _sub(paragraph._p, "w:pPr", index=0)
        _sub(ppr, "w:pStyle", self.style_id(style))
        if align:
            _sub(ppr, "w:jc", align)

    def runs(self, paragraph, line: ir.Line, style: str | None = None) -> None:
        """Spans → runs; English inside a Chinese document gets the Latin Text style (en-US);
        characters only the layout's fallback font has are set in it."""
        fallback = self.ir.fallback_font
        p = paragraph._p
        for span in line:
            pieces = fonts.face_runs(span.text, span.lang, fallback) if fallback else [("", span.text)]
            run_style = style or ("Latin Text" if span.lang == "en" and self.ir.langs[0] != "en" else None)
            for kind, text in pieces:
                if not text:
                    continue
                r = _sub(p, "w:r")
                if run_style or span.strong or kind == "fallback":
                    rpr = _sub(r, "w:rPr")
                    if run_style:
                        _sub(rpr, "w:rStyle", self.style_id(run_style))
                    if kind == "fallback":
                        rfonts = _sub(rpr, "w:rFonts")
                        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                            rfonts.set(qn(attr), self.fallback_family)
                    if span.strong:
                        _sub(rpr, "w:b")
                if any(ch in text for ch in "\t\n\r"):
                    DocxRun(r, paragraph).text = text  # tabs and breaks as python-docx writes them
                else:
                    t = _sub(r, "w:t")
                    t.text = text
                    if len(text.strip()) < len(text):
                        t.set(qn("xml:space"), "preserve")

    def lines(self, paragraph, lines: tuple[ir.Line, ...], muted_after_first: bool = True,
              style: str | None = None) -> None:
        """One line per language, the later ones in the Second Language style."""
        for i, line in enumerate(lines):
            if i:
                paragraph.add_run().add_break()
            self.runs(paragraph, line, "Second Language" if i and muted_after_first else style)

    # ------------------------------------------------------------ parts
    def cover(self) -> None:
        c = self.ir.cover
        d = self.doc
        for _ in range(3):
            d.add_paragraph()
        for line in c.company:
            p = self.para(d, "Subtitle")
            self.runs(p, line)
        for i, line in enumerate(c.title):
            p = self.para(d, "Title")
            self.runs(p, line)
            if i:
                for r in p.runs:
                    r.font.size = Pt(self.theme.fonts["title"] * 0.6)
        for line in c.subtitle:
            p = self.para(d, "Subtitle")
            self.runs(p, line)
        d.add_paragraph()
        for line in c.date:
            p = d.add_paragraph()
            self.runs(p, line)
        for para in c.disclaimer:
            p = self.para(d, "Small")
            self.runs(p, para.spans)
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def header_footer(self) -> None:
        sec = self.doc.sections[0]
        if self.ir.show_header:
            hp = sec.header.paragraphs[0]
            self.runs(hp, self.ir.running_header)
            for r in hp.runs:
                r.font.size = Pt(self.theme.fonts["small"])
                r.font.color.rgb = _rgb(self.theme.colors["muted"])
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for piece in re.split(r"(\{page\}|\{pages\})", self.ir.footer):
            if piece == "{page}":
                _field(fp, "PAGE", "1")
            elif piece == "{pages}":
                _field(fp, "NUMPAGES", "1")
            elif piece:
                fp.add_run(piece)
        for r in fp.runs:
            r.font.size = Pt(self.theme.fonts["small"])
        if self.ir.cover:
            sec.different_first_page_header_footer = True

    def contents(self, block: ir.Contents) -> None:
        d = self.doc
        p = self.para(d, "TOC Heading")
        self.lines(p, block.title)
        headings = [b for b in self.ir.body if isinstance(b, ir.Heading) and b.level <= block.depth]
        first = True
        for h in headings:
            p = self.para(d, f"TOC {h.level}")
            if first:
                _fld_char(p, "begin")
                _instr(p, f'TOC \\o "1-{block.depth}" \\h \\z \\u')
                _fld_char(p, "separate")
                first = False
            link = _hyperlink(p, f"_Toc_{h.anchor}")
            text = " / ".join(ir.plain(l) for l in h.lines)
            r = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = text
            t.set(qn("xml:space"), "preserve")
            r.append(t)
            link.append(r)
        if headings:
            _fld_char(d.paragraphs[-1], "end")

    def heading(self, h: ir.Heading) -> None:
        p = self.para(self.doc, f"Heading {h.level}")
        if h.new_page:
            p.paragraph_format.page_break_before = True
        self.bookmark_id += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.bookmark_id))
        start.set(qn("w:name"), f"_Toc_{h.anchor}")
        p._p.append(start)
        self.lines(p, h.lines)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.bookmark_id))
        p._p.append(end)

    def paragraph(self, para: ir.Paragraph) -> None:
        style = "Body Text ZH" if para.lang == "zh" else "Body Text EN"
        p = self.para(self.doc, style)
        self.runs(p, para.spans)

    def parallel(self, block: ir.Parallel) -> None:
        """The Chinese paragraph and its translation in the two cells of a borderless table."""
        table = self.doc.add_table(rows=1, cols=2)
        sec = self.doc.sections[0]
        half = int((sec.page_width - sec.left_margin - sec.right_margin) / 2)
        _table_layout(table, [half, half])
        for cell, para in zip(table.rows[0].cells, (block.left, block.right)):
            cell.width = half
            p = cell.paragraphs[0]
            self.set_style(p, "Body Text ZH" if para.lang == "zh" else "Body Text EN")
            self.runs(p, para.spans)

    def table(self, t: ir.Table) -> None:
        d, theme = self.doc, self.theme
        cap = self.para(d, "Caption")
        self.lines(cap, t.caption)
        table = d.add_table(rows=1 + len(t.rows), cols=len(t.columns))
        table.style = d.styles["KPI Table"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        sec = d.sections[0]
        usable = sec.page_width - sec.left_margin - sec.right_margin
        total = sum(c.width for c in t.columns)
        widths = [int(usable * c.width / total) for c in t.columns]
        _table_layout(table, widths)
        header = table.rows[0]
        _row_props(header, header=True)
        for cell, col, width in zip(header.cells, t.columns, widths):
            cell.width = width
            p = cell.paragraphs[0]
            self.set_style(p, "Table Heading", col.align)
            self.lines(p, col.header, muted_after_first=False)
            _shade(cell, theme.colors["primary"])
        for i, (row_ir, row) in enumerate(zip(t.rows, table.rows[1:])):
            _row_props(row)
            for cell, cell_ir, width in zip(row.cells, row_ir, widths):
                cell.width = width
                p = cell.paragraphs[0]
                self.set_style(p, "Table Text", cell_ir.align)
                self.lines(p, cell_ir.lines)
                if theme.table_style == "zebra" and i % 2 == 1:
                    _shade(cell, theme.colors["zebra"])
        self.para(d, "Small")

    def cards(self, c: ir.Cards) -> None:
        """Highlight cards as a borderless table of tinted cells."""
        d, theme = self.doc, self.theme
        n = c.columns
        rows = [c.cards[i:i + n] for i in range(0, len(c.cards), n)]
        table = d.add_table(rows=len(rows), cols=n)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        sec = d.sections[0]
        width = int((sec.page_width - sec.left_margin - sec.right_margin) / n)
        _table_layout(table, [width] * n)
        for row_cards, row in zip(rows, table.rows):
            _row_props(row)
            for card, cell in zip(row_cards, row.cells):
                cell.width = width
                _shade(cell, theme.colors["zebra"])
                p = cell.paragraphs[0]
                self.set_style(p, "Table Text")
                self.lines(p, card.value, muted_after_first=False, style="Card Value")
                label = self.para(cell, "Table Text")
                self.lines(label, card.label)
        self.para(d, "Small")

    def figure(self, f: ir.Figure) -> None:
        d = self.doc
        cap = self.para(d, "Caption")
        self.lines(cap, f.caption)
        files = self.charts[f.chart.key]
        width_mm = min(f.chart.size_mm[0], self.ir.page.width_mm - sum(
            self.ir.page.margins_mm[k] for k in ("left", "right")))
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run()
        run.add_picture(str(files.png), width=Mm(width_mm))
        alt = " ".join(s.text for s in f.alt)
        for doc_pr in run._r.iter(qn("wp:docPr")):
            doc_pr.set("descr", alt)
            doc_pr.set("name", f.anchor)
        for c_nv_pr in run._r.iter(qn("pic:cNvPr")):
            c_nv_pr.set("descr", alt)

    # ------------------------------------------------------------ whole
    def build(self) -> bytes:
        self.setup()
        if self.ir.cover:
            self.cover()
        self.header_footer()
        for block in self.ir.body:
            if isinstance(block, ir.Paragraph):
                self.paragraph(block)
            elif isinstance(block, ir.Heading):
                self.heading(block)
            elif isinstance(block, ir.Table):
                self.table(block)
            elif isinstance(block, ir.Figure):
                self.figure(block)
            elif isinstance(block, ir.Cards):
                self.cards(block)
            elif isinstance(block, ir.Parallel):
                self.parallel(block)
            elif isinstance(block, ir.Contents):
                self.contents(block)
            elif isinstance(block, ir.PageBreak):
                self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.properties()
        self.drop_template_leftovers()
        self.embed_fonts()
        buf = io.BytesIO()
        self.doc.save(buf)
        return normalise_package(buf.getvalue(), self.ir.meta.date)

    def properties(self) -> None:
        cp = self.doc.core_properties
        meta = self.ir.meta
        when = dt.datetime.combine(meta.date, dt.time())
        cp.title, cp.author, cp.subject, cp.keywords = meta.title, meta.author, meta.subject, meta.keywords
        cp.language = meta.lang
        cp.created = cp.modified = when
        cp.last_modified_by = meta.author
        cp.revision = 1
        cp.comments = ""
        cp.last_printed = when

    def drop_template_leftovers(self) -> None:
        """Remove python-docx's template thumbnail and its styles-with-effects copy."""
        pkg_part = self.doc.part.package
        for rel_id, rel in list(pkg_part.rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                pkg_part.drop_rel(rel_id) if hasattr(pkg_part, "drop_rel") else pkg_part.rels.pop(rel_id)
        for rel_id, rel in list(self.doc.part.rels.items()):
            if rel.reltype.endswith("/stylesWithEffects"):
                self.doc.part.rels.pop(rel_id)

    def embed_fonts(self) -> None:
        """Embed the faces as obfuscated .odttf parts (ECMA-376 §17.8.1): subsets of the
        characters the document uses, or the whole shipped fonts for documents to be edited."""
        own = self.ir.text_chars()
        chars = set(self.font_chars) if self.font_chars else own
        font_table_part = next(rel.target_part for rel in self.doc.part.rels.values()
                               if rel.reltype == RT.FONT_TABLE)
        root = _parse(font_table_part.blob) if not hasattr(font_table_part, "element") else font_table_part.element
        n = 0
        families = [(LATIN_FONT, "00", ("latin", "latin-bold"))]
        if self.embed_full_fonts or fonts.needs_face(own, "cjk"):
            families.insert(0, (FONT, "86", ("regular", "bold")))
        fallback = Path(self.ir.fallback_font) if self.ir.fallback_font else None
        if fallback and fonts.needs_face(own, "fallback", fallback):
            families.append((self.fallback_family, "00", ("fallback",)))
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
                    fonts.Face(self.fallback_family, "regular", self.fallback_family.replace(" ", ""), fallback)
                data = face.path.read_bytes() if self.embed_full_fonts else \
                    fonts.subset_bytes(face, chars, self.font_cache)
                key = "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"
                part = Part(PackURI(f"/word/fonts/font{n}.odttf"), OBFUSCATED_FONT, _obfuscate(data, key),
                            self.doc.part.package)
                rid = font_table_part.relate_to(part, RT_FONT)
                embed = OxmlElement(tag)
                embed.set(qn("r:id"), rid)
                embed.set(qn("w:fontKey"), key)
                if not self.embed_full_fonts:
                    embed.set(qn("w:subsetted"), "1")
                font_el.append(embed)
            root.append(font_el)
        if not hasattr(font_table_part, "element"):
            font_table_part._blob = _serialize(root)
        settings = self.doc.settings.element
        for tag in ("w:embedTrueTypeFonts",) + (() if self.embed_full_fonts else ("w:saveSubsetFonts",)):
            if settings.find(qn(tag)) is None:
                settings.insert(1, OxmlElement(tag))


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


def _remove_border(style_el) -> None:
    ppr = style_el.find(qn("w:pPr"))
    if ppr is not None:
        for el in ppr.findall(qn("w:pBdr")):
            ppr.remove(el)


def _fld_char(paragraph, kind: str) -> None:
    r = OxmlElement("w:r")
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), kind)
    r.append(fc)
    paragraph._p.append(r)


def _instr(paragraph, text: str) -> None:
    r = OxmlElement("w:r")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {text} "
    r.append(it)
    paragraph._p.append(r)


def _field(paragraph, code: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES) with a placeholder result until the client updates it."""
    _fld_char(paragraph, "begin")
    _instr(paragraph, code)
    _fld_char(paragraph, "separate")
    paragraph.add_run(shown)
    _fld_char(paragraph, "end")


def _hyperlink(paragraph, anchor: str):
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    return link


def _sub(parent, tag: str, val: str | None = None, index: int | None = None):
    """A new ``tag`` element appended to ``parent`` (or inserted at ``index``), with ``w:val``."""
    el = OxmlElement(tag)
    if val is not None:
        el.set(qn("w:val"), val)
    if index is None:
        parent.append(el)
    else:
        parent.insert(index, el)
    return el


def _shade(cell, hex_color: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_color.lstrip("#").upper())
    tcpr.append(shd)


def _row_props(row, header: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def _table_layout(table, widths: list[int]) -> None:
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w / 635)))  # EMU → twentieths of a point
    cell_mar = OxmlElement("w:tblCellMar")
    for side, val in (("top", 50), ("bottom", 50), ("left", 80), ("right", 80)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(val))
        el.set(qn("w:type"), "dxa")
        cell_mar.append(el)
    tblpr.append(cell_mar)


def _kpi_table_style(style_el, theme) -> None:
    """The KPI table style: a rule above and below in the primary colour, thin rules
    between rows unless the theme asks for zebra stripes (shaded on the rows)."""
    tblpr = style_el.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = OxmlElement("w:tblPr")
        style_el.append(tblpr)
    borders = OxmlElement("w:tblBorders")
    rule = theme.colors["rule"].lstrip("#").upper()
    primary = theme.colors["primary"].lstrip("#").upper()
    for side, color, size in (("top", primary, 8), ("bottom", primary, 8), ("insideH", rule, 4)):
        if side == "insideH" and theme.table_style == "zebra":
            continue
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), color)
        borders.append(el)
    tblpr.append(borders)


def render_docx(document: ir.Document, charts: dict[str, ChartFiles], embed_full_fonts: bool = False,
                font_cache=None, font_chars=None) -> bytes:
    """Document IR and its drawn charts → the DOCX's bytes. Fonts are embedded as subsets of
    ``font_chars`` (default: the document's own characters; a publish passes the union of its
    editions, so each face is subset once), cached in ``font_cache``, or whole with
    ``embed_full_fonts``."""
    return _Writer(document, charts, embed_full_fonts, font_cache, font_chars).build()
