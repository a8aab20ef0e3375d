"""What each kind of pydantic error says, in Spanish: one of its errors placed in the document
(`Failure`), and a table of small builders (`BUILDERS`), each the code and message of one kind."""

import typing
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.content.fieldtypes import FIRST_YEAR, LAST_YEAR
from generator.content.partial import unwrap
from generator.content.suggestions import SLUG_HINT, iso_date_hint, suggest
from generator.content.yamlsource import KeyPath, YamlDocument, describe_value

# Field path (list indexes left out) -> the keys it may hold, for "¿Quisiste decir…?".
Vocabulary = Mapping[tuple[str, ...], Collection[str]]


def _field_name(path: KeyPath) -> str:
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return "el documento"
    name = f"«{names[-1]}»"
    if isinstance(path[-1], int):
        name += f" (elemento {path[-1] + 1})"
    return name


def _model_at(model: type[BaseModel], path: KeyPath) -> type[BaseModel] | None:
    """The model class whose fields live at `path` (to list valid keys and examples)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            current = unwrap(current, item=True)
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            current = unwrap(current, item=True)
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = unwrap(field.annotation)
    current = unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _example(model: type[BaseModel] | None, key: str) -> str | None:
    if model is None or key not in model.model_fields:
        return None
    examples = model.model_fields[key].examples
    if not examples:
        return None
    example = examples[0]
    return f"[{', '.join(map(str, example))}]" if isinstance(example, list) else str(example)


@dataclass(frozen=True)
class Failure:
    """One of pydantic's errors, placed in the document: what a message builder needs."""

    model: type[BaseModel]
    doc: YamlDocument
    path: KeyPath
    is_key: bool
    kind: str
    value: Any
    ctx: Mapping[str, Any]
    known: Vocabulary

    @property
    def raw(self) -> str | None:
        return self.doc.raw_at.get(self.path)

    @property
    def shown(self) -> str:
        return self.written(self.path, self.value)

    def written(self, path: KeyPath, value: Any) -> str:
        """The value as the author wrote it, lists and blocks in YAML's short form: never
        Python's «['a', 'b']»."""
        raw = self.doc.raw_at.get(path)
        if raw is not None:
            return raw
        if isinstance(value, list):
            return "[" + ", ".join(self.written((*path, i), v) for i, v in enumerate(value)) + "]"
        if isinstance(value, dict):
            items = (f"{k}: {self.written((*path, k), v)}" for k, v in value.items())
            return "{" + ", ".join(items) + "}"
        return "" if value is None else str(value)

    @property
    def field(self) -> str:
        return _field_name(self.path)

    @property
    def key(self) -> str:
        return str(self.path[-1]) if self.path else ""

    def example(self) -> str | None:
        return _example(_model_at(self.model, self.path[:-1]), self.key)

    def accepts_number(self) -> bool:
        """Whether the field takes a number as well as a text (a measured value)."""
        parent = _model_at(self.model, self.path[:-1])
        if parent is None or self.key not in parent.model_fields:
            return False
        kinds = typing.get_args(unwrap(parent.model_fields[self.key].annotation))
        return int in kinds or float in kinds

    def vocabulary(self) -> Collection[str]:
        return self.known.get(tuple(p for p in self.path if isinstance(p, str)), ())


# (code, message) for one kind of error.
Builder = Callable[[Failure], tuple[str, str]]


def _missing(f: Failure) -> tuple[str, str]:
    example = f.example()
    message = f"Falta la clave obligatoria «{f.key}». Agrégala en una línea nueva"
    message += f", por ejemplo: {f.key}: {example}" if example else f": {f.key}: ..."
    return "falta-clave", message


def _unknown_key(f: Failure) -> tuple[str, str]:
    parent = _model_at(f.model, f.path[:-1])
    allowed = list(parent.model_fields) if parent else []
    message = (
        f"«{f.key}» no es una clave que se use aquí.{suggest(f.key, allowed)} "
        "Corrige su nombre o borra la línea."
    )
    if allowed:
        message += " Claves válidas: " + ", ".join(allowed) + "."
    return "clave-desconocida", message


