"""Hostile content in a real browser: no script runs, and attack strings show as text.

Two corpora. Valid content whose YAML values (titles, summaries, center names, tags,
contact fields) and code in bodies carry attack strings: they must show literally. And a
raw page with hostile HTML put straight into the docs tree, past `check`: the build's
sanitizer (`generator.site.sanitize`) must strip it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from ..conftest import create_repo
from ..sitebuild import build
from .conftest import served

PWN = "window.__pwned=1;console.log('PWNED')"
ATTACKS = {
    "titulo": f"</title><script>{PWN}</script> Título «raro» & <b>negrita</b>",
    "resumen": f'"><img src=x onerror="{PWN}"> *no es cursiva* [enlace](javascript:{PWN})',
    "centro": f'Centro </script><svg onload="{PWN}"> {{{{ 7*7 }}}} ]]></x>',
    "etiqueta": f'\'><iframe src="javascript:{PWN}"></iframe>',
    "contacto": f"<a href='javascript:{PWN}'>Ana</a> | --> <!--",
    "cargo": "${alert(1)} `código` <style>*{display:none}</style>",
    "telefono": f"+56 9 <script>{PWN}</script>",
    # Quotes and brackets are refused by `check`; this one passes it and tries Markdown instead.
    "web": "https://ejemplo.cl/)](javascript:window.__pwned=1)[x](",
    "codigo": f"<script>{PWN}</script>",
}

CENTER = {
    "nombre": ATTACKS["centro"],
    "comuna": "Talca <img src=x onerror=alert(1)>",
    "region": "maule",
    "operador": "Codesser",
    "fuente": "entrevista-2020",
    "descripcion": ATTACKS["resumen"],
    "hitos": [{"fecha": 2020, "evento": ATTACKS["titulo"], "fuente": "entrevista-2020"}],
    "coordenadas": {"lat": -35.4, "lon": -71.6},
    "contacto": {"nombre": ATTACKS["contacto"], "telefono": ATTACKS["telefono"]},
}
PRACTICE = {
    "titulo": ATTACKS["titulo"],
    "resumen": ATTACKS["resumen"],
    "centro": "ataque",
    "areas": ["digitalizacion"],
    "fecha": "2021-04-01",
    "estado": "publicada",
    "etiquetas": [ATTACKS["etiqueta"], "almacenes"],
    "contacto": {
        "nombre": ATTACKS["contacto"],
        "cargo": ATTACKS["cargo"],
        "telefono": ATTACKS["telefono"],
        "web": ATTACKS["web"],
    },
}
BODY = f"""
## Contexto
El código `{ATTACKS["codigo"]}` se muestra tal cual.

## Qué hicimos
```html
<img src=x onerror="{PWN}">
```

## Resultados
Texto.

## Cómo replicarla
Texto.
"""

RAW_PAGE = f"""# Página cruda

<script>{PWN}</script>
<img src="x.png" onerror="{PWN}">
<a href="javascript:{PWN}">enlace</a>
<a href="  jav&#x09;ascript:{PWN}">enlace con tabulador</a>
<iframe src="javascript:{PWN}"></iframe>
<object data="javascript:{PWN}"></object>
<svg onload="{PWN}"><a href="javascript:{PWN}"><circle r="5"/></a></svg>
<div style="position:fixed;inset:0" onmouseover="{PWN}">Texto que queda.</div>

