"""Files written whole: temporary names that carry the writer's process id, atomic writes,
and cache files verified by a hash sidecar before use.

A temporary file is ``.<name>.<pid>.<8 hex>.tmp`` beside its target (a backup of a replaced
file ends in ``.old``), so the next run can tell the leftovers of a dead process from the
files of one still writing (``stale_temps``).
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
import stat
from pathlib import Path

#: a temporary or backup file of ours: its target's name, the writer's pid, a token, the kind
TEMP_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.(?P<token>[0-9a-f]{8})\.(?P<kind>tmp|old)$")
#: a cache file larger than this is damaged (the largest, a CJK font subset, is a few MB)
MAX_CACHED = 64 * 1024 * 1024


def temp_path(path: Path, kind: str = "tmp") -> Path:
    """Target → a fresh name beside it holding this process's id (``kind``: tmp or old)."""
    return path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.{kind}"


def create_temp(path: Path, data: bytes) -> Path:
    """Bytes → a new temporary file beside ``path`` (mode from the umask, or the mode of the
    file it will replace), written and closed."""
    while True:
        tmp = temp_path(path)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            pass
        else:
            if stat.S_ISREG(st.st_mode):  # an existing file keeps its mode
                os.chmod(tmp, stat.S_IMODE(st.st_mode))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = create_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (ours, or another user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def stale_temps(folder: Path) -> list[Path]:
    """A folder → the temporary and backup files of ours whose process is gone."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [folder / n for n in sorted(names)
            if (m := TEMP_RE.match(n)) and int(m["pid"]) != os.getpid() and not pid_alive(int(m["pid"]))]


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove the leftovers of dead runs in ``folder`` → the files removed. A backup (``.old``)
    whose target is missing is the only copy of that file: it is put back instead."""
    done = []
    for path in stale_temps(folder):
        m = TEMP_RE.match(path.name)
        try:
            target = folder / m["name"]
            if m["kind"] == "old" and not os.path.lexists(target):
                os.rename(path, target)
            else:
                path.unlink()
            done.append(path)
        except OSError:
            pass
    return done


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def digest(data: bytes) -> str:
    """Bytes → their SHA-256, hex."""
    return hashlib.sha256(data).hexdigest()


def read_regular(path: Path, limit: int = MAX_CACHED) -> bytes | None:
    """A regular file's bytes (never a symlink, FIFO or device; at most ``limit`` bytes) → or None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def write_cached(path: Path, data: bytes) -> None:
    """Cache a file with its hash beside it (``<name>.sha256``), so that damage is seen;
    whatever stands at either name in the cache and is no regular file (a folder, a link, a
    pipe) is removed first — the cache is esgpublish's own, unlike an output's folder."""
    for target in (path, _sidecar(path)):
        clear_cache_entry(target)
    write_atomic(path, data)
    write_atomic(_sidecar(path), f"{digest(data)}\n".encode())


def clear_cache_entry(path: Path) -> None:
    """Remove what stands at a cache file's name unless it is a regular file (a link itself, never its target)."""
    import shutil

    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(st.st_mode):
        shutil.rmtree(path)
    elif not stat.S_ISREG(st.st_mode):
        path.unlink()


def record_hash(path: Path) -> None:
    """Record the hash of a cache file written in place (by another library) beside it."""
    data = read_regular(path)
    if data is not None:
        write_atomic(_sidecar(path), f"{digest(data)}\n".encode())


def read_cached(path: Path) -> bytes | None:
    """A cache file's bytes if its hash matches the one recorded beside it; else None (missing
    or damaged: the caller makes it again)."""
    data = read_regular(path)
    if data is None:
        return None
    recorded = read_regular(_sidecar(path), 200)
    if recorded is None or recorded.decode("ascii", "replace").strip() != digest(data):
        return None
    return data
