"""Build hook: ship the checkout's ``fonts/`` and ``layouts/`` inside the package.

The repository keeps one copy of each, at the top level. A build (``pip install .``,
``pip wheel .``) copies them into ``esgpublish/_data/fonts`` and ``esgpublish/_data/layouts``
of the built package, where ``esgpublish.fonts.shipped_dir`` finds them; an editable
install (``pip install -e .``) copies nothing and reads the checkout's folders. An sdist
carries the two folders, so that a wheel built from it has them too. Everything else is
declared in pyproject.toml.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
#: the checkout's folders shipped in the package, and the files of each
SHIPPED = {"fonts": ("*.ttf", "OFL.txt"),
           "layouts": ("*.yaml", "*.json", "themes/*.yaml")}
DATA = Path("esgpublish", "_data")


def shipped_files() -> list[Path]:
    """The files to ship, relative to the checkout; a build fails when a folder is empty."""
    files = []
    for folder, patterns in SHIPPED.items():
        found = sorted({p for pattern in patterns for p in (ROOT / folder).glob(pattern) if p.is_file()})
        if not found:
            raise SystemExit(f"esgpublish build: no files in {ROOT / folder} ({', '.join(patterns)})")
        files += [p.relative_to(ROOT) for p in found]
    return files


class BuildPy(build_py):
    """build_py, then the fonts and layouts into ``<build_lib>/esgpublish/_data``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's fonts/ and layouts/
        # the copy of an earlier build may hold files since removed (build/ is reused)
        shutil.rmtree(Path(self.build_lib) / DATA, ignore_errors=True)
        for rel in shipped_files():
            target = Path(self.build_lib) / DATA / rel
            self.mkpath(str(target.parent))
            self.copy_file(str(ROOT / rel), str(target))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return outputs
        return outputs + [str(Path(self.build_lib) / DATA / rel) for rel in shipped_files()]


class Sdist(sdist):
    """sdist with the fonts and layouts folders."""

    def make_release_tree(self, base_dir, files) -> None:
        extra = [str(rel) for rel in shipped_files()]
        super().make_release_tree(base_dir, list(dict.fromkeys([*files, *extra])))


setup(cmdclass={"build_py": BuildPy, "sdist": Sdist})
