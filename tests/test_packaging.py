"""A built package carries its fonts and built-in layouts (issue 14, item 7.1).

The top-level ``fonts/`` and ``layouts/`` are the only copies in git; setup.py's build_py
copies them into ``esgpublish/_data`` of a wheel. These tests build a wheel (and an sdist)
from a copy of the checkout, offline, and run the unpacked wheel from another folder.
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, WORKBOOK

FONTS = ["NotoSans-Bold.ttf", "NotoSans-Regular.ttf", "NotoSansHK-Bold.ttf", "NotoSansHK-Regular.ttf", "NotoSansSC-Bold.ttf",
         "NotoSansSC-Regular.ttf", "OFL.txt"]
LAYOUTS = ["annual.yaml", "highlights.yaml", "hkex.yaml", "schema.json", "theme.schema.json", "themes/default.yaml"]


def _source_copy(dst: Path) -> Path:
    """What a build reads from the checkout, copied (a build writes build/ and *.egg-info)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, dst / name)
    for name in ("src", "fonts", "layouts"):
        shutil.copytree(ROOT / name, dst / name, ignore=ignore)
    return dst


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    if importlib.util.find_spec("setuptools") is None or importlib.util.find_spec("pip") is None:
        pytest.skip("setuptools or pip missing: a package cannot be built offline")
    version = importlib.metadata.version("setuptools")
    if tuple(int(p) for p in version.split(".")[:2] if p.isdigit()) < (77, 0):
        pytest.skip(f"setuptools {version} cannot build this package offline (pyproject.toml needs >=77): "
                    "pip install -e '.[test]'")
    return _source_copy(tmp_path_factory.mktemp("source"))


@pytest.fixture(scope="module")
def wheel(source, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
           "--quiet", "-w", str(out), str(source)]
    result = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PIP_NO_INPUT": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    wheels = list(out.glob("esgpublish-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_the_wheel_carries_the_fonts_and_the_layouts(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for name in FONTS:
            assert z.read(f"esgpublish/_data/fonts/{name}") == (ROOT / "fonts" / name).read_bytes(), name
        for name in LAYOUTS:
            assert z.read(f"esgpublish/_data/layouts/{name}") == (ROOT / "layouts" / name).read_bytes(), name
    assert "esgpublish/cli.py" in names and "esgpublish/fonts.py" in names
    assert not [n for n in names if ".data/" in n], "nothing is installed outside the package"


def test_the_unpacked_wheel_finds_its_own_fonts_and_layouts(wheel, tmp_path):
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}  # ahead of the editable install's path
    env.pop("ESGPUBLISH_FONTS", None)
    probe = ("import esgpublish, esgpublish.fonts as f, esgpublish.read.layout as l\n"
             "print(esgpublish.__file__); print(f.fonts_dir()); print(l.builtin_dir()); print(*l.builtin_layouts())")
    out = subprocess.run([sys.executable, "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    module, fonts_dir, layouts_dir, names = out.stdout.splitlines()
    assert Path(module).is_relative_to(site)
    assert Path(fonts_dir) == site / "esgpublish" / "_data" / "fonts"
    assert Path(layouts_dir) == site / "esgpublish" / "_data" / "layouts"
    assert names.split() == ["annual", "highlights", "hkex"]
    # the CLI from the unpacked wheel: the built-in layout by default, every font's cmap read
    run = subprocess.run([sys.executable, "-m", "esgpublish", "validate", str(WORKBOOK)], cwd=elsewhere, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ok (34 indicators)" in run.stdout


def test_the_sdist_carries_the_folders_a_wheel_needs(source, tmp_path):
    build = ("import sys; from setuptools import build_meta as b; print(b.build_sdist(sys.argv[1]))")
    out = subprocess.run([sys.executable, "-c", build, str(tmp_path)], cwd=source, capture_output=True, text=True)
    if out.returncode != 0 and "No module named" in out.stderr:
        pytest.skip(out.stderr.strip().splitlines()[-1])
    assert out.returncode == 0, out.stderr
    with tarfile.open(tmp_path / out.stdout.split()[-1]) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {f"fonts/{n}" for n in FONTS} <= names
    assert {f"layouts/{n}" for n in LAYOUTS} <= names
    assert "setup.py" in names


def test_the_checkout_is_used_in_an_editable_install(monkeypatch):
    from esgpublish import fonts
    from esgpublish.read.layout import builtin_dir

    monkeypatch.delenv("ESGPUBLISH_FONTS", raising=False)
    assert not (Path(fonts.__file__).parent / "_data").exists(), "no copy of the data in the source tree"
    assert fonts.fonts_dir() == ROOT / "fonts"
    assert builtin_dir() == ROOT / "layouts"


def test_esgpublish_fonts_overrides_the_fonts_folder(monkeypatch, tmp_path):
    from esgpublish import fonts

    for name in fonts.FONT_FILES:
        (tmp_path / name).symlink_to(ROOT / "fonts" / name)
    monkeypatch.setenv("ESGPUBLISH_FONTS", str(tmp_path))
    assert fonts.fonts_dir() == tmp_path
    monkeypatch.setenv("ESGPUBLISH_FONTS", str(tmp_path / "missing"))
    assert fonts.fonts_dir() == ROOT / "fonts"  # an override without the fonts is passed over
