"""Issue 16: diagnostics in Chinese or English (--lang zh|en on every command, default from
LANG) with stable codes in validate --format json; every message and hint written in the
source is in the catalogue (esgpublish/messages.py), with its Chinese form."""
from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from conftest import copy_workbook, edit_workbook, row_of
from esgpublish import messages
from esgpublish.cli import main

SRC = Path(__file__).resolve().parents[1] / "src" / "esgpublish"
# messages and hints made away from the call that reports them (a variable there), each the
# template of a catalogue entry: the glyph check, the YAML reader, derived units, suggest()
DYNAMIC = {"no glyph in {} or {} for {}", "recursive YAML alias", "a key must be a plain name",
           "YAML merge keys (<<) are not supported", "duplicate key '{}'", "invalid value: {}",
           "'{}' adds {} and {}: only figures of one unit add up", "'{}' is a {}, but its unit '{}' is of kind {}",
           "'{}' is in {} ({}), but its unit '{}' is of kind {}", "did you mean '{}'?", "remove one of the two",
           "remove the alias that refers to itself", "use extends: instead",
           "this content cannot be laid out on a page of the PDF ({})",
           "make the theme's font sizes or the chart smaller, the margins narrower, or the text shorter",
           "replace the character (it would print as a box), or name a font that has it as the layout's fallback_font"}


def _templates(node: ast.AST) -> list[str]:
    """A message or hint expression → the templates it can make ('{}' for each field)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value.replace("{", "{{").replace("}", "}}")]
    if isinstance(node, ast.JoinedStr):
        out = [""]
        for v in node.values:
            piece = v.value.replace("{", "{{").replace("}", "}}") if isinstance(v, ast.Constant) else "{}"
            out = [o + piece for o in out]
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _templates(node.left) for b in _templates(node.right)]
    if isinstance(node, (ast.IfExp, ast.BoolOp)):
        parts = [node.body, node.orelse] if isinstance(node, ast.IfExp) else node.values
        return [t for p in parts for t in _templates(p)]
    return []


def _source_templates() -> tuple[set[str], set[str]]:
    """Every message and hint template of a .error/.warning/.note call in the source."""
    found_messages, found_hints = set(), set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("error", "warning", "note") and len(node.args) >= 2:
                found_messages.update(_templates(node.args[1]))
                if len(node.args) > 2:
                    found_hints.update(_templates(node.args[2]))
    return found_messages, found_hints


def _fields(template: str) -> int:
    return sum(f is not None for _, f, _, _ in string.Formatter().parse(template))


def test_every_message_and_hint_in_the_source_has_a_code_and_a_chinese_form():
    source_messages, source_hints = _source_templates()
    catalogued = {en for en, _ in messages.MESSAGES.values()}
    assert sorted(source_messages - catalogued) == []
    assert sorted(source_hints - set(messages.HINTS)) == []
    # and nothing in the catalogue that no code writes any more
    assert sorted(catalogued - source_messages - DYNAMIC) == []
    assert sorted(set(messages.HINTS) - source_hints - DYNAMIC) == []


def test_the_catalogue_is_consistent():
    for code, (en, zh) in messages.MESSAGES.items():
        n = _fields(en)
        assert zh.format(*[f"<{i}>" for i in range(n)]), code  # no field the English lacks
        assert all(f"<{i}>" in zh.format(*[f"<{i}>" for i in range(n)]) or code == "sanity-jump"
                   for i in range(n)), (code, "a field is dropped")
    for en, zh in messages.HINTS.items():
        n = _fields(en)
        zh.format(*[f"<{i}>" for i in range(n)])
    english = [en for en, _ in messages.MESSAGES.values()]
    assert len(english) == len(set(english)), "one template, one code"


@pytest.mark.parametrize("environ, lang", [({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "zh_HK.UTF-8"}, "zh"),
                                           ({"LANG": "en_GB.UTF-8"}, "en"), ({}, "en"),
                                           ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en")])
def test_the_default_language_comes_from_the_locale(environ, lang):
    assert messages.default_lang(environ) == lang


def _broken(tmp_path):
    path = copy_workbook(tmp_path)

    def edit(wb):
        ws = wb["指标 Indicators"]
        ws.cell(row_of(ws, "trees_saved"), 7).value = "tree_"  # a unit typo
        ws.cell(row_of(ws, "charity_hours"), 6).value = "约16300"  # text in a number column
    edit_workbook(path, edit)
    return path


def test_validate_prints_chinese_messages_with_lang_zh(tmp_path, capsys):
    path = _broken(tmp_path)
    assert main(["validate", str(path), "--lang", "zh"]) == 1
    err = capsys.readouterr().err
    assert "指标 Indicators!G4: 错误：未知的单位「tree_」" in err and "提示：是否想输入「tree」？" in err
    assert "错误：数字列中有文本「约16300」" in err and "提示：在此填写数字 16300，并在限定词列填写「约」" in err
    assert "占位符 {trees_saved} 引用的「trees_saved」所在行有错误" in err and "3 个错误，0 个警告" in err
    assert main(["validate", str(path), "--lang", "en"]) == 1
    assert "error: unknown unit 'tree_'" in capsys.readouterr().err


def test_validate_json_carries_stable_codes(tmp_path, capsys):
    path = _broken(tmp_path)
    assert main(["validate", str(path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    codes = {d["code"]: d for d in report["diagnostics"]}
    assert codes["unit-unknown"]["cell"] == "G4" and codes["unit-unknown"]["message"] == "unknown unit 'tree_'"
    assert codes["text-in-number"]["severity"] == "error"
    assert "unclassified" not in codes
    assert main(["validate", str(path), "--format", "json", "--lang", "zh"]) == 1
    zh = {d["code"]: d for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert zh.keys() == codes.keys() and zh["unit-unknown"]["message"] == "未知的单位「tree_」"


def test_every_command_takes_lang(tmp_path, capsys):
    for argv in (["publish", str(tmp_path / "none.xlsx")], ["validate", str(tmp_path / "none.xlsx")],
                 ["init", str(tmp_path / "none.txt")]):
        assert main([*argv, "--lang", "zh"]) == 1, argv
    assert "文件不存在" in capsys.readouterr().err
