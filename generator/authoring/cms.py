"""The admin page /admin/: Decap CMS, configured from the models, the taxonomy and the centers.

Decap writes the same files a contributor would (practices/*.md, centers/*.yml) and, with the
editorial workflow, proposes them as pull requests that go through the same checks. Its fields
come from the JSON Schema of each model (as the editors' schemas do), its options from the
taxonomy and the centers: nothing here repeats a key, an option or a description.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator.authoring.canonical import CENTER_FORMAT, PRACTICE_FORMAT, browser_rules
from generator.content.dates import PATTERN as PARTIAL_DATE_PATTERN
from generator.content.markdown import ALERT_TITLES
from generator.content.models import (
    REQUIRED_SECTIONS,
    STATE_LABELS,
    Center,
    Network,
    PracticeMeta,
    Taxonomy,
)
from generator.content.repository import Entry
from generator.content.unfinished import SECTION_GUIDANCE

ADMIN_FILES = Path(__file__).resolve().parent / "admin"
# Decap's Spanish lacks some of its English phrases (buttons said "Add ...") and addresses the
# reader as «usted» in others: these fill the first and replace the second, in the site's «tú».
# Its «＋ Práctica» is «+ Práctica»: no font of Debian's Chromium (DejaVu, Liberation) draws
# U+FF0B, which showed as an empty box.
SPANISH_PHRASES: dict[str, Any] = json.loads(
    (ADMIN_FILES / "frases-es.json").read_text(encoding="utf-8")
)
PREVIEW_STYLE = (ADMIN_FILES / "vista-previa.css").read_text(encoding="utf-8")
CONFIG_HEADER = (
    "# Generado desde generator/content/models/, content/taxonomia.yml y centers/ "
    "(generator/authoring/cms.py): no lo edites a mano.\n"
)

LONG_TEXT = frozenset({"resumen", "descripcion"})
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DAY_MESSAGE = "Escribe la fecha como AAAA-MM-DD, p. ej. 2021-04-02."
PATTERN_MESSAGES = {
    PARTIAL_DATE_PATTERN: "Escribe la fecha tan precisa como la fuente: 2020, «inicio de 2020», "
    "«fin de 2020», 2020-12 o 2020-12-15."
}

# (model, key) -> list of options. By model: Result.fuente is free text, Center.fuente is a key.
CHOICES: dict[tuple[str, str], str] = {
    ("PracticeMeta", "centro"): "centros",
    ("PracticeMeta", "areas"): "areas",
    ("PracticeMeta", "servicios"): "servicios",
    ("PracticeMeta", "publicos"): "publicos",
    ("Replica", "centro"): "centros",
    ("Center", "region"): "regiones",
    ("Center", "servicios"): "servicios",
    ("Center", "fuente"): "fuentes",
    ("Milestone", "fuente"): "fuentes",
    ("CenterState", "fuente"): "fuentes",
}
PRACTICES = "practicas"
RELATIONS: dict[tuple[str, str], dict[str, Any]] = {
    ("PracticeMeta", "relacionadas"): {
        "widget": "relation",
        "collection": PRACTICES,
        "search_fields": ["titulo"],
        "display_fields": ["titulo"],
        "value_field": "{{slug}}",
        "multiple": True,
    },
}

Options = list[dict[str, str]]


@dataclass(frozen=True)
class Backend:
    """Where the CMS reads and proposes changes: GitHub (pull requests), `proxy` (decap-server
    on this machine, which writes the working copy) or `test-repo` (only in the browser)."""

    name: str = "github"
    repo: str | None = None  # owner/name; None when nobody said which
    branch: str = "main"
    base_url: str | None = None  # the OAuth service that signs people in with GitHub
    proxy_url: str | None = None  # decap-server's API, for `proxy`

    @property
    def ready(self) -> bool:
        return self.name in ("test-repo", "proxy") or bool(self.repo)

    @property
    def publish_mode(self) -> str:
        # decap-server writes files directly (its file-system mode has no pull requests)
        return "simple" if self.name == "proxy" else "editorial_workflow"


LOCAL_PORT = "8081"  # decap-server's own default


def backend_from_environment(env: Mapping[str, str]) -> Backend:
    """RED_CMS_BACKEND=local (make editar: decap-server on RED_CMS_LOCAL_PORT, 8081 by
    default) or test-repo (tests); else GitHub, the repository from RED_CMS_REPO or (in GitHub
    Actions) GITHUB_REPOSITORY."""
    if env.get("RED_CMS_BACKEND") == "test-repo":
        return Backend(name="test-repo")
    if env.get("RED_CMS_BACKEND") == "local":
        port = env.get("RED_CMS_LOCAL_PORT") or LOCAL_PORT
        return Backend(name="proxy", proxy_url=f"http://127.0.0.1:{port}/api/v1")
    return Backend(
        repo=env.get("RED_CMS_REPO") or env.get("GITHUB_REPOSITORY") or None,
        branch=env.get("RED_CMS_BRANCH") or "main",
        base_url=env.get("RED_CMS_AUTH_URL") or None,
    )


def choices(
    taxonomy: Taxonomy, network: Network, centers: Mapping[str, Entry[Center]]
) -> dict[str, Options]:
    def options(pairs: Mapping[str, Any]) -> Options:
        return [{"label": item.nombre, "value": key} for key, item in pairs.items()]

    return {
        "centros": [{"label": e.data.nombre, "value": key} for key, e in centers.items()],
        "areas": options(taxonomy.areas),
        "servicios": options(taxonomy.servicios),
        "publicos": options(taxonomy.publicos),
        "regiones": options(taxonomy.regiones),
        "fuentes": [{"label": s.titulo, "value": key} for key, s in network.fuentes.items()],
    }


class _Fields:
    """Decap fields from a model's JSON Schema."""

    def __init__(self, model: type[BaseModel], options: Mapping[str, Options]) -> None:
        self.schema = model.model_json_schema(mode="validation")
        self.defs: dict[str, Any] = self.schema.get("$defs", {})
        self.options = options

    def of(
        self, model_name: str, node: Mapping[str, Any], *, optional: bool = False
    ) -> list[dict[str, Any]]:
        # Inside an optional block (a center's dated state) nothing is required in the editor,
        # or Decap would refuse to save the block left empty; `check` still asks for all of it.
        required = set() if optional else set(node.get("required", ()))
        return [
            self.field(model_name, key, prop, key in required)
            for key, prop in node["properties"].items()
        ]

    def field(
        self, model_name: str, key: str, prop: Mapping[str, Any], required: bool
    ) -> dict[str, Any]:
        node = _without_null(prop)
        field: dict[str, Any] = {"name": key, "label": prop["title"]}
        field.update(self.widget(model_name, key, node))
        if "$ref" in node and not required:
            name = node["$ref"].rsplit("/", 1)[-1]
            field["fields"] = self.of(name, self.defs[name], optional=True)
        # Options already show the values: an example would only show a key.
        with_example = (model_name, key) not in CHOICES and "enum" not in node
        hint = _hint(prop, with_example=with_example)
        if hint:
            field["hint"] = hint
        if not required and "enum" in node:
            field.pop("default", None)  # an optional choice starts empty: nothing is made up
        if node.get("type") == "array" and not node.get("minItems") and required:
            required = False  # may be empty: Decap's "required" would demand one item
            field["default"] = []
        if not required:
            field["required"] = False
        return field

    def widget(self, model_name: str, key: str, node: Mapping[str, Any]) -> dict[str, Any]:
        if (model_name, key) in RELATIONS:
            return RELATIONS[(model_name, key)]
        many = node.get("type") == "array"
        if (model_name, key) in CHOICES:
            widget: dict[str, Any] = {
                "widget": "select",
                "options": self.options[CHOICES[(model_name, key)]],
            }
            if many:
                widget["multiple"] = True
                if node.get("minItems"):
                    widget["min"] = node["minItems"]
            return widget
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            return {"widget": "object", "collapsed": True, "fields": self.of(name, self.defs[name])}
        if many:
            items = node["items"]
            if "$ref" in items:
                name = items["$ref"].rsplit("/", 1)[-1]
                return {
                    "widget": "list",
                    "label_singular": self.defs[name]["title"].lower(),
                    "fields": self.of(name, self.defs[name]),
                }
            return {"widget": "list"}  # words separated by commas
        if "enum" in node:
            return {
                "widget": "select",
                "options": [
                    {"label": STATE_LABELS.get(v, v.capitalize()), "value": v} for v in node["enum"]
                ],
                "default": node["examples"][0],
            }
        if "anyOf" in node:  # a partial date (number or text) or a value (number or text)
            node = next(branch for branch in node["anyOf"] if branch.get("type") == "string")
        if node.get("format") == "date":
            # Text, not a date picker: the picker shows the browser's format (dd/mm/aaaa or
            # mm/dd/yyyy), the file and the site AAAA-MM-DD.
            return {"widget": "string", "pattern": [DAY_PATTERN, DAY_MESSAGE]}
        if node.get("type") in ("number", "integer"):
            number = {
                "widget": "number",
                "value_type": "int" if node["type"] == "integer" else "float",
            }
            number.update({k[:3]: node[k] for k in ("minimum", "maximum") if k in node})
            return number
        widget = {"widget": "text" if key in LONG_TEXT else "string"}
        if node.get("pattern") in PATTERN_MESSAGES:
            widget["pattern"] = [node["pattern"], PATTERN_MESSAGES[node["pattern"]]]
        return widget


