"""What a contributor reads when a submitted issue form cannot become a file: each problem said
in the form's words.

The reply names the field by the label the contributor saw («Áreas», «Fecha») and quotes what
they wrote; it never shows a file path, a line of a file, a key of the file, nor advice about
something the form does not have. The problems come from reading the answers
(form_answers.py) and from `check` on the file the answers would make (from_issue.py): each
of the latter is said again here from its code, the field that wrote its line and the answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from generator.authoring.github_forms import CELL_SEPARATOR, FormField, form_fields
from generator.content import characters
from generator.content.fieldtypes import FIRST_YEAR, LAST_YEAR
from generator.content.problems import Problem
from generator.content.suggestions import iso_date_hint
from generator.text import plural

REPLY_HEADER = "No se escribió nada. Corrige en el formulario (editando el issue) lo siguiente:"
WARNINGS_HEADER = "Revisa también esto, que no impide escribir la ficha:"
SHOWN = 80  # characters of an answer quoted back; a longer one is cut with «…»
_DESCRIBED = re.compile(r"U\+[0-9A-F]{4,6} \([^)]*\)")
_QUOTED = re.compile(r"«([^»]*)»")
# What `check` says of a body's structure: said as it is (no file, no key in it).
_ABOUT_THE_TEXT = ("anidado-demasiado", "html-sin-cerrar", "codigo-sin-cerrar")
_CODE_POINT = re.compile(r"U\+([0-9A-F]{4,6})")


@dataclass(frozen=True)
class FieldProblem:
    field: FormField | None  # None: a problem of no one field
    message: str
    warning: bool = False  # something to look at again, which does not stop the file

    def as_text(self) -> str:
        return f"«{self.field.label}»: {self.message}" if self.field else self.message


def reply(problems: Sequence[FieldProblem]) -> str:
    """What to fix, then what to look at again (each part only when it has something)."""
    lines = []
    for header, warning in ((REPLY_HEADER, False), (WARNINGS_HEADER, True)):
        said = [f"- {p.as_text()}" for p in problems if p.warning == warning]
        lines += [header, *said] if said else []
    return "\n".join(lines)


def shown(text: str) -> str:
    """An answer quoted back: on one line, and cut if long."""
    line = " ".join(str(text).split())
    return line if len(line) <= SHOWN else line[: SHOWN - 1].rstrip() + "…"


# --- the answers themselves -------------------------------------------------------------


def missing(field: FormField) -> FieldProblem:
    if field.kind == "choices":
        return FieldProblem(field, "marca al menos una opción.")
    return FieldProblem(field, f"falta la respuesta. {field.description}")


def not_a_box(field: FormField, line: str) -> FieldProblem:
    return FieldProblem(
        field,
        f"«{shown(line)}» no es una de sus casillas: deja solo las casillas de la lista, "
        "marcadas o no, sin cambiar su texto.",
    )


def too_long_title(field: FormField, answer: str, limit: int) -> FieldProblem:
    length = len(answer.strip())
    return FieldProblem(
        field,
        f"tiene {length:,} caracteres y un título puede tener hasta {limit}: escribe uno corto "
        "y deja lo demás para «Resumen» o «Contexto».".replace(",", "."),
    )


def too_big(field: FormField, size: int, limit: int, *, adoption: bool) -> FieldProblem:
    """The answer that makes the file bigger than `limit` bytes (`size`: the answer's)."""
    whole = "la ficha de la práctica, con sus adopciones," if adoption else "la práctica entera"
    return FieldProblem(
        field,
        f"es demasiado largo: tiene {size // 1024} KB y {whole} puede tener hasta "
        f"{limit // 1024} KB. Acórtalo; las fotos y los documentos no van pegados en el texto.",
    )


def _parts(field: FormField) -> list[str]:
    assert field.row_model is not None
    return [(f.title or key).lower() for key, f in field.row_model.model_fields.items()]


def row_parts(
    field: FormField, number: int, line: str, count: int, required: int, keys: Sequence[str]
) -> FieldProblem:
    expected = f"{required}" if required == len(keys) else f"de {required} a {len(keys)}"
    return FieldProblem(
        field,
        f"la línea {number} («{shown(line)}») tiene {plural(count, 'parte', 'partes')} y debe "
        f"tener {expected}, separadas por «{CELL_SEPARATOR}»: "
        + f" {CELL_SEPARATOR} ".join(_parts(field))
        + ".",
    )


def row_values(
    field: FormField, number: int, line: str, error: ValidationError
) -> list[FieldProblem]:
    """A line whose parts the record cannot take: one problem per part."""
    assert field.row_model is not None
    fields = field.row_model.model_fields
    problems = []
    for detail in error.errors():
        key = str(detail["loc"][0]) if detail["loc"] else ""
        part = (fields[key].title or key).lower() if key in fields else key
        said = _cell_message(detail["type"], str(detail.get("input", "")))
        problems.append(FieldProblem(field, f"la línea {number} («{shown(line)}»): {part}: {said}"))
    return problems


def _cell_message(kind: str, value: str) -> str:
    if kind == "missing":
        return "falta."
    if kind.startswith("date") or kind == "fecha":
        return date_message(value)
    if kind == "fecha_fuera_de_rango":
        return out_of_range(value)
    if kind.startswith("int"):
        return f"«{shown(value)}» debe ser un número entero, como 2."
    if kind == "greater_than_equal":
        return f"«{shown(value)}» debe ser 1 o más."
    return f"«{shown(value)}» no es válido."


def date_message(value: str) -> str:
    return (
        f"«{shown(value)}» no es una fecha válida.{iso_date_hint(value)} Escríbela como "
        "AAAA-MM-DD (año, mes y día), por ejemplo 2021-03-15."
    )


def out_of_range(value: str) -> str:
    return (
        f"«{shown(value)}» está fuera de las fechas que el sitio muestra ({FIRST_YEAR} a "
        f"{LAST_YEAR}): revisa el año."
    )


# --- what `check` found in the file the answers make ------------------------------------


def from_check(
    problem: Problem, field: FormField, value: str, facts: Mapping[str, str]
) -> FieldProblem:
    """`check`'s problem with the file, said about the field that wrote its line; `value` is
    what the field holds there (the answer, or the item of a list), `facts` what the message
    may need from the file (the practice's date)."""
    if problem.severity == "warning":
        return FieldProblem(field, _warned(problem, field, value), warning=True)
    said = _said(problem, field, value, facts)
    return FieldProblem(field, said or f"no se pudo usar lo que escribiste. {field.description}")


_TWIN = re.compile(r"«([^»]*)» \(practices/([^()/]+)\.md\)")


def _warned(problem: Problem, field: FormField, value: str) -> str:
    """`check`'s warning about what the field wrote, in the form's words: a question to
    answer, or something to look at again."""
    code, quoted = problem.code, _QUOTED.findall(problem.message)
    if code == "titulo-repetido":
        twins = ", ".join(f"«{t}» (/practicas/{k}/)" for t, k in _TWIN.findall(problem.message))
        return (
            f"ya hay una práctica con un título que se escribe igual, salvo mayúsculas, tildes, "
            f"espacios o signos: {twins}. ¿Es la misma práctica? Si lo es, cuéntalo en un "
            "comentario de este issue y el equipo del sitio sumará lo tuyo a esa ficha; si es "
            "otra, cambia el título para que se distingan."
        )
    if code == "resultados-contradictorios" and quoted:
        measured = next(f for f in form_fields("practica") if f.path == ("resultados",))
        count = re.search(r"lista (\d+)", problem.message)
        listed = plural(int(count.group(1)) if count else 1, "resultado", "resultados")
        return (
            f"dice «{shown(quoted[0])}», pero en «{measured.label}» escribiste {listed}: si ya "
            "se midió algo, cuenta aquí qué se midió; si no, deja vacío "
            f"«{measured.label}»."
        )
    if code == "fecha-futura":
        return (
            f"«{shown(value)}» es posterior a hoy: ¿es un error en el año? Registra solo lo que "
            "ya pasó."
        )
    return f"revísalo antes de que se publique. {field.description}"


def _said(problem: Problem, field: FormField, value: str, facts: Mapping[str, str]) -> str:
    code, v = problem.code, shown(value)
    if code == "fecha-invalida":
        return date_message(value)
    if code == "fecha-fuera-de-rango":
        return out_of_range(value)
    if code == "correo-invalido":
        return f"«{v}» no es un correo válido. Ejemplo: equipo@ejemplo.cl."
    if code == "url-invalida":
        return (
            f"«{v}» no es una dirección web válida: debe empezar con https:// y no llevar "
            "espacios, por ejemplo https://www.sercotec.cl."
        )
    if code in ("valor-invalido", "tipo-incorrecto", "clave-invalida", "referencia-desconocida"):
        return _wrong_value(field, v)
    if code == "repetido":
        if field.kind == "words":
            return f"«{v}» está escrita dos veces: déjala una sola vez."
        return (
            "ese centro ya registró que adoptó esta práctica: no hace falta registrarlo otra vez."
        )
    return _said_of_the_adoption(code, v, facts) or _said_of_the_text(problem, field)


def _wrong_value(field: FormField, v: str) -> str:
    if field.path == ("costo",):
        return (
            f"«{v}» no es un costo: escribe los pesos como número entero (150000 o $150.000), "
            "o «sin costo»."
        )
    if field.kind == "choices":
        return (
            f"«{v}» no es una de las opciones: marca las casillas de la lista sin cambiar su texto."
        )
    if field.kind == "choice":
        return f"«{v}» no es una de las opciones: elige una de la lista sin cambiar su texto."
    return f"«{v}» no es válido. {field.description}"


def _said_of_the_adoption(code: str, v: str, facts: Mapping[str, str]) -> str:
    if code == "replica-propia":
        return (
            "es el centro que creó la práctica: este formulario registra que otro centro la adoptó."
        )
    if code == "replica-anterior":
        return (
            f"«{v}» es anterior a la fecha de la práctica ({facts.get('fecha', '')}): un centro "
            "no puede adoptarla antes de que exista. Revisa la fecha."
        )
    if code in ("replica-de-ejemplo", "replica-de-borrador"):
        return not_adoptable(facts.get("estado", "ejemplo"))
    return ""


def not_adoptable(status: str) -> str:
    if status == "borrador":
        return (
            "esa práctica es un borrador y todavía no se publica: registra la adopción cuando "
            "esté publicada."
        )
    return (
        "esa práctica es un ejemplo de formato: no describe un caso real, así que no se puede "
        "registrar que un centro la adoptó."
    )


def _said_of_the_text(problem: Problem, field: FormField) -> str:
    code, quoted = problem.code, _QUOTED.findall(problem.message)
    if code == "texto-de-ayuda":
        return (
            "todavía tiene el texto de ayuda: reemplázalo por lo que hizo tu centro. "
            + field.description
        )
    if code == "seccion-vacia":
        return f"falta la respuesta. {field.description}"
    if code == "caracter-invisible":
        return _invisible(problem.message)
    if code in ("texto-demasiado-largo", "demasiados-elementos"):  # «resumen» tiene…: the
        return problem.message.split("» ", 1)[-1]  # key is the file's word, not the form's
    if code == characters.CODE and (point := _CODE_POINT.search(problem.message)):
        said = characters.message(chr(int(point.group(1), 16)))  # not the file's «\\v»
        return said[0].lower() + said[1:]
    if code in ("enlace-roto", "enlace-fuera") and quoted:
        return (
            f"el enlace «{shown(quoted[0])}» apunta a un archivo que no está en el sitio: usa la "
            "dirección completa de la página, que empieza con https://."
        )
    if code == "carga-externa" and quoted:
        return (
            f"«{shown(quoted[-1])}» se carga desde otro sitio, y el sitio no carga nada de otros "
            "sitios (por la privacidad de quien lee y las conexiones lentas): quítalo. Si hace "
            "falta la imagen, súbela en un comentario de este issue."
        )
    if code == "enlace-peligroso":
        return "tiene un enlace que no empieza con https:// ni mailto: cámbialo por uno así."
    if code in (*_ABOUT_THE_TEXT, "html-no-permitido", "corchetes-abiertos", "seccion-inexistente"):
        message = problem.message  # about the text itself: no file, no key
        return message[0].lower() + message[1:] if message[1:2].islower() else message
    return ""


def _invisible(message: str) -> str:
    described = _DESCRIBED.search(message)
    character = described.group() if described else "un carácter invisible"
    effect = (
        "que cambia el sentido en que se lee el texto"
        if "sentido en que se lee" in message
        else "que no se ve pero queda en el texto (suele venir al copiar desde Word o un PDF)"
    )
    return (
        f"tiene un carácter invisible, {character}, {effect}. Bórralo; si no lo ves, vuelve a "
        "escribir a mano esa parte."
    )
