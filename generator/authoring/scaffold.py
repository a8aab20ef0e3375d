"""`python -m generator new`: write a new practice or center file that is valid as written.

The new file is checked with the same models and rules as `check` before it is written, so
an unknown center, area or region is refused with the very message `check` would print.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.authoring import canonical
from generator.content.filenames import device
from generator.content.linkcheck import check_links
from generator.content.loader import (
    CENTERS_DIR,
    PRACTICES_DIR,
    RESERVED_IDS,
    LoadedContent,
    Loader,
    PracticeContext,
    load_entries,
    load_practices,
)
from generator.content.messages import SLUG_HINT
from generator.content.models import (
    REQUIRED_SECTIONS,
    SLUG_RE,
    Center,
    PracticeMeta,
    Taxonomy,
)
from generator.content.problems import Problem
from generator.content.rules import Rules, check_center
from generator.content.unfinished import SECTION_GUIDANCE, SUMMARY_PLACEHOLDER
from generator.site import urls
from generator.text import slugify

EXIT_OK, EXIT_INVALID = 0, 1


Ask = Callable[[str], str]


class MissingArguments(Exception):
    """Required values are missing and there is no terminal to ask for them (usage error)."""


@dataclass(frozen=True)
class Question:
    name: str  # the argument, e.g. "titulo" for --titulo
    prompt: str
    default: str | None = None


@dataclass(frozen=True)
class Filled:
    values: dict[str, str]
    defaulted: frozenset[str]  # the names that took their question's default: nobody typed them


def fill_in(
    values: Mapping[str, str | None],
    questions: Sequence[Question],
    *,
    interactive: bool,
    ask: Ask = input,
) -> Filled:
    """Ask for each missing value in a terminal; without one, missing required values fail."""
    filled = {k: v for k, v in values.items() if v}
    missing = [q for q in questions if not filled.get(q.name)]
    if not interactive:
        required = [q.name for q in missing if q.default is None]
        if required:
            names = ", ".join(f"--{name}" for name in required)
            verb, them = ("falta", "lo") if len(required) == 1 else ("faltan", "los")
            raise MissingArguments(
                f"{verb} {names}. Escríbe{them} en el comando, por ejemplo --{required[0]} "
                f'"...", o ejecútalo en una terminal para que te {them} pregunte.'
            )
    defaulted = set()
    for question in missing:
        answer = ""
        suffix = f" [{question.default}]" if question.default else ""
        while not answer:
            answer = ask(f"{question.prompt}{suffix}: ").strip() if interactive else ""
            if not answer and question.default:
                answer = question.default
                defaulted.add(question.name)
        filled[question.name] = answer
    return Filled(filled, frozenset(defaulted))


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


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
    root: Path, rel: str, text: str, loaded: LoadedContent | None = None
) -> list[Problem]:
    """What `check` would say about `text` at `rel`, before it is written: the loader's own
    checks of one practice, on a copy in a temporary folder, against the repository's files
    (`loaded`, when the caller has loaded them already)."""
    loaded = loaded or load_entries(root)
    context = PracticeContext(
        taxonomy=loaded.taxonomy.data if loaded.taxonomy else None,
        centers=frozenset(loaded.center_ids),
        practices=frozenset(loaded.practice_ids | {Path(rel).stem}),
    )
    with _alone(rel, text) as (scratch, path):
        batch = load_practices(scratch, context, [path], keep_entries=False)
    site = loaded.linkable.with_practice(Path(rel).stem)
    return batch.problems + check_links(batch.bodies, site, loaded.sections | batch.sections)


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
    loaded = load_entries(root)
    taxonomy, centers = loaded.taxonomy, loaded.centers
    all_areas = list(taxonomy.data.areas) if taxonomy else []
    centers_hint = ", ".join(centers)
    areas_hint = ", ".join(all_areas)
    answered = fill_in(
        values,
        [
            Question("titulo", "Título de la práctica"),
            Question("centro", f"Clave de tu centro ({centers_hint})"),
            Question("areas", f"Áreas, separadas por comas ({areas_hint})", all_areas[0]),
            Question("resumen", "Resumen en una o dos frases", SUMMARY_PLACEHOLDER),
        ],
        interactive=interactive,
        ask=ask,
    )
    fields = answered.values
    practice_id = practice_id_for(fields["titulo"])
    if not practice_id:
        _error("el título necesita letras o números para formar el nombre del archivo.")
        return EXIT_INVALID
    rel = f"{PRACTICES_DIR}/{practice_id}.md"
    if (root / rel).exists():
        _error(f"ya existe {rel} y no se sobrescribe. Edita ese archivo o elige otro --titulo.")
        return EXIT_INVALID
    text = practice_text(
        title=fields["titulo"],
        center=fields["centro"],
        areas=split_list(fields["areas"]),
        summary=fields["resumen"],
        date=today or dt.date.today(),
    )
    if not _write_if_valid(root, rel, text, practice_problems(root, rel, text, loaded)):
        return EXIT_INVALID
    print(f"Creado {rel} (estado: borrador).")
    if "areas" in answered.defaulted:
        print(f"Revisa «areas»: se puso «{fields['areas']}» porque no indicaste otra.")
    summary_left = fields["resumen"] == SUMMARY_PLACEHOLDER
    _say_next_steps(practice_id, taxonomy.data if taxonomy else None, summary_left=summary_left)
    return EXIT_OK


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
        f"abre {urls.preview_url(urls.practice(practice_id))}; los borradores se ven ahí, "
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


def _center_problems(loaded: LoadedContent, rel: str, text: str) -> list[Problem]:
    """The loader's checks of one center profile, then the rules that concern it alone."""
    with _alone(rel, text) as (scratch, path):
        loader = Loader(scratch)
        center = loader.yaml_entry(path, Center, "Un perfil de centro")
    if center is None:
        return loader.problems
    rules = Rules(loader.problems)
    check_center(
        rules,
        center,
        loaded.taxonomy.data if loaded.taxonomy else None,
        loaded.network.data if loaded.network else None,
    )
    return rules.problems


