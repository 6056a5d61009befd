"""Built-in layouts by name, --edition against the layout's editions, init --layouts, the
layout's title (issue 14, item 7.2, 7.3 and 7.5)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, WORKBOOK, write_layout
from esgpublish.cli import main
from esgpublish.model.dataset import Text
from esgpublish.read.layout import builtin_layouts, is_layout_name, load_layout

BUILTIN_FILES = ["annual.yaml", "highlights.yaml", "hkex.yaml", "schema.json", "theme.schema.json",
                 "themes/default.yaml"]


# ---------------------------------------------------------------- --layout NAME|PATH
@pytest.mark.parametrize("ref, name", [("annual", True), ("highlights", True), ("my-report", True),
                                       ("annual.yaml", False), ("layouts/annual.yaml", False),
                                       ("./annual", False), ("/abs/annual", False), ("x.YML", False)])
def test_a_name_has_no_slash_and_no_yaml(ref, name):
    assert is_layout_name(ref) is name


def test_the_builtin_layouts_are_the_checkouts_folder():
    assert builtin_layouts() == {"annual": ROOT / "layouts" / "annual.yaml",
                                 "highlights": ROOT / "layouts" / "highlights.yaml",
                                 "hkex": ROOT / "layouts" / "hkex.yaml"}


@pytest.mark.parametrize("args", [[], ["--layout", "annual"], ["--layout", "highlights"]])
def test_builtin_layouts_by_name_from_any_folder(args, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no layouts/ here: the built-in ones are found by name
    assert main(["validate", str(WORKBOOK), *args]) == 0
    assert "ok (34 indicators)" in capsys.readouterr().out


def test_a_layout_path_is_still_a_path(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["validate", str(WORKBOOK), "--layout", "layouts/highlights.yaml"]) == 0
    assert main(["validate", str(WORKBOOK), "--layout", "layouts/nothere.yaml"]) == 1
    assert "layouts/nothere.yaml: error: cannot read layout" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["publish", "validate"])
def test_an_unknown_builtin_name_is_a_usage_error(command, tmp_path, capsys):
    out = tmp_path / "out"
    extra = ["-o", str(out)] if command == "publish" else []
    assert main([command, str(WORKBOOK), "--layout", "anual", *extra]) == 2
    err = capsys.readouterr().err
    assert "esgpublish: error: --layout anual: no built-in layout of that name; " \
           "the built-in layouts are annual, highlights, hkex" in err
    assert "hint: did you mean 'annual'?" in err and "--layout ./anual.yaml" in err
    assert not out.exists()


def test_a_user_layout_extends_a_builtin_one_by_name(tmp_path, capsys):
    path = write_layout(tmp_path, "mine.yaml", "extends: annual\nname: mine\npage: {size: A5}\n")
    (path.parent / "themes" / "default.yaml").unlink()  # the theme comes from the built-in layout
    assert main(["validate", str(WORKBOOK), "--layout", str(path)]) == 0, capsys.readouterr().err
    layout, diags = load_layout(path)
    annual, _ = load_layout(ROOT / "layouts" / "annual.yaml")
    assert diags.ok and layout.name == "mine"
    assert (round(layout.page.width_mm), round(layout.page.height_mm)) == (148, 210)
    assert layout.sections == annual.sections and layout.theme == annual.theme and layout.title == annual.title


def test_a_user_layout_may_still_extend_a_file(tmp_path, capsys):
    write_layout(tmp_path, "base.yaml", "theme: themes/default.yaml\nname: base\neditions: [en]\n"
                 "sections:\n  - title: {zh: 关于, en: About}\n    blocks:\n      - narrative: about\n")
    path = write_layout(tmp_path, "child.yaml", "extends: base.yaml\nname: child\n")
    assert main(["validate", str(WORKBOOK), "--layout", str(path)]) == 0, capsys.readouterr().err
    assert load_layout(path)[0].editions == ("en",)


def test_extends_an_unknown_builtin_name_is_a_located_error(tmp_path, capsys):
    path = write_layout(tmp_path, "mine.yaml", "name: mine\nextends: anual\n")
    assert main(["validate", str(WORKBOOK), "--layout", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2:10: error: no built-in layout named 'anual'" in err
    assert "hint: did you mean 'annual'?" in err


# ---------------------------------------------------------------- --edition
def test_an_edition_the_layout_does_not_publish_is_a_usage_error(tmp_path, capsys):
    path = write_layout(tmp_path, "zh_only.yaml", "extends: annual\nname: zhonly\neditions: [zh]\n")
    out = tmp_path / "out"
    assert main(["publish", str(WORKBOOK), "--layout", str(path), "--edition", "en", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "esgpublish: error: layout 'zhonly' publishes zh; --edition en is not one of them" in err
    assert "hint: choose --edition zh, or --edition all" in err
    assert not out.exists()


def test_edition_all_means_the_layouts_editions(tmp_path, capsys):
    path = write_layout(tmp_path, "zh_only.yaml", "extends: annual\nname: zhonly\neditions: [zh]\n")
    out = tmp_path / "out"
    assert main(["publish", str(WORKBOOK), "--layout", str(path), "--edition", "all", "--format", "pdf",
                 "-o", str(out)]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in out.glob("*.pdf")) == ["esg_2022-zhonly-zh.pdf"]


def test_a_layout_that_publishes_no_edition_is_a_located_error(tmp_path, capsys):
    path = write_layout(tmp_path, "none.yaml", "extends: annual\neditions: []\n")
    assert main(["validate", str(WORKBOOK), "--layout", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2:11: error: 'editions' is empty" in err and "hint: list one or more of zh, en, bilingual" in err


# ---------------------------------------------------------------- init --layouts
def test_init_copies_the_builtin_layouts(tmp_path, capsys):
    book, folder = tmp_path / "book.xlsx", tmp_path / "mylayouts"
    assert main(["init", str(book), "--layouts", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"--layout {folder / 'annual.yaml'}" in out
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == BUILTIN_FILES
    for name in BUILTIN_FILES:
        assert (folder / name).read_bytes() == (ROOT / "layouts" / name).read_bytes()
    assert main(["validate", str(book), "--layout", str(folder / "annual.yaml")]) == 0


def test_init_into_a_folder_with_other_files(tmp_path):
    folder = tmp_path / "mylayouts"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    assert main(["init", str(tmp_path / "book.xlsx"), "--layouts", str(folder)]) == 0
    assert (folder / "notes.txt").read_text() == "mine" and (folder / "annual.yaml").is_file()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_init_never_overwrites_a_layout(force, tmp_path, capsys):
    book, folder = tmp_path / "book.xlsx", tmp_path / "mylayouts"
    (folder / "themes").mkdir(parents=True)
    (folder / "themes" / "default.yaml").write_text("mine")
    assert main(["init", str(book), "--layouts", str(folder), *force]) == 1
    err = capsys.readouterr().err
    assert f"{folder}: error: 1 of the layout files exist ({folder / 'themes' / 'default.yaml'}); nothing was written" in err
    assert "existing layouts are never overwritten" in err
    assert (folder / "themes" / "default.yaml").read_text() == "mine"
    assert not book.exists() and [p.name for p in folder.rglob("*")] == ["themes", "default.yaml"]


def test_init_layouts_into_a_file_is_an_error(tmp_path, capsys):
    (tmp_path / "taken").write_text("x")
    assert main(["init", str(tmp_path / "book.xlsx"), "--layouts", str(tmp_path / "taken")]) == 1
    assert "error: not a folder; nothing was written" in capsys.readouterr().err
    assert not (tmp_path / "book.xlsx").exists()


# ---------------------------------------------------------------- the layout's title
def test_the_shipped_layouts_give_the_reports_title():
    annual, _ = load_layout(ROOT / "layouts" / "annual.yaml")
    highlights, _ = load_layout(ROOT / "layouts" / "highlights.yaml")
    assert annual.title == Text("{report.reporting_year}年环境、社会及管治报告",
                                "Environmental, Social and Governance Report {report.reporting_year}")
    assert highlights.title == Text("{report.reporting_year}年环境、社会及管治报告要点",
                                    "ESG Report {report.reporting_year}: Highlights")


def test_a_layout_without_a_title_leaves_it_to_the_workbook(tmp_path):
    path = write_layout(tmp_path, "x.yaml", "theme: themes/default.yaml\nsections: []\n")
    assert load_layout(path)[0].title is None


def test_an_unknown_placeholder_in_the_title_is_located(tmp_path, capsys):
    path = write_layout(tmp_path, "x.yaml", 'extends: annual\ntitle: {zh: "{report.reporting_yaer}年报告", '
                                            'en: "Report {report.reporting_year}"}\n')
    assert main(["validate", str(WORKBOOK), "--layout", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2:13: error: unknown placeholder {{report.reporting_yaer}} in a layout text" in err
    assert "hint: did you mean 'report.reporting_year'?" in err


@pytest.mark.parametrize("title, message", [
    ("{zh: 报告}", "1:8: error: 'title' has no 'en' text"),
    ("Report", "1:8: error: 'title' must be a text in both languages, not 'Report'"),
    ("{zh: 报告, en: \"Report 😀\"}", "error: no glyph in Noto Sans SC or Noto Sans for '😀' (U+1F600)"),
    ("{zh: \"{page}\", en: Report}", "1:13: error: unknown placeholder {page} in a layout text"),
])
def test_a_bad_title_is_an_error(title, message, tmp_path, capsys):
    path = write_layout(tmp_path, "x.yaml", f"title: {title}\ntheme: themes/default.yaml\nsections: []\n")
    assert main(["validate", str(WORKBOOK), "--layout", str(path)]) == 1
    assert f"{message}" in capsys.readouterr().err
