"""Where a site may be built: a build replaces its folder whole, so the folder must be new, empty
or a site this tool built (it holds MARKER), and never the sources, the root, home or `/`."""

from __future__ import annotations

from pathlib import Path

MARKER = ".sitio-red-de-centros"
MARKER_TEXT = (
    "Sitio construido por «python -m generator build»: cada construcción reemplaza esta carpeta"
    " entera.\n"
).encode()
# Folders of a repository that a site may never replace nor be written into.
SOURCES = (".git", "content", "centers", "practices", "docs_site", "generator", "tests")
GENERATOR_PROJECT = Path(__file__).resolve().parents[2]


class UnsafeSiteDir(Exception):
    """The site folder would replace or sit inside something that is not a built site."""


def write_marker(site_dir: Path) -> None:
    (site_dir / MARKER).write_bytes(MARKER_TEXT)


def is_built_site(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def refusal(root: Path, site_dir: Path, extra_file: Path | None = None) -> str | None:
    """Why `site_dir` (and `extra_file`, the offline zip) may not be built, in Spanish; None when
    it may. Both paths are compared resolved, so `.`, `..` and symlinks change nothing."""
    site = site_dir.resolve()
    root = root.resolve()
    shown = f"La carpeta del sitio «{site_dir}»"
    for name, folder in (
        ("la raíz del sistema", Path("/")),
        ("la carpeta personal", Path.home().resolve()),
        ("la raíz del repositorio", root),
        ("el código del generador", GENERATOR_PROJECT),
    ):
        if _within(folder, site):
            return f"{shown} es o contiene {name} ({folder}): cada construcción la reemplaza."
    for name in SOURCES:
        for base in (root, GENERATOR_PROJECT):
            if _within(site, base / name):
                return f"{shown} está en «{name}/» de {base}, que son fuentes, no un sitio."
    if site.exists() or site.is_symlink():
        if not site.is_dir():
            return f"{shown} existe y no es una carpeta."
        if any(site.iterdir()) and not is_built_site(site):
            return (
                f"{shown} no está vacía y no es un sitio construido por esta herramienta "
                f"(no tiene el archivo {MARKER}): elige otra carpeta, o bórrala si sobra."
            )
    if extra_file is not None and not _absent_or_zip(extra_file):
        return f"«{extra_file}» existe y no es un .zip de un sitio: no lo reemplazo."
    return None


def _absent_or_zip(path: Path) -> bool:
    if not (path.exists() or path.is_symlink()):
        return True
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as file:
        return file.read(2) == b"PK"


def ensure_safe(root: Path, site_dir: Path, extra_file: Path | None = None) -> None:
    reason = refusal(root, site_dir, extra_file)
    if reason is not None:
        raise UnsafeSiteDir(reason)
