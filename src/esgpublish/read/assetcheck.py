"""Cross-checks of the layout's asset blocks against the workbook: the images, narratives and
tables they name exist, and a materiality matrix has topics to place."""
from __future__ import annotations

from ..diagnostics import Collector
from ..model.dataset import Dataset
from .hints import suggest
from .layoutmodel import Layout

MAX_MATRIX_TOPICS = 40  # topics a materiality matrix can label legibly


def check_assets(layout: Layout, dataset: Dataset, diags: Collector) -> None:
    """Every image, box, free_table and materiality block → its workbook content exists."""
    for sec in layout.sections:
        for blk in sec.blocks:
            opts = blk.options
            if blk.kind == "image" and opts["id"] not in dataset.images:
                diags.error(blk.origin, f"unknown image id '{opts['id']}'",
                            suggest(str(opts["id"]), list(dataset.images)) or "use an id from the sheet '图片 Images'")
            elif blk.kind == "box" and opts["narrative"] not in dataset.narratives:
                diags.error(blk.origin, f"unknown narrative id '{opts['narrative']}'",
                            suggest(str(opts["narrative"]), list(dataset.narratives))
                            or "use an id from the Narrative sheet")
            elif blk.kind == "free_table" and opts["id"] not in dataset.tables:
                diags.error(blk.origin, f"unknown table id '{opts['id']}'",
                            suggest(str(opts["id"]), list(dataset.tables)) or "use an id from the sheet '表格 Tables'")
            elif blk.kind == "materiality":
                if not dataset.materiality:
                    diags.warning(blk.origin, "no topics on the Materiality sheet: the matrix is left out",
                                  "fill in the sheet '重要性 Materiality'")
                elif len(dataset.materiality) > MAX_MATRIX_TOPICS:
                    diags.error(blk.origin, f"a materiality matrix of {len(dataset.materiality)} topics is too big "
                                            f"to label: at most {MAX_MATRIX_TOPICS} fit",
                                "keep the material topics on the sheet, and list the others elsewhere")