![imagen](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+){{: onerror="{PWN}" }}
[otro](javascript:{PWN}){{: onclick="{PWN}" }}
"""


def front_matter(data: dict[str, Any], body: str) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = create_repo(
        tmp_path_factory.mktemp("hostil") / "repo",
        {
            "centers/ataque.yml": yaml.safe_dump(CENTER, allow_unicode=True, sort_keys=False),
            "practices/ataque.md": front_matter(PRACTICE, BODY),
        },
    )
    result = build(root)
    assert result.returncode == 0, result.stderr
    # Past `check`: hostile HTML into a page as the generator finishes any page (its
    # sanitizer is the last step), then the site engine alone.
    script = (
        "import sys; from pathlib import Path; "
        "from generator.engines import EngineJob, engine_named; "
        "from generator.publish.build import project_config_file; "
        "from generator.publish.settings import RunSettings; "
        "from generator.publish.tree import write_tree; "
        "from generator.site.finish import finish_page; "
        "root = Path(sys.argv[1]); docs = root / 'docs_site'; "
        "write_tree(RunSettings(root), docs); "
        "(docs / 'crudo.md').write_bytes(finish_page(sys.argv[2])); "
        "engine_named().build(EngineJob(project_config_file(root), docs, root / 'site'))"
    )
    command = [sys.executable, "-c", script, str(root), RAW_PAGE]
    result = subprocess.run(command, capture_output=True, text=True, timeout=50)
    assert result.returncode == 0, result.stderr
    with served(root / "site") as base:
        yield base


class Watch:
    """Everything a page could do if a script ran: dialogs, console output, the marker."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: self.console.append(m.text))

    def visit(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        self.page.mouse.move(200, 300)  # would fire a mouseover handler
        self.page.wait_for_timeout(50)
        assert self.page.evaluate("typeof window.__pwned") == "undefined", url
        assert self.dialogs == [], url
        assert not [m for m in self.console if "PWNED" in m], url


PAGES = [
    "",
    "practicas/",
    "practicas/ataque/",
    "centros/",
    "centros/ataque/",
    "areas/digitalizacion/",
    "red/",
    "etiquetas/",
    "buscar/?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
]


def test_no_script_runs_on_any_page(hostile_site: str, page: Any) -> None:
    watch = Watch(page)
    for path in [*PAGES, "crudo/"]:
        watch.visit(hostile_site + path)


def test_attack_strings_show_literally(hostile_site: str, page: Any) -> None:
    Watch(page).visit(hostile_site + "practicas/ataque/")
    assert page.inner_text("article h1") == ATTACKS["titulo"]
    assert page.title().startswith(ATTACKS["titulo"])
    text = page.inner_text("article")
    for key in ("resumen", "centro", "etiqueta", "contacto", "cargo", "telefono", "web", "codigo"):
        assert ATTACKS[key] in text, key
    description = page.get_attribute("meta[name=description]", "content")
    assert description == ATTACKS["resumen"]
    Watch(page).visit(hostile_site + "centros/")
    labels = page.eval_on_selector_all("figure svg a", "els => els.map(e => e.textContent)")
    assert any(ATTACKS["centro"] in label for label in labels)
    Watch(page).visit(hostile_site + "centros/ataque/")
    assert page.inner_text("article h1") == ATTACKS["centro"]
    assert ATTACKS["titulo"] in page.inner_text("article")


def test_feeds_and_json_carry_the_strings_as_data(hostile_site: str, page: Any) -> None:
    for path in ("feed.xml", "api/practicas.json"):
        response = page.request.get(hostile_site + path)
        if response.status == 404:
            continue  # that output does not exist (yet)
        body = response.body().decode("utf-8")
        if path.endswith(".json"):
            found = json.dumps(json.loads(body), ensure_ascii=False)
            assert json.dumps(ATTACKS["titulo"], ensure_ascii=False) in found
        else:
            titles = [el.text for el in ET.fromstring(body).iter() if el.tag.endswith("title")]
            assert ATTACKS["titulo"] in titles


DANGEROUS_IN_ARTICLE = """() => {
  const found = [];
  for (const el of document.querySelectorAll("article *")) {
    const banned = ["SCRIPT", "IFRAME", "OBJECT", "EMBED", "STYLE"];
    if (banned.includes(el.tagName)) found.push(el.tagName);
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (attr.name.startsWith("on") || attr.name === "style") found.push(attr.name);
      if (/^(javascript|data|vbscript):/.test(value)) found.push(`${attr.name}=${value}`);
    }
  }
  return found;
}"""


def test_the_sanitizer_strips_hostile_html_past_check(hostile_site: str, page: Any) -> None:
    Watch(page).visit(hostile_site + "crudo/")
    assert page.evaluate(DANGEROUS_IN_ARTICLE) == []
    assert "Texto que queda." in page.inner_text("article")
