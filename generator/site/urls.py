"""Addresses of the generated pages, as docs paths and as relative URLs."""

from __future__ import annotations

import posixpath

from generator.content.links import center_docs, page_docs, practice_docs

HOME = "index.md"
PRACTICES = "practicas/index.md"
CENTERS = "centros/index.md"
AREAS = "areas/index.md"
NETWORK = "red/index.md"
CSS = "assets/red.css"
TAGS = "etiquetas/index.md"
SEARCH = "buscar.md"
API = "api/index.md"
API_PRACTICES = "api/practicas.json"
API_CENTERS = "api/centros.json"
API_TRANSFER = "api/transferencia.json"
FEED = "feed.xml"
NEWS = "novedades.md"
CATALOGUE_JS = "assets/catalogo.js"
SEARCH_JS = "assets/buscar.js"
# The site's icon where both engines' themes keep theirs (the project's theme folder,
# generator/site/theme, overrides it: tools/build_favicon.py draws it), and the same icon at
# /favicon.ico, which a browser asks for where no page names one (a feed, a PDF, the editor).
FAVICON = "assets/images/favicon.png"
FAVICON_ICO = "favicon.ico"

# Where a practice's, a center's and a hand-written page's pages are: what `check` resolves
# the authors' links to, so the same functions.
practice = practice_docs
center = center_docs
page = page_docs


def tag(slug: str) -> str:
    return f"etiquetas/{slug}.md"


def schema(data_file: str) -> str:
    """`api/practicas.json` -> `api/practicas.schema.json`."""
    return data_file.removesuffix(".json") + ".schema.json"


PREVIEW_ADDRESS = "127.0.0.1:8000"  # `serve`'s address unless --dev-addr says another


def preview_url(rel: str, address: str = PREVIEW_ADDRESS) -> str:
    """`practicas/x.md` -> `http://127.0.0.1:8000/practicas/x/`."""
    path = rel.removesuffix(".md").removesuffix("index")
    return f"http://{address}/{path}/".replace("//", "/").replace("http:/", "http://")


def is_practice_page(rel: str) -> bool:
    folder, _, name = rel.partition("/")
    return folder == "practicas" and name.endswith(".md") and "/" not in name and name != "index.md"


def area(area_key: str) -> str:
    return f"areas/{area_key}.md"


# An area's and a center's feeds sit at the site's root, beside feed.xml: Material reads every
# <link rel="alternate"> of a page as a language version and fetches the sitemap.xml of its
# folder (a feed in centros/ asked for centros/sitemap.xml, a 404 on every center's page).
def area_feed(area_key: str) -> str:
    return f"feed-area-{area_key}.xml"


def center_feed(center_id: str) -> str:
    return f"feed-centro-{center_id}.xml"


def link(here: str, target: str, *, directory_urls: bool) -> str:
    """The relative URL from the page of docs file `here` to docs file `target`: a page
    (`….md`) or any other file of the site (a feed, an attachment)."""
    if target.endswith(".md"):
        return href(here, target, directory_urls=directory_urls)
    return file_href(here, target, directory_urls=directory_urls)


def url(docs_path: str, *, directory_urls: bool) -> str:
    """The URL path of a docs file, relative to the site root."""
    stem = docs_path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(here: str, target: str, *, directory_urls: bool) -> str:
    """A relative URL from the page of `here` to the page of `target` (for raw HTML and SVG)."""
    here_url = url(here, directory_urls=directory_urls)
    base = here_url if here_url.endswith("/") or not here_url else posixpath.dirname(here_url)
    target_url = url(target, directory_urls=directory_urls)
    relative = _relative_url(base, target_url)
    if directory_urls and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in (".", "./") else relative


def file_href(here: str, target_file: str, *, directory_urls: bool) -> str:
    """A relative URL from the page of `here` to a file of the site that is not a page."""
    here_url = url(here, directory_urls=directory_urls)
    base = here_url if here_url.endswith("/") or not here_url else posixpath.dirname(here_url)
    return _relative_url(base, target_file)


def from_folder(folder: str, target: str, *, directory_urls: bool) -> str:
    """A relative URL from a file in `folder` of the site (a feed) to the page of `target`."""
    relative = _relative_url(folder, url(target, directory_urls=directory_urls))
    if directory_urls and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in (".", "./") else relative


def _relative_url(base: str, target: str) -> str:
    """`posixpath.relpath` for site paths, without its `os.getcwd()` on every call (lists
    link to thousands of pages)."""
    base_parts = [part for part in base.split("/") if part]
    target_parts = [part for part in target.split("/") if part]
    common = 0
    for mine, theirs in zip(base_parts, target_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
