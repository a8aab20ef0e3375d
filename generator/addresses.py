"""Where everything the site publishes lives: the one address policy of the project.

Every page, center, practice, tag, feed and file has a docs path here (`practicas/x.md`,
`feed.xml`), and nowhere else is one spelled: content names things (a practice by its id), the
site, the editor, the preview and the engines ask this module where they are. What depends on a
run (online with directory addresses, the offline bundle's `.html` files, the address of the
preview, and whether an engine reads a page's links relative to its page or to its Markdown
file) is one `Addresses` object, made once per run and handed to whatever writes a link.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

# --- docs paths: the same in every run ----------------------------------------------------

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
# The offline bundle's search (publish/offline.py), which each engine loads before SEARCH_JS.
OFFLINE_JS = "assets/sin-conexion.js"
OFFLINE_INDEX_JS = "assets/indice-sin-conexion.js"
# The site's icon where both engines' themes keep theirs (the project's theme folder,
# generator/site/theme, overrides it: tools/build_favicon.py draws it), and the same icon at
# /favicon.ico, which a browser asks for where no page names one (a feed, a PDF, the editor).
FAVICON = "assets/images/favicon.png"
FAVICON_ICO = "favicon.ico"
PREVIEW_ADDRESS = "127.0.0.1:8000"  # `serve`'s address unless --dev-addr says another
# The folders of the site's sections, and the pages an author may link by address.
SECTIONS = ("practicas", "centros", "areas", "red", "etiquetas")
SECTION_PAGES = (HOME, NEWS, SEARCH, API)
DATA_FILES = (FEED, API_PRACTICES, API_CENTERS)
PRACTICE_FOLDER = "practicas"
ATTACHMENTS = "practicas/adjuntos/"


def practice(practice_id: str) -> str:
    return f"{PRACTICE_FOLDER}/{practice_id}.md"


def center(center_id: str) -> str:
    return f"centros/{center_id}.md"


def page(page_id: str) -> str:
    """A hand-written page of content/paginas/."""
    return f"{page_id}.md"


def area(area_key: str) -> str:
    return f"areas/{area_key}.md"


def tag(slug: str) -> str:
    return f"etiquetas/{slug}.md"


def attachment(name: str) -> str:
    """An attachment of practices/adjuntos/, by its name there."""
    return ATTACHMENTS + name


def schema(data_file: str) -> str:
    """`api/practicas.json` -> `api/practicas.schema.json`."""
    return data_file.removesuffix(".json") + ".schema.json"


# An area's and a center's feeds sit at the site's root, beside feed.xml: Material reads every
# <link rel="alternate"> of a page as a language version and fetches the sitemap.xml of its
# folder (a feed in centros/ asked for centros/sitemap.xml, a 404 on every center's page).
def area_feed(area_key: str) -> str:
    return f"feed-area-{area_key}.xml"


def center_feed(center_id: str) -> str:
    return f"feed-centro-{center_id}.xml"


def is_practice_page(docs_path: str) -> bool:
    folder, _, name = docs_path.partition("/")
    return (
        folder == PRACTICE_FOLDER
        and name.endswith(".md")
        and "/" not in name
        and name != "index.md"
    )


def site_address(docs_path: str) -> str:
    """How an author writes a page's address (`/centros/talca/`), without its slashes:
    `centros/talca.md` -> `centros/talca`, `practicas/index.md` -> `practicas`; files as
    they are."""
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index")


def index_pages() -> list[str]:
    """The site's own pages that no content file makes: each section's index and the rest."""
    return [f"{folder}/index.md" for folder in SECTIONS] + list(SECTION_PAGES)


# --- addresses: what one run makes of the docs paths ----------------------------------------


@dataclass(frozen=True)
class Addresses:
    """One run's addresses. `directory_urls`: a page at `centros/talca/` (online) or at
    `centros/talca.html` (the offline bundle, opened from disk). `file_relative`: the engine
    reads a page's relative addresses from its Markdown file (`centros/talca.md`), not from
    the page's address, and moves them itself (Zensical). `preview` is the preview's host and
    port."""

    directory_urls: bool = True
    file_relative: bool = False
    preview: str = PREVIEW_ADDRESS

    def url(self, docs_path: str) -> str:
        """The URL path of a docs file, relative to the site root."""
        stem = docs_path[: -len(".md")]
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def page_file(self, docs_path: str) -> str:
        """Where an engine writes the page of a docs file, relative to the site folder:
        `centros/talca.md` -> `centros/talca/index.html` (or `centros/talca.html` offline)."""
        address = self.url(docs_path)
        return address + "index.html" if address.endswith("/") or not address else address

    def link(self, here: str, target: str) -> str:
        """The relative URL from the page of docs file `here` to docs file `target`: a page
        (`….md`) or any other file of the site (a feed, an attachment)."""
        if target.endswith(".md"):
            return self.href(here, target)
        return self.file_href(here, target)

    def href(self, here: str, target: str) -> str:
        """A relative URL from the page of `here` to the page of `target`."""
        relative = _relative_url(self._base(here), self.url(target))
        if self.directory_urls and not relative.endswith("/"):
            relative += "/"
        return "./" if relative in (".", "./") else relative

    def file_href(self, here: str, target_file: str) -> str:
        """A relative URL from the page of `here` to a file of the site that is not a page."""
        return _relative_url(self._base(here), target_file)

    def from_folder(self, folder: str, target: str) -> str:
        """A relative URL from a file in `folder` of the site (a feed) to the page of `target`."""
        relative = _relative_url(folder, self.url(target))
        if self.directory_urls and not relative.endswith("/"):
            relative += "/"
        return "./" if relative in (".", "./") else relative

    def preview_url(self, docs_path: str) -> str:
        """`practicas/x.md` -> `http://127.0.0.1:8000/practicas/x/`."""
        return f"http://{self.preview}/{Addresses().url(docs_path)}"

    def _base(self, here: str) -> str:
        """The folder relative addresses on the page of `here` start from: the page's address
        (a browser's reading), or the folder of its Markdown file (`file_relative`)."""
        if self.file_relative and self.directory_urls:
            return posixpath.dirname(here)
        here_url = self.url(here)
        return here_url if here_url.endswith("/") or not here_url else posixpath.dirname(here_url)


ONLINE = Addresses()
OFFLINE = Addresses(directory_urls=False)


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
