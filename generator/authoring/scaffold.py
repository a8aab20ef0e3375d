"""`python -m generator new`: write a new practice or center file that is valid as written.

The new file is checked with the same models and rules as `check` before it is written, so
an unknown center, area or region is refused with the very message `check` would print.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator import addresses as paths
from generator.addresses import ONLINE
from generator.authoring import canonical
from generator.authoring.questions import (
    Ask,
    Filled,
    Interrupted,
    MissingArguments,
    Question,
    fill_in,
    resume_command,
    say,
    stdin_is_terminal,
)
from generator.content.filenames import device
from generator.content.loader import CENTERS_DIR, PRACTICES_DIR, RESERVED_IDS, text_of
from generator.content.models import (
    REQUIRED_SECTIONS,
    SLUG_RE,
    Center,
    PracticeMeta,
    Taxonomy,
)
from generator.content.problems import Problem
from generator.content.suggestions import SLUG_HINT
from generator.content.unfinished import SECTION_GUIDANCE, SUMMARY_PLACEHOLDER
from generator.content.validate import (
    CheckedContent,
    check_content,
    new_center_problems,
    new_practice_problems,
)
from generator.text import slugify

EXIT_OK, EXIT_INVALID = 0, 1
__all__ = ["MissingArguments", "stdin_is_terminal"]  # the command line's, from questions.py


def split_list(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


# --- practices --------------------------------------------------------------------------


def practice_text(
    *, title: str, center: str, areas: Sequence[str], summary: str, date: dt.date
) -> str:
    """A new practice in canonical form: a draft whose sections say what goes in each."""
    header = {
        "titulo": title,
        "resumen": summary,
        "centro": center,
        "areas": list(areas),
        "fecha": date,
        "estado": "borrador",
        "servicios": [],
        "publicos": [],
        "etiquetas": [],
    }
    body = "\n\n".join(f"## {s}\n\n{SECTION_GUIDANCE[s]}" for s in REQUIRED_SECTIONS)
    return canonical.render(header, PracticeMeta, body)


def practice_problems(
    root: Path, rel: str, text: str, loaded: CheckedContent | None = None
) -> list[Problem]:
    """What `check` would say about `text` at `rel`, before it is written: the rules of one
    practice on its own, its links and its title, on a copy in a temporary folder, against the
    repository's files (`loaded`, when the caller has loaded them already)."""
    loaded = loaded or check_content(root)
    with _alone(rel, text) as (scratch, path):
        return new_practice_problems(
            loaded, scratch, path, lambda f: text if f == rel else text_of(root, f)
        )


@contextmanager
def _alone(rel: str, text: str) -> Iterator[tuple[Path, Path]]:
    """`text` written at `rel` in a temporary folder: (that folder, the file)."""
    with tempfile.TemporaryDirectory(prefix="red-nuevo-") as folder:
        path = Path(folder) / rel
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        yield Path(folder), path


MAX_ID_LENGTH = 80


def new_practice(
    root: Path,
    values: Mapping[str, str | None],
    *,
    interactive: bool,
    ask: Ask = input,
    today: dt.date | None = None,
) -> int:
    loaded = check_content(root)
    taxonomy, centers = loaded.taxonomy, loaded.centers
    all_areas = list(taxonomy.data.areas) if taxonomy else []
    questions = [
        Question("titulo", "Título de la práctica"),
        Question("centro", f"Clave de tu centro ({', '.join(centers)})"),
        Question("areas", f"Áreas, separadas por comas ({', '.join(all_areas)})", all_areas[0]),
        Question("resumen", "Resumen en una o dos frases", SUMMARY_PLACEHOLDER),
    ]
    new = _new_practice(root, loaded, today or dt.date.today())
    made = _make(new, values, questions, interactive=interactive, ask=ask)
    if made is None:
        return EXIT_INVALID
    rel, answered = made
    print(f"Creado {rel} (estado: borrador).")
    fields = answered.values
    if "areas" in answered.defaulted:
        print(f"Revisa «areas»: se puso «{fields['areas']}» porque no indicaste otra.")
    summary_left = fields["resumen"] == SUMMARY_PLACEHOLDER
    _say_next_steps(Path(rel).stem, taxonomy.data if taxonomy else None, summary_left=summary_left)
    return EXIT_OK


