"""`python -m generator from-issue --form practica|replica BODY_FILE`: a submitted GitHub issue
form becomes a new practice file, or an adoption added to a practice's `replicas`.

The answers (form_answers.py) go into the file with the scaffold's writer, the file is checked
with the rules of `check` before anything is written, and every problem is said about the form
field that wrote its line, in the form's words (form_reply.py). Nothing is written unless the
result is valid.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.authoring import canonical, form_reply
from generator.authoring.form_answers import (
    NotThisForm,
    answers_to_values,
    option_key,
    read_answers,
)
from generator.authoring.form_reply import FieldProblem
from generator.authoring.github_forms import (
    FORM_NAMES,
    PRACTICE_ID_FIELD,
    FormField,
    FormName,
    form_fields,
)
from generator.authoring.scaffold import practice_id_for, practice_problems
from generator.content.fieldtypes import FIRST_YEAR
from generator.content.files import MAX_FILE_BYTES
from generator.content.frontmatter import split_front_matter
from generator.content.loader import CENTERS_DIR, PRACTICES_DIR
from generator.content.models import REQUIRED_SECTIONS, SLUG_RE, PracticeMeta
from generator.content.problems import Problem
from generator.content.suggestions import suggest
from generator.content.yamlsource import parse_yaml
from generator.text import os_reason

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
NEW_PRACTICE_STATUS = "publicada"  # the pull request is the review; merging it publishes
Place = tuple[str, int, str]  # a header line's key, list item (-1: none) and inner key
STAND_IN_ID = "practica-del-formulario"  # a file checked for the answers' sake, never written


@dataclass
class Draft:
    """A file's new text, which form field wrote each of its lines and where in the header
    each line is; `facts` are what a reply may quote from the file (the practice's date)."""

    rel: str
    text: str
    owners: dict[int, FormField]
    places: dict[int, Place] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)
    stand_in: bool = False  # a file checked for the answers' sake, never written


def _owner_of(fields: Sequence[FormField], path: tuple[str, ...]) -> FormField | None:
    """The field that wrote `path`; for a record's own line, its first field."""
    return next((f for f in fields if f.path == path), None) or next(
        (f for f in fields if path and f.path[:1] == path[:1]), None
    )


def _header_paths(lines: list[str]) -> list[Place]:
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


def _draft(rel: str, text: str, owner: Callable[[Place], FormField | None]) -> Draft:
    lines = text.split("\n")
    end = lines.index("---", 1)  # canonical: the header closes on the first «---»
    draft = Draft(rel, text, {})
    for number, place in enumerate(_header_paths(lines[1:end]), start=2):
        draft.places[number] = place
        if found := owner(place):
            draft.owners[number] = found
    sections = [f for f in form_fields("practica") if f.kind == "section"]
    current: FormField | None = None
    for number, line in enumerate(lines[end + 1 :], start=end + 2):
        if sections and line == f"## {sections[0].label}":
            current = sections.pop(0)
        if current and not draft.owners.get(number):
            draft.owners[number] = current
    return draft


def practice_draft(values: dict[str, Any], sections: dict[str, str], rel: str) -> Draft:
    fields = form_fields("practica")
    header = {**values, "estado": NEW_PRACTICE_STATUS}
    body = "\n\n".join(f"## {s}\n\n{sections.get(s, '')}" for s in REQUIRED_SECTIONS)
    text = canonical.render(header, PracticeMeta, body)

    def owner(place: Place) -> FormField | None:
        top, item, inner = place
        return _owner_of(fields, (top, inner) if inner and item < 0 else (top,))

    return _draft(rel, text, owner)


def _adoption(values: dict[str, Any]) -> dict[str, Any]:
    """The entry of `replicas` the adoption form's answers make."""
    return {k: values[k] for k in ("centro", "fecha", "nota", "resultados") if k in values}


def _adoption_owner(index: int) -> Callable[[Place], FormField | None]:
    """Which field of the adoption form wrote a header line: those of entry `index` of
    `replicas` only."""
    fields = form_fields("replica")

    def owner(place: Place) -> FormField | None:
        top, number, inner = place
        if top != "replicas" or number != index:
            return None
        return _owner_of(fields, (inner or "centro",))

    return owner


