"""Form replies speak the form's language: every field of each form, left empty, written wrong
and written too long, gets the exact reply in tests/golden/forms/<form>.yml, which names the
field by its label and never shows a file, a line of a file or a key of the file.

Refresh after a deliberate change with `pytest tests/test_form_replies.py --update-goldens`
and read the diff.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest
import yaml

from generator.authoring import form_reply
from generator.authoring.from_issue import from_issue
from generator.authoring.github_forms import FormName, form_fields
from generator.content.models import PracticeMeta, Replica, Result, TeamRole
from generator.content.unfinished import SECTION_GUIDANCE, SUMMARY_PLACEHOLDER

from .conftest import PUBLISHED_PRACTICE, create_repo
from .issuebodies import MINIMAL_PRACTICE, github_body

GOLDEN = Path(__file__).parent / "golden" / "forms"
Answers = Mapping[str, str | Sequence[str]]
TOO_LONG = "palabra " * 70_000  # 547 KB: more than a whole file may weigh

VALID: dict[FormName, Answers] = {
    "practica": {
        **MINIMAL_PRACTICE,
        "servicios": ["capacitacion"],
        "publicos": ["pyme"],
        "etiquetas": "precios, talleres",
        "resultados": "Almaceneros que participaron | 12 | Registro de asistencia del centro",
        "equipo": "Asesor | 2",
        "tiempo-preparacion": "2 semanas",
        "tiempo-duracion": "1 mes",
        "costo": "sin costo",
        "materiales": "Proyector",
        "dificultad": "baja",
        "contacto-nombre": "Equipo del centro",
        "contacto-cargo": "Asesoría",
        "contacto-correo": "equipo@ejemplo.cl",
        "contacto-telefono": "+56 9 1234 5678",
        "contacto-web": "https://ejemplo.cl",
        "seccion-resultados": "Se midió la asistencia.",
    },
    "replica": {
        "practica": "diagnostico",
        "centro": "osorno",
        "fecha": "2021-09-01",
        "nota": "Lo adaptamos a ferias rurales.",
        "resultados": "Almacenes diagnosticados | 14 | Planilla del centro | 2021-12-01",
    },
}

# One wrong answer per field: a new field of a form without one here fails the test.
MALFORMED: dict[FormName, Answers] = {
    "practica": {
        "titulo": "¡¡ !!",
        "resumen": SUMMARY_PLACEHOLDER,
        "centro": "Centro inventado (atlantida)",
        "areas": "- [X] Turismo (turismo)\n- [ ] Sustentabilidad (sustentabilidad)",
        "fecha": "30/04/2021",
        "servicios": "- [X] Mentoría (mentoria)",
        "publicos": "- [X] Pymes (pymes)\n- [X] Pymes (pyme)\n- [X] Pymes (pyme)",
        "etiquetas": "ferias, talleres, ferias",
        "seccion-contexto": SECTION_GUIDANCE["Contexto"],
        "seccion-que-hicimos": "Invitamos <script>alert(1)</script> a 30 almacenes.",
        "seccion-resultados": "Ver la [otra práctica](otra-practica.md).",
        "seccion-como-replicarla": "Una foto: ![toldo](https://ejemplo.com/toldo.png)",
        "resultados": "Asistentes | 12 | Registro | 30/04/2021\nSolo un indicador",
        "equipo": "Asesor | dos\nCoordinadora | 0",
        "tiempo-preparacion": "dos \u202esemanas",
        "tiempo-duracion": "3\u200b meses",
        "costo": "mucho",
        "materiales": "Toldos\nMesas\u2060 plegables",
        "dificultad": "imposible",
        "contacto-nombre": "Ana \u202eaíraM",
        "contacto-cargo": "Jefa\u00ad de área",
        "contacto-correo": "no-es-correo",
        "contacto-telefono": "+56\u200b 9 1234 5678",
        "contacto-web": "ejemplo.cl",
    },
    "replica": {
        "practica": "diagnostic",
        "centro": "Centro inventado (atlantida)",
        "fecha": "1 de mayo",
        "nota": "Con \u202eserairf",
        "resultados": "Solo un indicador\nVentas | 3 | Registro | 2021-02-30",
    },
}

# What `check` warns of, said in the form's words; the file is written all the same.
WARNINGS: dict[FormName, dict[str, dict[str, str]]] = {
    "practica": {
        "el título de otra práctica": {"titulo": "DIAGNOSTICO de digitalizacion, para almaceneros"},
        "sin resultados medidos, y resultados": {
            "seccion-resultados": "Sin resultados medidos todavía.",
        },
        "una fecha futura": {"fecha": "2099-01-01"},
    },
    "replica": {"una fecha futura": {"fecha": "2099-01-01"}},
}

# What only the adoption form can get wrong, besides each field.
ADOPTIONS: dict[str, dict[str, str]] = {
    "su propio centro": {"centro": "talca"},
    "otra vez el mismo centro": {"centro": "chillan"},
    "antes de la práctica": {"fecha": "2020-01-01"},
    "una práctica de ejemplo": {"practica": "ejemplo"},
    "un borrador": {"practica": "borrador"},
    "desde la dirección de la práctica": {
        "practica": "https://ejemplo.github.io/red/practicas/diagnostico/"
    },
}

FILES = {
    "practices/diagnostico.md": PUBLISHED_PRACTICE.replace(
        "estado: publicada\n",
        "estado: publicada\nreplicas:\n  - centro: chillan\n    fecha: 2021-05-01\n",
    ),
    "practices/ejemplo.md": PUBLISHED_PRACTICE.replace("publicada", "ejemplo"),
    "practices/borrador.md": PUBLISHED_PRACTICE.replace("publicada", "borrador"),
}


def cases(form: FormName) -> dict[str, Answers]:
    found: dict[str, Answers] = {
        "todo bien": VALID[form],
        "todo vacío": {field.id: "" for field in form_fields(form)},
        "todo mal escrito": MALFORMED[form],
    }
    for field in form_fields(form):
        found[f"{field.label}: vacío"] = {**VALID[form], field.id: ""}
        found[f"{field.label}: mal escrito"] = {**VALID[form], field.id: MALFORMED[form][field.id]}
        found[f"{field.label}: demasiado largo"] = {**VALID[form], field.id: TOO_LONG}
    found.update({f"aviso: {k}": {**VALID[form], **v} for k, v in WARNINGS[form].items()})
    if form == "replica":
        found.update({f"adopción: {k}": {**VALID[form], **v} for k, v in ADOPTIONS.items()})
    return found


def replies_to(form: FormName, tmp_path: Path) -> dict[str, str]:
    said = {}
    for number, (name, answers) in enumerate(cases(form).items()):
        root = create_repo(tmp_path / f"repo-{number}", FILES)
        status, rel, problems = from_issue(root, form, github_body(form, answers))
        assert (status == 0) == all(p.warning for p in problems), name
        written = [f"(se escribe {rel})"] if status == 0 else []
        said[name] = "\n".join([*written, form_reply.reply(problems)]).strip()
    return said


@pytest.fixture(scope="module")
def replies(tmp_path_factory: pytest.TempPathFactory) -> Callable[[FormName], dict[str, str]]:
    """What `from-issue` replies to each case of a form, worked out once for the two tests
    that read it (the golden and the words): 6.5 s for «practica»."""
    said: dict[FormName, dict[str, str]] = {}

    def of(form: FormName) -> dict[str, str]:
        if form not in said:
            said[form] = replies_to(form, tmp_path_factory.mktemp(f"respuestas-{form}"))
        return said[form]

    return of


class _Literal(yaml.SafeDumper):
    """Replies of several lines as YAML literal blocks: the golden reads as the reply does."""


_Literal.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    ),
)


def without_answers(line: str, answered: str) -> str:
    """`line` without what the contributor wrote, quoted back: that may hold anything."""

    def blank(quote: re.Match[str]) -> str:
        return "«»" if " ".join(quote.group(1).rstrip("…").split()) in answered else quote.group()

    return re.sub(r"«([^»]*)»", blank, line)


FILE_KEYS = {
    key
    for model in (PracticeMeta, Replica, Result, TeamRole)
    for key in model.model_fields
    if key not in ("fecha", "centro", "nota")  # also plain words of the replies
}


@pytest.mark.parametrize("form", ["practica", "replica"])
def test_each_field_gets_its_exact_reply(
    form: FormName, replies: Callable[[FormName], dict[str, str]], request: pytest.FixtureRequest
) -> None:
    said = replies(form)
    golden = GOLDEN / f"{form}.yml"
    if request.config.getoption("--update-goldens"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(said, Dumper=_Literal, allow_unicode=True, sort_keys=False, width=100)
        golden.write_text(text, encoding="utf-8")
        return
    expected = yaml.safe_load(golden.read_text(encoding="utf-8"))
    assert said == expected


@pytest.mark.parametrize("form", ["practica", "replica"])
def test_replies_speak_the_form_s_words(
    form: FormName, replies: Callable[[FormName], dict[str, str]]
) -> None:
    labels = {field.label for field in form_fields(form)}
    written = {"todo bien", "adopción: desde la dirección de la práctica"}
    written |= {f"{f.label}: vacío" for f in form_fields(form) if not f.required}
    written |= {f"aviso: {k}" for k in WARNINGS[form]}
    every = cases(form)
    # The parts of a line of records: the form's description names them («rol | personas»).
    said_by_form = {k for f in form_fields(form) if f.row_model for k in f.row_model.model_fields}
    for name, reply in replies(form).items():
        assert reply.startswith("(se escribe") == (name in written), (name, reply)
        lines = reply.splitlines()
        if name in written:
            assert (len(lines) > 1) == name.startswith("aviso: "), (name, reply)
            lines = lines[1:]
        if not lines:
            continue
        assert lines[0] in (form_reply.REPLY_HEADER, form_reply.WARNINGS_HEADER), name
        assert len(lines) > 1, name
        headers = (form_reply.REPLY_HEADER, form_reply.WARNINGS_HEADER)
        lines = [line for line in lines if line not in headers]
        answered = " ".join(
            " ".join(a) if isinstance(a, list | tuple) else str(a) for a in every[name].values()
        )
        for line in lines:
            label = re.match(r"- «([^»]+)»: ", line)
            assert label and label.group(1) in labels, (name, line)
            line = without_answers(line, " ".join(answered.split()))
            assert not re.search(r"practices/|\.md\b|\.yml\b|:\d+\b|python -m|check\b", line), line
            assert not re.search(r"\bestado\b|borrador»|repetición", line), line
            keys = {k for k in FILE_KEYS - said_by_form if f"«{k}»" in line or f"«{k}:" in line}
            assert not keys, (name, line)
            assert len(line) < 600, (name, line)  # an answer is never echoed whole


def test_a_title_too_long_never_shows_a_folder(tmp_path: Path) -> None:
    root = create_repo(tmp_path / "repo")
    answers = {**MINIMAL_PRACTICE, "titulo": "a" * 5000}
    status, _, problems = from_issue(root, "practica", github_body("practica", answers))
    [problem] = problems
    assert status == 1 and problem.field is not None and problem.field.label == "Título"
    assert str(tmp_path) not in problem.as_text() and "5.000 caracteres" in problem.as_text()