def _invalid_key(f: Failure) -> tuple[str, str]:
    return "clave-invalida", f"La clave «{f.shown}» no es válida: {SLUG_HINT}."


def _number(f: Failure) -> tuple[str, str]:
    return "tipo-incorrecto", (
        f"{f.field} debe ser un número, pero se leyó {describe_value(f.value)} («{f.shown}»). "
        f"Escribe solo el número, sin comillas ni unidades, por ejemplo: {f.example() or '12'}."
    )


def _text(f: Failure) -> tuple[str, str]:
    if f.value is None:  # «fuente:» with nothing after it
        return _empty_text(f)
    expected = "un texto o un número" if f.accepts_number() else "un texto"
    message = (
        f"{f.field} debe ser {expected}, pero se leyó {describe_value(f.value)} («{f.shown}»)."
    )
    if f.raw is not None:
        message += f' Escríbelo entre comillas: "{f.raw}".'
    elif isinstance(f.value, list):
        message += (
            " Los corchetes [ ] hacen una lista: escribe el texto sin ellos, o entre comillas "
            f'si son parte del texto: "{f.shown}".'
        )
    return "tipo-incorrecto", message


def _empty_text(f: Failure) -> tuple[str, str]:
    message = f"{f.field} está vacío: escribe un texto después de los dos puntos."
    example = f.example()
    if example and not isinstance(f.path[-1], int):
        message += f" Por ejemplo: {f.key}: {example}"
    return "valor-invalido", message


def _too_long(f: Failure) -> tuple[str, str]:
    length, limit = len(str(f.value).strip()), f.ctx.get("max_length")
    rest = "el texto" if f.path[-1:] != ("titulo",) else "«resumen» o en el texto"
    return "texto-demasiado-largo", (
        f"{f.field} tiene {length:,} caracteres y puede tener hasta {limit}: acórtalo y deja "
        f"lo demás para {rest}.".replace(",", ".")
    )


def _too_many(f: Failure) -> tuple[str, str]:
    count, limit = len(f.value) if isinstance(f.value, list) else "más", f.ctx.get("max_length")
    return "demasiados-elementos", (
        f"{f.field} tiene {count:,} elementos y puede tener hasta {limit}: deja los que más "
        "ayudan a encontrar la práctica."
    )


def _pattern(f: Failure) -> tuple[str, str]:
    if "\\d{2}" in str(f.ctx.get("pattern", "")):
        return "valor-invalido", (
            f"{f.field} debe ser un código de dos dígitos entre comillas; se encontró "
            f'«{f.shown}». Por ejemplo: codigo: "07".'
        )
    hint = suggest(f.shown, f.vocabulary()) or f" Escríbela así: {SLUG_HINT}."
    return "clave-invalida", f"«{f.shown}» no es una clave válida en {f.field}.{hint}"


def _choice(f: Failure) -> tuple[str, str]:
    expected = str(f.ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
    options = [o.strip() for o in expected.split(",")]
    return "valor-invalido", (
        f"«{f.shown}» no es un valor permitido para {f.field}.{suggest(f.shown, options)} "
        f"Escribe uno de estos: {expected}."
    )


def _too_short(f: Failure) -> tuple[str, str]:
    example = f.example() or "[valor]"
    return "valor-invalido", (
        f"{f.field} necesita al menos un elemento, por ejemplo: {f.key}: {example}"
    )


def _list(f: Failure) -> tuple[str, str]:
    return "valor-invalido", (
        f"{f.field} debe ser una lista, pero se leyó {describe_value(f.value)}. "
        f"Escribe por ejemplo: [{f.shown or 'valor'}] o un elemento por línea con «- »."
    )


def _block(f: Failure) -> tuple[str, str]:
    return "valor-invalido", (
        f"{f.field} debe ser un bloque de claves «clave: valor»; se encontró "
        f"{describe_value(f.value)}. Escribe cada clave en su propia línea, sangrada con "
        "dos espacios debajo de la clave que las contiene."
    )


def _bound(f: Failure) -> tuple[str, str]:
    limit = f.ctx.get("ge", f.ctx.get("le"))
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)  # «180», not «180.0»
    bound = "mayor o igual que" if f.kind == "greater_than_equal" else "menor o igual que"
    return "valor-invalido", (
        f"{f.field} debe ser {bound} {limit}; se encontró «{f.shown}». Revisa el signo y "
        "el punto decimal."
    )