def replica_draft(root: Path, values: dict[str, Any]) -> Draft | FieldProblem:
    """The practice's file with one more entry in `replicas`, everything else as it was."""
    fields = form_fields("replica")
    practice_field = next(f for f in fields if f.id == PRACTICE_ID_FIELD)
    written = str(values.pop(PRACTICE_ID_FIELD, ""))
    practice_id = option_key(written.rstrip("/").rsplit("/", 1)[-1])
    rel = f"{PRACTICES_DIR}/{practice_id}.md"
    path = root / rel
    if not SLUG_RE.match(practice_id) or not path.is_file():
        known = sorted(p.stem for p in (root / PRACTICES_DIR).glob("*.md"))
        hint = suggest(practice_id, known) if practice_id else ""
        return FieldProblem(
            practice_field,
            f"no hay una práctica con la clave «{form_reply.shown(practice_id)}».{hint} La clave "
            "es el final de la dirección de la página de la práctica.",
        )
    invalid = FieldProblem(
        practice_field,
        "la ficha de esa práctica tiene errores que no vienen de este formulario: el equipo del "
        "sitio tiene que corregirlos antes. Avísale con un comentario en este issue.",
    )
    entry = _adoption(values)
    try:
        before = path.read_text(encoding="utf-8")
        split, _ = split_front_matter(before, rel)
        doc = parse_yaml(split.yaml_text, rel)[0] if split else None
        text = canonical.add_to_list(rel, before, "replicas", entry)
    except (canonical.FormatError, UnicodeDecodeError):
        return invalid
    if doc is None or not isinstance(doc.value, dict):
        return invalid
    status = str(doc.value.get("estado", ""))
    if status in ("ejemplo", "borrador"):
        return FieldProblem(practice_field, form_reply.not_adoptable(status))
    adoptions = doc.value.get("replicas") or []
    draft = _draft(rel, text, _adoption_owner(len(adoptions)))
    draft.facts = {"fecha": str(doc.value.get("fecha", "")), "estado": status}
    return draft


STAND_IN_TITLE = "Práctica a la que se suma la adopción"


def stand_in_replica_draft(root: Path, values: dict[str, Any]) -> Draft:
    """The adoption the answers make, in a stand-in practice (published, dated on the first
    day the site shows, of another center) when the practice named cannot take it: checked,
    never written, so that the other fields are told in the same reply. Only the adoption's
    lines have an owner."""
    centers = sorted(p.stem for p in (root / CENTERS_DIR).glob("*.yml"))
    other = next((c for c in centers if c != values.get("centro")), "centro")
    header = {
        "titulo": STAND_IN_TITLE,
        "resumen": STAND_IN_TITLE,
        "centro": other,
        "areas": [],
        "fecha": dt.date(FIRST_YEAR, 1, 1),
        "estado": NEW_PRACTICE_STATUS,
        "replicas": [_adoption(values)],
    }
    body = "\n\n".join(f"## {s}\n\n{STAND_IN_TITLE}." for s in REQUIRED_SECTIONS)
    text = canonical.render(header, PracticeMeta, body)
    draft = _draft(f"{PRACTICES_DIR}/{STAND_IN_ID}.md", text, _adoption_owner(0))
    draft.stand_in = True
    return draft


def _too_big(draft: Draft, answers: dict[str, str], form: FormName) -> list[FieldProblem]:
    """The longest answer, when the file it makes is over the size `check` allows."""
    if len(draft.text.encode("utf-8")) <= MAX_FILE_BYTES:
        return []
    longest = max(form_fields(form), key=lambda f: len(answers.get(f.id, "").encode("utf-8")))
    size = len(answers.get(longest.id, "").encode("utf-8"))
    return [form_reply.too_big(longest, size, MAX_FILE_BYTES, adoption=form == "replica")]


def _check(
    root: Path, draft: Draft, answers: dict[str, str], values: dict[str, Any], form: FormName
) -> list[FieldProblem]:
    """What `check` says of the file, about the fields that wrote it: its errors, and its
    warnings about what a field wrote."""
    problems = [
        p
        for p in practice_problems(root, draft.rel, draft.text)
        if p.line in draft.owners or (p.severity == "error" and not draft.stand_in)
    ]  # of the stand-in's own lines, nobody wrote anything
    said = [_field_problem(p, draft, answers, values, form) for p in problems]
    return list(dict.fromkeys(said))  # one line of the file can hold two of `check`'s problems


