"""Read every content file of a repository into typed entries, collecting what keeps one
from being read (a file that cannot be, YAML, a value the model refuses, a body that cannot be
parsed). The rules about what is read run in validate.py."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from generator.content.anchors import practice_title, practice_trailing
from generator.content.bodies import ReadBody, read_body
from generator.content.failures import Vocabulary
from generator.content.files import read_text, relative
from generator.content.frontmatter import SplitDocument, split_front_matter
from generator.content.invisible import check_body_text, check_yaml_text
from generator.content.layout import (
    attachments,
    content_files,
    reserved_names,
    valid_names,
)
from generator.content.messages import validate_document
from generator.content.models import Center, Network, PageMeta, PracticeMeta, Taxonomy
from generator.content.partial import Validated, unread
from generator.content.problems import Problem
from generator.content.repository import Entry, MarkdownEntry
from generator.content.yamlrecover import parse_recovering
from generator.content.yamlsource import KeyPath, Position, YamlDocument

M = TypeVar("M", bound=BaseModel)

TAXONOMY_FILE = "content/taxonomia.yml"
NETWORK_FILE = "content/red.yml"
PAGES_DIR = "content/paginas"
CENTERS_DIR = "centers"
PRACTICES_DIR = "practices"
# Addresses the generator owns; a hand-written page may not take them.
RESERVED_PAGE_IDS = {
    *("index", "practicas", "centros", "areas", "red", "api", "etiquetas", "novedades"),
    *("buscar", "assets", "admin", "search", "pagefind"),  # pagefind: the search's index
}
# A practice's page is practicas/<id>/, a center's centros/<id>/: beside their lists and the
# practices' attachments (a practice «index» took the catalogue's place). By folder: the names
# its files may not have, and the word a new name for one starts with.
RESERVED_IDS: dict[str, tuple[Collection[str], str]] = {
    PAGES_DIR: (RESERVED_PAGE_IDS, "pagina"),
    PRACTICES_DIR: ({"index", "adjuntos"}, "practica"),
    CENTERS_DIR: ({"index"}, "centro"),
}


class Loader:
    def __init__(self, root: Path, cache: EntryCache | None = None) -> None:
        self.root = root
        self.cache = cache
        self.problems: list[Problem] = []

    def yaml_entry(
        self, path: Path, model: type[M], what: str, known: Vocabulary | None = None
    ) -> Entry[M] | None:
        """A YAML file's entry; with `known` (a center), a partial one despite problems."""
        if self.cache is None:
            return self.read_yaml_entry(path, model, what, known)
        key = _stat_key(path)
        cached = self.cache.yaml_files.get(path)
        if cached is None or cached[0] != key:
            alone = Loader(self.root)
            cached = (key, alone.read_yaml_entry(path, model, what, known), alone.problems)
            self.cache.yaml_files[path] = cached
        self.problems += cached[2]
        return cached[1]

    def read_yaml_entry(
        self, path: Path, model: type[M], what: str, known: Vocabulary | None = None
    ) -> Entry[M] | None:
        rel = relative(self.root, path)
        text, problems = read_text(self.root, path)
        self.problems += problems
        if text is None:
            return None
        doc, problems, left_out = parse_recovering(text, rel, model.model_fields)
        self.problems += problems + check_yaml_text(text, rel, 0, doc)
        if doc is None:
            return None
        partial = known is not None
        data = self.validate(
            model, doc, rel, what, problems, partial=partial, known=known, unreadable=left_out
        )
        if data is None or (problems and not partial):
            return None
        return Entry(path.stem, rel, data.data, doc, skipped=data.skipped, places=data.places)

    def validate(
        self,
        model: type[M],
        doc: YamlDocument,
        rel: str,
        what: str,
        yaml_problems: list[Problem],
        *,
        partial: bool,
        known: Vocabulary | None = None,
        unreadable: frozenset[KeyPath] = frozenset(),
    ) -> Validated[M] | None:
        """Validate even after YAML problems, so one run reports all, without repeating a line."""
        data, problems = validate_document(
            model, doc, rel, what=what, partial=partial, known=known, unreadable=unreadable
        )
        reported = {p.line for p in yaml_problems}
        self.problems += [p for p in problems if p.line not in reported]
        return data

    def markdown_entry(
        self, path: Path, model: type[M], what: str, known: Vocabulary | None = None
    ) -> MarkdownEntry[M] | None:
        """A Markdown file's entry, its body kept even when no field of its front matter could
        be read: the body's checks still run. None only when the body cannot be told apart."""
        rel = relative(self.root, path)
        text, problems = read_text(self.root, path)
        self.problems += problems
        if text is None:
            return None
        split, problems = split_front_matter(text, rel)
        self.problems += problems
        if split is None:
            if any(p.code != "sin-encabezado" for p in problems):
                return None
            split = SplitDocument("", 0, text, 1)  # no front matter: the whole file is body
        doc, problems, left_out = parse_recovering(
            split.yaml_text, rel, model.model_fields, line_offset=split.yaml_line_offset
        )
        self.problems += problems
        self.problems += check_yaml_text(split.yaml_text, rel, split.yaml_line_offset, doc)
        self.problems += check_body_text(split.body, split.body_first_line, rel)
        data: Validated[M] | None = None
        if doc is None or doc.value is None:
            if doc is not None and split.yaml_line_offset:
                self.problems.append(_empty_front_matter(rel, what))
            doc = YamlDocument(None, Position(split.yaml_line_offset + 1, 1))
        else:
            header = f"El encabezado de {what}"
            data = self.validate(
                model, doc, rel, header, problems, partial=True, known=known, unreadable=left_out
            )
        data = data or unread(model)
        return MarkdownEntry(
            path.stem,
            rel,
            data.data,
            doc,
            split.body,
            split.body_first_line,
            skipped=data.skipped,
            places=data.places,
        )

    def files_in(
        self, folder: str, suffix: str, what: str, folders: tuple[str, ...] = ()
    ) -> list[Path]:
        """The `suffix` files directly in `folder`; anything else in it is reported, and so is
        a file whose name would take an address the site uses (RESERVED_IDS)."""
        found, problems = content_files(self.root, folder, suffix, what, folders)
        valid, wrong_names = valid_names(self.root, found)
        kept, taken = reserved_names(self.root, valid, *RESERVED_IDS.get(folder, ((), "")))
        self.problems += problems + wrong_names + taken
        return kept

    def required_file(self, rel: str) -> Path | None:
        path = self.root / rel
        if path.is_file():
            return path
        self.problems.append(
            Problem(
                rel,
                1,
                1,
                "falta-archivo",
                f"Falta el archivo {rel}, que el sitio necesita: recupéralo desde la rama main "
                "del repositorio.",
            )
        )
        return None


