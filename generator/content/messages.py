"""Turn pydantic's validation errors into Spanish problems at the right line."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.content.problems import Problem
from generator.content.yamlsource import Path, YamlDocument, describe_value
from generator.text import fold_accents

M = TypeVar("M", bound=BaseModel)

SLUG_HINT = "usa minúsculas sin tildes, números y guiones, por ejemplo «los-angeles»"


def suggest(value: str, options: Sequence[str]) -> str:
    """A "¿quisiste decir ...?" sentence, or nothing when no option is close."""
    matches = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    if not matches:
        folded = {fold_accents(o).lower(): o for o in options}
        close = difflib.get_close_matches(fold_accents(value).lower(), list(folded), n=1)
        matches = [folded[m] for m in close]
    return f" ¿Quisiste decir «{matches[0]}»?" if matches else ""


def validate_document(
    model: type[M], doc: YamlDocument, file: str, *, what: str
) -> tuple[M | None, list[Problem]]:
    """Validate a parsed YAML document against `model`; `what` names it for messages."""
    if not isinstance(doc.value, dict):
        pos = doc.start
        return None, [
            Problem(
                file,
                pos.line,
                pos.column,
                "no-es-bloque",
                f"{what} debe ser un bloque de claves «clave: valor», una por línea, por "
                f"ejemplo «titulo: Mi práctica»; se encontró {describe_value(doc.value)}.",
            )
        ]
    try:
        return model.model_validate(doc.value), []
    except ValidationError as error:
        # A union (text or number) fails once per member: keep one problem per place.
        problems: dict[tuple[Path, str], Problem] = {}
        for detail in error.errors():
            path, problem = _problem(model, doc, file, detail)
            problems.setdefault((path, problem.code), problem)
        return None, list(problems.values())


def _data_path(doc: YamlDocument, loc: tuple[Any, ...]) -> tuple[Path, bool]:
    """Drop pydantic's union tags from `loc`; say whether it ends at a mapping key."""
    path: list[str | int] = []
    value: Any = doc.value
    is_key = False
    for part in loc:
        if part == "[key]":
            is_key = True
            break
        in_mapping = isinstance(value, dict) and part in value
        in_list = isinstance(value, list) and isinstance(part, int) and part < len(value)
        if in_mapping or in_list:
            value = value[part]
            path.append(part)
        elif isinstance(value, dict) and isinstance(part, str) and path[-1:] != [part]:
            path.append(part)  # a missing or unknown key
            value = None
        # anything else is a union member's tag, not a place in the data
    return tuple(path), is_key


def _field_name(path: Path) -> str:
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return "el documento"
    name = f"«{names[-1]}»"
    if isinstance(path[-1], int):
        name += f" (elemento {path[-1] + 1})"
    return name


