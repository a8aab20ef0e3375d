"""Where a link of a body goes: one answer for `check` (a problem, in Spanish) and for the page
(the address it gets on the site), so the two cannot disagree.

Authors link as GitHub's preview understands it: to another file of the repository by its
path (`otra-practica.md`, `../content/paginas/contribuir.md#seccion`, `adjuntos/foto.png`),
to a page of the site by its address (`/centros/talca/`), or to another site (`https://…`).
The site turns the first two into relative addresses, so they work under any base path and
in the offline bundle opened from disk.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from generator import addresses as paths
from generator.content.rawhtml import LOADING_HINT
from generator.content.safety import allowed_scheme, from_other_host, url_scheme

PRACTICES_DIR = "practices"
PAGES_DIR = "content/paginas"
CENTERS_DIR = "centers"
ATTACHMENTS = f"{PRACTICES_DIR}/adjuntos/"
Meant = Callable[[str], str | None]  # a repository path -> the published file nearest to it
_TEMPLATE_TAG = re.compile(r"\{\{|\{%|%\}|\}\}")
_EMAIL = re.compile(r"[^@\s/]+@[^@\s/]+\.[^@\s/.]+")
_PHONE = re.compile(r"\+?[0-9][0-9().\-]*")


def attachment_docs(repository_file: str) -> str:
    """`practices/adjuntos/foto.png` -> the attachment's docs path (addresses.attachment)."""
    return paths.attachment(repository_file.removeprefix(ATTACHMENTS))


@dataclass(frozen=True)
class Linkable:
    """What a body may link to: repository files that are published (-> their docs path),
    the site's addresses (-> docs path), and which docs paths are drafts."""

    files: Mapping[str, str]
    addresses: Mapping[str, str]
    drafts: frozenset[str] = field(default=frozenset())

    def with_practice(self, practice_id: str) -> Linkable:
        """The same, with one more practice (one about to be written)."""
        docs = paths.practice(practice_id)
        files = {**self.files, f"{PRACTICES_DIR}/{practice_id}.md": docs}
        return Linkable(files, {**self.addresses, paths.site_address(docs): docs}, self.drafts)


def linkable(
    practices: Iterable[str],
    pages: Iterable[str],
    centers: Iterable[str],
    areas: Iterable[str],
    tags: Iterable[str],
    attachments: Iterable[str],
    drafts: Collection[str] = (),
) -> Linkable:
    """From the ids of what the site publishes (`attachments` are repository paths)."""
    files = {f"{PRACTICES_DIR}/{p}.md": paths.practice(p) for p in practices}
    files |= {f"{PAGES_DIR}/{p}.md": paths.page(p) for p in pages}
    files |= {f"{CENTERS_DIR}/{c}.yml": paths.center(c) for c in centers}
    files |= {a: attachment_docs(a) for a in attachments}
    docs = [
        *files.values(),
        *(paths.area(a) for a in areas),
        *(paths.tag(t) for t in tags),
        *paths.index_pages(),
    ]
    addresses = {paths.site_address(d): d for d in docs}
    addresses |= {f: f for f in paths.DATA_FILES}
    return Linkable(files, addresses, frozenset(paths.practice(d) for d in drafts))


@dataclass(frozen=True)
class Destination:
    """Where a link goes: another site's `url`, or a docs path of this site with a section."""

    url: str = ""
    docs_path: str = ""
    fragment: str = ""


@dataclass(frozen=True)
class LinkProblem:
    code: str
    message: str


def resolve(
    href: str, source: str, site: Linkable, is_image: bool, meant: Meant = lambda _: None
) -> Destination | LinkProblem:
    """Where `href` (as parsed: percent-encoded) in the repository file `source` goes;
    `meant` names the published file nearest to one that is not (for «¿Quisiste decir…?»)."""
    target = unquote(href)
    what = "La imagen" if is_image else "El enlace"
    if _TEMPLATE_TAG.search(target):
        return LinkProblem(
            "enlace-plantilla",
            f"{what} «{target}» lleva una etiqueta de plantilla de otro generador de sitios "
            "({{ … }} o {% … %}), que aquí no se reemplaza. Escribe la dirección tal cual: "
            "el archivo del repositorio (otra-practica.md) o la página (/centros/talca/).",
        )
    scheme = url_scheme(href)
    if not allowed_scheme(href):
        return LinkProblem(
            "enlace-peligroso",
            f"{what} usa «{scheme}:», que no se permite. Usa una dirección https:// o un "
            "archivo del repositorio.",
        )
    if scheme in ("mailto", "tel"):
        return _contact(target, scheme, what)
    if is_image and from_other_host(href):
        said = f"{what} se carga desde otro sitio («{target}»). "
        return LinkProblem("carga-externa", said + LOADING_HINT)
    parts = urlsplit(href)
    if scheme or parts.netloc:
        return Destination(url=href)
    fragment = unquote(parts.fragment)
    if not parts.path:
        return Destination(docs_path=_docs_of(source, site), fragment=fragment)
    path = unquote(parts.path)
    if path.startswith("/"):
        return _site_address(path, fragment, target, what, site)
    return _repository_file(path, fragment, source, target, what, site, meant)