@dataclass(frozen=True)
class PracticeContext:
    """What reading and checking one practice needs besides its own file."""

    taxonomy: Taxonomy | None
    centers: frozenset[str]  # every center and practice file found, valid or not: a broken
    practices: frozenset[str]  # file must not make each reference to it an error too


@dataclass
class LoadedFiles:
    """Every file read, but the practices (validate.py reads each as it checks it, in the
    process that checks it): their paths, and what they are read against (`context`)."""

    taxonomy: Entry[Taxonomy] | None
    network: Entry[Network] | None
    centers: dict[str, Entry[Center]]
    pages: dict[str, ReadBody]
    assets: list[str]
    mislabeled: dict[str, str]  # attachments that are not what their names say -> what they are
    problems: list[Problem]
    context: PracticeContext
    practice_paths: list[Path]


T = TypeVar("T")


@dataclass
class EntryCache:
    """The preview's memory between rebuilds: a file whose size and modification time did
    not change gives the same entry (the very same object: comparing it is instant), and a
    practice, in the same context, what was made of it the last time."""

    context: PracticeContext | None = None
    files: dict[Path, tuple[tuple[int, int], Any]] = field(default_factory=dict)
    yaml_files: dict[Path, tuple[tuple[int, int], Any, list[Problem]]] = field(default_factory=dict)

    def kept(self, path: Path, context: PracticeContext, make: Callable[[Path], T]) -> T:
        """What `make` makes of the practice at `path`, made again only when the file or the
        context changed."""
        if context != self.context:
            self.context, self.files = context, {}
        key = _stat_key(path)
        cached = self.files.get(path)
        if cached is None or cached[0] != key:
            cached = self.files[path] = (key, make(path))
        return cast(T, cached[1])


