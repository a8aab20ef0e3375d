"""Reading a submitted GitHub issue form: the answer to each field, and the values they give.

GitHub writes an answered form as `### Label`, a blank line and the answer (`_No response_`
when empty; checkboxes as `- [X] …`). What cannot become a value (an empty required field, a
line of a list of records with a wrong part) is a problem about that field, in the words the
form uses (generator/authoring/form_reply.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.authoring import form_reply
from generator.authoring.form_reply import FieldProblem
from generator.authoring.github_forms import (
    CELL_SEPARATOR,
    FORM_NAMES,
    MAX_TITLE_LENGTH,
    NO_RESPONSE,
    FormField,
    FormName,
    form_fields,
)
from generator.content.models import NO_COST, check_cost

_KEY_IN_PARENS = re.compile(r"\(([^()]*)\)\s*$")
_CHECKED = re.compile(r"^\s*[-*] \[[xX]\] (.*)$")
_CHECKBOX = re.compile(r"^\s*[-*] \[[ xX]\] ")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class NotThisForm(Exception):
    """The body is not an answer to the form asked for (a usage error)."""

    def __init__(self, message: str, other: FormName | None = None) -> None:
        super().__init__(message)
        self.other = other  # the form the body does answer, if any


def _headings(lines: list[str], fields: list[FormField]) -> list[int] | FormField:
    """The line of each field's `### Label`, in order; or the first field that has none."""
    starts: list[int] = []
    for field in fields:
        heading = f"### {field.label}"
        after = starts[-1] + 1 if starts else 0
        found = next((i for i in range(after, len(lines)) if lines[i].strip() == heading), None)
        if found is None:
            return field
        starts.append(found)
    return starts


def read_answers(body: str, form: FormName) -> dict[str, str]:
    """Field id -> the answer as written ("" for `_No response_`)."""
    lines = body.splitlines()  # CRLF and every other line end, as the loader counts them
    fields = form_fields(form)
    starts = _headings(lines, fields)
    if isinstance(starts, FormField):
        other = next(
            (
                name
                for name in FORM_NAMES
                if name != form and not isinstance(_headings(lines, form_fields(name)), FormField)
            ),
            None,
        )
        raise NotThisForm(
            f"el texto no es una respuesta del formulario «{FORM_NAMES[form]}»: le falta el "
            f"campo «{starts.label}» (la línea «### {starts.label}» que escribe el formulario, "
            "con la respuesta debajo). Si se borró al editar el issue, escríbela de nuevo.",
            other,
        )
    answers: dict[str, str] = {}
    for index, field in enumerate(fields):
        end = starts[index + 1] if index + 1 < len(fields) else len(lines)
        value = "\n".join(line.rstrip() for line in lines[starts[index] + 1 : end]).strip("\n")
        answers[field.id] = "" if value.strip() == NO_RESPONSE else value
    return answers


def demote_headings(text: str) -> str:
    """Headings inside an answer become subsections (`###`), so the answer cannot add or
    repeat a section of the practice; fenced code stays as written, and a fence left open is
    closed at the end of the answer, so it cannot swallow the sections after it."""
    lines, fence = [], ""
    for line in text.split("\n"):
        marker = _FENCE.match(line)
        if marker:
            fence = "" if fence and marker.group(1).startswith(fence) else fence or marker.group(1)
        elif not fence and re.match(r"^ {0,3}#{1,2}[ \t]", line):
            line = "#" * (3 - len(line.lstrip().split()[0])) + line.lstrip()
        lines.append(line)
    if fence:
        lines.append(fence)
    return "\n".join(lines)


def option_key(answer: str) -> str:
    """`Nombre (clave)` -> `clave`; a bare key stays as it is."""
    match = _KEY_IN_PARENS.search(answer)
    return (match.group(1) if match else answer).strip()


def _lines(answer: str) -> list[str]:
    return [_BULLET.sub("", line).strip() for line in answer.split("\n") if line.strip()]


