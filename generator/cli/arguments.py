"""What each command takes: the root parser, a subparser per command (each added by its own
function), the checks of their values, and the exit codes."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from generator import addresses as paths
from generator.authoring.schemas import SCHEMAS_DIR
from generator.engines import DEFAULT_ENGINE, ENGINES

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class SpanishParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error de uso: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _root(value: str) -> Path:
    path = Path(value).resolve()
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"«{value}» no es una carpeta")
    return path


def _count(minimum: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = minimum - 1
        if number < minimum:
            raise argparse.ArgumentTypeError(f"«{value}» no es un número entero ≥ {minimum}")
        return number

    return parse


def _address(value: str) -> str:
    """`serve`'s HOST:PORT, checked here: MkDocs would stop without a word, or with a
    traceback for a port out of range."""
    host, _, port = value.rpartition(":")
    try:
        if host != "localhost":
            ipaddress.ip_address(host.removeprefix("[").removesuffix("]"))
        valid = port.isdigit() and 0 < int(port) < 65536
    except ValueError:
        valid = False
    if not valid:
        raise argparse.ArgumentTypeError(
            f"«{value}» no es una dirección con puerto: escribe una IP (o localhost), «:» y un "
            "puerto entre 1 y 65535, por ejemplo 127.0.0.1:8001"
        )
    return value


def _add_root(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--root", type=_root, default=Path.cwd(), metavar="CARPETA", help="carpeta del repositorio"
    )


# The subparsers of the root parser, where each command adds its own.
Commands: TypeAlias = "argparse._SubParsersAction[SpanishParser]"


def build_parser() -> argparse.ArgumentParser:
    """The root parser and one subparser per command, each added by its own function; `main`
    then runs the command by its name (`RUN`)."""
    parser = SpanishParser(
        prog="python -m generator", description="Red de Centros: valida y publica el sitio."
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMANDO", required=True, parser_class=SpanishParser
    )
    commands.help = "uno de estos:"
    for add_command in (
        _add_check,
        _add_build,
        _add_serve,
        _add_synth,
        _add_new,
        _add_schemas,
        _add_issue_form,
        _add_format,
        _add_from_issue,
    ):
        add_command(commands)
    return parser


def _add_check(commands: Commands) -> None:
    command = commands.add_parser("check", help="valida el contenido")
    _add_root(command)
    command.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text (por omisión), github (notas en la solicitud de cambio) o json",
    )


def _add_build(commands: Commands) -> None:
    command = commands.add_parser("build", help="valida y construye el sitio")
    _add_root(command)
    command.add_argument(
        "--site-dir", type=Path, metavar="CARPETA", help="carpeta del sitio (por omisión, site/)"
    )
    command.add_argument("--drafts", action="store_true", help="incluye los borradores")
    # Kept for the workflows that pass it: the engine always runs strict (EngineJob.strict),
    # and the content's warnings (check's «aviso») are printed and never stop a build.
    command.add_argument(
        "--strict",
        action="store_true",
        help="no cambia nada: la construcción siempre se detiene ante un aviso del motor del "
        "sitio (MkDocs o Zensical); los avisos del contenido (los de check) se muestran y no "
        "la detienen",
    )
    command.add_argument(
        "--offline",
        action="store_true",
        help="sitio que funciona abierto desde el disco, y su .zip (por omisión, site-offline/)",
    )
    _add_engine(command)


def _add_engine(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--engine",
        choices=ENGINES,
        default=DEFAULT_ENGINE,
        help="motor del sitio: mkdocs (MkDocs + Material, por omisión) o zensical",
    )


def _add_serve(commands: Commands) -> None:
    command = commands.add_parser("serve", help="vista previa con recarga automática")
    _add_root(command)
    command.add_argument(
        "--dev-addr",
        type=_address,
        default=paths.PREVIEW_ADDRESS,
        metavar="DIRECCIÓN",
        help=f"dirección y puerto (por omisión, {paths.PREVIEW_ADDRESS})",
    )
    _add_engine(command)


def _add_synth(commands: Commands) -> None:
    command = commands.add_parser("synth", help="escribe un repositorio sintético de prueba")
    command.add_argument(
        "--centers", type=_count(1), required=True, metavar="N", help="número de centros"
    )
    command.add_argument(
        "--practices", type=_count(0), required=True, metavar="N", help="número de prácticas"
    )
    command.add_argument(
        "--out", type=Path, required=True, metavar="CARPETA", help="carpeta nueva o vacía"
    )
    command.add_argument("--seed", type=int, default=1, metavar="N", help="semilla (por omisión 1)")


def _add_new(commands: Commands) -> None:
    command = commands.add_parser("new", help="crea una práctica o un centro nuevo")
    kinds = command.add_subparsers(
        dest="kind", metavar="QUÉ", required=True, parser_class=SpanishParser
    )
    practice = kinds.add_parser("practica", help="crea practices/<título>.md")
    practice.add_argument("--titulo", help="título de la práctica")
    practice.add_argument("--centro", help="clave del centro, p. ej. talca")
    practice.add_argument("--areas", help="claves separadas por comas, p. ej. digitalizacion")
    practice.add_argument("--resumen", help="una o dos frases")
    center = kinds.add_parser("centro", help="crea centers/<id>.yml")
    center.add_argument("--id", help="clave del centro, p. ej. los-angeles")
    center.add_argument("--nombre", help="nombre del centro")
    center.add_argument("--comuna", help="comuna del centro")
    center.add_argument("--region", help="clave de la región, p. ej. maule")
    center.add_argument("--operador", help="institución que lo opera (por omisión, la de la red)")
    center.add_argument("--fuente", help="clave de la fuente en content/red.yml")
    _add_root(practice)
    _add_root(center)


def _add_schemas(commands: Commands) -> None:
    command = commands.add_parser("schemas", help="escribe los JSON Schema de los editores")
    command.add_argument(
        "--out", type=Path, default=Path(SCHEMAS_DIR), metavar="CARPETA", help="carpeta"
    )
    command.add_argument("--check", action="store_true", help="solo revisa que estén al día")


def _add_issue_form(commands: Commands) -> None:
    command = commands.add_parser("issue-form", help="escribe los formularios de GitHub")
    _add_root(command)
    command.add_argument("--check", action="store_true", help="solo revisa que estén al día")


def _add_format(commands: Commands) -> None:
    command = commands.add_parser(
        "format",
        help="escribe los archivos de contenido en su forma canónica",
        description="Ordena las claves como el modelo, escribe las listas una por línea y usa "
        "comillas solo donde YAML las necesita; conserva los comentarios.",
    )
    command.add_argument(
        "--check", action="store_true", help="solo revisa; no cambia ningún archivo"
    )
    _add_root(command)
    command.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="ARCHIVO",
        help="archivos de contenido (por omisión, todos los del repositorio)",
    )


def _add_from_issue(commands: Commands) -> None:
    command = commands.add_parser(
        "from-issue",
        help="convierte un formulario de GitHub respondido en una práctica o una réplica",
        description="Lee el texto de un issue creado con uno de los formularios de GitHub y "
        "escribe la práctica nueva o agrega la réplica a su práctica. Sale con 0 si lo escrito "
        "es válido, 1 si hay que corregir el formulario (y no escribe nada), 2 si el texto no "
        "es de ese formulario.",
    )
    command.add_argument(
        "--form",
        choices=("practica", "replica"),
        required=True,
        metavar="FORMULARIO",
        help="practica (proponer una práctica) o replica (registrar que un centro adoptó "
        "una práctica)",
    )
    command.add_argument(
        "body_file", type=Path, metavar="TEXTO", help="archivo con el texto del issue"
    )
    _add_root(command)
