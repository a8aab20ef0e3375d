"""The /admin/ page's configuration follows the models, the taxonomy and the centers."""

from __future__ import annotations

import posixpath
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from generator import addresses as paths
from generator.authoring import admin_page, cms
from generator.content.dates import PATTERN as PARTIAL_DATE_PATTERN
from generator.content.models import (
    REQUIRED_SECTIONS,
    Center,
    Network,
    PageMeta,
    PracticeMeta,
    Taxonomy,
)
from generator.content.pipeline import load_valid
from generator.publish.settings import RunSettings
from generator.publish.tree import write_tree
from generator.site.render import icon

from .conftest import REPO, MakeRepo, built_repository
from .sitebuild import build, soup
from .spanish import foreign_words, slips


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    repo, _ = load_valid(REPO)
    backend = cms.Backend(repo="organizacion/red-de-centros")
    return cms.cms_config(repo.taxonomy.data, repo.network.data, repo.centers, backend)


def collection(config: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    [found] = [c for c in config["collections"] if c["name"] == name]
    return {field["name"]: field for field in found["fields"]}


def values(field: dict[str, Any]) -> list[str]:
    return [o["value"] if isinstance(o, dict) else o for o in field["options"]]


def test_every_practice_key_is_a_field_and_the_required_ones_are_required(
    config: dict[str, Any],
) -> None:
    fields = collection(config, cms.PRACTICES)
    assert list(fields) == [*PracticeMeta.model_fields, "body"]
    for key, info in PracticeMeta.model_fields.items():
        assert fields[key].get("required", True) is info.is_required(), key
        assert fields[key]["label"] and fields[key]["hint"], key


def model_tree(model: type[BaseModel]) -> list[type[BaseModel]]:
    """The model and every model its fields hold."""
    found = [model]
    for info in model.model_fields.values():
        for inner in typing.get_args(info.annotation) or (info.annotation,):
            for candidate in typing.get_args(inner) or (inner,):
                if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                    found += [m for m in model_tree(candidate) if m not in found]
    return found


@pytest.mark.parametrize("model", [PracticeMeta, Center, Taxonomy, Network, PageMeta])
def test_every_field_has_its_own_title_and_description(model: type[BaseModel]) -> None:
    for part in model_tree(model):
        for key, info in part.model_fields.items():
            assert info.title and info.description, (part.__name__, key)


# A file path, a bracket or the word «clave» means nothing to a person in the editor.
NOT_FOR_PEOPLE = re.compile(r"\w/\w|\.(?:ya?ml|md)\b|[][<>{}()`]|\bclaves?\b", re.IGNORECASE)


def cms_fields(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for field in fields:
        yield field
        yield from cms_fields(field.get("fields", []))


def test_labels_and_hints_come_from_the_fields_and_speak_to_people(
    config: dict[str, Any],
) -> None:
    for model, name in ((PracticeMeta, cms.PRACTICES), (Center, "centros")):
        [found] = [c for c in config["collections"] if c["name"] == name]
        assert not NOT_FOR_PEOPLE.search(found["description"]), found["description"]
        for key, info in model.model_fields.items():
            assert collection(config, name)[key]["label"] == info.title
        for field in cms_fields(found["fields"]):
            for text in (field["label"], field.get("hint", "")):
                assert not NOT_FOR_PEOPLE.search(text), (field["name"], text)


# What Decap shows a person from the configuration: names, help lines, options, messages.
SHOWN = ("label", "label_singular", "hint", "description")


def shown_texts(node: Any, where: str = "config") -> dict[str, str]:
    """Every text of the configuration that the editor shows, by where it is."""
    texts: dict[str, str] = {}
    if isinstance(node, list):
        for i, item in enumerate(node):
            texts |= shown_texts(item, f"{where}[{i}]")
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in SHOWN and isinstance(value, str):
                texts[f"{where}.{key}"] = value
            elif key == "pattern":
                texts[f"{where}.pattern"] = value[1]  # [regular expression, message]
            else:
                texts |= shown_texts(value, f"{where}.{node.get('name', key)}")
    return texts


def code_names() -> set[str]:
    """The names of the content models (TeamRole, PracticeMeta...): never shown to a person."""
    models = [model_tree(m) for m in (PracticeMeta, Center, Taxonomy, Network, PageMeta)]
    return {model.__name__ for tree in models for model in tree}


@pytest.mark.parametrize(
    "backend",
    [cms.Backend(repo="o/r"), cms.Backend(name="proxy", proxy_url="http://127.0.0.1:8081/api/v1")],
    ids=["github", "local"],
)
def test_every_label_and_hint_of_the_editor_is_spanish(backend: cms.Backend) -> None:
    repo, _ = load_valid(REPO)
    config = cms.cms_config(repo.taxonomy.data, repo.network.data, repo.centers, backend)
    texts = shown_texts(config)
    singular = [where for where in texts if where.endswith(".label_singular")]
    assert len(texts) > 150 and len(singular) >= 5  # every field and every list is read
    assert foreign_words(texts, code_names()) == []
    assert slips(texts) == []
    sign_in = {"login": cms.login_sentence(repo.network.data.nombre, backend)}
    assert foreign_words(sign_in, code_names()) == [] and slips(sign_in) == []


def test_an_english_word_or_a_code_name_is_caught() -> None:
    """The check finds what it is for (a test that could not fail would prove nothing)."""
    assert foreign_words({"a": "Agregar teamrole"}, code_names())
    assert foreign_words({"b": "Add entry"}) and foreign_words({"c": "label_singular"})
    assert foreign_words({"d": "el campo practiceMeta"})
    assert not foreign_words({"e": "Agregar rol: la red local, sin error final"}, code_names())


def test_dates_are_written_as_they_are_stored(config: dict[str, Any]) -> None:
    """A date picker shows the browser's format; the file and the site say AAAA-MM-DD."""
    practice = collection(config, cms.PRACTICES)
    replicas = {f["name"]: f for f in practice["replicas"]["fields"]}
    for field in (practice["fecha"], replicas["fecha"]):
        assert field["widget"] == "string"
        pattern, message = field["pattern"]
        assert re.fullmatch(pattern, "2021-04-02") and not re.fullmatch(pattern, "02/04/2021")
        assert "AAAA-MM-DD" in message


def test_the_states_have_spanish_labels(config: dict[str, Any]) -> None:
    practice_state = collection(config, cms.PRACTICES)["estado"]
    assert [o["label"] for o in practice_state["options"]] == [
        "Ejemplo de formato",
        "Borrador",
        "Publicada",
    ]
    state = {f["name"]: f for f in collection(config, "centros")["estado"]["fields"]}
    assert [o["label"] for o in state["valor"]["options"]] == [
        "Activo",
        "En instalación",
        "Cerrado",
    ]


def test_every_center_key_is_a_field(config: dict[str, Any]) -> None:
    fields = collection(config, "centros")
    assert list(fields) == list(Center.model_fields)
    assert all(fields[k].get("required", True) for k in ("nombre", "comuna", "region", "fuente"))


def test_options_are_the_taxonomy_and_the_centers(config: dict[str, Any]) -> None:
    repo, _ = load_valid(REPO)
    taxonomy = repo.taxonomy.data
    practice = collection(config, cms.PRACTICES)
    assert values(practice["areas"]) == list(taxonomy.areas)
    assert practice["areas"]["multiple"] and practice["areas"]["min"] == 1
    assert values(practice["servicios"]) == list(taxonomy.servicios)
    assert values(practice["publicos"]) == list(taxonomy.publicos)
    assert values(practice["centro"]) == list(repo.centers)
    assert [o["label"] for o in practice["centro"]["options"]] == [
        c.data.nombre for c in repo.centers.values()
    ]
    assert values(practice["estado"]) == ["ejemplo", "borrador", "publicada"]
    center = collection(config, "centros")
    assert values(center["region"]) == list(taxonomy.regiones)
    state = {f["name"]: f for f in center["estado"]["fields"]}  # a state only with its source
    assert center["estado"]["required"] is False
    assert values(state["valor"]) == ["activo", "en-instalacion", "cerrado"]
    assert values(state["fuente"]) == list(repo.network.data.fuentes)
    assert state["fecha"]["pattern"][0] == PARTIAL_DATE_PATTERN
    assert values(center["fuente"]) == list(repo.network.data.fuentes)


def test_every_choice_names_a_field_of_its_model() -> None:
    defs = {
        **PracticeMeta.model_json_schema()["$defs"],
        **Center.model_json_schema()["$defs"],
        "PracticeMeta": PracticeMeta.model_json_schema(),
        "Center": Center.model_json_schema(),
    }
    for model, key in [*cms.CHOICES, *cms.RELATIONS]:
        assert key in defs[model]["properties"], (model, key)


def test_the_body_starts_with_the_four_sections(config: dict[str, Any]) -> None:
    body = collection(config, cms.PRACTICES)["body"]
    headings = [line[3:] for line in body["default"].splitlines() if line.startswith("## ")]
    assert headings == list(REQUIRED_SECTIONS)


def test_pull_requests_through_github_with_open_authoring(config: dict[str, Any]) -> None:
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "es"
    assert config["backend"] == {
        "name": "github",
        "repo": "organizacion/red-de-centros",
        "branch": "main",
        "open_authoring": True,
    }


def test_the_backend_comes_from_the_environment() -> None:
    assert cms.backend_from_environment({"RED_CMS_BACKEND": "test-repo"}).name == "test-repo"
    ci = cms.backend_from_environment({"GITHUB_REPOSITORY": "org/red"})
    assert (ci.name, ci.repo, ci.ready) == ("github", "org/red", True)
    assert cms.backend_from_environment({"RED_CMS_REPO": "otra/red"}).repo == "otra/red"
    assert not cms.backend_from_environment({}).ready


def test_without_a_repository_admin_is_a_page_of_the_site_for_readers(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("GITHUB_REPOSITORY", "RED_CMS_REPO", "RED_CMS_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    root = make_repo()
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert not (site / "admin" / "config.yml").exists()
    assert not (site / "admin" / admin_page.BUNDLE).exists()
    page, home = soup(site, "admin/"), soup(site, "")
    assert page.find("h1").get_text(strip=True) == "Editor de contenido"
    text = page.get_text(" ", strip=True)
    coordination = load_valid(root)[0].network.data.coordinacion
    assert coordination.nombre in text and "no está activado" in text
    # Styled like the site: the same stylesheets and the same navigation as the home page.
    styles = [link["href"] for link in home.find_all("link", rel="stylesheet")]
    assert styles and [link["href"] for link in page.find_all("link", rel="stylesheet")] == [
        "../" + href for href in styles
    ]
    assert page.find("nav") is not None
    [guide] = [a for a in page.find_all("a") if a.get_text(strip=True) == "Cómo contribuir"][-1:]
    assert (site / "admin" / guide["href"] / "index.html").resolve().is_file()
    assert not any("decap" in (s.get("src") or "") for s in page.find_all("script"))


def test_without_npm_ci_the_site_is_built_without_admin(
    make_repo: MakeRepo,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(admin_page, "BUNDLE_DIR", tmp_path / "sin-node-modules")
    docs = tmp_path / "docs"
    write_tree(RunSettings(make_repo(), cms_backend={"RED_CMS_BACKEND": "test-repo"}), docs)
    assert (docs / "index.md").is_file()
    assert not (docs / "admin").exists()
    warning = capsys.readouterr().err
    assert "npm ci" in warning and "/admin/" in warning


def test_the_offline_bundle_has_no_admin(make_repo: MakeRepo, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_tree(RunSettings(make_repo(), offline=True), docs)
    assert not (docs / "admin").exists()


def test_the_editor_page_names_the_sites_icon(tmp_path: Path) -> None:
    """/admin/ names the icon every page of the site has (a browser asked for a missing
    /favicon.ico), and the site carries both the icon and /favicon.ico."""
    page = admin_page.admin_page("Red de Centros", {}).decode()
    [href] = re.findall(r'<link rel="icon" href="([^"]+)">', page)
    assert posixpath.normpath(posixpath.join(admin_page.ADMIN_DIR, href)) == paths.FAVICON
    site = built_repository(tmp_path)
    for path in (paths.FAVICON, paths.FAVICON_ICO):
        assert (site / path).read_bytes() == icon(path), path
    assert (site / paths.FAVICON_ICO).read_bytes()[:4] == b"\0\0\1\0"  # an ICO file


def test_a_lists_count_agrees_with_its_number(config: dict[str, Any]) -> None:
    """Decap heads a list «N label» whatever N («0 equipo»); red-admin.js rewrites each word it
    may write there as the item's name, singular for 1 and plural otherwise."""
    counts = cms.list_counts(config)
    assert counts["equipo"] == counts["rol"] == ["rol", "roles"]
    assert counts["resultados medidos"] == ["resultado", "resultados"]
    assert counts["réplicas en otros centros"] == ["réplica", "réplicas"]
    words = [cms.spanish_plural(w) for w in ("hito", "rol", "acción", "luz", "mes")]
    assert words == ["hitos", "roles", "acciones", "luces", "meses"]