def _without_null(prop: Mapping[str, Any]) -> Mapping[str, Any]:
    """`X | None` is X, optional."""
    branches = [b for b in prop.get("anyOf", ()) if b.get("type") != "null"]
    if "anyOf" in prop and len(branches) == 1:
        return {**{k: v for k, v in prop.items() if k != "anyOf"}, **branches[0]}
    return prop


def _hint(prop: Mapping[str, Any], *, with_example: bool) -> str:
    hint = str(prop.get("description", ""))
    examples = prop.get("examples") or []
    if with_example and examples and isinstance(examples[0], str) and examples[0] not in hint:
        hint += f" Ejemplo: {examples[0].rstrip('.')}."
    return hint.strip()


def practice_body() -> str:
    """The four required sections, each with what to write in it."""
    return "\n\n".join(f"## {s}\n\n{SECTION_GUIDANCE[s]}" for s in REQUIRED_SECTIONS) + "\n"


# The body is edited as Markdown, beside its live preview, never in Decap's rich text: rich
# text rewrites the whole body on every keystroke, in the Markdown it models (its issues #1962
# and #226). On a body with every construct the site supports, a keystroke typed and
# erased there rewrote 28 of its 78 lines (tests/browser/todas-las-formas.md): task boxes and
# table alignment gone, four lists merged into one, two ordered lists renumbered into another,
# alerts escaped, indented code fenced, `-` and `+` bullets turned into `*`. In Markdown the
# file keeps every character the person did not change. No buttons: they act only in rich text
# (they showed, greyed out, over the Markdown); red-admin.js writes MARKDOWN_HELP in their
# place, the parts between backquotes as typed.
BODY_EDITOR = {"modes": ["raw"], "buttons": [], "editor_components": []}
MARKDOWN_HELP = (
    "Markdown, como en GitHub: `**negrita**`, `*cursiva*`, `- punto de una lista`, "
    "`[texto del enlace](https://www.sercotec.cl/)`, una línea en blanco entre párrafos. "
    "Ves cómo queda en la vista previa mientras escribes."
)