def _new_practice(root: Path, loaded: CheckedContent, date: dt.date) -> NewFile:
    """A new practice from the answers; an answer not given yet stands in as a valid one."""
    first_center = min(loaded.center_ids, default="")
    first_area = next(iter(loaded.taxonomy.data.areas), "") if loaded.taxonomy else ""

    def place(answers: Mapping[str, str]) -> tuple[str, str]:
        practice_id = practice_id_for(answers.get("titulo", ""))
        rel = f"{PRACTICES_DIR}/{practice_id}.md"
        if not practice_id:
            return rel, "el título necesita letras o números para formar el nombre del archivo."
        return rel, _taken(root, rel, "otro título")

    def text(answers: Mapping[str, str]) -> str:
        return practice_text(
            title=answers.get("titulo", ""),
            center=answers.get("centro") or first_center,
            areas=split_list(answers.get("areas") or first_area),
            summary=answers.get("resumen") or SUMMARY_PLACEHOLDER,
            date=date,
        )

    def problems(rel: str, text: str) -> list[Problem]:
        return practice_problems(root, rel, text, loaded)

    return NewFile("practica", "titulo", root, place, text, problems)


def practice_id_for(title: str) -> str:
    """The title's slug, which names the file: kept well under the system's 255 bytes, cut
    at a word."""
    practice_id = slugify(title)
    if len(practice_id) > MAX_ID_LENGTH:
        practice_id = (
            practice_id[: MAX_ID_LENGTH + 1].rsplit("-", 1)[0] or practice_id[:MAX_ID_LENGTH]
        )
    if practice_id in RESERVED_IDS[PRACTICES_DIR][0] or device(practice_id):
        practice_id += "-practica"  # «Index», «Con»: names the site or Windows keep for itself
    return practice_id


def _say_next_steps(practice_id: str, taxonomy: Taxonomy | None, *, summary_left: bool) -> None:
    """What the author does next with the new practice, and where to see it; the summary only
    when it still holds the placeholder."""
    to_write = "el resumen y las cuatro secciones" if summary_left else "las cuatro secciones"
    print(
        f"Siguiente paso: completa {to_write}, revisa con «python -m generator check» y cambia "
        "«estado» a «publicada» cuando esté lista."
    )
    print(
        "Para verla mientras escribes: ejecuta «make serve» (o «python -m generator serve») y "
        f"abre {ONLINE.preview_url(paths.practice(practice_id))}; los borradores se ven ahí, "
        "marcados «Borrador»."
    )
    if taxonomy:
        print(f"Servicios posibles: {', '.join(taxonomy.servicios)}.")
        print(f"Públicos posibles: {', '.join(taxonomy.publicos)}.")


# --- centers ----------------------------------------------------------------------------


def center_text(*, name: str, commune: str, region: str, operator: str, source: str) -> str:
    """A new center profile in canonical form, still without milestones; without a state,
    which only a source may give, with its date (models.CenterState)."""
    data = {
        "nombre": name,
        "comuna": commune,
        "region": region,
        "operador": operator,
        "hitos": [],
        "fuente": source,
    }
    return canonical.render(data, Center)


def _center_problems(loaded: CheckedContent, rel: str, text: str) -> list[Problem]:
    """What keeps one center profile from being read, then the rules that concern it alone."""
    with _alone(rel, text) as (scratch, path):
        return new_center_problems(loaded, scratch, path)


def new_center(
    root: Path, values: Mapping[str, str | None], *, interactive: bool, ask: Ask = input
) -> int:
    loaded = check_content(root)
    taxonomy, network = loaded.taxonomy, loaded.network
    regions = ", ".join(taxonomy.data.regiones) if taxonomy else ""
    sources = list(network.data.fuentes) if network else []
    operator = network.data.operador.nombre if network else None
    questions = [
        Question("id", "Clave del centro (minúsculas y guiones, por ejemplo «los-angeles»)"),
        Question("nombre", "Nombre del centro"),
        Question("comuna", "Comuna"),
        Question("region", f"Clave de la región ({regions})"),
        Question("operador", "Institución que opera el centro", operator),
        Question("fuente", "Clave de la fuente de los datos", sources[0] if sources else None),
    ]
    made = _make(_new_center(root, loaded), values, questions, interactive=interactive, ask=ask)
    if made is None:
        return EXIT_INVALID
    rel, answered = made
    source = answered.values["fuente"]
    print(f"Creado {rel}.")
    print(
        f"Revisa que los datos vengan de la fuente «{source}»; agrega los «hitos» del centro y "
        "revisa con «python -m generator check». Cada hito es así:\n"
        "  - fecha: 2021-03\n    evento: Comienza a atender en su oficina.\n"
        f"    fuente: {source}"
    )
    return EXIT_OK


