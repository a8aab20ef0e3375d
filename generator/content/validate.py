"""Every rule, in one place: what `check` says of the content beyond what keeps a file from
being read (loader.py only reads).

In this order: each practice's own rules (its body, what is left unfinished, results it
claims, practicerules.py), run as it is read, in the process that reads it (its parse stays
there); each page's body; titles repeated across practices; every link against what the site
publishes; the rules across taxonomy, network and centers (rules.py, networkrules.py).
`check_content` runs
them all for `check` and the build; `new_practice_problems` and `new_center_problems` run a
new file's for `new`, before it is written.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from generator import addresses as paths
from generator.content.bodies import ReadBody, check_body
from generator.content.files import relative
from generator.content.linkcheck import BodyLinks, check_attachment_kinds, check_links
from generator.content.links import Linkable, linkable
from generator.content.loader import (
    EntryCache,
    LoadedFiles,
    Loader,
    PracticeContext,
    load_files,
    practice_vocabulary,
    read_practice,
    text_of,
)
from generator.content.measured import check_no_results_claim
from generator.content.models import Center, Network, PageMeta, PracticeMeta, Taxonomy
from generator.content.networkrules import check_center_count, check_network, check_quotes
from generator.content.practicerules import check_practice
from generator.content.problems import Problem
from generator.content.repository import Entry, MarkdownEntry
from generator.content.rules import Rules, check_center, check_taxonomy
from generator.content.titles import TextOf, Titled, repeated_titles, titled
from generator.content.unfinished import check_unfinished
from generator.parallel import map_halves
from generator.text import tag_slug


@dataclass
class CheckedContent:
    """Every file read and checked, with every problem; ids list every file found, valid or
    not."""

    taxonomy: Entry[Taxonomy] | None
    network: Entry[Network] | None
    centers: dict[str, Entry[Center]]
    practices: dict[str, MarkdownEntry[PracticeMeta]]
    pages: dict[str, MarkdownEntry[PageMeta]]
    assets: list[str]
    problems: list[Problem]
    center_ids: set[str] = field(default_factory=set)
    practice_ids: set[str] = field(default_factory=set)
    linkable: Linkable = field(default_factory=lambda: linkable((), (), (), (), (), ()))
    sections: dict[str, list[str]] = field(default_factory=dict)  # by docs path
    titles: list[Titled] = field(default_factory=list)  # of every practice that has one


@dataclass
class PracticeBatch:
    """Some practices, read and checked on their own, and what the checks across files need
    of them: their links, their pages' sections (by docs path), drafts and the published
    tags."""

    entries: list[MarkdownEntry[PracticeMeta]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    drafts: set[str] = field(default_factory=set)
    bodies: list[BodyLinks] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)
    tags: set[str] = field(default_factory=set)
    titles: list[Titled] = field(default_factory=list)

    def add(self, other: PracticeBatch) -> None:
        self.entries += other.entries
        self.problems += other.problems
        self.drafts |= other.drafts
        self.bodies += other.bodies
        self.sections |= other.sections
        self.tags |= other.tags
        self.titles += other.titles


def check_content(
    root: Path,
    workers: int = 1,
    cache: EntryCache | None = None,
    *,
    keep_entries: bool = True,
) -> CheckedContent:
    """Read every file and run every rule. With `workers=2`, a second process reads and
    checks half of the practices (see parallel.py), and sends back only its problems unless
    `keep_entries`; with a `cache` (the preview), unchanged files are not read again."""
    files = load_files(root, cache)
    problems = files.problems
    batch = _check_all_practices(root, files, workers, cache, keep_entries)
    problems += batch.problems
    problems += repeated_titles(batch.titles, partial(text_of, root))
    for page in files.pages.values():
        problems += check_body(page)
    areas = files.taxonomy.data.areas if files.taxonomy else {}
    site, sections = _links_across_files(files, areas, batch)
    problems += site_problems(files, sections, site, batch)
    return CheckedContent(
        *(files.taxonomy, files.network, files.centers),
        {p.id: p for p in batch.entries},
        {id: page.entry for id, page in files.pages.items()},
        files.assets,
        problems,
        center_ids=set(files.context.centers),
        practice_ids=set(files.context.practices),
        linkable=site,
        sections=sections,
        titles=batch.titles,
    )


def _links_across_files(
    files: LoadedFiles, areas: Collection[str], batch: PracticeBatch
) -> tuple[Linkable, dict[str, list[str]]]:
    """Everything the site publishes, and each page's sections (by docs path), which a
    link's `#…` may name."""
    context, pages = files.context, files.pages
    site = linkable(
        context.practices, pages, context.centers, areas, batch.tags, files.assets, batch.drafts
    )
    sections = batch.sections | {
        paths.page(p): read.ids for p, read in pages.items() if read.ids is not None
    }
    return site, sections


