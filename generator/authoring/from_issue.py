"""`python -m generator from-issue --form practica|replica BODY_FILE`: a submitted GitHub issue
form becomes a new practice file, or an adoption added to a practice's `replicas`.

GitHub writes an answered form as `### Label`, a blank line and the answer (`_No response_`
when empty; checkboxes as `- [X] …`). The answers go into the file with the scaffold's writer,
the file is checked with the rules of `check` before anything is written, and every problem
names the form field to correct. Nothing is written unless the result is valid.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.authoring import canonical
from generator.authoring.github_forms import (
    CELL_SEPARATOR,
    FORM_NAMES,
    NO_RESPONSE,
    PRACTICE_ID_FIELD,
    FormField,
    FormName,
    form_fields,
)
from generator.authoring.scaffold import practice_problems
from generator.content.frontmatter import split_front_matter
from generator.content.loader import PRACTICES_DIR
from generator.content.messages import suggest
from generator.content.models import (
    NO_COST,
    REQUIRED_SECTIONS,
    SLUG_RE,
    PracticeMeta,
    check_cost,
)
from generator.content.problems import Problem
from generator.content.yamlsource import parse_yaml
from generator.text import os_reason, plural, slugify

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
NEW_PRACTICE_STATUS = "publicada"  # the pull request is the review; merging it publishes
_KEY_IN_PARENS = re.compile(r"\(([^()]*)\)\s*$")
_CHECKED = re.compile(r"^\s*[-*] \[[xX]\] (.*)$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


class NotThisForm(Exception):
    """The body is not an answer to the form asked for (a usage error)."""


@dataclass(frozen=True)
class FieldProblem:
    field: FormField | None
    message: str
    file: str = ""
    line: int = 0

    def as_text(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else ""
        field = f"corrige el campo «{self.field.label}»: " if self.field else ""
        return f"{where}{field}{self.message}"


# --- reading the body -------------------------------------------------------------------


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
        message = (
            f"el texto no es una respuesta del formulario «{FORM_NAMES[form]}»: no tiene el "
            f"campo «{starts.label}» (una línea «### {starts.label}»)."
        )
        for other in FORM_NAMES:
            if other != form and not isinstance(_headings(lines, form_fields(other)), FormField):
                message += f" Es del formulario «{FORM_NAMES[other]}»: usa --form {other}."
        raise NotThisForm(message)
    answers: dict[str, str] = {}
    for index, field in enumerate(fields):
        end = starts[index + 1] if index + 1 < len(fields) else len(lines)
        value = "\n".join(line.rstrip() for line in lines[starts[index] + 1 : end]).strip("\n")
        answers[field.id] = "" if value.strip() == NO_RESPONSE else value
    return answers


def _demote_headings(text: str) -> str:
    """Headings inside an answer become subsections (`###`), so the answer cannot add or
    repeat a section of the practice; fenced code stays as written."""
    lines, fence = [], ""
    for line in text.split("\n"):
        marker = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if marker:
            fence = "" if fence and marker.group(1).startswith(fence) else fence or marker.group(1)
        elif not fence and re.match(r"^ {0,3}#{1,2}[ \t]", line):
            line = "#" * (3 - len(line.lstrip().split()[0])) + line.lstrip()
        lines.append(line)
    return "\n".join(lines)


def _key(answer: str) -> str:
    """`Nombre (clave)` -> `clave`; a bare key stays as it is."""
    match = _KEY_IN_PARENS.search(answer)
    return (match.group(1) if match else answer).strip()


def _lines(answer: str) -> list[str]:
    return [_BULLET.sub("", line).strip() for line in answer.split("\n") if line.strip()]


def _number_or_text(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def _rows(field: FormField, answer: str) -> tuple[list[dict[str, Any]], list[FieldProblem]]:
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
            problems.append(
                FieldProblem(
                    field,
                    f"la línea {number} («{line.strip()}») tiene "
                    f"{plural(len(cells), 'parte', 'partes')} y debe tener "
                    + (f"{required}" if required == len(keys) else f"de {required} a {len(keys)}")
                    + f", separadas por «{CELL_SEPARATOR}»: "
                    + f" {CELL_SEPARATOR} ".join(keys)
                    + ".",
                )
            )
            continue
        rows.append({k: _cell(model, k, v) for k, v in zip(keys, cells, strict=False) if v})
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


def answers_to_values(
    answers: dict[str, str], form: FormName
) -> tuple[dict[str, Any], dict[str, str], list[FieldProblem]]:
    """(front matter values, section texts, problems) from the answers."""
    values: dict[str, Any] = {}
    sections: dict[str, str] = {}
    problems: list[FieldProblem] = []
    for field in form_fields(form):
        answer = answers.get(field.id, "")
        if not answer.strip():
            continue
        value: Any
        if field.kind == "section":
            sections[field.label] = _demote_headings(answer.strip())
            continue
        if field.kind == "long":
            value = " ".join(answer.split())
        elif field.kind == "text":
            value = answer.strip()
            if field.path[-1:] == ("fecha",):
                value = _date_or_text(value)
            elif field.path == ("costo",):
                value = _cost(value)
        elif field.kind == "choice":
            value = _key(answer)
        elif field.kind == "choices":
            value = [_key(m.group(1)) for m in map(_CHECKED.match, answer.split("\n")) if m]
        elif field.kind == "words":
            value = [part.strip() for part in answer.split(",") if part.strip()]
        elif field.kind == "lines":
            value = _lines(answer)
        else:  # rows
            value, row_problems = _rows(field, answer)
            problems += row_problems
        if value in ([], ""):
            continue
        if not field.path:
            values[field.id] = value
        elif len(field.path) == 1:
            values[field.path[0]] = value
        else:
            values.setdefault(field.path[0], {})[field.path[1]] = value
    return values, sections, problems


# --- writing ----------------------------------------------------------------------------


@dataclass
class Draft:
    """A file's new text and which form field wrote each of its lines."""

    rel: str
    text: str
    owners: dict[int, FormField]