def _new_center(root: Path, loaded: CheckedContent) -> NewFile:
    """A new center profile from the answers; an answer not given yet stands in as a valid one."""
    taxonomy, network = loaded.taxonomy, loaded.network
    stand_in = {
        "nombre": "Centro nuevo",
        "comuna": "Comuna",
        "region": next(iter(taxonomy.data.regiones), "") if taxonomy else "",
        "operador": network.data.operador.nombre if network else "",
        "fuente": next(iter(network.data.fuentes), "") if network else "",
    }

    def place(answers: Mapping[str, str]) -> tuple[str, str]:
        center_id = answers.get("id", "")
        rel = f"{CENTERS_DIR}/{center_id}.yml"
        if not SLUG_RE.match(center_id):
            return rel, f"«{center_id}» no sirve como clave del centro: {SLUG_HINT}."
        if center_id in RESERVED_IDS[CENTERS_DIR][0] or device(center_id):
            return rel, (
                f"«{center_id}» no sirve como clave del centro: es un nombre que el sitio o "
                "Windows usan para otra cosa."
            )
        return rel, _taken(root, rel, "otra clave")

    def text(answers: Mapping[str, str]) -> str:
        given = {**stand_in, **{k: v for k, v in answers.items() if v}}
        return center_text(
            name=given["nombre"],
            commune=given["comuna"],
            region=given["region"],
            operator=given["operador"],
            source=given["fuente"],
        )

    def problems(rel: str, text: str) -> list[Problem]:
        return _center_problems(loaded, rel, text)

    return NewFile("centro", "id", root, place, text, problems)


# --- both -------------------------------------------------------------------------------

FRESH_DRAFT = frozenset({"borrador", "borrador-incompleto"})  # the next steps say these


@dataclass(frozen=True)
class NewFile:
    """How the answers make a new file, so that each answer is checked as it is given: where
    the file goes (or why it cannot), its text, and what `check` says of it."""

    kind: str  # as the command names it: practica, centro
    naming: str  # the answer that names the file
    root: Path
    place: Callable[[Mapping[str, str]], tuple[str, str]]  # (rel, why not there; "" if fine)
    text: Callable[[Mapping[str, str]], str]
    problems: Callable[[str, str], list[Problem]]

    def check(self, name: str, answers: Mapping[str, str]) -> tuple[list[str], list[str]]:
        """What is wrong with the answer to `name` (errors, warnings), in `check`'s words: the
        problems at the lines it writes."""
        rel, refused = self.place(answers)
        if refused:
            return ([refused], []) if name == self.naming else ([], [])
        text = self.text(answers)
        keys = _line_keys(text)
        return _messages([p for p in self.problems(rel, text) if keys.get(p.line) == name])

    def write(self, answered: Filled) -> str | None:
        """The file written (its path), or None after saying why not."""
        rel, refused = self.place(answered.values)
        if refused:
            _error(refused)
            return None
        text = self.text(answered.values)
        problems = self.problems(rel, text)
        if not _write_if_valid(self.root, rel, text, problems):
            return None
        say(_messages(problems)[1], "aviso", set(answered.warned))
        return rel


def _make(
    new: NewFile,
    values: Mapping[str, str | None],
    questions: Sequence[Question],
    *,
    interactive: bool,
    ask: Ask,
) -> tuple[str, Filled] | None:
    """The new file from the values and the answers; what was typed is given back when the
    questions are interrupted or the file cannot be written."""
    try:
        answered = fill_in(values, questions, interactive=interactive, ask=ask, check=new.check)
    except Interrupted as stop:
        _give_back(new, stop.typed)
        raise KeyboardInterrupt from None
    rel = new.write(answered)
    if rel is None and interactive:
        _give_back(new, answered.values)
    return None if rel is None else (rel, answered)


def _taken(root: Path, rel: str, other: str) -> str:
    """Why nothing is written at `rel` when a file is there ("" when none)."""
    if not (root / rel).exists():
        return ""
    return f"ya existe {rel} y no se sobrescribe. Edita ese archivo o elige {other}."


def _give_back(new: NewFile, typed: Mapping[str, str]) -> None:
    if typed:
        print(
            "No se creó nada. Para seguir con lo que escribiste, ejecuta:\n  "
            + resume_command(new.kind, typed, new.root),
            file=sys.stderr,
        )


def _messages(problems: Sequence[Problem]) -> tuple[list[str], list[str]]:
    """(errors, warnings) as `new` says them; not the warnings every new draft has."""
    said = {p: f"{p.message} ({p.code})" for p in problems if p.code not in FRESH_DRAFT}
    return (
        [text for p, text in said.items() if p.severity == "error"],
        [text for p, text in said.items() if p.severity == "warning"],
    )


def _line_keys(text: str) -> dict[int, str]:
    """The top key each line of a canonical header (or YAML file) belongs to, by number."""
    lines = text.split("\n")
    front = lines[0] == "---"
    keys, key = {}, ""
    for number, line in enumerate(lines[front:], start=1 + front):
        if front and line == "---":
            break
        if match := re.match(r"([A-Za-z_]\w*):", line):
            key = match.group(1)
        keys[number] = key
    return keys


def _write_if_valid(root: Path, rel: str, text: str, problems: list[Problem]) -> bool:
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        print(f"No se creó {rel}:", file=sys.stderr)
        for problem in errors:
            _error(f"{problem.message} ({problem.code})")
        return False
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return True


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