def body_field() -> dict[str, Any]:
    # Every required heading on a line of its own; Decap builds the RegExp without flags.
    pattern = "".join(f"(?=[\\s\\S]*(?:^|\\n)## {s}[ \\t]*(?:\\n|$))" for s in REQUIRED_SECTIONS)
    return {
        "name": "body",
        "label": "Texto de la práctica",
        "widget": "markdown",
        **BODY_EDITOR,
        "default": practice_body(),
        "hint": "Completa las cuatro secciones: "
        + ", ".join(f"«{s}»" for s in REQUIRED_SECTIONS)
        + ". No cambies sus títulos.",
        "pattern": [
            pattern,
            "el texto debe tener los títulos "
            + ", ".join(f"«## {s}»" for s in REQUIRED_SECTIONS)
            + ".",
        ],
    }


def cms_config(
    taxonomy: Taxonomy,
    network: Network,
    centers: Mapping[str, Entry[Center]],
    backend: Backend,
) -> dict[str, Any]:
    """The whole Decap configuration (admin/config.yml)."""
    options = choices(taxonomy, network, centers)
    practice = _Fields(PracticeMeta, options)
    center = _Fields(Center, options)
    backend_config: dict[str, Any] = {"name": backend.name}
    if backend.name == "proxy":
        backend_config.update({"proxy_url": backend.proxy_url, "branch": backend.branch})
    elif backend.name != "test-repo":
        backend_config.update(
            {"repo": backend.repo, "branch": backend.branch, "open_authoring": True}
        )
        if backend.base_url:
            backend_config["base_url"] = backend.base_url
    return {
        "backend": backend_config,
        "publish_mode": backend.publish_mode,
        "locale": "es",
        "media_folder": "practices/imagenes",
        "public_folder": "imagenes",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": PRACTICES,
                "label": "Prácticas",
                "label_singular": "Práctica",
                "description": "Cada práctica es una ficha del sitio. Al guardarla pasa por las "
                "mismas revisiones automáticas que cualquier cambio.",
                "folder": "practices",
                "extension": "md",
                "format": PRACTICE_FORMAT,
                "create": True,
                "identifier_field": "titulo",
                "slug": "{{slug}}",
                "summary": "{{titulo}} ({{estado}})",
                "fields": [*practice.of("PracticeMeta", practice.schema), body_field()],
            },
            {
                "name": "centros",
                "label": "Centros",
                "label_singular": "Centro",
                "description": "El perfil de cada centro de la red.",
                "folder": "centers",
                "extension": "yml",
                "format": CENTER_FORMAT,
                "create": True,
                "identifier_field": "nombre",
                "slug": "{{comuna}}",
                "fields": center.of("Center", center.schema),
            },
        ],
    }