def _owner_of(fields: Sequence[FormField], path: tuple[str, ...]) -> FormField | None:
    """The field that wrote `path`; for a record's own line, its first field."""
    return next((f for f in fields if f.path == path), None) or next(
        (f for f in fields if path and f.path[:1] == path[:1]), None
    )


def _header_paths(lines: list[str]) -> list[tuple[str, int, str]]:
    """For each line of a canonical header (two spaces a level): its key, the number of the
    list item it is in (-1 outside lists) and the key inside that item or map ("" if none)."""
    paths = []
    top, item, inner = "", -1, ""
    for line in lines:
        if match := re.match(r"^([A-Za-z_]\w*):", line):
            top, item, inner = match.group(1), -1, ""
        elif match := re.match(r"^  - (?:([A-Za-z_]\w*):)?", line):
            item, inner = item + 1, match.group(1) or ""
        elif match := re.match(r"^ {2}(?: {2})?([A-Za-z_]\w*):", line):
            inner = match.group(1)
        paths.append((top, item, inner))
    return paths


def _draft(
    rel: str, text: str, owner: Callable[[int, tuple[str, int, str]], FormField | None]
) -> Draft:
    lines = text.split("\n")
    end = lines.index("---", 1)  # canonical: the header closes on the first «---»
    owners = {}
    for number, path in enumerate(_header_paths(lines[1:end]), start=2):
        if found := owner(number, path):
            owners[number] = found
    sections = [f for f in form_fields("practica") if f.kind == "section"]
    current: FormField | None = None
    for number, line in enumerate(lines[end + 1 :], start=end + 2):
        if sections and line == f"## {sections[0].label}":
            current = sections.pop(0)
        if current and not owners.get(number):
            owners[number] = current
    return Draft(rel, text, owners)


def practice_draft(values: dict[str, Any], sections: dict[str, str], rel: str) -> Draft:
    fields = form_fields("practica")
    header = {**values, "estado": NEW_PRACTICE_STATUS}
    body = "\n\n".join(f"## {s}\n\n{sections.get(s, '')}" for s in REQUIRED_SECTIONS)
    text = canonical.render(header, PracticeMeta, body)

    def owner(_: int, path: tuple[str, int, str]) -> FormField | None:
        top, item, inner = path
        return _owner_of(fields, (top, inner) if inner and item < 0 else (top,))

    return _draft(rel, text, owner)