def _docs_of(source: str, site: Linkable) -> str:
    return site.files.get(source, "")


def _contact(target: str, scheme: str, what: str) -> Destination | LinkProblem:
    value = target.split(":", 1)[1].split("?", 1)[0]
    if scheme == "mailto" and _EMAIL.fullmatch(value):
        return Destination(url=target)
    if scheme == "tel" and _PHONE.fullmatch(value):
        return Destination(url=target)
    kind, example = (
        ("correo", "mailto:nombre@centro.cl")
        if scheme == "mailto"
        else ("teléfono", "tel:+56912345678")
    )
    return LinkProblem(
        "enlace-contacto",
        f"{what} «{target}» no es una dirección de {kind} que se pueda abrir. Escríbela "
        f"completa y sin espacios, por ejemplo «{example}».",
    )


def _site_address(
    path: str, fragment: str, target: str, what: str, site: Linkable
) -> Destination | LinkProblem:
    address = path.strip("/").removesuffix("index.html").removesuffix(".html").strip("/")
    docs = site.addresses.get(address)
    if docs is None:
        return LinkProblem(
            "enlace-roto",
            f"{what} apunta a «{target}», que no es una página del sitio. Revisa la dirección "
            "(por ejemplo /centros/talca/ o /practicas/), o enlaza el archivo del repositorio.",
        )
    if docs in site.drafts:
        return _to_draft(target)
    return Destination(docs_path=docs, fragment=fragment)


def _repository_file(
    path: str, fragment: str, source: str, target: str, what: str, site: Linkable, meant: Meant
) -> Destination | LinkProblem:
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    if resolved.startswith("../") or resolved == "..":
        return LinkProblem(
            "enlace-fuera",
            f"{what} apunta a «{target}», fuera del repositorio. Para enlazar otra parte del "
            "sitio usa su dirección, por ejemplo /centros/talca/; para otro sitio, https://…",
        )
    docs = site.files.get(resolved)
    if docs is not None:
        if docs in site.drafts:
            return _to_draft(target)
        return Destination(docs_path=docs, fragment=fragment)
    near = meant(resolved)
    written = posixpath.relpath(near, posixpath.dirname(source) or ".") if near else ""
    hint = f" ¿Quisiste decir «{written}{'#' * bool(fragment)}{fragment}»?" if near else ""
    if resolved.endswith(".md") or resolved.startswith((f"{PAGES_DIR}/", f"{CENTERS_DIR}/")):
        return LinkProblem(
            "enlace-roto",
            f"{what} apunta a «{target}», que no existe en el repositorio.{hint} Revisa el "
            "nombre del archivo (mayúsculas, tildes, espacios): las prácticas están en "
            "practices/, las páginas en content/paginas/ y los centros en centers/.",
        )
    if resolved.startswith(PRACTICES_DIR + "/"):
        return LinkProblem(
            "enlace-roto",
            f"{what} apunta a «{target}», que no existe en el repositorio.{hint} Revisa el "
            "nombre del archivo (mayúsculas, tildes, espacios) o súbelo a practices/adjuntos/.",
        )
    return LinkProblem(
        "enlace-fuera",
        f"{what} apunta a «{target}» ({resolved}), que el sitio no publica.{hint} Enlaza una "
        "práctica, una página, un centro o un adjunto de practices/adjuntos/, o usa la "
        "dirección de la página del sitio, por ejemplo /centros/talca/.",
    )


def _to_draft(target: str) -> LinkProblem:
    name = target.split("#")[0].split("?")[0]
    return LinkProblem(
        "enlace-a-borrador",
        f"El enlace apunta a «{name}», que es un borrador y no se publica. Quita el enlace o "
        "espera a que esa práctica esté «publicada».",
    )
