"""The files of /admin/: the page that loads Decap CMS with the project's script, style sheet
and rules (generator/authoring/cms.py writes its configuration), the CMS's own files from
node_modules, or, for a site that does not know its repository, a page for readers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import escape

from generator import addresses as paths
from generator.authoring.cms import (
    ADMIN_FILES,
    Backend,
    cms_config,
    config_yaml,
    editor_rules,
)
from generator.content.models import Network
from generator.content.repository import Repository

ADMIN_DIR = "admin"
PACKAGE = "decap-cms"
BUNDLE = "decap-cms.js"
BUNDLE_DIR = Path(__file__).resolve().parents[2] / "node_modules" / PACKAGE / "dist"
# The YAML reader the project's formats use in the browser, beside the CMS in node_modules.
YAML_READER = Path("js-yaml") / "dist" / "js-yaml.min.js"
OWN_SCRIPT = ADMIN_FILES / "red-admin.js"
# The editor's layout under 800 px (Decap's own is at least 800 px wide).
OWN_STYLE = ADMIN_FILES / "red-admin.css"


def admin_page(site_name: str, rules: Mapping[str, Any]) -> bytes:
    title = escape(f"Editor de contenido · {site_name}")
    # In a script element only "</" could end it early.
    data = json.dumps(rules, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return (
        '<!doctype html>\n<html lang="es">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{title}</title>\n"
        f'<link rel="icon" href="../{paths.FAVICON}">\n'
        f'<link rel="stylesheet" href="{OWN_STYLE.name}">\n</head>\n<body>\n'
        "<noscript><p>El editor necesita JavaScript.</p></noscript>\n"
        f'<script src="{BUNDLE}"></script>\n'
        f'<script src="{YAML_READER.name}"></script>\n'
        f'<script type="application/json" id="reglas-del-editor">{data}</script>\n'
        f'<script src="{OWN_SCRIPT.name}"></script>\n'
        "</body>\n</html>\n"
    ).encode()


def unavailable_page(network: Network) -> bytes:
    """/admin/ for readers when the site was built without a repository to save to (Markdown,
    its links final: the generator finishes it as any other page)."""
    person = network.coordinacion
    return (
        "---\ntitle: Editor de contenido\n---\n\n# Editor de contenido\n\n"
        "Los equipos de los centros usan este editor para escribir sus buenas prácticas y "
        "poner al día el perfil de su centro desde el navegador, sin instalar nada. En esta "
        "copia del sitio el editor no está activado.\n\n"
        "**¿Quieres compartir una práctica de tu centro?** Pregúntale a la coordinación "
        f"nacional de la red ({person.nombre}, {person.cargo}) o sigue los pasos de "
        "[Cómo contribuir](../contribuir/).\n\n"
        "*Para quien mantiene el sitio: el editor se activa solo al construir el sitio en "
        "GitHub Actions, que indica el repositorio; en otro lugar, con la variable "
        "RED_CMS_REPO=organización/repositorio.*\n"
    ).encode()


def bundle_files(bundle_dir: Path) -> dict[str, bytes] | None:
    """The CMS's script, its lazily loaded chunks and WebAssembly, its license notices, the
    YAML reader and the project's own script and stylesheet."""
    main = bundle_dir / BUNDLE
    reader = bundle_dir.parents[1] / YAML_READER
    if not main.is_file() or not reader.is_file():
        return None
    names = [BUNDLE, BUNDLE + ".LICENSE.txt"]
    names += sorted(p.name for p in bundle_dir.glob("*." + BUNDLE))
    names += sorted(p.name for p in bundle_dir.glob("*.wasm"))
    files = {name: (bundle_dir / name).read_bytes() for name in names}
    files[reader.name] = reader.read_bytes()
    files[OWN_SCRIPT.name] = OWN_SCRIPT.read_bytes()
    files[OWN_STYLE.name] = OWN_STYLE.read_bytes()
    return files


@dataclass(frozen=True)
class AdminFiles:
    files: dict[str, bytes]  # docs tree path -> bytes; empty when the admin page is left out
    warning: str | None = None


def admin_files(repo: Repository, backend: Backend, bundle_dir: Path | None = None) -> AdminFiles:
    """admin/index.html, admin/config.yml and the CMS's own files, all served by the site; for
    a site that does not know its repository, a page that tells readers what the editor is."""
    network = repo.network.data
    if not backend.ready:
        return AdminFiles({f"{ADMIN_DIR}/index.md": unavailable_page(network)})
    bundle_dir = bundle_dir or BUNDLE_DIR
    bundle = bundle_files(bundle_dir)
    if bundle is None:
        return AdminFiles(
            {},
            f"Aviso: no se encontró {bundle_dir / BUNDLE} (ejecuta «npm ci» en la raíz del "
            "repositorio): el sitio se construye sin la página de administración /admin/.",
        )
    taxonomy = repo.taxonomy.data
    files = {
        "index.html": admin_page(
            network.nombre, editor_rules(taxonomy, network, repo.centers, backend)
        ),
        "config.yml": config_yaml(cms_config(taxonomy, network, repo.centers, backend)),
        **bundle,
    }
    return AdminFiles({f"{ADMIN_DIR}/{name}": data for name, data in files.items()})
