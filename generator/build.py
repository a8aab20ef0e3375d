"""Generate the docs tree and build the site with MkDocs; invalid content changes nothing."""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.pipeline import load_valid
from generator.problems import Problem
from generator.site.gitdates import last_commit_dates
from generator.site.render import RenderOptions, edit_base_from_environment, render_docs
from generator.site.view import SiteView
from generator.site.write import replace_tree, swap_in, sync_tree

SOURCE_FOLDERS = ("content", "centers", "practices")
DOCS_DIR = "docs_site"
PLUGIN_NAME = "red-de-centros"


@dataclass(frozen=True)
class GenerateOptions:
    drafts: bool = False
    directory_urls: bool = True
    incremental: bool = False  # preview: touch only changed files


def generate_docs(root: Path, docs_dir: Path, options: GenerateOptions) -> list[Problem]:
    """Load, validate, render and write the docs tree. Raises ContentError; returns warnings."""
    repo, warnings = load_valid(root)
    view = SiteView(repo, drafts=options.drafts, updated=last_commit_dates(root, SOURCE_FOLDERS))
    tree = render_docs(
        view,
        RenderOptions(
            drafts=options.drafts,
            directory_urls=options.directory_urls,
            edit_base=edit_base_from_environment(),
        ),
    )
    if options.incremental:
        sync_tree(tree, docs_dir)
    else:
        replace_tree(tree, docs_dir)
    return warnings


def project_config_file(root: Path) -> Path:
    """The root's own mkdocs.yml, or this project's (for synthetic trees without one)."""
    own = root / "mkdocs.yml"
    if own.is_file():
        return own
    return Path(__file__).resolve().parent.parent / "mkdocs.yml"


def configure_plugin(root: Path, *, drafts: bool, generate: bool) -> None:
    """Tell the MkDocs plugin, for this process, which content to use and whether to render it."""
    from generator.plugin import RedDeCentrosPlugin

    RedDeCentrosPlugin.root = root
    RedDeCentrosPlugin.drafts = drafts
    RedDeCentrosPlugin.generate = generate


def build_site(
    root: Path, site_dir: Path, *, drafts: bool = False, strict: bool = True, generate: bool = True
) -> None:
    """Build into a temporary folder and swap it in; on failure `site_dir` stays as it was.

    With `generate=False` the docs tree must already be written (see `generate_docs`).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = project_config_file(root)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.nuevo-", dir=site_dir.parent))
    try:
        _quiet_mkdocs_logging()
        configure_plugin(root, drafts=drafts, generate=generate)
        config = load_config(
            str(config_file), docs_dir=str(root / DOCS_DIR), site_dir=str(staging), strict=strict
        )
        build(config)
        swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _quiet_mkdocs_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
