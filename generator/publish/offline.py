"""The offline bundle: a site that works opened straight from disk, and its zip.

For centers on slow or intermittent links (Rapa Nui: satellite internet). Pages link to
`.html` files (no directory URLs). The site's search (Pagefind) cannot fetch its index
from `file://`, so the bundle plugs a small local index into the search page's backend
hook (`window.RedDeCentrosBusqueda`, see `assets/buscar.js`): `assets/sin-conexion.js`
searches `assets/indice-sin-conexion.js`, which it loads on the first search.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import zipfile
from importlib import resources
from pathlib import Path

from generator import addresses as paths
from generator.addresses import OFFLINE
from generator.site.text import practice_title
from generator.site.view import SiteView
from generator.text import fold_accents

DEFAULT_DIR = "site-offline"
BACKEND_SCRIPT = paths.OFFLINE_JS
INDEX_SCRIPT = paths.OFFLINE_INDEX_JS
_ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the oldest time a zip can hold
_MARKUP = re.compile(r"[#*_`>|\[\]()!]+|<[^>]*>")


def _searchable(*parts: str | None) -> str:
    text = " ".join(_MARKUP.sub(" ", p) for p in parts if p)
    return " ".join(fold_accents(text).casefold().split())


def search_index(view: SiteView) -> list[dict[str, str]]:
    """One entry per page: URL (from the site root), title, summary, searchable text."""

    def entry(docs_path: str, title: str, summary: str, *text: str | None) -> dict[str, str]:
        url = OFFLINE.url(docs_path)
        return {"u": url, "t": title, "r": summary, "x": _searchable(title, summary, *text)}

    regions = view.repo.taxonomy.data.regiones
    areas = view.repo.taxonomy.data.areas
    entries: list[dict[str, str]] = []
    for p in view.practices:
        center = view.center(p.data.centro).data.nombre
        area_names = ", ".join(areas[a].nombre for a in p.data.areas)
        title = practice_title(p.data.titulo, p.data.estado)
        tags = " ".join(p.data.etiquetas)
        found = entry(paths.practice(p.id), title, p.data.resumen, center, tags, area_names, p.body)
        # What the online search shows under a practice's title (data-pagefind-meta).
        entries.append(found | {"c": center, "a": area_names})
    entries += [
        entry(
            paths.center(c.id),
            c.data.nombre,
            f"{c.data.comuna}, {regions[c.data.region].nombre}",
            c.data.descripcion,
        )
        for c in view.centers
    ]
    entries += [
        entry(paths.page(page.id), page.data.titulo, page.data.descripcion or "", page.body)
        for page in view.repo.pages.values()
    ]
    return entries


def offline_files(view: SiteView) -> dict[str, bytes]:
    """The search backend and its index, to add to the docs tree of the offline build."""
    index = json.dumps(search_index(view), ensure_ascii=False, separators=(",", ":"))
    backend = resources.files("generator.site").joinpath(BACKEND_SCRIPT).read_bytes()
    return {
        INDEX_SCRIPT: f"window.RedDeCentrosIndice = {index};\n".encode(),
        BACKEND_SCRIPT: backend,
    }


def write_zip(site_dir: Path, zip_path: Path, epoch: int) -> None:
    """Zip `site_dir` into one folder inside the archive; same tree and epoch, same bytes."""
    stamp = max(dt.datetime.fromtimestamp(epoch, dt.UTC), _ZIP_EPOCH)
    date_time = stamp.timetuple()[:6]
    partial = zip_path.with_name(f".{zip_path.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
                name = f"{zip_path.stem}/{path.relative_to(site_dir).as_posix()}"
                info = zipfile.ZipInfo(name, date_time=date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        os.replace(partial, zip_path)
    finally:
        partial.unlink(missing_ok=True)