class _PlainDumper(yaml.SafeDumper):
    """Repeated option lists written out each time, not as YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def config_yaml(config: Mapping[str, Any]) -> bytes:
    text = yaml.dump(
        dict(config), Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100
    )
    return (CONFIG_HEADER + text).encode("utf-8")


# Where what a person saves goes, by backend: the second half of the sign-in sentence.
SAVED_TO = {
    "proxy": "lo que publicas se guarda en los archivos de esta carpeta de tu computador",
    "test-repo": "lo que guardas queda solo en este navegador, para probar",
    "github": "cada cambio que guardas se propone en GitHub y el equipo del sitio lo revisa "
    "antes de publicarlo",
}


def login_sentence(site_name: str, backend: Backend) -> str:
    """What the sign-in screen says this editor is (Decap shows only its logo and a button)."""
    return (
        f"Este es el editor del sitio «{site_name}»: aquí escribes las buenas prácticas de tu "
        f"centro y pones al día su perfil; {SAVED_TO[backend.name]}."
    )


def editor_rules(
    taxonomy: Taxonomy,
    network: Network,
    centers: Mapping[str, Entry[Center]],
    backend: Backend,
) -> dict[str, Any]:
    """What red-admin.js reads from the page: the canonical form, names for keys, phrases."""
    options = choices(taxonomy, network, centers)
    return {
        **browser_rules(),
        "names": {kind: {o["value"]: o["label"] for o in found} for kind, found in options.items()}
        | {"estados": STATE_LABELS},
        "phrases": SPANISH_PHRASES,
        "alertTitles": ALERT_TITLES,
        "markdownHelp": MARKDOWN_HELP,
        "previewStyle": PREVIEW_STYLE,
        "login": login_sentence(network.nombre, backend),
        "counts": list_counts(cms_config(taxonomy, network, centers, backend)),
    }


def spanish_plural(words: str) -> str:
    """The plural of a noun (its first word), by Spanish spelling: `rol` -> `roles`,
    `réplica` -> `réplicas`, `acción` -> `acciones`, `luz` -> `luces`."""
    first, space, rest = words.partition(" ")
    if first[-1] in "aeiouáéó":
        first += "s"
    elif first[-1] == "z":
        first = first[:-1] + "ces"
    else:
        unstressed = str.maketrans("áéíóú", "aeiou")
        first = first[:-2] + first[-2:].translate(unstressed) + "es"
    return first + space + rest


def list_counts(config: Mapping[str, Any]) -> dict[str, list[str]]:
    """Decap heads a list with its count and, whatever the count but 1, the list's label
    («0 equipo»): for each word it writes there, the item's name in singular and in plural
    (red-admin.js writes «0 roles», «1 rol»)."""
    counts: dict[str, list[str]] = {}

    def walk(fields: Any) -> None:
        for field in fields:
            if field.get("widget") == "list" and field.get("label_singular"):
                one = field["label_singular"]
                counts[field["label"].lower()] = counts[one] = [one, spanish_plural(one)]
            walk(field.get("fields", []))

    for collection in config["collections"]:
        walk(collection["fields"])
    return counts
