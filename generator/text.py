"""Small text helpers shared by validation, rendering and scaffolding."""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import sys
import unicodedata
from functools import cache
from importlib import resources
from typing import Any


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


TAG_SLUG_LENGTH = 80  # a letter may write several («ⅷ» is «viii»): the file's name stays short


def tag_slug(tag: str) -> str:
    """The address of a tag; a tag without letters or digits still gets a stable one."""
    slug = slugify(tag)[:TAG_SLUG_LENGTH].strip("-")
    slug = slug or "etiqueta-" + hashlib.sha256(tag.encode()).hexdigest()[:8]
    return slug + "-etiqueta" if slug == "index" else slug  # etiquetas/index.md is the list


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """`text` with every character a reader would not see written as its escape («\\n»,
    «\\x1b», «\\u202e»): a file named with an escape sequence could recolour or erase the
    lines of a terminal, a right-to-left mark reverse them."""
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() or char == " " else _ESCAPES.get(char, _escape(char))
        for char in text
    )


def _escape(char: str) -> str:
    point = ord(char)
    return (
        f"\\x{point:02x}"
        if point < 0x100
        else f"\\u{point:04x}"
        if point < 0x10000
        else f"\\U{point:08x}"
    )


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


# --- what a terminal that is not UTF-8 can show ------------------------------------------------

# The punctuation of the messages, where the terminal's encoding lacks it (ASCII: LC_ALL=C).
_PLAIN = {"«": '"', "»": '"', "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "–": "-"}
_PLAIN |= {"—": "-", "¿": "", "¡": "", "≥": ">=", "≤": "<=", "→": "->", "·": "-", "×": "x"}
READABLE = "red-legible"


def _readable(error: UnicodeError) -> tuple[str, int]:
    """A character the encoding cannot write, as the closest it can: «é» -> «e», «» -> '"';
    "?" when nothing is close."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        plain = _PLAIN.get(char)
        if plain is None:
            folded = fold_accents(char).encode("ascii", "ignore").decode("ascii")
            plain = folded or "?"
        out.append(plain)
    return "".join(out), error.end


def writes_unicode(stream: Any) -> bool:
    """Whether `stream` writes every character as it is (its encoding is one of Unicode's)."""
    try:
        return codecs.lookup(stream.encoding or "ascii").name.startswith("utf")
    except (LookupError, AttributeError, TypeError):
        return False


def readable_output() -> None:
    """Make standard output and error write every message whatever the locale's encoding:
    as it is where the encoding has the character (UTF-8), the closest it has otherwise
    (ASCII, Latin-1), never a UnicodeEncodeError."""
    codecs.register_error(READABLE, _readable)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=READABLE)


class _QuietWhenClosed:
    """A standard stream that, once its reader goes away (`check | head -1`), drops the rest
    quietly: the command goes on and ends with its own exit status, as `head` expects."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                return int(self._stream.write(text))
            except BrokenPipeError:
                self._reader_gone()
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._reader_gone()

    def _reader_gone(self) -> None:
        """What is still buffered, and whatever comes later, goes nowhere."""
        self._gone = True
        try:
            nowhere = os.open(os.devnull, os.O_WRONLY)
            os.dup2(nowhere, self._stream.fileno())
            os.close(nowhere)
        except (OSError, ValueError, AttributeError):  # no file descriptor (a test's stream)
            return

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def console_streams() -> None:
    """Standard output and error as every command writes them: readable in any locale
    (`readable_output`), and quiet when their reader closes the pipe."""
    readable_output()
    sys.stdout = _QuietWhenClosed(sys.stdout)
    sys.stderr = _QuietWhenClosed(sys.stderr)


def flush_console() -> None:
    """Write what is buffered now, while a closed pipe is still caught."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