def _number_or_text(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def _rows(field: FormField, answer: str) -> tuple[list[dict[str, Any]], list[FieldProblem]]:
    """One record per line; a line with the wrong parts, or a part the record cannot take, is
    a problem naming the line and the part."""
    model = field.row_model
    assert model is not None
    keys = list(model.model_fields)
    required = sum(1 for f in model.model_fields.values() if f.is_required())
    rows: list[dict[str, Any]] = []
    problems: list[FieldProblem] = []
    for number, line in enumerate(answer.split("\n"), start=1):
        if not line.strip() or _TABLE_RULE.match(line):
            continue
        text = _BULLET.sub("", line).strip().strip(CELL_SEPARATOR)
        cells = [cell.strip() for cell in text.split(CELL_SEPARATOR)]
        while cells and not cells[-1]:
            cells.pop()
        if not required <= len(cells) <= len(keys):
            problems.append(form_reply.row_parts(field, number, line, len(cells), required, keys))
            continue
        row = {k: _cell(model, k, v) for k, v in zip(keys, cells, strict=False) if v}
        try:
            model.model_validate(row)
        except ValidationError as error:
            problems += form_reply.row_values(field, number, line, error)
            continue
        rows.append(row)
    return rows, problems


def _cell(model: type[BaseModel], key: str, value: str) -> Any:
    """A cell as the model reads it: digits are a number where a number fits, dates dates."""
    schema = json.dumps(model.model_json_schema()["properties"][key])
    if '"integer"' in schema:
        return _number_or_text(value)
    if '"date"' in schema:
        return _date_or_text(value)
    return value


def _cost(value: str) -> int | str:
    try:
        return check_cost(value.lower() if value.lower() == NO_COST else value)
    except ValueError:
        return value  # the check names the field and says how to write it


def _date_or_text(value: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def _value(field: FormField, answer: str) -> Any:
    """The value an answer gives, as the file holds it (rows: see `_rows`)."""
    if field.kind == "long":
        return " ".join(answer.split())
    if field.kind == "text":
        value = answer.strip()
        if field.path[-1:] == ("fecha",):
            return _date_or_text(value)
        return _cost(value) if field.path == ("costo",) else value
    if field.kind == "choice":
        return option_key(answer)
    if field.kind == "choices":  # a box checked twice (the text edited by hand) counts once
        checked = (option_key(m.group(1)) for m in map(_CHECKED.match, answer.split("\n")) if m)
        return list(dict.fromkeys(checked))
    if field.kind == "words":
        return [part.strip() for part in answer.split(",") if part.strip()]
    return _lines(answer)  # lines


def answer_problems(answers: dict[str, str], form: FormName) -> list[FieldProblem]:
    """What is wrong with the answers themselves: a required field left empty, text among
    checkboxes (the issue edited by hand), a title too long for a title."""
    problems = []
    for field in form_fields(form):
        answer = answers.get(field.id, "")
        stray = [line for line in answer.split("\n") if line.strip() and not _CHECKBOX.match(line)]
        empty = not answer.strip() or (field.kind == "choices" and not _value(field, answer))
        if field.kind == "choices" and stray:
            problems.append(form_reply.not_a_box(field, stray[0]))
        elif field.required and empty:
            problems.append(form_reply.missing(field))
        elif field.id == "titulo" and len(answer.strip()) > MAX_TITLE_LENGTH:
            problems.append(form_reply.too_long_title(field, answer, MAX_TITLE_LENGTH))
    return problems


def answers_to_values(
    answers: dict[str, str], form: FormName
) -> tuple[dict[str, Any], dict[str, str], list[FieldProblem]]:
    """(front matter values, section texts, problems) from the answers."""
    values: dict[str, Any] = {}
    sections: dict[str, str] = {}
    problems = answer_problems(answers, form)
    for field in form_fields(form):
        answer = answers.get(field.id, "")
        if not answer.strip():
            continue
        if field.kind == "section":
            sections[field.label] = demote_headings(answer.strip())
            continue
        if field.kind == "rows":
            value, row_problems = _rows(field, answer)
            problems += row_problems
        else:
            value = _value(field, answer)
        if value in ([], ""):
            continue
        if not field.path:
            values[field.id] = value
        elif len(field.path) == 1:
            values[field.path[0]] = value
        else:
            values.setdefault(field.path[0], {})[field.path[1]] = value
    return values, sections, problems
