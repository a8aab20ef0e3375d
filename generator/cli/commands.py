"""What each command does once its arguments are read: a `run_…` function per command."""

from __future__ import annotations

import argparse
import gc
import sys

from generator.authoring import formatting, scaffold
from generator.authoring.github_forms import stale_issue_forms, write_issue_forms
from generator.authoring.schemas import stale_schemas, write_schemas
from generator.cli.arguments import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from generator.content import problems as report
from generator.content.pipeline import find_problems
from generator.content.problems import ContentError
from generator.devtools.synth import SynthError, write_tree
from generator.publish import sitedir
from generator.publish.offline import DEFAULT_DIR as OFFLINE_DIR
from generator.publish.settings import RunSettings
from generator.text import plural, writes_unicode


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
    from generator.parallel import ChildFailed
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
    except (EngineError, SearchError, ChildFailed) as error:
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
