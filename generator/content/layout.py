"""What the content folders may hold. Each holds its own content files; practices may also have
attachments (PDF guides, photos) in practices/adjuntos/, of a few types and a bounded size.
Anything else (another file, a folder, a symbolic link wherever it points) is reported at its
path, and only what is listed here is ever published."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.content.files import relative
from generator.content.problems import Problem
from generator.text import os_reason

ATTACHMENTS_DIR = "practices/adjuntos"
ATTACHMENT_TYPES = {".pdf": "PDF", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP"}
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
CONTENT_SUFFIXES = (".yml", ".yaml", ".md", ".markdown")
IGNORED = ("README.md",)  # a folder's explanation for people browsing the repository


def _problem(root: Path, path: Path, code: str, message: str) -> Problem:
    return Problem(relative(root, path), 1, 1, code, message)


def _entries(root: Path, directory: Path) -> tuple[list[os.DirEntry[str]], list[Problem]]:
    """The folder's entries, hidden ones left out (never published); a folder that cannot be
    read is a problem, not a traceback."""
    try:
        with os.scandir(directory) as scan:  # no stat per file, unlike Path.is_dir()
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as error:
        reason = os_reason(error)
        message = (
            f"No se pudo leer la carpeta ({reason}): revisa que exista y que tengas permiso "
            "para abrirla."
        )
        return [], [_problem(root, directory, "lectura", message)]
    return entries, []


def _is_folder(path: Path) -> bool:
    """A real folder (not a link to one); False too when its parent cannot be read."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _symlink(root: Path, path: Path) -> Problem:
    return _problem(
        root,
        path,
        "enlace-simbolico",
        "Es un enlace simbólico: el contenido no sigue enlaces, apunten donde apunten. "
        "Reemplázalo por el archivo real.",
    )


def content_files(
    root: Path, folder: str, suffix: str, what: str, folders: tuple[str, ...] = ()
) -> tuple[list[Path], list[Problem]]:
    """The `suffix` files directly in `folder` (its other allowed subfolders: `folders`), and
    a problem for anything else in it."""
    directory = root / folder
    if directory.is_symlink():
        return [], [_symlink(root, directory)]
    if not _is_folder(directory):
        return [], []
    entries, problems = _entries(root, directory)
    found = []
    for entry in entries:
        path = directory / entry.name
        if entry.is_symlink():
            problems.append(_symlink(root, path))
        elif entry.is_dir():
            if entry.name not in folders:
                problems.append(
                    _problem(
                        root,
                        path,
                        "carpeta-no-permitida",
                        f"{folder}/ no lleva subcarpetas: los archivos de {what} van directamente "
                        f"en {folder}/ (los PDF e imágenes de una práctica, en "
                        f"{ATTACHMENTS_DIR}/). Mueve o borra esta carpeta.",
                    )
                )
        elif entry.name.endswith(suffix):
            found.append(path)
        elif entry.name in IGNORED:
            continue
        elif path.suffix in CONTENT_SUFFIXES:
            problems.append(
                _problem(
                    root,
                    path,
                    "extension",
                    f"Los archivos de {what} usan la extensión «{suffix}»: renombra este "
                    f"archivo a «{path.stem}{suffix}».",
                )
            )
        else:
            problems.append(
                _problem(
                    root,
                    path,
                    "archivo-no-permitido",
                    f"«{entry.name}» no es un archivo de {what}: {folder}/ lleva solo archivos "
                    f"«{suffix}». Bórralo o, si es un PDF o una imagen de una práctica, muévelo a "
                    f"{ATTACHMENTS_DIR}/.",
                )
            )
    return found, problems


def attachments(root: Path) -> tuple[list[str], list[Problem]]:
    """The files in practices/adjuntos/ that may be published, and a problem for each other."""
    directory = root / ATTACHMENTS_DIR
    if not _is_folder(directory):  # an unreadable practices/ is reported where it is listed
        return [], []
    entries, problems = _entries(root, directory)
    found = []
    allowed = ", ".join(sorted({f"{kind} ({ext})" for ext, kind in ATTACHMENT_TYPES.items()}))
    for entry in entries:
        path = directory / entry.name
        suffix = path.suffix.lower()
        if entry.is_symlink():
            problems.append(_symlink(root, path))
        elif entry.is_dir():
            message = f"{ATTACHMENTS_DIR}/ no lleva subcarpetas: mueve sus archivos ahí mismo."
            problems.append(_problem(root, path, "carpeta-no-permitida", message))
        elif suffix not in ATTACHMENT_TYPES:
            hint = (
                " Un SVG puede llevar código: expórtalo como PNG."
                if suffix == ".svg"
                else " Una página va como práctica (.md) en practices/."
                if suffix in (".md", ".html", ".htm")
                else ""
            )
            message = f"«{entry.name}» no es un adjunto permitido: solo {allowed}.{hint}"
            problems.append(_problem(root, path, "adjunto-no-permitido", message))
        elif entry.stat(follow_symlinks=False).st_size > MAX_ATTACHMENT_BYTES:
            size = entry.stat(follow_symlinks=False).st_size / 1024 / 1024
            message = (
                f"«{entry.name}» pesa {size:.1f} MB; el máximo es "
                f"{MAX_ATTACHMENT_BYTES // 1024 // 1024} MB (hay quien lee con conexiones lentas): "
                "redúcelo (menos resolución, PDF comprimido)."
            )
            problems.append(_problem(root, path, "adjunto-demasiado-grande", message))
        else:
            found.append(relative(root, path))
    return found, problems