def _says(code: str, template: str) -> Builder:
    """A builder whose message only names the field and shows the value."""
    return lambda f: (code, template.format(field=f.field, shown=f.shown))


def _date(f: Failure) -> tuple[str, str]:
    return "fecha-invalida", (
        f"{f.field}: «{f.shown}» no es una fecha válida.{iso_date_hint(f.shown)} Usa AAAA-MM-DD "
        "(año, mes y día), por ejemplo 2021-03-15."
    )


def _partial_date(f: Failure) -> tuple[str, str]:
    meant = iso_date_hint(f.shown, months=True)
    return "fecha-invalida", (
        f"{f.field}: «{f.shown}» no es una fecha válida.{meant} Escríbela tan precisa "
        "como la fuente: un año (2020), «inicio de 2020», «fin de 2020», un mes "
        "(2020-12) o un día (2020-12-15)."
    )


def _other(f: Failure) -> tuple[str, str]:
    return "valor-invalido", (
        f"{f.field}: el valor «{f.shown}» no es válido. Revisa la descripción de esta clave "
        "en CONTRIBUTING.md o copia el formato de un archivo existente."
    )


BUILDERS: dict[str, Builder] = {
    "missing": _missing,
    "extra_forbidden": _unknown_key,
    "int_type": _number,
    "float_type": _number,
    "int_parsing": _number,
    "float_parsing": _number,
    "string_type": _text,
    "string_too_short": _empty_text,
    "string_too_long": _too_long,
    "string_pattern_mismatch": _pattern,
    "literal_error": _choice,
    "too_short": _too_short,
    "too_long": _too_many,
    "list_type": _list,
    "dict_type": _block,
    "model_type": _block,
    "model_attributes_type": _block,
    "fecha": _date,
    "fecha_parcial": _partial_date,
    "estado_sin_fuente": _says(
        "estado-sin-fuente",
        "{field}: «{shown}» no dice desde cuándo ni según qué fuente. Bórralo (el sitio muestra "
        "el último hito del centro) o escríbelo como bloque, con «valor», «fecha» y «fuente» "
        "en líneas sangradas debajo de «estado:».",
    ),
    "correo": _says(
        "correo-invalido",
        "{field}: «{shown}» no es un correo válido. Ejemplo: equipo@ejemplo.cl.",
    ),
    "url": _says(
        "url-invalida",
        "{field}: «{shown}» no es una dirección web válida. Debe empezar con https:// y no "
        "llevar espacios, comillas ni < >; por ejemplo https://www.sercotec.cl.",
    ),
    "costo": _says(
        "valor-invalido",
        "{field}: «{shown}» no es un costo válido. Escribe los pesos como número entero, sin "
        "puntos, por ejemplo 150000, o «sin costo».",
    ),
    "fecha_fuera_de_rango": _says(
        "fecha-fuera-de-rango",
        "{field}: «{shown}» está fuera de las fechas que el sitio muestra "
        f"({FIRST_YEAR} a {LAST_YEAR}). Revisa el año.",
    ),
    "numero_no_finito": _says(
        "valor-invalido",
        "{field}: «{shown}» no es un número que se pueda mostrar (infinito o «no es un "
        "número»). Escribe el valor medido, por ejemplo 12 o 3.5.",
    ),
    "greater_than_equal": _bound,
    "less_than_equal": _bound,
    "int_from_float": _says(
        "valor-invalido", "{field} debe ser un número entero; se encontró «{shown}»."
    ),
}


def builder(kind: str, is_key: bool) -> Builder:
    if is_key and kind not in ("missing", "extra_forbidden"):
        return _invalid_key
    if kind in BUILDERS:
        return BUILDERS[kind]
    return _date if kind.startswith("date") else _other
