"""Render the docs tree: one Jinja environment, explicit contexts, StrictUndefined."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup

from generator.authoring.github_forms import FORM_FILES, PRACTICE_ID_FIELD
from generator.content.models import PracticeMeta
from generator.content.repository import MarkdownEntry
from generator.parallel import in_parallel
from generator.site import api, urls
from generator.site.catalogue import facet_values, facets
from generator.site.charts import bar_chart
from generator.site.contexts import CenterRef, ListedPractice, PracticePage, PracticeText
from generator.site.feed import NEWS_LIMIT, all_news, newest_first, site_feeds
from generator.site.mapsvg import MapPoint, render_map
from generator.site.text import (
    capitalized,
    date_es,
    html_text,
    md,
    md_url,
    meta_string,
    partial_date_es,
    partial_date_when,
    pesos,
    plural,
    short_center_name,
)
from generator.site.view import SiteView, milestones, situation, tag_slug

DocsTree = dict[str, bytes]
Listed = MarkdownEntry[PracticeMeta] | ListedPractice  # what a list item reads: id and data
ADOPTION_SECTION = "registrar-replica"  # its id on the contributing page
# Below this, forking costs more than rendering the practice pages on a second core saves.
MIN_PRACTICES_TO_SPLIT = 50
CONTRIBUTING_PAGE = "contribuir"


@dataclass
class RenderCache:
    """Rendered pieces with the inputs they were made from. One render always uses one for
    the list items; the preview keeps one across renders for the practice pages too."""

    pages: dict[str, tuple[PracticePage, bytes]] = field(default_factory=dict)
    items: dict[tuple[str, str, bool], tuple[tuple[Any, ...], Markup]] = field(default_factory=dict)


@dataclass(frozen=True)
class RenderOptions:
    drafts: bool = False
    directory_urls: bool = True
    edit_base: str | None = None  # e.g. https://github.com/org/repo/edit/main/
    repository: str | None = None  # e.g. https://github.com/org/repo


def repository_from_environment() -> str | None:
    """The repository's address (e.g. https://github.com/org/repo), for the links that edit a
    file or open an issue form: RED_REPO_URL, else GitHub Actions' variables, else the
    repository of RED_EDIT_URL."""
    if explicit := os.environ.get("RED_REPO_URL"):
        return explicit.rstrip("/")
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and repository:
        return f"{server}/{repository}"
    edit = re.match(r"^(https?://.+?)/edit/[^/]+/?$", os.environ.get("RED_EDIT_URL", ""))
    return edit.group(1) if edit else None


def edit_base_from_environment() -> str | None:
    """Where "Editar esta página" points: RED_EDIT_URL, else the repository's default branch."""
    if explicit := os.environ.get("RED_EDIT_URL"):
        return explicit.rstrip("/") + "/"
    repository = repository_from_environment()
    if repository:
        return f"{repository}/edit/{os.environ.get('GITHUB_REF_NAME') or 'main'}/"
    return None


def _finalize(value: Any) -> Any:
    # Every {{ value }} is literal text unless a filter already made it Markup.
    return value if isinstance(value, Markup) else md(value)


