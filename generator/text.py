"""Small text helpers shared by validation, rendering and scaffolding."""

from __future__ import annotations

import errno
import hashlib
import re
import unicodedata
from functools import cache
from importlib import resources


def fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _latin_twins() -> dict[int, str]:
    """Non-ASCII letters that look like Latin ones (a Cyrillic «а») -> their Latin twin, from
    Unicode's confusables data (generator/data/confusables.txt, see tools/build_confusables.py)."""
    text = resources.files("generator").joinpath("data/confusables.txt").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
    return {int(code, 16): twin for code, twin, *_ in rows}


def fold_confusables(text: str) -> str:
    """`mеsa` with a Cyrillic «е» -> `mesa`: what the reader saw, in Latin letters."""
    return text if text.isascii() else text.translate(_latin_twins())


def slugify(text: str) -> str:
    """`Diagnóstico de digitalización` -> `diagnostico-de-digitalizacion`; a letter of another
    alphabet that looks Latin becomes its Latin twin (a Cyrillic «а» an «a»), not a dash."""
    folded = fold_confusables(fold_accents(text)).lower().replace("ñ", "n")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def tag_slug(tag: str) -> str:
    """The address of a tag; a tag without letters or digits still gets a stable one."""
    slug = slugify(tag) or "etiqueta-" + hashlib.sha256(tag.encode()).hexdigest()[:8]
    return slug + "-etiqueta" if slug == "index" else slug  # etiquetas/index.md is the list


def plural(count: int, singular: str, plural_form: str) -> str:
    """`1 error`, `2 errores`: the number with the word that agrees with it."""
    return f"{count} {singular if count == 1 else plural_form}"


OS_REASONS = {
    errno.ENOSPC: "el disco está lleno",
    errno.EDQUOT: "se acabó el espacio asignado en el disco",
    errno.EACCES: "no hay permiso",
    errno.EPERM: "no hay permiso",
    errno.EROFS: "el disco es de solo lectura",
    errno.EBUSY: "la carpeta está en uso (¿es un punto de montaje, o está abierta?)",
    errno.ELOOP: "hay enlaces simbólicos en bucle",
    errno.ENOENT: "no existe",
    errno.ENAMETOOLONG: "el nombre es demasiado largo",
    errno.ENOTDIR: "una parte de la ruta no es una carpeta",
    errno.EISDIR: "es una carpeta, no un archivo",
    errno.EADDRINUSE: "la dirección ya está en uso (¿hay otra vista previa abierta?)",
    errno.EADDRNOTAVAIL: "esa dirección no es de este computador",
}


def os_reason(error: OSError) -> str:
    """Why the system refused, in Spanish (its own strerror is English)."""
    if error.errno in OS_REASONS:
        return OS_REASONS[error.errno]
    return f"error del sistema número {error.errno}" if error.errno else "error del sistema"
