"""Write a valid, realistic synthetic repository tree of a given size, for scale tests.

Everything comes from `random.Random(seed)` and the word lists below, so one seed gives a
byte-identical tree. The tree says it is synthetic wherever a reader could take it for real:
center descriptions, result sources, the network file and its source page.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml
from pydantic import ValidationError

from generator.content.loader import TAXONOMY_FILE
from generator.content.models import Taxonomy
from generator.devtools.synth_practices import (
    CenterRow,
    PracticeWriter,
    flow,
    quote,
    themes,
)
from generator.devtools.synth_words import COMMUNES
from generator.text import slugify

MANIFEST = ".red-de-centros-synth"
SOURCE = "datos-sinteticos"
SOURCE_PAGE = "fuente-datos-sinteticos"
OPERATOR = "Codesser"
# The taxonomy is this project's own (the same terms as the real site): synth reads it.
PROJECT = Path(__file__).resolve().parents[2]


class SynthError(Exception):
    """The tree cannot be written; the message is for the user, in Spanish."""


# --- files ---------------------------------------------------------------------------------


def project_taxonomy() -> tuple[str, Taxonomy]:
    """This project's content/taxonomia.yml, as text and as the model the loader checks."""
    path = PROJECT / TAXONOMY_FILE
    try:
        text = path.read_text(encoding="utf-8")
        return text, Taxonomy.model_validate(yaml.safe_load(text))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise SynthError(f"No se pudo leer la taxonomía del proyecto ({path}): {error}") from None


def network_yaml(centers: int) -> str:
    return f"""\
# Red sintética para pruebas de escala: ningún dato de este árbol describe la red real.
nombre: Red sintética de Centros de Negocios
descripcion: >-
  Árbol de contenido sintético, generado con `python -m generator synth` para medir y probar
  el sitio a escala. Los centros, las prácticas y sus resultados no son reales.
operador:
  nombre: {OPERATOR}
  descripcion: Operador de los centros en este árbol sintético.
  fuente: {SOURCE}
programa:
  nombre: Centros de Negocios Sercotec
  fuente: {SOURCE}
coordinacion:
  nombre: Coordinación sintética
  cargo: Coordinación nacional (dato sintético)
  fuente: {SOURCE}
centros_declarados:
  valor: {centers}
  fecha: 2026-01
  fuente: {SOURCE}
  nota: Tantos centros como perfiles generados.
meta:
  valor: {centers + max(1, centers // 4)}
  fecha: 2027
  fuente: {SOURCE}
evolucion:
  - valor: {max(1, centers // 2)}
    fecha: 2020-01
    fuente: {SOURCE}
  - valor: {centers}
    fecha: 2026-01
    fuente: {SOURCE}
fuentes:
  {SOURCE}:
    titulo: Datos sintéticos para pruebas de escala
    fecha: 2026
    descripcion: Generados por el comando synth del generador; no vienen de ninguna fuente real.
    pagina: {SOURCE_PAGE}
"""


PAGES = {
    "acerca": """\
---
titulo: Acerca de este árbol sintético
descripcion: Un sitio de prueba con centros y prácticas generados al azar.
orden: 10
---

Este sitio se generó con `python -m generator synth` para medir el generador a escala.
Los centros, las prácticas, los contactos y los resultados son **sintéticos**: combinan
frases y listas de palabras, y no describen a ningún centro ni a ninguna pyme real.

Las prácticas se ordenan en cinco de las áreas en que trabajan los centros: vinculación con
el ecosistema, mejora continua de los procesos productivos y de gestión, digitalización de
los negocios, aplicación de herramientas de innovación y sustentabilidad.

El origen de los datos se explica en [la página de la fuente](fuente-datos-sinteticos.md).
""",
    "contribuir": """\
---
titulo: Cómo contribuir
descripcion: Cómo proponer una buena práctica o actualizar el perfil de un centro.
orden: 20
---

Cada práctica es un archivo de texto en la carpeta `practices/`, con un encabezado de datos
y cuatro secciones: **Contexto**, **Qué hicimos**, **Resultados** y **Cómo replicarla**.
Revisa tus cambios con `python -m generator check`: cada problema dice el archivo, la línea
y cómo arreglarlo.

En este árbol sintético no tiene sentido contribuir: se vuelve a generar entero.
""",
    SOURCE_PAGE: """\
---
titulo: "Fuente: datos sintéticos"
descripcion: De dónde vienen los datos de este árbol de prueba.
orden: 90
---

Todos los datos de este árbol los generó el comando `synth` a partir de una semilla.
Nadie midió los resultados que muestran las prácticas; los nombres de los centros dicen
«Sintético» para que nadie los confunda con centros reales.
""",
}


