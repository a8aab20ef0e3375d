"""Write the docs tree to disk: whole and swapped in, or only what changed (for the preview)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from generator.site.render import DocsTree

GITIGNORE = b"# Generado por el generador: no editar a mano.\n*\n!.gitignore\n"


def _with_gitignore(tree: DocsTree) -> DocsTree:
    return {**tree, ".gitignore": GITIGNORE}


def replace_tree(tree: DocsTree, dest: Path) -> None:
    """Write `tree` into a fresh folder beside `dest`, then swap it in: never half-written."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.nuevo-", dir=dest.parent))
    try:
        for rel, data in _with_gitignore(tree).items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        swap_in(staging, dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, dest: Path) -> None:
    """Move `staging` to `dest`, removing the old `dest` only once the new one is in place."""
    old = None
    if dest.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.viejo-", dir=dest.parent))
        os.replace(dest, old / dest.name)
    os.replace(staging, dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def sync_tree(tree: DocsTree, dest: Path) -> list[str]:
    """Make `dest` hold exactly `tree`, touching only files that changed; returns them."""
    wanted = _with_gitignore(tree)
    changed = []
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
            if path.is_file() and rel not in wanted:
                path.unlink()
                changed.append(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
