"""Command line: `python -m generator check|build|serve|new|synth`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import problems as report
from generator.pipeline import check

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


def build_parser() -> argparse.ArgumentParser:
    parser = SpanishParser(
        prog="python -m generator", description="Red de Centros: valida y publica el sitio."
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=SpanishParser)

    check_cmd = commands.add_parser("check", help="valida el contenido")
    check_cmd.add_argument("--root", type=_root, default=Path.cwd(), help="carpeta del repositorio")
    check_cmd.add_argument("--format", choices=("text", "github", "json"), default="text")
    check_cmd.set_defaults(func=run_check)
    return parser


def run_check(args: argparse.Namespace) -> int:
    _, problems = check(args.root)
    if args.format == "json":
        print(report.format_json(problems))
    elif args.format == "github":
        output = report.format_github(problems)
        if output:
            print(output)
        print(report.summary(problems), file=sys.stderr)
    else:
        print(report.format_text(problems))
    return EXIT_INVALID if report.has_errors(problems) else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("Interrumpido.", file=sys.stderr)
        return 130
