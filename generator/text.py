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


def plural(count: int, singular: str, plural_form: str) -> str:
    """`1 error`, `2 errores`: the number with the word that agrees with it."""
    return f"{count} {singular if count == 1 else plural_form}"
