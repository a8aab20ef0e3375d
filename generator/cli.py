"""Command line: `python -m generator check|build|serve|new|synth`."""

from __future__ import annotations

import argparse
import gc
import ipaddress
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias

from generator import addresses as paths
from generator.authoring import formatting, scaffold
from generator.authoring.github_forms import stale_issue_forms, write_issue_forms
from generator.authoring.schemas import SCHEMAS_DIR, stale_schemas, write_schemas
from generator.content import problems as report
from generator.content.pipeline import find_problems
from generator.content.problems import ContentError
from generator.devtools.synth import SynthError, write_tree
from generator.engines import DEFAULT_ENGINE, ENGINES
from generator.publish import sitedir
from generator.publish.offline import DEFAULT_DIR as OFFLINE_DIR
from generator.publish.settings import RunSettings
from generator.text import os_reason, plural, writes_unicode

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


# argparse's own words (usage, help, its errors), in Spanish: it looks them up through the
# module's `_` and `ngettext` each time it needs one, so they are swapped while it works.
ARGPARSE_SPANISH = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opciones",
    "show this help message and exit": "muestra esta ayuda y termina",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "«%(value)s» no es una opción válida (elige una de: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "«%(value)s» no es un valor válido",
    "the following arguments are required: %s": "falta indicar: %s",
    "unrecognized arguments: %s": "no se reconoce: %s",
    "expected one argument": "falta su valor",
    "expected at most one argument": "admite a lo sumo un valor",
    "expected at least one argument": "necesita al menos un valor",
    "ambiguous option: %(option)s could match %(matches)s": (
        "%(option)s es ambigua: puede ser %(matches)s"
    ),
    "not allowed with argument %s": "no se puede usar junto con %s",
    "ignored explicit argument %r": "no admite el valor %r",
    "one of the arguments %s is required": "falta uno de estos: %s",
    "unexpected option string: %s": "opción inesperada: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "«%(parser_name)s» no es un comando (elige uno de: %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: error de uso: %(message)s\n",
}


def _spanish(message: str) -> str:
    return ARGPARSE_SPANISH.get(message, message)


def _spanish_plural(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return "necesita %s valor" if count == 1 else "necesita %s valores"
    return singular if count == 1 else plural


@contextmanager
def spanish_argparse() -> Iterator[None]:
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _spanish, _spanish_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


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


def run_check(args: argparse.Namespace) -> int:
    gc.disable()  # a short process: the collector would only rescan what it just loaded
    problems = find_problems(args.root, workers=RunSettings.from_environment(args.root).workers)
    if args.format == "json":  # exact data whatever the locale: escapes where it is not UTF-8
        print(report.format_json(problems, ascii_only=not writes_unicode(sys.stdout)))
    elif args.format == "github":
        output = report.format_github(problems)
        if output:
            print(output)
        print(report.summary(problems), file=sys.stderr)
    else:
        print(report.format_text(problems))
    return EXIT_INVALID if report.has_errors(problems) else EXIT_OK


def run_synth(args: argparse.Namespace) -> int:
    try:
        written = write_tree(args.out, args.centers, args.practices, args.seed)
    except SynthError as error:
        print(f"Error: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(
        f"Escribí {plural(written, 'archivo', 'archivos')} en {args.out}: "
        f"{plural(args.centers, 'centro', 'centros')} y "
        f"{plural(args.practices, 'práctica sintética', 'prácticas sintéticas')} "
        f"(semilla {args.seed})."
    )
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    create = scaffold.new_practice if args.kind == "practica" else scaffold.new_center
    values = {k: v for k, v in vars(args).items() if k not in ("command", "kind", "root")}
    try:
        return create(args.root, values, interactive=scaffold.stdin_is_terminal())
    except scaffold.MissingArguments as error:
        print(f"python -m generator new {args.kind}: error de uso: {error}", file=sys.stderr)
        return EXIT_USAGE


def run_schemas(args: argparse.Namespace) -> int:
    if args.check:
        stale = stale_schemas(args.out)
        for name in stale:
            print(f"{args.out / name} no está al día: ejecuta «python -m generator schemas».")
        return EXIT_INVALID if stale else EXIT_OK
    for path in write_schemas(args.out):
        print(f"Escrito {path}")
    return EXIT_OK


def run_issue_form(args: argparse.Namespace) -> int:
    if args.check:
        stale = stale_issue_forms(args.root)
        for rel in stale:
            print(f"{rel}: ejecuta «python -m generator issue-form».")
        return EXIT_INVALID if stale else EXIT_OK
    for rel in write_issue_forms(args.root):
        print(f"Escrito {rel}")
    return EXIT_OK


def run_format(args: argparse.Namespace) -> int:
    return formatting.run(args.root, args.files, check=args.check)


def run_from_issue(args: argparse.Namespace) -> int:
    from generator.authoring import from_issue

    return from_issue.run(args.root, args.form, args.body_file)


def run_build(args: argparse.Namespace) -> int:
    from generator.engines import EngineError
    from generator.publish.build import build_site
    from generator.publish.search import SearchError

    default_dir = OFFLINE_DIR if args.offline else "site"
    site_dir = (args.site_dir or args.root / default_dir).resolve()
    zip_file = site_dir.with_name(site_dir.name + ".zip") if args.offline else None
    reason = sitedir.refusal(args.root, site_dir, zip_file)
    if reason is not None:
        print(f"python -m generator build: {reason} No se tocó nada.", file=sys.stderr)
        return EXIT_USAGE
    settings = RunSettings.from_environment(
        args.root, engine=args.engine, drafts=args.drafts, offline=args.offline
    )
    try:
        built = build_site(settings, site_dir)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        print(f"No se construyó el sitio: {site_dir} queda como estaba.", file=sys.stderr)
        return EXIT_INVALID
    except (EngineError, SearchError) as error:
        print(f"La construcción falló: {error}", file=sys.stderr)
        print(f"{site_dir} queda como estaba.", file=sys.stderr)
        return EXIT_INVALID
    for warning in built.warnings:
        print(warning.as_text(), file=sys.stderr)
    for note in built.notes:
        print(note, file=sys.stderr)
    print(f"Sitio construido en {site_dir}")
    if args.offline:
        print(
            f"Para abrir sin conexión: {site_dir / 'index.html'} (y {site_dir}.zip para copiarlo)."
        )
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    from generator.publish.preview import serve_preview

    settings = RunSettings.from_environment(args.root, engine=args.engine, drafts=True)
    return serve_preview(settings, args.dev_addr)


# Each command's name, as `build_parser` adds it, and the function that runs it.
RUN: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": run_check,
    "build": run_build,
    "serve": run_serve,
    "synth": run_synth,
    "new": run_new,
    "schemas": run_schemas,
    "issue-form": run_issue_form,
    "format": run_format,
    "from-issue": run_from_issue,
}


def main(argv: list[str] | None = None) -> int:
    with spanish_argparse():
        args = build_parser().parse_args(argv)
    try:
        return RUN[args.command](args)
    except KeyboardInterrupt:
        print("Interrumpido.", file=sys.stderr)
        return 130
    except OSError as error:  # the disk, not the content: nothing was left half-written
        print(f"Error: {describe_os_error(error)}. No se cambió nada más.", file=sys.stderr)
        return EXIT_INVALID


def describe_os_error(error: OSError) -> str:
    """A file-system failure in Spanish, naming the path."""
    reason = os_reason(error)
    paths = [str(p) for p in (error.filename, error.filename2) if p is not None]
    where = " → ".join(f"«{p}»" for p in paths)
    return f"no se pudo leer o escribir {where}: {reason}" if where else reason