def replica_draft(root: Path, values: dict[str, Any]) -> Draft | FieldProblem:
    """The practice's file with one more entry in `replicas`, everything else as it was."""
    fields = form_fields("replica")
    practice_field = next(f for f in fields if f.id == PRACTICE_ID_FIELD)
    practice_id = _key(str(values.pop(PRACTICE_ID_FIELD, "")).rstrip("/").rsplit("/", 1)[-1])
    rel = f"{PRACTICES_DIR}/{practice_id}.md"
    path = root / rel
    if not SLUG_RE.match(practice_id) or not path.is_file():
        known = sorted(p.stem for p in (root / PRACTICES_DIR).glob("*.md"))
        hint = suggest(practice_id, known) if practice_id else ""
        return FieldProblem(
            practice_field,
            f"no hay una práctica con la clave «{practice_id}».{hint} La clave es el final de "
            "la dirección de la página de la práctica.",
        )
    invalid = FieldProblem(None, f"{rel} no es válido: revísalo con «python -m generator check».")
    entry = {k: values[k] for k in ("centro", "fecha", "nota", "resultados") if k in values}
    try:
        before = path.read_text(encoding="utf-8")
        split, _ = split_front_matter(before, rel)
        doc = parse_yaml(split.yaml_text, rel)[0] if split else None
        text = canonical.add_to_list(rel, before, "replicas", entry)
    except (canonical.FormatError, UnicodeDecodeError):
        return invalid
    if doc is None or not isinstance(doc.value, dict):
        return invalid
    adoptions = doc.value.get("replicas") or []

    def owner(_: int, path: tuple[str, int, str]) -> FormField | None:
        top, number, inner = path
        if top != "replicas" or number != len(adoptions):
            return None
        return _owner_of(fields, (inner or "centro",))

    return _draft(rel, text, owner)


def _check(root: Path, draft: Draft) -> list[FieldProblem]:
    problems = [p for p in practice_problems(root, draft.rel, draft.text) if p.severity == "error"]
    return [_field_problem(p, draft) for p in problems]


def _field_problem(problem: Problem, draft: Draft) -> FieldProblem:
    return FieldProblem(
        draft.owners.get(problem.line),
        f"{problem.message} ({problem.code})",
        problem.file,
        problem.line,
    )


def _write(root: Path, draft: Draft, *, new: bool) -> None:
    path = root / draft.rel
    if new:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(draft.text)
        return
    # Replace the file whole or not at all.
    partial = path.with_name(f".{path.name}.tmp")
    partial.write_text(draft.text, encoding="utf-8")
    os.replace(partial, path)


def from_issue(root: Path, form: FormName, body: str) -> tuple[int, str, list[FieldProblem]]:
    """(exit status, what was written, problems). Raises NotThisForm on a foreign body."""
    answers = read_answers(body, form)
    values, sections, problems = answers_to_values(answers, form)
    if problems:
        return EXIT_INVALID, "", problems
    if form == "replica":
        draft = replica_draft(root, values)
        if isinstance(draft, FieldProblem):
            return EXIT_INVALID, "", [draft]
    else:
        title_field = next(f for f in form_fields(form) if f.id == "titulo")
        practice_id = slugify(str(values.get("titulo", "")))
        if not practice_id:
            return EXIT_INVALID, "", [FieldProblem(title_field, "necesita letras o números.")]
        rel = f"{PRACTICES_DIR}/{practice_id}.md"
        if (root / rel).exists():
            message = f"ya hay una práctica con ese título ({rel}): elige otro título."
            return EXIT_INVALID, "", [FieldProblem(title_field, message)]
        draft = practice_draft(values, sections, rel)
    problems = _check(root, draft)
    if problems:
        return EXIT_INVALID, draft.rel, problems
    _write(root, draft, new=form == "practica")
    return EXIT_OK, draft.rel, []


def run(root: Path, form: FormName, body_file: Path) -> int:
    try:
        body = body_file.read_text(encoding="utf-8")
    except OSError as error:
        print(f"error de uso: no se pudo leer «{body_file}»: {os_reason(error)}", file=sys.stderr)
        return EXIT_USAGE
    except UnicodeDecodeError:
        print(f"error de uso: «{body_file}» no está en UTF-8.", file=sys.stderr)
        return EXIT_USAGE
    try:
        status, rel, problems = from_issue(root, form, body)
    except NotThisForm as error:
        print(f"error de uso: {error}", file=sys.stderr)
        return EXIT_USAGE
    if problems:
        print(
            f"No se escribió nada{f' en {rel}' if rel else ''}. Corrige en el formulario "
            f"(editando el issue) lo siguiente:",
            file=sys.stderr,
        )
        for problem in problems:
            print(f"- {problem.as_text()}", file=sys.stderr)
        return status
    what = "la práctica nueva" if form == "practica" else "la réplica en"
    print(f"Escribí {what} {rel}.")
    return EXIT_OK