def _stat_key(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def load_files(root: Path, cache: EntryCache | None = None) -> LoadedFiles:
    """Read every file on its own, but the practices, which are only listed; with a `cache`
    (the preview), unchanged YAML files are not read again."""
    loader = Loader(root, cache)
    taxonomy, network = _load_site_files(loader)
    center_paths = loader.files_in(CENTERS_DIR, ".yml", "centros")
    centers = _load_centers(loader, center_paths, taxonomy, network)
    practice_paths = loader.files_in(PRACTICES_DIR, ".md", "prácticas", ("adjuntos",))
    assets, problems, mislabeled = attachments(root)
    loader.problems += problems
    loader.files_in("content", ".yml", "contenido", ("paginas",))  # only reports strays
    pages = _load_pages(loader)
    return LoadedFiles(
        *(taxonomy, network, centers, pages, assets, mislabeled, loader.problems),
        context=_practice_context(taxonomy, center_paths, practice_paths),
        practice_paths=practice_paths,
    )


def _practice_context(
    taxonomy: Entry[Taxonomy] | None, center_paths: list[Path], practice_paths: list[Path]
) -> PracticeContext:
    """What a practice's rules know of the rest: the taxonomy, and which centers and practices
    there are."""
    return PracticeContext(
        taxonomy=taxonomy.data if taxonomy else None,
        centers=frozenset(p.stem for p in center_paths),
        practices=frozenset(p.stem for p in practice_paths),
    )


def text_of(root: Path, rel: str) -> str | None:
    """The text of a content file, read as the loader reads it (None: it cannot be)."""
    return read_text(root, root / rel)[0]


def _load_site_files(loader: Loader) -> tuple[Entry[Taxonomy] | None, Entry[Network] | None]:
    """The taxonomy and the network's facts: whole or not at all (the site team keeps them)."""
    taxonomy_path = loader.required_file(TAXONOMY_FILE)
    taxonomy = taxonomy_path and loader.yaml_entry(taxonomy_path, Taxonomy, "La taxonomía")
    network_path = loader.required_file(NETWORK_FILE)
    network = network_path and loader.yaml_entry(network_path, Network, "El archivo de la red")
    return taxonomy or None, network or None


def _load_centers(
    loader: Loader,
    files: list[Path],
    taxonomy: Entry[Taxonomy] | None,
    network: Entry[Network] | None,
) -> dict[str, Entry[Center]]:
    known: dict[tuple[str, ...], Collection[str]] = {}
    if taxonomy:
        known[("region",)] = taxonomy.data.regiones
        known[("servicios",)] = taxonomy.data.servicios
    if network:
        known[("fuente",)] = known[("hitos", "fuente")] = network.data.fuentes
    centers: dict[str, Entry[Center]] = {}
    for path in files:
        center = loader.yaml_entry(path, Center, "Un perfil de centro", known)
        if center:
            centers[center.id] = center
    return centers


def _load_pages(loader: Loader) -> dict[str, ReadBody]:
    pages: dict[str, ReadBody] = {}
    for path in loader.files_in(PAGES_DIR, ".md", "páginas"):
        page = loader.markdown_entry(path, PageMeta, "la página")
        if page:
            pages[page.id] = read_body(page, str(page.value("titulo") or ""))
            loader.problems += pages[page.id].problems
    return pages


def practice_vocabulary(context: PracticeContext) -> Vocabulary:
    """The keys each field of a practice may hold, for "¿Quisiste decir…?"."""
    known: dict[tuple[str, ...], Collection[str]] = {
        ("centro",): context.centers,
        ("replicas", "centro"): context.centers,
        ("relacionadas",): context.practices,
    }
    if context.taxonomy:
        known[("areas",)] = context.taxonomy.areas
        known[("servicios",)] = context.taxonomy.servicios
        known[("publicos",)] = context.taxonomy.publicos
    return known


def read_practice(loader: Loader, path: Path, known: Vocabulary) -> ReadBody | None:
    """A practice's front matter and body, the body parsed with its page's headings around it
    (`known`: see `practice_vocabulary`)."""
    practice = loader.markdown_entry(path, PracticeMeta, "la práctica", known)
    if practice is None:
        return None
    draft = practice.value("estado") == "borrador"
    read = read_body(practice, practice_title(practice), practice_trailing(practice), draft=draft)
    loader.problems += read.problems
    return read


def _empty_front_matter(file: str, what: str) -> Problem:
    return Problem(
        file,
        2,
        1,
        "encabezado-vacio",
        f"El encabezado YAML de {what} está vacío: escribe las claves entre las dos "
        "líneas «---», una por línea, por ejemplo «titulo: Mi práctica».",
    )
