"""Command line: `python -m generator check|build|serve|new|synth|…`: what each command takes
(arguments.py, its words in Spanish by spanish.py) and what it does (commands.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from generator.cli.arguments import EXIT_INVALID, build_parser
from generator.cli.commands import (
    run_build,
    run_check,
    run_format,
    run_from_issue,
    run_issue_form,
    run_new,
    run_schemas,
    run_serve,
    run_synth,
)
from generator.cli.spanish import spanish_argparse
from generator.text import os_reason

__all__ = ["build_parser", "describe_os_error", "main", "spanish_argparse"]


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
