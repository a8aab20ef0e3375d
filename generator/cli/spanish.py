"""argparse's own words (usage, help, its errors) in Spanish, while it works."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

# argparse's own words (usage, help, its errors), in Spanish: it looks them up through the
# module's `_` and `ngettext` each time it needs one, so they are swapped while it works.
ARGPARSE_SPANISH = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opciones",
    "show this help message and exit": "muestra esta ayuda y termina",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "«%(value)s» no es una opción válida (elige una de: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "«%(value)s» no es un valor válido",
    "the following arguments are required: %s": "falta indicar: %s",
    "unrecognized arguments: %s": "no se reconoce: %s",
    "expected one argument": "falta su valor",
    "expected at most one argument": "admite a lo sumo un valor",
    "expected at least one argument": "necesita al menos un valor",
    "ambiguous option: %(option)s could match %(matches)s": (
        "%(option)s es ambigua: puede ser %(matches)s"
    ),
    "not allowed with argument %s": "no se puede usar junto con %s",
    "ignored explicit argument %r": "no admite el valor %r",
    "one of the arguments %s is required": "falta uno de estos: %s",
    "unexpected option string: %s": "opción inesperada: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "«%(parser_name)s» no es un comando (elige uno de: %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: error de uso: %(message)s\n",
}


def _spanish(message: str) -> str:
    return ARGPARSE_SPANISH.get(message, message)


def _spanish_plural(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return "necesita %s valor" if count == 1 else "necesita %s valores"
    return singular if count == 1 else plural


@contextmanager
def spanish_argparse() -> Iterator[None]:
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _spanish, _spanish_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