def _model_at(model: type[BaseModel], path: Path) -> type[BaseModel] | None:
    """The model class whose fields live at `path` (to list valid keys and examples)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            current = _unwrap(current, item=True)
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            current = _unwrap(current, item=True)
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any, *, item: bool = False) -> Any:
    """Strip Optional/Annotated; with `item`, step into list or dict values."""
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            non_null = [a for a in args if a is not type(None)]
            if len(non_null) != 1:
                return annotation
            annotation = non_null[0]
        elif item and origin in (list, dict):
            annotation = args[-1]
            item = False
        else:
            return annotation


def _example(model: type[BaseModel] | None, key: str) -> str | None:
    if model is None or key not in model.model_fields:
        return None
    examples = model.model_fields[key].examples
    if not examples:
        return None
    example = examples[0]
    return f"[{', '.join(map(str, example))}]" if isinstance(example, list) else str(example)


def _problem(
    model: type[BaseModel], doc: YamlDocument, file: str, detail: ErrorDetails
) -> tuple[Path, Problem]:
    path, is_key = _data_path(doc, detail["loc"])
    kind = detail["type"]
    raw = doc.raw_at.get(path)
    shown = raw if raw is not None else str(detail.get("input", ""))
    field = _field_name(path)
    ctx = detail.get("ctx") or {}
    code = "valor-invalido"

    if kind == "missing":
        code = "falta-clave"
        key = str(path[-1])
        example = _example(_model_at(model, path[:-1]), key)
        message = f"Falta la clave obligatoria «{key}». Agrégala en una línea nueva"
        message += f", por ejemplo: {key}: {example}" if example else f": {key}: ..."
        pos = doc.position(path[:-1])
    elif kind == "extra_forbidden":
        code = "clave-desconocida"
        key = str(path[-1])
        parent = _model_at(model, path[:-1])
        allowed = list(parent.model_fields) if parent else []
        message = (
            f"«{key}» no es una clave que se use aquí.{suggest(key, allowed)} "
            "Corrige su nombre o borra la línea."
        )
        if allowed:
            message += " Claves válidas: " + ", ".join(allowed) + "."
        pos = doc.position(path, key=True)
    else:
        pos = doc.position(path, key=is_key)
        value = detail.get("input")
        if is_key:
            code = "clave-invalida"
            message = f"La clave «{shown}» no es válida: {SLUG_HINT}."
            pos = doc.position(path, key=True)
        elif kind in ("int_type", "float_type", "int_parsing", "float_parsing"):
            code = "tipo-incorrecto"
            example = _example(_model_at(model, path[:-1]), str(path[-1])) or "12"
            message = (
                f"{field} debe ser un número, pero se leyó {describe_value(value)} («{shown}»). "
                f"Escribe solo el número, sin comillas ni unidades, por ejemplo: {example}."
            )
        elif kind == "string_type":
            code = "tipo-incorrecto"
            message = (
                f"{field} debe ser un texto, pero se leyó {describe_value(value)} («{shown}»)."
            )
            if raw is not None:
                message += f' Escríbelo entre comillas: "{raw}".'
        elif kind == "string_too_short":
            message = f"{field} está vacío: escribe un texto después de los dos puntos."
            example = _example(_model_at(model, path[:-1]), str(path[-1]))
            if example and not isinstance(path[-1], int):
                message += f" Por ejemplo: {path[-1]}: {example}"
        elif kind == "string_pattern_mismatch":
            if "\\d{2}" in str(ctx.get("pattern", "")):
                message = (
                    f"{field} debe ser un código de dos dígitos entre comillas; se encontró "
                    f'«{shown}». Por ejemplo: codigo: "07".'
                )
            else:
                code = "clave-invalida"
                message = f"«{shown}» no es una clave válida en {field}: {SLUG_HINT}."
        elif kind == "literal_error":
            expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
            options = [o.strip() for o in expected.split(",")]
            message = (
                f"«{shown}» no es un valor permitido para {field}.{suggest(shown, options)} "
                f"Escribe uno de estos: {expected}."
            )
        elif kind in ("list_type", "too_short"):
            if kind == "too_short":
                example = _example(_model_at(model, path[:-1]), str(path[-1])) or "[valor]"
                message = (
                    f"{field} necesita al menos un elemento, por ejemplo: {path[-1]}: {example}"
                )
            else:
                message = (
                    f"{field} debe ser una lista, pero se leyó {describe_value(value)}. "
                    f"Escribe por ejemplo: [{shown or 'valor'}] o un elemento por línea con «- »."
                )
        elif kind in ("dict_type", "model_type", "model_attributes_type"):
            message = (
                f"{field} debe ser un bloque de claves «clave: valor»; se encontró "
                f"{describe_value(value)}. Escribe cada clave en su propia línea, sangrada con "
                "dos espacios debajo de la clave que las contiene."
            )
        elif kind.startswith("date") or kind == "fecha":
            code = "fecha-invalida"
            message = (
                f"{field}: «{shown}» no es una fecha válida. Usa AAAA-MM-DD, "
                "por ejemplo 2021-03-15."
            )
        elif kind == "fecha_parcial":
            code = "fecha-invalida"
            message = (
                f"{field}: «{shown}» no es una fecha válida. Usa un año (2020), un mes (2020-12) "
                "o un día (2020-12-15)."
            )
        elif kind == "correo":
            code = "correo-invalido"
            message = f"{field}: «{shown}» no es un correo válido. Ejemplo: equipo@ejemplo.cl."
        elif kind == "url":
            code = "url-invalida"
            message = (
                f"{field}: «{shown}» no es una dirección web válida. Debe empezar con https:// "
                "y no llevar espacios, comillas ni < >; por ejemplo https://www.sercotec.cl."
            )
        elif kind in ("greater_than_equal", "less_than_equal"):
            limit = ctx.get("ge", ctx.get("le"))
            bound = "mayor o igual que" if kind == "greater_than_equal" else "menor o igual que"
            message = (
                f"{field} debe ser {bound} {limit}; se encontró «{shown}». Revisa el signo y "
                "el punto decimal."
            )
        elif kind == "int_from_float":
            message = f"{field} debe ser un número entero; se encontró «{shown}»."
        else:
            message = (
                f"{field}: el valor «{shown}» no es válido. Revisa la descripción de esta clave "
                "en CONTRIBUTING.md o copia el formato de un archivo existente."
            )
    return path, Problem(file, pos.line, pos.column, code, message)
