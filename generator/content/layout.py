"""What the content folders may hold. Each holds its own content files; practices may also have
attachments (PDF guides, photos) in practices/adjuntos/, of a few types and a bounded size.
Anything else (another file, a folder, a symbolic link wherever it points) is reported at its
path, and only what is listed here is ever published."""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Collection
from pathlib import Path

from generator.content import filekinds, filenames
from generator.content.files import relative
from generator.content.models import SLUG_RE
from generator.content.problems import Problem
from generator.text import fold_confusables, os_reason, slugify

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


def _not_a_file(root: Path, path: Path) -> Problem:
    """A named pipe, a socket or a device: reading one would wait forever."""
    message = (
        "No es un archivo sino una conexión del sistema (una tubería, un socket o un "
        "dispositivo), que git no guarda: bórralo."
    )
    return _problem(root, path, "archivo-no-permitido", message)


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
    names = {entry.name for entry in entries}
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
        elif not entry.is_file(follow_symlinks=False):
            problems.append(_not_a_file(root, path))
        elif entry.name.endswith(suffix):
            found.append(path)
        elif entry.name in IGNORED:
            continue
        elif path.suffix in CONTENT_SUFFIXES:
            wanted = f"{path.stem}{suffix}"
            fix = (
                _same_thing_twice(entry.name, wanted)
                if wanted in names
                else f"renombra este archivo a «{wanted}»."
            )
            message = f"Los archivos de {what} usan la extensión «{suffix}»: {fix}"
            problems.append(_problem(root, path, "extension", message))
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


def _same_thing_twice(name: str, existing: str) -> str:
    """The fix when renaming `name` would take the name of a file that exists."""
    return (
        f"«{existing}» ya existe, así que son dos archivos para lo mismo. Deja uno solo: pasa a "
        f"«{existing}» lo que falte de «{name}» y borra «{name}»."
    )


