"""The output set, written whole: every file of a publish is written to a temporary file
first, then all are renamed into place; should a rename fail, the previous files are put
back (or the message names exactly the files that are new). Output paths stay inside the
output folder (``output_path``) and are regular files (``prepare``).
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..atomicfile import create_temp, remove_stale_temps, temp_path, write_atomic
from ..diagnostics import Diagnostic, InputError, Location

__all__ = ["Interrupted", "WriteError", "commit", "output_path", "prepare", "stage", "write_atomic", "write_set"]


class WriteError(InputError):
    """An environment failure (the output folder, the disk, a worker process) → exit 1 with a plain message."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a publish, with the files it had already changed (none: all are as before)."""

    def __init__(self, changed: tuple[Path, ...] = ()):
        super().__init__()
        self.changed = changed


def failure(where: Path | str, message: str, hint: str | None = None) -> WriteError:
    """A plain environment error at a file or folder → the exception that carries it."""
    return WriteError([Diagnostic(Location(_show(where)), message, hint)])


def _show(path: Path | str) -> str:
    from .publish import display_path

    return display_path(Path(path)) if isinstance(path, Path) else path


def os_failure(exc: OSError, fallback: Path, *, changed: str = "no output was changed") -> WriteError:
    """An ``OSError`` while publishing → a plain message at the file it concerns."""
    where = Path(exc.filename) if isinstance(exc.filename, (str, Path)) and exc.filename else fallback
    why = exc.strerror or str(exc)
    hint = {errno.ENOSPC: "free some disk space, or publish to another folder with -o",
            errno.EDQUOT: "free some disk space, or publish to another folder with -o",
            errno.EROFS: "publish to a writable folder with -o",
            errno.EACCES: "publish to a folder you may write to with -o",
            errno.EPERM: "publish to a folder you may write to with -o"}.get(exc.errno,
                                                                            "check the output folder, or use another with -o")
    return failure(where, f"cannot write: {why}; {changed}", hint)


def output_path(outdir: Path, name: str) -> Path:
    """The one place output paths are made: a plain file name → its path, which must stay in ``outdir``."""
    root = Path(os.path.abspath(outdir))
    path = Path(os.path.normpath(root / name))
    if not name or name != Path(name).name or name in (".", "..") or "\0" in name or path.parent != root:
        raise failure(outdir, f"the output file name {name!r} would leave the output folder; nothing was written",
                      "the layout's name and the workbook's file name must be plain names")
    return outdir / name


def _kind(mode: int) -> str:
    return ("a folder" if stat.S_ISDIR(mode) else "a symbolic link" if stat.S_ISLNK(mode) else
            "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "not a regular file")


def prepare(outdir: Path, paths: list[Path], temp_folders: list[Path]) -> None:
    """Before rendering: the output folder exists and takes files, no output path is anything
    but a regular file, and the temporary files of dead runs are gone."""
    if outdir.exists() and not outdir.is_dir():
        raise failure(outdir, "the output folder is a file; nothing was written", "choose a folder with -o")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        probe = create_temp(outdir / ".esgpublish-probe", b"")  # a read-only folder says so now
        probe.unlink()
    except OSError as exc:
        raise os_failure(exc, outdir, changed="nothing was written") from None
    problems = []
    for path in paths:
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise os_failure(exc, path, changed="nothing was written") from None
        if not stat.S_ISREG(mode):
            problems.append(Diagnostic(Location(_show(path)),
                                       f"the output path is {_kind(mode)}, not a regular file; nothing was written",
                                       "remove it, or publish to another folder with -o"))
    if problems:
        raise WriteError(problems)
    for folder in {outdir, *temp_folders}:
        remove_stale_temps(folder)


@dataclass(frozen=True)
class Staged:
    """A file ready to go: its target and the temporary file holding its new bytes."""

    target: Path
    temp: Path


def stage(files: list[tuple[Path, bytes]]) -> list[Staged]:
    """(target, bytes) pairs → temporary files beside each target; on any failure none is left."""
    staged: list[Staged] = []
    try:
        for target, data in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            staged.append(Staged(target, create_temp(target, data)))
    except BaseException as exc:
        for s in staged:
            s.temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise os_failure(exc, files[len(staged)][0]) from None
        raise
    return staged


def commit(staged: list[Staged]) -> None:
    """Rename every staged file into place, keeping a backup of each file it replaces; on a
    failure (or Ctrl-C) put the previous files back and say so — or name exactly those that
    could not be put back."""
    done: list[tuple[Staged, Path | None]] = []  # (renamed, backup of the file it replaced)
    try:
        for s in staged:
            backup = None
            try:
                mode = os.lstat(s.target).st_mode
            except FileNotFoundError:
                mode = None
            if mode is not None and stat.S_ISDIR(mode):
                raise IsADirectoryError(errno.EISDIR, "a folder is in the way", str(s.target))
            if mode is not None:
                backup = temp_path(s.target, "old")
                try:
                    os.link(s.target, backup)
                except OSError:  # no hard links here: move the old file aside instead
                    os.rename(s.target, backup)
            try:
                os.replace(s.temp, s.target)
            except BaseException:
                if backup is not None and not os.path.lexists(s.target):
                    os.rename(backup, s.target)
                elif backup is not None:
                    backup.unlink(missing_ok=True)
                raise
            done.append((s, backup))
    except BaseException as exc:
        new = _roll_back(done)
        for s in staged:
            s.temp.unlink(missing_ok=True)
        if isinstance(exc, KeyboardInterrupt):
            raise Interrupted(new) from None
        if isinstance(exc, OSError):
            if new:
                listed = ", ".join(_show(p) for p in new)
                old = [_show(s.target) for s in staged if s.target not in new]
                raise os_failure(exc, staged[0].target,
                                 changed=f"these files are new: {listed}; the others are as before"
                                 + (f" ({', '.join(old)})" if old else "")) from None
            raise os_failure(exc, staged[0].target, changed="the previous files were kept") from None
        raise
    for _, backup in done:
        if backup is not None:
            try:
                backup.unlink(missing_ok=True)
            except OSError:  # left for the next publish to remove
                pass


def _roll_back(done: list[tuple[Staged, Path | None]]) -> tuple[Path, ...]:
    """Put back the files replaced so far → the targets that could not be put back (new)."""
    new = []
    for s, backup in reversed(done):
        try:
            if backup is not None:
                os.replace(backup, s.target)
            else:
                s.target.unlink()
        except OSError:
            new.append(s.target)
    return tuple(reversed(new))


def write_set(files: list[tuple[Path, bytes]]) -> None:
    """Write every file or none: stage all, then commit (see ``stage`` and ``commit``)."""
    if files:
        commit(stage(files))
