"""Small text helpers shared by validation, rendering and scaffolding."""

from __future__ import annotations

import re
import unicodedata


def fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """`Diagnóstico de digitalización` -> `diagnostico-de-digitalizacion`."""
    folded = fold_accents(text).lower().replace("ñ", "n")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
