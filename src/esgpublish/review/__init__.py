"""Reading published files back (a new stage after the writers): ``trace`` reads an output's
provenance record (a PDF's embedded file, or the sidecar beside any output) and ``verify``
compares the figures the files print with it; ``controls`` reads a reviewed DOCX's narrative
content controls back for ``esgpublish import-docx``. pypdf is imported only here; a DOCX is read as
its XML (zipfile and ElementTree), never with python-docx, which belongs to the writer."""
