"""The layout blocks of assets: images, case-study boxes, free-form tables, the materiality matrix."""
from __future__ import annotations

from .layoutspec import TEXT, M, Spec

ASSET_BLOCKS: dict[str, Spec] = {
    "image": M("an image of the workbook's Images sheet (a PNG or JPEG file in the assets folder beside the "
               "workbook), centred, with its caption under it",
               id=Spec("str", "the image's id on the Images sheet", required=True),
               width=Spec("number", "printed width in mm (default: as wide as the text block, at most 160 mm); "
                                    "a tall image is made narrower so that it never takes more than 60 % of the "
                                    "page's height", minimum=20, maximum=300)),
    "box": M("a case study: a titled, shaded box holding a narrative of the workbook",
             title=Spec("text", "the box's title", required=True),
             narrative=Spec("str", "the id of a narrative block in the workbook", required=True)),
    "free_table": M("a free-form table of the workbook's Tables sheet (stakeholder engagement, say), "
                    "with its column widths set from its text",
                    id=Spec("str", "the table's id on the Tables sheet", required=True),
                    title=Spec("text", "the table's caption (default: the sheet's title row)")),
    "materiality": M("the materiality matrix: each topic of the Materiality sheet placed by its importance to "
                     "the business (across) and to stakeholders (up), labelled in the edition's language "
                     "without overlaps, coloured by pillar",
                     title=Spec("text", "the figure's caption (default: 重要性矩阵 / Materiality matrix)")),
}