def valid_names(root: Path, paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The files (all of one folder) whose name is a key, and a problem for each other one, with
    the name to give it: never the name of a file that exists, nor the one another file is told
    to take."""
    names = {path.name for path in paths}
    invalid = [path for path in paths if not SLUG_RE.match(path.stem)]
    valid = [path for path in paths if SLUG_RE.match(path.stem)] if invalid else paths
    unportable = [problem for path in valid if (problem := _unportable(root, path, names))]
    wanted = {path: (slugify(path.stem) or "mi-archivo") + path.suffix for path in invalid}
    problems = []
    for path in invalid:
        name, target = path.name, wanted[path]
        also = sorted(p.name for p in invalid if p != path and wanted[p] == target)
        if target in names:
            fix = _same_thing_twice(name, target)
        elif also:
            others = " y ".join(f"«{other}»" for other in also)
            fix = (
                f"Su nombre como clave sería «{target}», el mismo que el de {others}: son "
                "archivos para lo mismo. Deja uno solo, con ese nombre."
            )
        else:
            fix = f"Renómbralo a «{target}»."
        message = (
            f"El nombre «{name}» no sirve como clave: usa minúsculas sin tildes, números y "
            f"guiones.{_lookalikes(path.stem)} {fix}"
        )
        problems.append(_problem(root, path, "id-invalido", message))
    return valid, problems + unportable


def reserved_names(
    root: Path, paths: list[Path], reserved: Collection[str], word: str
) -> tuple[list[Path], list[Problem]]:
    """The files whose name takes no address the site uses for something else, and a
    problem for each other one, with a name to give it (`word`-name, if need be)."""
    taken = {path.name for path in paths}
    kept, problems = [], []
    for path in paths:
        if path.stem not in reserved:
            kept.append(path)
            continue
        other = free_name([f"{path.stem}-red{path.suffix}", f"{word}-{path.name}"], taken)
        message = (
            f"«{path.stem}» es una dirección que el sitio ya usa: renombra el archivo, por "
            f"ejemplo a «{other}»."
        )
        problems.append(_problem(root, path, "id-reservado", message))
    return kept, problems


def _unportable(root: Path, path: Path, taken: set[str]) -> Problem | None:
    """A key no common system can hold as a file name: a Windows device's or too long."""
    reason = filenames.unportable(path.name)
    if reason is None:
        return None
    candidates = (
        [f"{path.stem}-1{path.suffix}", f"mi-{path.name}"]
        if filenames.device(path.name)
        else [filenames.shorter(path.stem, path.suffix)]
    )
    other = free_name(candidates, taken)
    message = f"El nombre «{path.name}» no sirve: {reason}. Renómbralo, por ejemplo a «{other}»."
    return _problem(root, path, "nombre-no-portable", message)


def _lookalikes(stem: str) -> str:
    """The letters of another alphabet that look Latin (a Cyrillic «а»), said: nobody sees them."""
    found = dict.fromkeys(c for c in stem if not c.isascii() and fold_confusables(c) != c)
    if not found:
        return ""
    listed = ", ".join(
        f"«{c}» (U+{ord(c):04X} {unicodedata.name(c, '')}) en vez de «{fold_confusables(c)}»"
        for c in found
    )
    return f" Tiene letras de otro alfabeto que parecen latinas: {listed}."


def free_name(candidates: list[str], taken: set[str]) -> str:
    """The first of `candidates` that no file has, or the first with a number added."""
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    stem, dot, suffix = candidates[0].rpartition(".")
    number = 2
    while f"{stem}-{number}{dot}{suffix}" in taken:
        number += 1
    return f"{stem}-{number}{dot}{suffix}"


def attachments(root: Path) -> tuple[list[str], list[Problem], dict[str, str]]:
    """The files in practices/adjuntos/ that may be published, a problem for each other, and
    those whose bytes are not what their extension says (-> what they are: an error where
    they are linked, see filekinds.py)."""
    directory = root / ATTACHMENTS_DIR
    if not _is_folder(directory):  # an unreadable practices/ is reported where it is listed
        return [], [], {}
    entries, problems = _entries(root, directory)
    found = []
    mislabeled: dict[str, str] = {}
    seen: dict[str, str] = {}  # name in lower case -> name: one file on Windows and macOS
    for entry in entries:
        problem = _attachment_problem(root, entry, seen)
        seen.setdefault(entry.name.lower(), entry.name)
        if problem is not None:
            problems.append(problem)
            continue
        rel = relative(root, directory / entry.name)
        found.append(rel)
        try:
            if kind := filekinds.mislabeled(directory / entry.name):
                mislabeled[rel] = kind
        except OSError as error:
            message = f"No se pudo leer el archivo ({os_reason(error)}): revisa que tengas permiso."
            problems.append(_problem(root, directory / entry.name, "lectura", message))
    return found, problems, mislabeled


def _attachment_problem(
    root: Path, entry: os.DirEntry[str], seen: dict[str, str]
) -> Problem | None:
    path = root / ATTACHMENTS_DIR / entry.name
    suffix = path.suffix.lower()
    if entry.is_symlink():
        return _symlink(root, path)
    if entry.is_dir():
        message = f"{ATTACHMENTS_DIR}/ no lleva subcarpetas: mueve sus archivos ahí mismo."
        return _problem(root, path, "carpeta-no-permitida", message)
    if not entry.is_file(follow_symlinks=False):
        return _not_a_file(root, path)
    if reason := filenames.unportable(entry.name):
        message = f"El nombre «{entry.name}» no sirve: {reason}. Cámbialo por uno corto, sin él."
        return _problem(root, path, "nombre-no-portable", message)
    if (same := seen.get(entry.name.lower())) is not None:
        message = (
            f"«{entry.name}» y «{same}» solo se diferencian en mayúsculas y minúsculas: en Windows "
            "y macOS son el mismo archivo. Deja uno solo, o cambia el nombre de uno."
        )
        return _problem(root, path, "nombre-no-portable", message)
    if suffix not in ATTACHMENT_TYPES:
        allowed = ", ".join(sorted({f"{kind} ({ext})" for ext, kind in ATTACHMENT_TYPES.items()}))
        hint = (
            " Un SVG puede llevar código: expórtalo como PNG."
            if suffix == ".svg"
            else " Una página va como práctica (.md) en practices/."
            if suffix in (".md", ".html", ".htm")
            else ""
        )
        message = f"«{entry.name}» no es un adjunto permitido: solo {allowed}.{hint}"
        return _problem(root, path, "adjunto-no-permitido", message)
    size = entry.stat(follow_symlinks=False).st_size
    if size > MAX_ATTACHMENT_BYTES:
        message = (
            f"«{entry.name}» pesa {size / 1024 / 1024:.1f} MB; el máximo es "
            f"{MAX_ATTACHMENT_BYTES // 1024 // 1024} MB (hay quien lee con conexiones lentas): "
            "redúcelo (menos resolución, PDF comprimido)."
        )
        return _problem(root, path, "adjunto-demasiado-grande", message)
    return None