def center_yaml(
    rng: random.Random, number: str, region: str, commune: tuple[str, float, float]
) -> str:
    name, lat, lon = commune
    status = rng.choices(("activo", "en-instalacion", "cerrado"), (90, 7, 3))[0]
    founded = rng.randrange(2010, 2025)
    lines = [
        f"nombre: {quote(f'Centro Sintético {number} – {name}')}",
        f"comuna: {quote(name)}",
        f"region: {region}",
        f"operador: {OPERATOR}",
        # A state only with its date and source (models.CenterState).
        "estado:",
        f"  valor: {status}",
        f"  fecha: {founded}",
        f"  fuente: {SOURCE}",
        f"fuente: {SOURCE}",
        "descripcion: >-",
        "  Perfil sintético generado para pruebas de escala: no describe un centro real. Atiende",
        f"  a pymes, emprendedores y comerciantes de {name}.",
        "hitos:",
        f"  - fecha: {founded}",
        "    evento: Comenzó su funcionamiento (dato sintético).",
        f"    fuente: {SOURCE}",
    ]
    if rng.random() < 0.5:
        lines += [
            f"  - fecha: {founded + rng.randrange(1, 3)}-{rng.randrange(1, 13):02d}",
            "    evento: Renovó su adjudicación por cinco años (dato sintético).",
        ]
    lines += [
        "coordenadas:",
        f"  lat: {lat + rng.uniform(-0.02, 0.02):.4f}",
        f"  lon: {lon + rng.uniform(-0.02, 0.02):.4f}",
        "servicios: " + flow(rng.choice((["capacitacion", "asesoria"], ["asesoria"]))),
    ]
    if rng.random() < 0.6:
        lines += [
            "contacto:",
            f"  nombre: Equipo del Centro Sintético {number}",
            f"  correo: centro{number}@example.org",
            f'  telefono: "+56 9 {rng.randrange(1000, 10000)} {rng.randrange(1000, 10000)}"',
            f"  web: https://example.org/centros/{number}",
        ]
    return "\n".join(lines) + "\n"


def synthesize(centers: int, practices: int, seed: int) -> dict[str, str]:
    """Relative path -> text of every file of the tree."""
    if centers < 1 or practices < 0:
        raise SynthError("Se necesita al menos un centro y un número de prácticas no negativo.")
    rng = random.Random(seed)
    taxonomy_text, taxonomy = project_taxonomy()
    files = {
        TAXONOMY_FILE: taxonomy_text,
        "content/red.yml": network_yaml(centers),
    }
    files |= {f"content/paginas/{name}.md": text for name, text in PAGES.items()}
    width = max(3, len(str(centers)))
    regions = list(COMMUNES)
    order = list(range(len(regions)))
    rng.shuffle(order)
    center_rows: list[CenterRow] = []
    for index in range(centers):
        region_key = regions[order[index % len(order)]]
        region_name = taxonomy.regiones[region_key].nombre
        commune = rng.choice(COMMUNES[region_key])
        number = f"{index + 1:0{width}d}"
        center_id = f"sintetico-{number}-{slugify(commune[0])}"
        files[f"centers/{center_id}.yml"] = center_yaml(rng, number, region_key, commune)
        center_rows.append(CenterRow(center_id, number, commune[0], region_name))
    practice_themes = themes(rng, practices, list(taxonomy.areas))
    writer = PracticeWriter(rng, taxonomy, center_rows, practice_themes)
    for index, theme in enumerate(practice_themes):
        files[f"practices/{theme.id}.md"] = writer.practice(index)
    return files


def _previous_files(out: Path) -> list[Path]:
    """Files a previous run wrote into `out`; SynthError when `out` holds anything else."""
    if not out.exists():
        return []
    if not out.is_dir():
        raise SynthError(f"«{out}» existe y no es una carpeta.")
    if not any(out.iterdir()):
        return []
    manifest = out / MANIFEST
    if not manifest.is_file():
        raise SynthError(
            f"La carpeta «{out}» no está vacía y no la creó synth: elige una carpeta nueva o "
            "vacía. synth nunca borra archivos que no escribió."
        )
    listed = manifest.read_text(encoding="utf-8").splitlines()[1:]
    return [out / rel for rel in listed if rel and ".." not in rel.split("/")]


def write_tree(out: Path, centers: int, practices: int, seed: int) -> int:
    """Write the tree into `out` (new, empty, or made by synth); the number of files written."""
    files = synthesize(centers, practices, seed)
    for old in _previous_files(out):
        old.unlink(missing_ok=True)
    for folder in ("content/paginas", "centers", "practices"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        (out / rel).write_bytes(text.encode("utf-8"))
    header = f"# synth --centers {centers} --practices {practices} --seed {seed}"
    (out / MANIFEST).write_bytes("\n".join([header, *files]).encode("utf-8") + b"\n")
    return len(files)
