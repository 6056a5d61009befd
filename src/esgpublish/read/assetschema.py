"""The optional sheets of images, free-form tables and materiality scores: their columns."""
from __future__ import annotations

from . import schema

IMAGES = schema.Sheet("images", "图片 Images", (
    schema.Column("id", "编号", True, 16),
    schema.Column("file", "文件", True, 24),
    schema.Column("alt_zh", "中文替代文字", False, 30),
    schema.Column("alt_en", "英文替代文字", False, 36),
    schema.Column("caption_zh", "中文图注", False, 30),
    schema.Column("caption_en", "英文图注", False, 36),
))

#: the most columns a free-form table may have (each a Chinese and an English column)
TABLE_COLUMNS = 6
TABLES = schema.Sheet("tables", "表格 Tables", (
    schema.Column("table", "表格编号", True, 16),
    schema.Column("kind", "类型", True, 9),
    *(schema.Column(f"{lang}{k}", f"{'中文' if lang == 'zh' else '英文'}{k}", False, 24)
      for k in range(1, TABLE_COLUMNS + 1) for lang in ("zh", "en")),
))
#: a free-form table row's kind: what it may be typed as → its key
TABLE_ROW_KINDS = {"title": "title", "标题": "title", "header": "header", "表头": "header",
                   "row": "row", "行": "row"}

MATERIALITY = schema.Sheet("materiality", "重要性 Materiality", (
    schema.Column("id", "编号", True, 16),
    schema.Column("name_zh", "中文名称", False, 20),
    schema.Column("name_en", "英文名称", False, 30),
    schema.Column("stakeholders", "对利益相关方的重要性", True, 12),
    schema.Column("business", "对业务的重要性", True, 12),
    schema.Column("pillar", "支柱", False, 7),
))

ASSET_SHEETS = (IMAGES, TABLES, MATERIALITY)
