"""Render the docs tree: one Jinja environment, explicit contexts, StrictUndefined."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator import addresses as paths
from generator.addresses import Addresses
from generator.content.anchors import parse_page_body
from generator.content.links import LinkProblem, resolve
from generator.content.markdown import page_parser
from generator.content.models import PracticeMeta
from generator.content.repository import MarkdownEntry
from generator.parallel import Tickets, in_parallel
from generator.site import api
from generator.site.contexts import ListedPractice, ListItem, Page
from generator.site.feed import Feed, atom_xml, site_feeds
from generator.site.finish import BODY_PLACEHOLDER, Body, finish_page
from generator.site.gather import Gatherer, list_item
from generator.site.options import RenderOptions
from generator.site.text import (
    capitalized,
    date_es,
    html_text,
    md,
    md_url,
    median_es,
    meta_string,
    partial_date_es,
    partial_date_when,
    pesos,
    short_center_name,
)
from generator.site.view import SiteView, milestones, situation
from generator.text import plural, tag_slug

DocsTree = dict[str, bytes]
# Below this, forking costs more than rendering the practice pages on a second core saves.
MIN_PRACTICES_TO_SPLIT = 50
PRACTICES_AT_ONCE = 32  # a run of practice pages taken by one process (see Renderer.render)


@dataclass
class RenderCache:
    """Rendered pieces with the contexts they were rendered from. One render always uses one
    for the list items; the preview keeps one across renders for the pages too."""

    pages: dict[str, tuple[Page, bytes]] = field(default_factory=dict)  # by address
    items: dict[tuple[str, bool], tuple[ListItem, Markup]] = field(default_factory=dict)
    feeds: dict[str, tuple[Feed, bytes]] = field(default_factory=dict)  # by path


ITEM_END = "</p>\n</li>"  # how templates/_item.html.j2 ends


def with_reason(item: Markup, reason: str) -> Markup:
    """A list item that also says why a list of suggestions offers it: the item stays the
    one cached for its address (a reason is one line, different on every page)."""
    assert item.endswith(ITEM_END)
    line = Markup('<br>\n<span class="rc-porque">{}</span>').format(reason)
    return Markup(item[: -len(ITEM_END)]) + line + Markup(ITEM_END)


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
        date=lambda d: md(date_es(d)),
        date_html=lambda d: html_text(date_es(d)),
        partial_date=lambda d: md(partial_date_es(d)),
        date_when=lambda d: md(partial_date_when(d)),
        median=lambda f: median_es(f.median, f.unit, f.base),
        capitalized=lambda text: md(capitalized(str(text))),
        plural=lambda n, one, many: md(plural(n, one, many)),
        pesos=pesos,
        short_name=short_center_name,
        # Inline Markdown made HTML, for a value inside an HTML block (a card's <dd>).
        inline=lambda text: Markup(page_parser().renderInline(str(text))),
    )
    return env


class Renderer:
    def __init__(
        self, view: SiteView, options: RenderOptions, cache: RenderCache | None = None
    ) -> None:
        self.view = view
        self.keep_pages = cache is not None
        self.cache = cache or RenderCache()
        self.env = _environment()
        self.gather = Gatherer(view, options)
        self.linkable = view.linkable

    def helpers(self, here: str, addresses: Addresses) -> dict[str, Any]:
        """What every template sees besides its context: links relative to the page `here`,
        list items, and functions of the values it is given."""

        def link(target: str) -> Markup:  # for a Markdown link: its URL is final too
            return Markup(addresses.link(here, target))

        def href(target: str) -> Markup:  # for raw HTML, which MkDocs does not rewrite
            return Markup(addresses.href(here, target))

        def href_file(target: str) -> Markup:  # a file that is not a page (a feed)
            return Markup(addresses.file_href(here, target))

        def item(
            practice: ListedPractice, facets: bool = False, reason: str | None = None
        ) -> Markup:
            found = self.list_item(
                list_item(practice, here, addresses=addresses, with_facets=facets)
            )
            return found if reason is None else with_reason(found, reason)

        return {
            "link": link,
            "href": href,
            "href_file": href_file,
            "item": item,
            "paths": paths,
            "tag_slug": tag_slug,
            "milestones": milestones,
            "situation": situation,
            "body_here": Markup(BODY_PLACEHOLDER),
        }

    def render_page(self, context: Page) -> bytes:
        """A page, rendered from its context alone; with a cache (the preview), only
        re-rendered when its context changed."""
        cached = self.cache.pages.get(context.here)
        if cached is not None and cached[0] == context:
            return cached[1]
        template = self.env.get_template(context.TEMPLATE)
        values = self.helpers(context.here, context.addresses) | context.template_values()
        home = context.here == paths.HOME
        output = finish_page(template.render(values), self.body(context), home=home)
        if self.keep_pages:
            self.cache.pages[context.here] = (context, output)
        return output

    def body(self, context: Page) -> Body | None:
        """The author's body of a practice's or a hand-written page's page."""
        text = context.author_text()
        if text is None:
            return None
        parsed = text.parsed or parse_page_body(text.title, text.body)
        rewrite = functools.partial(self.rewrite_link, text.file, context.here, context.addresses)
        return Body(parsed, rewrite)

    def rewrite_link(
        self, source: str, here: str, addresses: Addresses, href: str, is_image: bool
    ) -> str:
        """Where a body's link goes on the site: the same answer `check` gave it."""
        found = resolve(href, source, self.linkable, is_image)
        if isinstance(found, LinkProblem) or found.url or not found.docs_path:
            return href if isinstance(found, LinkProblem) else found.url or href
        fragment = f"#{quote(found.fragment)}" if found.fragment else ""
        if found.docs_path == here and fragment:
            return fragment
        return addresses.link(here, found.docs_path) + fragment

    def feed_file(self, feed: Feed) -> bytes:
        """An Atom file, written from its values alone; with a cache (the preview), only
        written again when they changed."""
        cached = self.cache.feeds.get(feed.path)
        if cached is not None and cached[0] == feed:
            return cached[1]
        output = atom_xml(feed)
        if self.keep_pages:
            self.cache.feeds[feed.path] = (feed, output)
        return output

    def list_item(self, context: ListItem) -> Markup:
        """A practice as an HTML list item; the same item appears in many lists, so render it
        once per address it links to and as long as what it shows is the same."""
        key = (context.address, context.facets is not None)
        cached = self.cache.items.get(key)
        if cached is None or cached[0] != context:
            template = self.env.get_template("_item.html.j2")
            item = template.render(vars(context))
            cached = self.cache.items[key] = (context, Markup(item.rstrip("\n")))
        return cached[1]

    def practice_page(self, practice: MarkdownEntry[PracticeMeta]) -> bytes:
        return self.render_page(self.gather.practice(practice))

    def practice_pages(
        self, practices: list[MarkdownEntry[PracticeMeta]] | None = None
    ) -> DocsTree:
        chosen = self.view.practices if practices is None else practices
        return {paths.practice(p.id): self.practice_page(p) for p in chosen}

    def api_files(self) -> DocsTree:
        return api.api_files(self.view, addresses=self.gather.addresses)

    def render(self, workers: int = 1) -> DocsTree:
        """Every page. With two workers, this process renders the other pages and a second
        one the API (which also needs every practice's related ones), then both take the
        practice pages PRACTICES_AT_ONCE at a time until none is left. The practices alike are
        worked out before, once: both read them."""
        practices = self.view.practices
        self.view.alike  # noqa: B018 (a cached property, computed here for both processes)
        split = workers > 1 and len(practices) >= MIN_PRACTICES_TO_SPLIT
        tickets = Tickets.shared(len(practices), PRACTICES_AT_ONCE) if split else None
        if tickets is None:
            return {**self.other_pages(), **self.practice_pages(), **self.api_files()}

        def first_then_practices(first: Callable[[], DocsTree]) -> tuple[DocsTree, DocsTree]:
            """first(), then the runs of practice pages this process gets to first; on a
            failure, none is left for the other process, which then stops too."""
            try:
                done = first()
                return done, {
                    path: page
                    for run in tickets
                    for path, page in self.practice_pages([practices[i] for i in run]).items()
                }
            except BaseException:
                tickets.close()
                raise

        (other, mine), (api, theirs) = in_parallel(
            functools.partial(first_then_practices, self.other_pages),
            functools.partial(first_then_practices, self.api_files),
        )
        pages = {**mine, **theirs}
        return {
            **other,
            **{paths.practice(p.id): pages[paths.practice(p.id)] for p in practices},
            **api,
        }

    def other_pages(self) -> DocsTree:
        view, gather = self.view, self.gather
        contexts: list[Page] = [gather.home(), gather.catalogue(), gather.centers()]
        contexts += [gather.center(center) for center in view.centers]
        contexts.append(gather.areas())
        contexts += [gather.area(key) for key in view.repo.taxonomy.data.areas]
        contexts.append(gather.network_page())
        contexts += [gather.text_page(page) for page in view.repo.pages.values()]
        tree = {context.here: self.render_page(context) for context in contexts}
        tree.update(self.finding_pages())
        for asset in (paths.CSS, paths.CATALOGUE_JS, paths.SEARCH_JS):
            tree[asset] = resources.files("generator.site").joinpath(asset).read_bytes()
        tree[paths.FAVICON_ICO] = icon(paths.FAVICON_ICO)
        for asset in view.repo.assets:
            tree["practicas/" + asset.removeprefix("practices/")] = (
                view.repo.root / asset
            ).read_bytes()
        return tree

    def finding_pages(self) -> DocsTree:
        """Tags, search, the JSON API's page (its files: `api_files`), the feeds and the news."""
        view, gather = self.view, self.gather
        contexts: list[Page] = [gather.tags(), *(gather.tag(tag) for tag in view.tags)]
        contexts += [gather.search(), gather.api_page()]
        tree = {context.here: self.render_page(context) for context in contexts}
        site_name = view.repo.network.data.nombre
        for feed in site_feeds(view, site_name=site_name, addresses=gather.addresses):
            tree[feed.path] = self.feed_file(feed)
        tree[paths.NEWS] = self.render_page(gather.news())
        return tree


# The package's files of the site's icon, by the site path they are published at.
ICONS = {paths.FAVICON: "theme/" + paths.FAVICON, paths.FAVICON_ICO: "assets/favicon.ico"}


def icon(path: str) -> bytes:
    """The site's icon at `path` (paths.FAVICON or paths.FAVICON_ICO), from the package."""
    return resources.files("generator.site").joinpath(ICONS[path]).read_bytes()


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


__all__ = [
    "DocsTree",
    "RenderCache",
    "RenderOptions",
    "render_docs",
]
