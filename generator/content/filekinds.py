"""What an attachment's bytes say it is: a file is published only as what its name says.

A browser goes by what a file holds more than by its name: SVG bytes saved as `.png` can
carry a script, HTML saved as `.pdf` is a page of the site's own address. An attachment whose
first bytes are not those of its type (PNG, JPEG, WebP, PDF: their «magic numbers») is
refused at each line that links it, or at the file when nothing links it.
"""

from __future__ import annotations

import re
from pathlib import Path

HEAD_BYTES = 1024  # PDF allows its «%PDF-» anywhere in the first kilobyte


def _webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


# Extension -> whether the first bytes are of that type.
SIGNATURES = {
    ".pdf": lambda head: b"%PDF-" in head[:HEAD_BYTES],
    ".png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    ".jpg": lambda head: head.startswith(b"\xff\xd8\xff"),
    ".jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    ".webp": _webp,
}
_MARKUP = re.compile(
    rb"^\s*(?:\xef\xbb\xbf)?\s*<(!doctype html|html|head|body|script|\?xml|svg)", re.I
)


def detected(head: bytes) -> str:
    """What the bytes are, said to an author («una imagen SVG», «una página HTML»…)."""
    for kind, test in (("un PDF", ".pdf"), ("una imagen PNG", ".png"), ("una imagen JPEG", ".jpg")):
        if SIGNATURES[test](head):
            return kind
    if _webp(head):
        return "una imagen WebP"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "una imagen GIF"
    if markup := _MARKUP.match(head):
        opened = markup.group(1).lower()
        svg = opened == b"svg" or (opened == b"?xml" and b"<svg" in head.lower())
        return "una imagen SVG (que puede llevar código)" if svg else "una página HTML (con código)"
    if head.startswith(b"PK\x03\x04"):
        return "un archivo comprimido (ZIP, o de Word, Excel o PowerPoint)"
    if not head:
        return "nada: el archivo está vacío"
    return "otro tipo de archivo"


def mislabeled(path: Path) -> str | None:
    """What the file is instead of what its extension says; None when it is what it says."""
    test = SIGNATURES.get(path.suffix.lower())
    with path.open("rb") as file:
        head = file.read(HEAD_BYTES)
    return None if test is None or test(head) else detected(head)


CODE = "adjunto-disfrazado"


def not_what_it_says(rel: str, found: str) -> str:
    suffix = Path(rel).suffix.lower()
    return (
        f"por su nombre es {suffix.lstrip('.').upper()}, pero su contenido es {found}: el "
        "sitio no lo publica. Ábrelo y expórtalo de nuevo en el formato de su extensión (una "
        "foto como JPEG o PNG, un documento como PDF)."
    )
