"""Write to disk: the docs tree, only what changed; a built site, whole and swapped in."""

from __future__ import annotations

import ctypes
import glob
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.publish.sitedir import is_built_site
from generator.site.render import DocsTree

GITIGNORE = b"# Generado por el generador: no editar a mano.\n*\n!.gitignore\n"


def _with_gitignore(tree: DocsTree) -> DocsTree:
    return {**tree, ".gitignore": GITIGNORE}


def staging_dir(dest: Path) -> Path:
    """A new empty folder beside `dest` to build into; clears what killed builds left there
    (.<dest>.nuevo-<pid>-<random>, and old trees moved aside: .viejo-)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    for state in ("nuevo", "viejo"):
        for leftover in left_by_gone_processes(dest.parent, f".{dest.name}.{state}-"):
            # Killed between the two moves of swap_in: the site it held goes back (a site, with
            # its marker: never another folder of a killed build, as Zensical's work folder).
            if not dest.exists() and is_built_site(leftover / dest.name):
                os.replace(leftover / dest.name, dest)
            shutil.rmtree(leftover, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".{dest.name}.nuevo-{os.getpid()}-", dir=dest.parent))


MEMORY_FOLDER = Path("/dev/shm")


def memory_folder() -> Path | None:
    """/dev/shm when it is there with room to spare (Docker gives it 64 MB; 1,000 practices
    take ~10 MB of articles), else None: the system's temporary folder."""
    try:
        roomy = os.access(MEMORY_FOLDER, os.W_OK) and shutil.disk_usage(MEMORY_FOLDER).free > 2**30
    except OSError:
        return None
    return MEMORY_FOLDER if roomy else None


def scratch_dir(prefix: str, parent: Path | None) -> Path:
    """A new folder `<prefix><pid>-...` in `parent` (else the system's temporary folder); those
    that killed processes left there are removed first."""
    base = Path(parent or tempfile.gettempdir())
    for leftover in left_by_gone_processes(base, prefix):
        shutil.rmtree(leftover, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=base))


def left_by_gone_processes(parent: Path, prefix: str) -> list[Path]:
    """The folders in `parent` named `<prefix><pid>-...` whose process no longer exists."""
    found = []
    for folder in sorted(parent.glob(f"{glob.escape(prefix)}*-*")):
        pid = folder.name.removeprefix(prefix).split("-", 1)[0]
        if pid.isdigit() and _process_is_gone(int(pid)):
            found.append(folder)
    return found


def _process_is_gone(pid: int) -> bool:
    """No process has this id any more (one we may not signal is still there)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where unsupported."""
    at_fdcwd, rename_exchange = -100, 2
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return bool(done == 0)


def swap_in(staging: Path, dest: Path) -> None:
    """Put `staging` at `dest`: one atomic exchange where the system allows it (the old tree
    ends up in `staging`, for the caller to remove); else move the old one aside first."""
    if dest.exists() and _exchange(staging, dest):
        return
    old = None
    if dest.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.viejo-{os.getpid()}-", dir=dest.parent))
        os.replace(dest, old / dest.name)
    os.replace(staging, dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def sync_tree(
    tree: DocsTree, dest: Path, scope: Callable[[str], bool] | None = None
) -> tuple[list[str], list[str]]:
    """Make `dest` hold exactly `tree`, touching only files that changed; returns those
    written and those removed. With a `scope`, `tree` is only the part of the docs it accepts:
    nothing else is removed."""
    wanted = _with_gitignore(tree)
    changed = []
    removed = []
    for rel, data in wanted.items():
        path = dest / rel
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        changed.append(rel)
    if dest.exists():
        for path in sorted(dest.rglob("*"), reverse=True):
            rel = path.relative_to(dest).as_posix()
            if path.is_file() and rel not in wanted and (scope is None or scope(rel)):
                path.unlink()
                removed.append(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed, removed
