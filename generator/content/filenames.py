"""File names that every contributor's system can hold: a repository with one that Windows or
macOS cannot write cannot be cloned there at all (`git clone` stops at it), and a name too long
for the site's own files stops the build.

Windows reserves the names of its devices (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9) whatever
the extension follows them, refuses «< > : " / \\ | ? *» and control characters, and drops a
final dot or space; Windows and macOS do not tell upper from lower case, so two names that
differ only there are one file. Every file system holds 255 bytes a name, and Windows 260
characters a path (its folder included): a name of at most 100 characters leaves room for the
folder it is cloned into and for the names the build makes from it (`.<clave>.md.tmp`).
"""

from __future__ import annotations

import re

from generator.content import characters
from generator.content.invisible import FORMAT_CHARACTERS, describe

MAX_NAME_LENGTH = 100  # characters of a file's name, its extension included
SUGGESTED_LENGTH = 80
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))}
)
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def device(name: str) -> str | None:
    """The Windows device `name` is named after («aux» for «aux.yml», «Con.tar.gz»)."""
    stem = name.split(".", 1)[0].rstrip(" ").lower()
    return stem if stem in WINDOWS_DEVICES else None


def unportable(name: str) -> str | None:
    """Why no common system can hold a file of that name (a Spanish sentence), or None."""
    if found := device(name):
        return (
            f"«{found}» es el nombre de un dispositivo en Windows (como con, aux, nul, com1 o "
            "lpt1), con cualquier extensión: nadie podría descargar el repositorio en Windows"
        )
    if len(name) > MAX_NAME_LENGTH or len(name.encode("utf-8")) > 255:
        return (
            f"tiene {len(name)} caracteres y un nombre puede tener hasta {MAX_NAME_LENGTH} "
            "(Windows no abre rutas de más de 260, y el sitio arma otros nombres con este)"
        )
    if bad := _WINDOWS_FORBIDDEN.search(name):
        shown = bad.group() if bad.group().isprintable() else characters.name(bad.group())
        return f"lleva «{shown}», que Windows no acepta en un nombre de archivo"
    if not name.isascii():  # nearly every name is: a key, «guia.pdf»
        if hidden := next((c for c in name if c in FORMAT_CHARACTERS), None):
            return f"lleva un carácter invisible, {describe(hidden)}, que esconde su nombre real"
        if any(characters.is_unusable(c) for c in name):
            return "lleva un carácter que no es texto"
    if name.endswith((".", " ")):
        return "termina en punto o espacio, que Windows borra del nombre"
    return None


def shorter(stem: str, suffix: str) -> str:
    """A name for a key too long: 80 characters at most (as `new` makes them), cut at a «-»."""
    room = SUGGESTED_LENGTH - len(suffix)
    return (stem[: room + 1].rsplit("-", 1)[0] or stem[:room]) + suffix