def new_center(
    root: Path, values: Mapping[str, str | None], *, interactive: bool, ask: Ask = input
) -> int:
    loaded = load_entries(root)
    taxonomy, network = loaded.taxonomy, loaded.network
    regions = ", ".join(taxonomy.data.regiones) if taxonomy else ""
    sources = list(network.data.fuentes) if network else []
    operator = network.data.operador.nombre if network else None
    fields = fill_in(
        values,
        [
            Question("id", "Clave del centro (minúsculas y guiones, por ejemplo «los-angeles»)"),
            Question("nombre", "Nombre del centro"),
            Question("comuna", "Comuna"),
            Question("region", f"Clave de la región ({regions})"),
            Question("operador", "Institución que opera el centro", operator),
            Question("fuente", "Clave de la fuente de los datos", sources[0] if sources else None),
        ],
        interactive=interactive,
        ask=ask,
    ).values
    center_id = fields["id"]
    if not SLUG_RE.match(center_id):
        _error(f"«{center_id}» no sirve como clave del centro: {SLUG_HINT}.")
        return EXIT_INVALID
    if center_id in RESERVED_IDS[CENTERS_DIR][0] or device(center_id):
        _error(
            f"«{center_id}» no sirve como clave del centro: es un nombre que el sitio o Windows "
            "usan para otra cosa."
        )
        return EXIT_INVALID
    rel = f"{CENTERS_DIR}/{center_id}.yml"
    if (root / rel).exists():
        _error(f"ya existe {rel} y no se sobrescribe. Edita ese archivo o elige otra --id.")
        return EXIT_INVALID
    text = center_text(
        name=fields["nombre"],
        commune=fields["comuna"],
        region=fields["region"],
        operator=fields["operador"],
        source=fields["fuente"],
    )
    if not _write_if_valid(root, rel, text, _center_problems(loaded, rel, text)):
        return EXIT_INVALID
    print(f"Creado {rel}.")
    print(
        f"Revisa que los datos vengan de la fuente «{fields['fuente']}»; agrega los «hitos» "
        "del centro y revisa con «python -m generator check». Cada hito es así:\n"
        "  - fecha: 2021-03\n    evento: Comienza a atender en su oficina.\n"
        f"    fuente: {fields['fuente']}"
    )
    return EXIT_OK


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
