"""Site search: Pagefind indexes the built site into small chunks served beside it.

Everything that knows the search engine is here (indexing, run after the site engine) and
in `assets/buscar.js` (the browser side). Pagefind folds accents ("almacen" finds
"almacén"), stems Spanish ("capacitaciones" finds "capacitación") and weights headings, so
a practice whose title matches ranks above pages that mention the word in passing. Lists
of practices are marked `data-pagefind-ignore` by the templates for the same reason.

Measured on 2 cores with `synth` trees (first query on a phone, typed, compressed bytes):
1,000 practices: index 2.1 s, first query 150-160 KB; 5,000: index 12 s, 200-290 KB.
Material's search downloads its whole index on every first page view instead (1,000
practices: 8.9 MB, 681 KB gzip; 5,000: 44 MB, 3.2 MB gzip) and does not fold accents.

Offline (`file://`) the browser cannot fetch the index: `buscar.js` then says so and links
to the catalogue, which filters without any fetch. The offline bundle plugs its own local
index in there (`SEARCH_BACKEND_HOOK` in `buscar.js`, see `generator/offline.py`).

Zensical does not run MkDocs plugins: it keeps its own header search, and the search page
works once the index is written over its output: `python -m pagefind --site DIR
--force-language es` (what `index_command` runs).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

INDEX_DIR = "pagefind"
LANGUAGE = "es"


def index_command(site_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        INDEX_DIR,
        "--force-language",
        LANGUAGE,
        "--silent",
    ]


def index_site(site_dir: Path) -> None:
    """Write the search index into `site_dir/pagefind/`; a failure fails the build."""
    try:
        result = subprocess.run(
            index_command(site_dir), capture_output=True, text=True, timeout=600, check=False
        )
    except OSError as error:
        raise PluginError(f"No se pudo ejecutar Pagefind (búsqueda del sitio): {error}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise PluginError(f"Pagefind no pudo indexar el sitio para la búsqueda:\n{detail}")