def _field_problem(
    problem: Problem,
    draft: Draft,
    answers: dict[str, str],
    values: dict[str, Any],
    form: FormName,
) -> FieldProblem:
    if problem.code == "falta-clave":  # at the block that lacks it: said of the field itself
        key = re.search(r"«([^»]+)»", problem.message)
        fields = form_fields(form)
        missing = next((f for f in fields if key and f.path[-1:] == (key.group(1),)), None)
        if missing is not None:
            return form_reply.missing(missing)
    owner = draft.owners.get(problem.line)
    if owner is None:
        return FieldProblem(
            None,
            "algo de lo que escribiste no se pudo convertir en la ficha, y no se sabe de qué "
            "campo viene: avisa al equipo del sitio con un comentario en este issue.",
        )
    value = answers.get(owner.id, "")
    _, item, _ = draft.places.get(problem.line, ("", -1, ""))
    listed = values.get(owner.path[-1]) if owner.path else None
    if owner.kind in ("choices", "words", "lines") and isinstance(listed, list):
        value = str(listed[item]) if 0 <= item < len(listed) else value
    return form_reply.from_check(problem, owner, value, draft.facts)


def _practice_draft(
    root: Path, values: dict[str, Any], sections: dict[str, str]
) -> tuple[Draft, FieldProblem | None]:
    """The new practice, and what is wrong with its title as a file name: then the draft is
    at a stand-in name, checked (never written) so that the other fields are told too."""
    title_field = next(f for f in form_fields("practica") if f.id == "titulo")
    practice_id = practice_id_for(str(values.get("titulo", "")))
    problem = None
    if not practice_id:
        message = "necesita letras o números: con ellos se forma la dirección de su página."
        problem = FieldProblem(title_field, message)
    elif (root / PRACTICES_DIR / f"{practice_id}.md").exists():
        message = (
            "ya hay una práctica con ese título (o con uno que se escribe igual sin tildes ni "
            "mayúsculas): elige otro."
        )
        problem = FieldProblem(title_field, message)
    rel = f"{PRACTICES_DIR}/{STAND_IN_ID if problem else practice_id}.md"
    return practice_draft(values, sections, rel), problem


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


def _in_form_order(problems: list[FieldProblem], form: FormName) -> list[FieldProblem]:
    """The problems in the order of the fields in the form (those of no field last)."""
    order = {field: index for index, field in enumerate(form_fields(form))}
    return sorted(problems, key=lambda p: order.get(p.field, len(order)) if p.field else len(order))


def from_issue(root: Path, form: FormName, body: str) -> tuple[int, str, list[FieldProblem]]:
    """(exit status, what was written, problems: with a file written, only warnings). Raises
    NotThisForm on a foreign body.

    Every problem at once: those of the answers, then what `check` says of the file the rest
    of the answers make, about the fields not already named."""
    answers = read_answers(body, form)
    values, sections, problems = answers_to_values(answers, form)
    named = {p.field for p in problems}
    if form == "replica":
        draft, title = replica_draft(root, values), None
    else:
        draft, title = _practice_draft(root, values, sections)
    for problem in (draft, title):
        if isinstance(problem, FieldProblem) and problem.field not in named:
            problems.append(problem)
    if isinstance(draft, FieldProblem):  # the practice named cannot take it: the rest still told
        draft = stand_in_replica_draft(root, values)
    named = {p.field for p in problems}
    found = _too_big(draft, answers, form) or _check(root, draft, answers, values, form)
    problems = _in_form_order(problems + [p for p in found if p.field not in named], form)
    if draft.stand_in or any(not p.warning for p in problems):
        return EXIT_INVALID, "", problems
    _write(root, draft, new=form == "practica")
    return EXIT_OK, draft.rel, problems


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
        other = error.other
        hint = f" Es del formulario «{FORM_NAMES[other]}»: usa --form {other}." if other else ""
        print(f"error de uso: {error}{hint}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:  # the disk of the machine that runs it: never its folders
        print(f"Error: no se pudo escribir el archivo: {os_reason(error)}.", file=sys.stderr)
        return EXIT_INVALID
    if status != EXIT_OK:
        print(form_reply.reply(problems), file=sys.stderr)
        return status
    what = "la práctica nueva" if form == "practica" else "la réplica en"
    print(f"Escribí {what} {rel}.")
    if problems:  # warnings only: the file is written, and they are said with it
        print(form_reply.reply(problems))
    return EXIT_OK