def site_problems(
    files: LoadedFiles, sections: dict[str, list[str]], site: Linkable, batch: PracticeBatch
) -> list[Problem]:
    """Every body's links, checked against everything the site publishes, then the rules
    across taxonomy, network and centers."""
    bodies = [*batch.bodies, *(read.links for read in files.pages.values())]
    problems = check_links(bodies, site, sections)
    problems += check_attachment_kinds(bodies, site, files.mislabeled)
    pages = {id: page.entry for id, page in files.pages.items()}
    return problems + _rules_across_files(
        files.taxonomy, files.network, files.centers, pages, files.context.centers
    )


def _rules_across_files(
    taxonomy: Entry[Taxonomy] | None,
    network: Entry[Network] | None,
    centers: Mapping[str, Entry[Center]],
    pages: Mapping[str, MarkdownEntry[PageMeta]],
    known_centers: Collection[str],
) -> list[Problem]:
    """The rules across taxonomy, network and centers. `known_centers` is every center file
    found, valid or not."""
    rules = Rules()
    if taxonomy:
        check_taxonomy(rules, taxonomy)
    if network:
        check_network(rules, network, pages)
        check_center_count(rules, network, known_centers)
    terms = taxonomy.data if taxonomy else None
    for center in centers.values():
        check_center(rules, center, terms, network.data if network else None)
    if network:
        check_quotes(rules, network, centers, pages)
    return rules.problems


def _check_all_practices(
    root: Path, files: LoadedFiles, workers: int, cache: EntryCache | None, keep_entries: bool
) -> PracticeBatch:
    batch = PracticeBatch()
    if cache:
        make = partial(_check_one_practice, root, files.context)
        for path in files.practice_paths:
            batch.add(cache.kept(path, files.context, make))
    else:
        check = partial(check_practices, root, files.context, keep_entries=keep_entries)
        for half in map_halves(files.practice_paths, check, workers, sendable=_without_parse):
            batch.add(half)
    return batch


def _check_one_practice(root: Path, context: PracticeContext, path: Path) -> PracticeBatch:
    return check_practices(root, context, [path])


def _without_parse(batch: PracticeBatch) -> PracticeBatch:
    """The batch of a second process, sent back without its entries' parse: pickling a parse
    took 1.6 times as long as making it again (the page is rendered from it)."""
    batch.entries = [replace(entry, parsed=None) for entry in batch.entries]
    return batch


def check_practices(
    root: Path, context: PracticeContext, files: list[Path], keep_entries: bool = True
) -> PracticeBatch:
    """Each practice read, then checked on its own; without `keep_entries`, only what the
    checks across files need (a second process sends less back)."""
    loader = Loader(root)
    batch = PracticeBatch(problems=loader.problems)
    known = practice_vocabulary(context)
    for path in files:
        read = read_practice(loader, path, known)
        if read is None:
            continue
        practice = read.entry
        if keep_entries:
            batch.entries.append(practice)
        if title := titled(practice):
            batch.titles.append(title)
        loader.problems += _practice_rules(read, context)
        batch.bodies.append(read.links)
        if read.ids is not None:
            batch.sections[paths.practice(practice.id)] = read.ids
        if read.links.draft:
            batch.drafts.add(practice.id)
        else:
            batch.tags |= {tag_slug(t) for t in practice.value("etiquetas") or ()}
    return batch


def _practice_rules(read: ReadBody, context: PracticeContext) -> list[Problem]:
    """The rules of one practice on its own: its body, what is left unfinished, results it
    claims, its fields and adoptions."""
    practice = read.entry
    problems = check_body(read, sections=True)
    problems += check_unfinished(practice)
    problems += check_no_results_claim(practice)
    rules = Rules(problems)
    check_practice(rules, practice, context.taxonomy, context.centers, context.practices)
    return rules.problems


def new_practice_problems(
    checked: CheckedContent, scratch: Path, path: Path, read: TextOf
) -> list[Problem]:
    """What `check` would say of one practice more, written at `path` in `scratch` (a folder
    of its own) before it is written in the repository `checked`: its own rules, its links,
    its title against the others' (`read`: the text of a practice's file)."""
    rel = relative(scratch, path)
    practice_id = path.stem
    context = PracticeContext(
        taxonomy=checked.taxonomy.data if checked.taxonomy else None,
        centers=frozenset(checked.center_ids),
        practices=frozenset(checked.practice_ids | {practice_id}),
    )
    batch = check_practices(scratch, context, [path], keep_entries=False)
    site = checked.linkable.with_practice(practice_id)
    others = [title for title in checked.titles if title.file != rel]  # its own earlier title
    return (
        batch.problems
        + check_links(batch.bodies, site, checked.sections | batch.sections)
        + repeated_titles(others + batch.titles, read, rel)
    )


def new_center_problems(checked: CheckedContent, scratch: Path, path: Path) -> list[Problem]:
    """What `check` would say of one center profile more, written at `path` in `scratch`:
    what keeps it from being read, then the rules that concern it alone."""
    loader = Loader(scratch)
    center = loader.yaml_entry(path, Center, "Un perfil de centro")
    if center is None:
        return loader.problems
    rules = Rules(loader.problems)
    check_center(
        rules,
        center,
        checked.taxonomy.data if checked.taxonomy else None,
        checked.network.data if checked.network else None,
    )
    return rules.problems