@functools.cache
def _environment() -> jinja2.Environment:
    """One per process: the preview re-renders on every save, templates compile once."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=md,
        url=md_url,
        h=html_text,
        meta=meta_string,
        fecha=lambda d: md(date_es(d)),
        fecha_html=lambda d: html_text(date_es(d)),
        fecha_parcial=lambda d: md(partial_date_es(d)),
        fecha_cuando=lambda d: md(partial_date_when(d)),
        mayuscula=lambda text: md(capitalized(str(text))),
        plural=lambda n, one, many: md(plural(n, one, many)),
        pesos=pesos,
        corto=short_center_name,
    )
    return env


class Renderer:
    def __init__(
        self, view: SiteView, options: RenderOptions, cache: RenderCache | None = None
    ) -> None:
        self.view = view
        self.options = options
        self.keep_pages = cache is not None
        self.cache = cache or RenderCache()
        self.env = _environment()
        self.repo = view.repo
        self.taxonomy = view.repo.taxonomy.data
        self.network = view.repo.network.data

    def context(self, here: str) -> dict[str, Any]:
        """What the templates of the pages without a context of their own see: the link
        helpers for the page `here` and the whole site."""
        return self.helpers(here) | {
            "view": self.view,
            "taxonomy": self.taxonomy,
            "network": self.network,
            "pages": self.repo.pages,
        }

    def helpers(self, here: str) -> dict[str, Any]:
        """What every template sees: links relative to the page `here`, list items."""

        def link(target: str) -> Markup:
            return Markup(urls.link(here, target))

        def href(target: str) -> Markup:  # for raw HTML, which MkDocs does not rewrite
            return Markup(urls.href(here, target, directory_urls=self.options.directory_urls))

        def href_file(target: str) -> Markup:  # a file that is not a page (a feed)
            return Markup(urls.file_href(here, target, directory_urls=self.options.directory_urls))

        def item(practice: Listed, facets: bool = False) -> Markup:
            return self.practice_item(practice, here, facets)

        return {
            "here": here,
            "link": link,
            "href": href,
            "href_file": href_file,
            "item": item,
            "urls": urls,
            "tag_slug": tag_slug,
            "milestones": milestones,
            "situation": situation,
            "facet_values": facet_values,
        }

    def page(self, template: str, here: str, **context: Any) -> bytes:
        text = self.env.get_template(template).render(**self.context(here), **context)
        return text.encode("utf-8")

    def practice_item(self, practice: Listed, here: str, facets: bool) -> Markup:
        """A practice as an HTML list item; the same item appears in many lists, so render it
        once per address it links to and as long as what it shows is the same."""
        address = urls.href(
            here, urls.practice(practice.id), directory_urls=self.options.directory_urls
        )
        key = (practice.id, address, facets)
        center = self.view.center(practice.data.centro).data
        inputs = (practice.data, center, self.taxonomy, self.options)
        cached = self.cache.items.get(key)
        if cached is None or cached[0] != inputs:
            template = self.env.get_template("_item.html.j2")
            item = template.render(**self.context(here), p=practice, facets=facets)
            cached = self.cache.items[key] = (inputs, Markup(item.rstrip("\n")))
        return cached[1]

    def map_svg(self, here: str, highlighted: str | None = None) -> Markup:
        points = [
            MapPoint(
                id=c.id,
                label=f"{c.data.nombre} ({self.taxonomy.regiones[c.data.region].nombre})",
                lat=c.data.coordenadas.lat,
                lon=c.data.coordenadas.lon,
                href=urls.href(here, urls.center(c.id), directory_urls=self.options.directory_urls),
                highlighted=c.id == highlighted,
                name=short_center_name(c.data.nombre),
            )
            for c in self.view.centers
            if c.data.coordenadas
        ]
        return Markup(render_map(points, title="Mapa de los centros de la red"))

    def growth_svg(self) -> Markup:
        """The sourced counts, labelled with their dates as precise as the source gives them."""
        bars = [(partial_date_es(f.fecha), f.valor, False) for f in self.network.evolucion]
        goal = self.network.meta
        label = f"meta {partial_date_es(goal.fecha)}"
        bars.append((label, goal.valor, True))
        title = "Centros de la red en el tiempo, según la fuente, y meta"
        if goal.al_menos:
            title += f" (al menos {goal.valor})"
        return Markup(
            bar_chart(bars, title=title, at_least={len(bars) - 1} if goal.al_menos else set())
        )

    def adoption_url(self, practice: MarkdownEntry[PracticeMeta], here: str) -> str | None:
        """«¿Tu centro aplicó esta práctica?»: the adoption form with the practice filled in,
        or without a known repository the contributing page's section on adoptions."""
        if self.options.repository:
            query = {
                "template": PurePosixPath(FORM_FILES["replica"]).name,
                PRACTICE_ID_FIELD: practice.id,
                "title": f"Réplica: {practice.data.titulo}",
            }
            return f"{self.options.repository}/issues/new?{urlencode(query, quote_via=quote)}"
        if CONTRIBUTING_PAGE in self.repo.pages:
            page = urls.href(
                here, urls.page(CONTRIBUTING_PAGE), directory_urls=self.options.directory_urls
            )
            return f"{page}#{ADOPTION_SECTION}"
        return None

    def edit_url(self, source_file: str, here: str) -> str | None:
        """Where "Editar esta página" leads: the file's edit page on GitHub when the repository
        is known, else the page that explains how to propose a change (if there is one)."""
        if self.options.edit_base:
            return self.options.edit_base + source_file
        if CONTRIBUTING_PAGE in self.repo.pages:
            return urls.href(
                here, urls.page(CONTRIBUTING_PAGE), directory_urls=self.options.directory_urls
            )
        return None

    def practice_context(self, practice: MarkdownEntry[PracticeMeta]) -> PracticePage:
        view = self.view
        here = urls.practice(practice.id)

        def center_ref(center_id: str) -> CenterRef:
            return CenterRef(center_id, view.center(center_id).data)

        return PracticePage(
            here=here,
            directory_urls=self.options.directory_urls,
            practice=PracticeText(practice.id, practice.file, practice.data, practice.body),
            center=center_ref(practice.data.centro),
            centers={r.centro: center_ref(r.centro) for r in practice.data.replicas},
            related=tuple(
                ListedPractice(p.id, p.data, view.center(p.data.centro).data)
                for p in view.related(practice)
            ),
            updated=view.updated_on(practice),
            taxonomy=self.taxonomy,
            pages=frozenset(self.repo.pages),
            edit_url=self.edit_url(practice.file, here),
            adoption_url=self.adoption_url(practice, here),
        )

    def practice_page(self, practice: MarkdownEntry[PracticeMeta]) -> bytes:
        """A practice's page, rendered from its context alone; with a cache (the preview),
        only re-rendered when its context changed."""
        context = self.practice_context(practice)
        cached = self.cache.pages.get(context.here)
        if cached is not None and cached[0] == context:
            return cached[1]
        template = self.env.get_template("practica.md.j2")
        values = self.helpers(context.here) | context.template_values()
        output = template.render(values).encode("utf-8")
        if self.keep_pages:
            self.cache.pages[context.here] = (context, output)
        return output

    def practice_pages(
        self, practices: list[MarkdownEntry[PracticeMeta]] | None = None
    ) -> DocsTree:
        chosen = self.view.practices if practices is None else practices
        return {urls.practice(p.id): self.practice_page(p) for p in chosen}

    def api_files(self) -> DocsTree:
        return api.api_files(self.view, directory_urls=self.options.directory_urls)

    def render(self, workers: int = 1) -> DocsTree:
        """Every page. With two workers, a second process renders three quarters of the
        practice pages and the API (which also needs every practice's related ones) while
        this one renders the rest: measured at 1,000 and 5,000 practices, about even."""
        practices = self.view.practices
        if workers < 2 or len(practices) < MIN_PRACTICES_TO_SPLIT:
            return {**self.other_pages(), **self.practice_pages(), **self.api_files()}
        quarter = len(practices) // 4
        mine, theirs = in_parallel(
            lambda: {**self.other_pages(), **self.practice_pages(practices[:quarter])},
            lambda: {**self.practice_pages(practices[quarter:]), **self.api_files()},
        )
        return {**mine, **theirs}

    def other_pages(self) -> DocsTree:
        view = self.view
        tree: DocsTree = {}
        tree[urls.HOME] = self.page("inicio.md.j2", urls.HOME)
        tree[urls.PRACTICES] = self.page("practicas.md.j2", urls.PRACTICES, facets=facets(view))
        tree[urls.CENTERS] = self.page(
            "centros.md.j2", urls.CENTERS, mapa=self.map_svg(urls.CENTERS)
        )
        for center in view.centers:
            here = urls.center(center.id)
            tree[here] = self.page(
                "centro.md.j2",
                here,
                center=center,
                mapa=self.map_svg(here, highlighted=center.id) if center.data.coordenadas else None,
                edit_url=self.edit_url(center.file, here),
            )
        tree[urls.AREAS] = self.page("areas.md.j2", urls.AREAS)
        for key, area in self.taxonomy.areas.items():
            here = urls.area(key)
            tree[here] = self.page("area.md.j2", here, key=key, area=area)
        tree[urls.NETWORK] = self.page("red.md.j2", urls.NETWORK, grafico=self.growth_svg())
        for page in self.repo.pages.values():
            here = urls.page(page.id)
            tree[here] = self.page("pagina.md.j2", here, page=page)
        tree.update(self.finding_pages())
        for asset in (urls.CSS, urls.CATALOGUE_JS, urls.SEARCH_JS):
            tree[asset] = resources.files("generator.site").joinpath(asset).read_bytes()
        for asset in self.repo.assets:
            tree["practicas/" + asset.removeprefix("practices/")] = (
                self.repo.root / asset
            ).read_bytes()
        return tree

    def finding_pages(self) -> DocsTree:
        """Tags, search, the JSON API's page (its files: `api_files`), the feeds and the news."""
        view, directory_urls = self.view, self.options.directory_urls
        tree: DocsTree = {urls.TAGS: self.page("etiquetas.md.j2", urls.TAGS)}
        for tag in view.tags:
            here = urls.tag(tag.slug)
            tree[here] = self.page("etiqueta.md.j2", here, tag=tag)
        tree[urls.SEARCH] = self.page("buscar.md.j2", urls.SEARCH)
        tree[urls.API] = self.page(
            "api.md.j2",
            urls.API,
            practice_fields=api.field_rows(api.PracticeRecord),
            center_fields=api.field_rows(api.CenterRecord),
        )
        tree.update(site_feeds(view, site_name=self.network.nombre, directory_urls=directory_urls))
        tree[urls.NEWS] = self.page(
            "novedades.md.j2", urls.NEWS, news=newest_first(all_news(view), NEWS_LIMIT)
        )
        return tree


def render_docs(
    view: SiteView,
    options: RenderOptions,
    cache: RenderCache | None = None,
    *,
    practices_only: bool = False,
    workers: int = 1,
) -> DocsTree:
    renderer = Renderer(view, options, cache)
    return renderer.practice_pages() if practices_only else renderer.render(workers)


__all__ = ["DocsTree", "RenderCache", "RenderOptions", "render_docs"]
