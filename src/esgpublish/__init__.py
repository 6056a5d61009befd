"""esgpublish: an Excel workbook of ESG indicators → a typeset bilingual report (PDF and DOCX)."""

__version__ = "0.1.0"
